import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseSubmission, schemaKeys } from "./forms.server";

describe("parseSubmission", () => {
  const schema = z
    .object({ name: z.string(), rows: z.array(z.object({ a: z.string() })).optional() })
    .refine((v) => v.name !== "x", { message: "no x" });

  it("knows the top-level names of objects, refinements, unions and pipes", () => {
    expect([...schemaKeys(schema)!]).toEqual(["name", "rows"]);
    const union = z.discriminatedUnion("kind", [z.object({ kind: z.literal("a"), p: z.string() }), z.object({ kind: z.literal("b"), q: z.string() })]);
    expect(schemaKeys(union)).toEqual(new Set(["kind", "p", "q"]));
    expect(schemaKeys(z.string().pipe(z.string()))).toBeNull();
  });

  it("echoes back only the schema's own fields", () => {
    const form = new FormData();
    form.append("name", "");
    form.append("rows[0].a", "1");
    form.append("x[999]", "1");
    form.append("other", "secret");
    form.append("intent", "move");
    const submission = parseSubmission(form, { schema });
    expect(Object.keys(submission.payload).sort(), JSON.stringify(submission.payload)).toEqual(["intent", "name", "rows"]);
    expect(JSON.stringify(submission.reply())).not.toContain("secret");
  });
});
