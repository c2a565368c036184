import { describe, expect, it } from "vitest";
import { makeUscc } from "../../../tests/fixtures/factories";
import { classifySchema, employmentSchema, endSchema, latestContractStart, lookupSchema, parseListQuery, recordSchema } from "./employment.schema";

const SEEKER = "6f1c7d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";

const valid = {
  seekerId: SEEKER,
  form: "flexible",
  employerName: "社区居家手工编织",
  contractStart: "2026-05-01",
  monthlyPay: 1800,
  socialInsurance: "no",
  evidence: "visit",
};

/** The message keys of a failed parse, by field path ("" for the form). */
function errors(result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) {
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of result.error!.issues) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
}

describe("recordSchema", () => {
  it("accepts a start up to 90 days from today (Asia/Shanghai), not later", () => {
    expect(latestContractStart(new Date("2026-11-30T20:00:00+08:00"))).toBe("2027-02-28");
    const latest = latestContractStart();
    const dayAfter = new Date(`${latest}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    expect(recordSchema.safeParse({ ...valid, contractStart: latest }).success).toBe(true);
    expect(errors(recordSchema.safeParse({ ...valid, contractStart: dayAfter.toISOString().slice(0, 10) }))).toEqual({ contractStart: ["employment.err.startTooLate"] });
  });

  it("accepts a complete record and reads optional fields as absent", () => {
    const r = recordSchema.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ form: "flexible", employerName: "社区居家手工编织", monthlyPay: 1800 });
    expect([r.data?.contractEnd, r.data?.contractMonths, r.data?.organizationCode]).toEqual([undefined, undefined, undefined]);
  });

  it("requires the form, start, pay, insurance and evidence, each with its own message", () => {
    const r = recordSchema.safeParse({ seekerId: SEEKER, employerName: "某单位" });
    expect(errors(r)).toEqual({
      form: ["employment.err.formRequired"],
      contractStart: ["employment.err.startRequired"],
      monthlyPay: ["employment.err.payRequired"],
      socialInsurance: ["employment.err.insuranceRequired"],
      evidence: ["employment.err.evidenceRequired"],
    });
  });

  it("needs an employer: a name or description, or an organization's credit code", () => {
    expect(errors(recordSchema.safeParse({ ...valid, employerName: undefined }))).toEqual({ employerName: ["employment.err.employerRequired"] });
    expect(errors(recordSchema.safeParse({ ...valid, employerName: "   " }))).toEqual({ employerName: ["employment.err.employerRequired"] });
    const byCode = recordSchema.safeParse({ ...valid, employerName: undefined, organizationCode: "91 520102 mA6K8X3T2D" });
    // A code must be a real 统一社会信用代码: its check character is checked.
    expect(byCode.success).toBe(false);
    expect(errors(byCode).organizationCode).toEqual(["organizations.err.usccCheck"]);
    const code = makeUscc();
    const good = recordSchema.safeParse({ ...valid, employerName: undefined, organizationCode: ` ${code.toLowerCase()} ` });
    expect(good.success).toBe(true);
    expect(good.data?.organizationCode).toBe(code);
  });

  it("refuses an end before the start, impossible dates, and pay or months out of range — together", () => {
    const r = recordSchema.safeParse({ ...valid, contractStart: "2026-05-01", contractEnd: "2026-04-30", monthlyPay: -1, contractMonths: 601 });
    expect(errors(r)).toEqual({
      contractEnd: ["employment.err.endBeforeStart"],
      monthlyPay: ["employment.err.payNumber"],
      contractMonths: ["employment.err.monthsRange"],
    });
    expect(errors(recordSchema.safeParse({ ...valid, contractStart: "2026-02-30" }))).toEqual({ contractStart: ["employment.err.dateFormat"] });
    expect(errors(recordSchema.safeParse({ ...valid, contractStart: "9999-01-01" }))).toEqual({ contractStart: ["employment.err.dateFormat"] });
    expect(errors(recordSchema.safeParse({ ...valid, monthlyPay: 1.5 }))).toEqual({ monthlyPay: ["employment.err.payNumber"] });
    expect(errors(recordSchema.safeParse({ ...valid, form: "volunteer" }))).toEqual({ form: ["employment.err.formRequired"] });
    expect(errors(recordSchema.safeParse({ ...valid, seekerId: "x" }))).toEqual({ seekerId: ["employment.err.seekerGone"] });
    expect(recordSchema.safeParse({ ...valid, contractEnd: "2026-05-01" }).success).toBe(true);
  });

  it("limits the texts", () => {
    expect(errors(recordSchema.safeParse({ ...valid, employerName: "名".repeat(101) }))).toEqual({ employerName: ["employment.err.textLong"] });
    expect(errors(recordSchema.safeParse({ ...valid, evidenceNote: "记".repeat(501) }))).toEqual({ evidenceNote: ["employment.err.textLong"] });
  });

  it("is the edit form without the person", () => {
    const { seekerId: _, ...edit } = valid;
    expect(employmentSchema.safeParse(edit).success).toBe(true);
  });
});

describe("classifySchema and endSchema", () => {
  it("a hire's form: a form is needed, evidence may be left out", () => {
    expect(classifySchema.safeParse({ form: "concentrated" }).success).toBe(true);
    expect(errors(classifySchema.safeParse({}))).toEqual({ form: ["employment.err.formRequired"] });
    expect(errors(classifySchema.safeParse({ form: "rural", evidence: "rumour" }))).toEqual({ evidence: ["employment.err.evidenceRequired"] });
  });

  it("an end date is needed and must be a real date", () => {
    expect(endSchema.safeParse({ endedOn: "2026-06-30" }).success).toBe(true);
    expect(errors(endSchema.safeParse({}))).toEqual({ endedOn: ["employment.err.endedOnRequired"] });
    expect(errors(endSchema.safeParse({ endedOn: "2026-13-01" }))).toEqual({ endedOn: ["employment.err.dateFormat"] });
  });
});

describe("lookupSchema", () => {
  it("reads a mobile number (with +86, spaces, hyphens) or a certificate number, exactly", () => {
    expect(lookupSchema.parse({ who: "+86 138-0000-0001" }).who).toEqual({ kind: "phone", value: "13800000001" });
    expect(lookupSchema.parse({ who: " 52010219950615123x31 " }).who).toEqual({ kind: "certificate", value: "52010219950615123X31" });
    expect(errors(lookupSchema.safeParse({ who: "李明" }))).toEqual({ who: ["employment.err.lookupFormat"] });
    // No partial numbers: nothing fuzzy.
    expect(errors(lookupSchema.safeParse({ who: "1380000" }))).toEqual({ who: ["employment.err.lookupFormat"] });
    expect(errors(lookupSchema.safeParse({ who: "" }))).toEqual({ who: ["employment.err.lookupRequired"] });
  });
});

describe("parseListQuery", () => {
  it("keeps known forms and origins and a sane page; anything else is no filter", () => {
    expect(parseListQuery(new URLSearchParams("form=rural&origin=recorded&page=3"))).toEqual({ form: "rural", origin: "recorded", page: 3 });
    expect(parseListQuery(new URLSearchParams("form=x&origin=y&page=-1"))).toEqual({ form: null, origin: null, page: 1 });
  });
});
