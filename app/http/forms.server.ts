import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import type { ZodObject, ZodRawShape, ZodTypeAny } from "zod";

/** Answers a failed submission with 400 and the errors (message keys) at their fields; "" is the form. */
export function replyWithErrors<T>(submission: Submission<T>, fieldErrors: Record<string, string[]>, hideFields?: string[]) {
  const { "": formErrors, ...rest } = fieldErrors;
  return data(submission.reply({ formErrors, fieldErrors: rest, hideFields }), { status: 400 });
}

/** Answers a submission that failed schema validation. */
export function replyInvalid<T>(submission: Submission<T>, hideFields?: string[]) {
  return data(submission.reply({ hideFields }), { status: 400 });
}

/**
 * The names a schema reads at the top level, or null when it cannot be known (then nothing is dropped). Objects,
 * unions of objects, and wrappers (refine, transform, pipe, optional, default) are looked through.
 */
export function schemaKeys(schema: ZodTypeAny): Set<string> | null {
  const def = schema._def as { typeName?: string; schema?: ZodTypeAny; in?: ZodTypeAny; innerType?: ZodTypeAny; options?: ZodTypeAny[] | Map<unknown, ZodTypeAny>; left?: ZodTypeAny; right?: ZodTypeAny };
  switch (def.typeName) {
    case "ZodObject":
      return new Set(Object.keys((schema as ZodObject<ZodRawShape>).shape));
    case "ZodEffects":
      return schemaKeys(def.schema!);
    case "ZodPipeline":
      return schemaKeys(def.in!);
    case "ZodOptional":
    case "ZodNullable":
    case "ZodDefault":
    case "ZodCatch":
    case "ZodBranded":
    case "ZodReadonly":
      return schemaKeys(def.innerType ?? (def as { type?: ZodTypeAny }).type!);
    case "ZodUnion":
    case "ZodDiscriminatedUnion": {
      const options = def.options instanceof Map ? [...def.options.values()] : (def.options ?? []);
      const all = new Set<string>();
      for (const option of options) {
        const keys = schemaKeys(option);
        if (!keys) return null;
        for (const k of keys) all.add(k);
      }
      return all;
    }
    case "ZodIntersection": {
      const left = schemaKeys(def.left!);
      const right = schemaKeys(def.right!);
      return left && right ? new Set([...left, ...right]) : null;
    }
    default:
      return null;
  }
}

/** `a.b[0].c` → `a`. */
function rootName(name: string): string {
  return /^[^.[]*/.exec(name)![0];
}

/**
 * parseWithZod for the server: fields the schema does not read are dropped first, so a failed submission's reply
 * (which echoes the payload back into the page) carries only the form's own fields, never whatever else was posted.
 * Conform's own fields (`__intent__`…) are kept, and `intent`, which a page with several forms echoes to know which
 * one the errors belong to.
 */
export function parseSubmission<Schema extends ZodTypeAny>(payload: FormData | URLSearchParams, options: { schema: Schema }) {
  const keys = schemaKeys(options.schema);
  if (!keys) return parseWithZod(payload, options);
  const kept = new FormData();
  for (const [name, value] of payload.entries()) {
    if (name.startsWith("__") || name === "intent" || keys.has(rootName(name))) kept.append(name, value);
  }
  return parseWithZod(kept, options);
}
