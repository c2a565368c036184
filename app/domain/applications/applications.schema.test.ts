import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { applySchema, hireSchema, isCalendarDate, moveSchema } from "./applications.schema";

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("apply schema", () => {
  it("accepts nothing at all: every part is optional", () => {
    const s = parseWithZod(form([]), { schema: applySchema });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(s.value).toEqual({ accessRequests: [], disclosure: [] });
  });

  it("takes one or several checkboxes as lists of codes", () => {
    const s = parseWithZod(
      form([
        ["note", "  我熟悉办公软件。 "],
        ["accessRequests", "sign_interpreter"],
        ["disclosure", "name"],
        ["disclosure", "contact"],
      ]),
      { schema: applySchema },
    );
    expect(s.status).toBe("success");
    if (s.status === "success") {
      expect(s.value.note).toBe("我熟悉办公软件。");
      expect(s.value.accessRequests).toEqual(["sign_interpreter"]);
      expect(s.value.disclosure).toEqual(["name", "contact"]);
    }
  });

  it("refuses a note over 1000 characters and unknown codes", () => {
    const s = parseWithZod(form([["note", "字".repeat(1001)], ["accessRequests", "teleport"], ["disclosure", "id_number"]]), { schema: applySchema });
    expect(s.status).toBe("error");
    const errors = (s as { error: Record<string, string[]> }).error;
    expect(errors.note).toEqual(["applications.err.noteLong"]);
    expect(errors["accessRequests[0]"]).toEqual(["applications.err.choiceInvalid"]);
    expect(errors["disclosure[0]"]).toEqual(["applications.err.choiceInvalid"]);
    expect(parseWithZod(form([["note", "字".repeat(1000)]]), { schema: applySchema }).status).toBe("success");
  });
});

describe("move schema", () => {
  it("needs a target the move form offers", () => {
    expect((parseWithZod(form([]), { schema: moveSchema }) as { error: Record<string, string[]> }).error.to).toEqual(["applications.err.moveRequired"]);
    expect(parseWithZod(form([["to", "hired"]]), { schema: moveSchema }).status).toBe("error");
    expect(parseWithZod(form([["to", "withdrawn"]]), { schema: moveSchema }).status).toBe("error");
    expect(parseWithZod(form([["to", "interview"], ["message", "周一上午十点面试"]]), { schema: moveSchema }).status).toBe("success");
  });
});

describe("hire schema", () => {
  const valid: [string, string][] = [
    ["contractStart", "2026-12-01"],
    ["contractEnd", "2027-11-30"],
    ["socialInsurance", "yes"],
    ["monthlyPay", "3500"],
  ];

  it("accepts a contract with an end, and an open-ended one", () => {
    const s = parseWithZod(form(valid), { schema: hireSchema });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(s.value).toMatchObject({ contractStart: "2026-12-01", contractEnd: "2027-11-30", socialInsurance: "yes", monthlyPay: 3500 });
    const open = parseWithZod(form(valid.filter(([k]) => k !== "contractEnd")), { schema: hireSchema });
    expect(open.status).toBe("success");
    if (open.status === "success") expect(open.value.contractEnd).toBeUndefined();
  });

  it("accepts an end on the start day and pay of 0", () => {
    const s = parseWithZod(form([["contractStart", "2026-12-01"], ["contractEnd", "2026-12-01"], ["socialInsurance", "no"], ["monthlyPay", "0"]]), { schema: hireSchema });
    expect(s.status).toBe("success");
  });

  it("reports every problem at once, the end before the start among them", () => {
    const s = parseWithZod(form([["contractStart", "2026-12-01"], ["contractEnd", "2026-11-30"], ["monthlyPay", "-5"]]), { schema: hireSchema });
    const errors = (s as { error: Record<string, string[]> }).error;
    expect(errors.contractEnd).toEqual(["applications.err.contractEndBeforeStart"]);
    expect(errors.socialInsurance).toEqual(["applications.err.insuranceRequired"]);
    expect(errors.monthlyPay).toEqual(["applications.err.payNegative"]);
  });

  it("asks for the start, and for pay as a whole number", () => {
    const none = (parseWithZod(form([]), { schema: hireSchema }) as { error: Record<string, string[]> }).error;
    expect(none.contractStart).toEqual(["applications.err.contractStartRequired"]);
    expect(none.monthlyPay).toEqual(["applications.err.payRequired"]);
    const bad = (parseWithZod(form([["contractStart", "2026-02-30"], ["monthlyPay", "3500.5"], ["socialInsurance", "maybe"]]), { schema: hireSchema }) as {
      error: Record<string, string[]>;
    }).error;
    expect(bad.contractStart).toEqual(["applications.err.dateFormat"]);
    expect(bad.monthlyPay).toEqual(["applications.err.payWhole"]);
    expect(bad.socialInsurance).toEqual(["applications.err.insuranceRequired"]);
    const text = (parseWithZod(form([["monthlyPay", "三千"]]), { schema: hireSchema }) as { error: Record<string, string[]> }).error;
    expect(text.monthlyPay).toEqual(["applications.err.payNumber"]);
  });

  it("knows real calendar days", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-1")).toBe(false);
    expect(isCalendarDate("")).toBe(false);
  });
});
