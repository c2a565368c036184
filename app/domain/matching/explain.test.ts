import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOMMODATIONS, TASK_DEMANDS, codes } from "../catalog";
import { translator, type Locale } from "~/i18n/i18n";
import { explainMatch, verdictOf } from "./explain";
import { match, type MatchReasons, type MatchSeeker, type MatchVacancy } from "./matching";

const zh = translator("zh-CN");
const en = translator("en");

const seeker: MatchSeeker = {
  currentRegionCode: "520102",
  placeScope: "prefecture",
  preferredRegionCodes: [],
  wantsRemote: false,
  needsRequired: ["step_free_access"],
  needsPreferred: [],
  limits: ["phone_calls"],
  skills: ["数据录入"],
  education: "college",
  expectedPayMin: 3000,
};
const vacancy: MatchVacancy = {
  regionCode: "520103",
  remote: false,
  accommodations: ["step_free_access"],
  demands: [],
  skills: ["数据录入"],
  educationRequired: "senior",
  payMin: 3000,
  payMax: 4000,
  publishedAt: new Date(),
};

describe("the match explained in words", () => {
  it("a vacancy that meets every need and asks nothing more says so plainly, with no score", () => {
    const e = explainMatch(zh, "zh-CN", match(seeker, vacancy));
    expect(e.verdict).toBe("fits");
    expect(e.summary).toBe("符合您填写的需要");
    expect(e.lines.every((l) => l.tone === "fits")).toBe(true);
    expect(e.lines.map((l) => l.text)).toContain("符合您的需求：无障碍通道");
    expect([e.summary, ...e.lines.map((l) => l.text)].join()).not.toMatch(/分|匹配度|\d+ ?\/ ?100/);
  });

  it("a skill the vacancy asks for and the profile lacks makes it 'mostly', naming what to check with the employer", () => {
    const m = match(seeker, { ...vacancy, skills: ["数据录入", "沟通表达"] });
    expect(m.eligible).toBe(true);
    const e = explainMatch(zh, "zh-CN", m);
    expect(e.verdict).toBe("mostly");
    expect(e.summary).toBe("大部分符合，有 1 项需要确认");
    expect(e.lines.filter((l) => l.tone === "ask").map((l) => l.text)).toEqual(["需要和单位确认：沟通表达"]);
    const english = explainMatch(en, "en", m);
    expect(english.summary).toBe("Mostly fits: 1 thing to check with the employer");
    expect(english.lines.map((l) => l.text)).toContain("To check with the employer: 沟通表达");
  });

  it("counts every thing to check: each missing skill, low pay and a higher education", () => {
    const m = match({ ...seeker, expectedPayMin: 5000, education: "junior" }, { ...vacancy, skills: ["沟通表达", "Excel"] });
    const e = explainMatch(zh, "zh-CN", m);
    expect(e.verdict).toBe("mostly");
    expect(e.askCount).toBe(4);
    expect(e.summary).toBe("大部分符合，有 4 项需要确认");
    expect(explainMatch(en, "en", m).summary).toBe("Mostly fits: 4 things to check with the employer");
  });

  it("an ineligible vacancy says what does not fit, first, and never that it fits", () => {
    const m = match(seeker, { ...vacancy, accommodations: [], demands: ["phone_calls"], skills: ["沟通表达"] });
    expect(m.eligible).toBe(false);
    const e = explainMatch(zh, "zh-CN", m);
    expect(e.verdict).toBe("not");
    expect(e.summary).toBe("有 2 项不符合您填写的需要，另有 1 项需要确认");
    expect(e.lines[0]).toMatchObject({ tone: "not", text: "没有提供您需要的：无障碍通道" });
    expect(e.lines[1]).toMatchObject({ tone: "not", text: "工作要求中有您无法做的：接打电话" });
  });

  it("a place further than the seeker accepts is one thing that does not fit", () => {
    const m = match(seeker, { ...vacancy, regionCode: "520302" });
    const e = explainMatch(zh, "zh-CN", m);
    expect(e).toMatchObject({ verdict: "not", notCount: 1, summary: "有 1 项不符合您填写的需要" });
    expect(e.lines.map((l) => l.text)).toContain("地点：超出您能接受的范围");
    expect(explainMatch(en, "en", m).summary).toBe("1 thing does not fit what you told us you need");
  });

  it("a missing certificate does not fit", () => {
    const m = match(seeker, { ...vacancy, requiredCertificates: ["保健按摩师证"] });
    const e = explainMatch(zh, "zh-CN", m);
    expect(e.verdict).toBe("not");
    expect(e.lines[0]!.tone).toBe("not");
    expect(e.lines[0]!.text).toContain("保健按摩师证");
  });

  it("never a contradiction: whatever the pair, the summary says it fits only when no line is a 'not' or an 'ask', and every such line is counted", () => {
    const accCodes = codes(ACCOMMODATIONS);
    const demandCodes = codes(TASK_DEMANDS);
    const regions = ["520102", "520103", "520302", "522301"];
    const skills = ["数据录入", "沟通表达", "Excel", "打字"];
    const seekers = fc.record({
      currentRegionCode: fc.option(fc.constantFrom(...regions), { nil: null }),
      placeScope: fc.constantFrom("county" as const, "prefecture" as const, "province" as const),
      preferredRegionCodes: fc.subarray(regions),
      wantsRemote: fc.boolean(),
      needsRequired: fc.subarray(accCodes, { maxLength: 3 }),
      needsPreferred: fc.subarray(accCodes, { maxLength: 3 }),
      limits: fc.subarray(demandCodes, { maxLength: 3 }),
      skills: fc.subarray(skills),
      certificates: fc.subarray(["保健按摩师", "会计证"]),
      education: fc.constantFrom(null, "junior", "senior", "college", "bachelor"),
      expectedPayMin: fc.option(fc.integer({ min: 1000, max: 8000 }), { nil: null }),
    });
    const vacancies = fc.record({
      regionCode: fc.constantFrom(...regions),
      remote: fc.boolean(),
      accommodations: fc.subarray(accCodes),
      demands: fc.subarray(demandCodes, { maxLength: 3 }),
      skills: fc.subarray(skills),
      educationRequired: fc.constantFrom("none", "junior", "senior", "college", "bachelor"),
      payMin: fc.constant(2000),
      payMax: fc.integer({ min: 2000, max: 9000 }),
      publishedAt: fc.constant(new Date()),
      requiredCertificates: fc.subarray(["保健按摩师证", "会计证"]),
    });
    fc.assert(
      fc.property(seekers, vacancies, fc.constantFrom<Locale>("zh-CN", "en"), (s, v, locale) => {
        const m = match(s, v);
        const e = explainMatch(locale === "en" ? en : zh, locale, m);
        const nots = e.lines.filter((l) => l.tone === "not");
        const asks = e.lines.filter((l) => l.tone === "ask");
        const fitsSummary = locale === "en" ? "Fits what you told us you need" : "符合您填写的需要";
        expect(e.summary === fitsSummary).toBe(nots.length === 0 && asks.length === 0);
        expect(e.verdict === "fits").toBe(nots.length === 0 && asks.length === 0);
        // Eligibility is the rules' decision; the wording follows it.
        expect(e.verdict === "not").toBe(!m.eligible);
        expect(nots.length > 0).toBe(!m.eligible);
        if (e.verdict !== "fits") expect(e.summary).toMatch(locale === "en" ? /\d/ : /有 \d+ 项/);
        // Problems come before what fits.
        const firstFit = e.lines.findIndex((l) => l.tone === "fits");
        if (firstFit >= 0) expect(e.lines.slice(firstFit).every((l) => l.tone === "fits")).toBe(true);
        // A card's compact form: the same verdict and summary, every problem still named line by line, what fits in
        // one line at the end (there only when something fits).
        const c = explainMatch(locale === "en" ? en : zh, locale, m, { compact: true });
        expect(c.verdict).toBe(e.verdict);
        expect(c.summary).toBe(e.summary);
        expect(c.lines.filter((l) => l.tone !== "fits")).toEqual([...nots, ...asks]);
        const compactFits = c.lines.filter((l) => l.tone === "fits");
        expect(compactFits.length).toBe(firstFit >= 0 ? 1 : 0);
        if (compactFits.length) expect(c.lines.at(-1)).toBe(compactFits[0]);
      }),
      { numRuns: 500 },
    );
  });

  it("a card's compact form names every problem as the full form does and says what fits in one line", () => {
    const m = match({ ...seeker, needsPreferred: ["flexible_hours"] }, { ...vacancy, accommodations: ["step_free_access", "flexible_hours"], skills: ["数据录入", "沟通表达"] });
    const full = explainMatch(zh, "zh-CN", m);
    const c = explainMatch(zh, "zh-CN", m, { compact: true });
    expect(c.summary).toBe("大部分符合，有 1 项需要确认");
    expect(c.lines.map((l) => [l.tone, l.text])).toEqual([
      ["ask", "需要和单位确认：沟通表达"],
      ["fits", "符合：您需要的无障碍通道；您希望有的弹性工时；在您所在的市（州）；您具备的技能；月薪期望"],
    ]);
    expect(full.lines.filter((l) => l.tone === "fits")).toHaveLength(5);
    expect(explainMatch(en, "en", m, { compact: true }).lines.at(-1)!.text).toBe(
      "Fits: what you need (Step-free access); what you would like (Flexible hours); in your prefecture; skills you have; your expected pay",
    );
    // Nothing fits: no line says anything does.
    const none = match({ ...seeker, needsRequired: [], skills: [], expectedPayMin: null }, { ...vacancy, regionCode: "520302", skills: [] });
    expect(explainMatch(zh, "zh-CN", none, { compact: true }).lines.map((l) => l.tone)).toEqual(["not"]);
  });

  it("the verdict alone agrees with the words", () => {
    const reasons: MatchReasons = {
      needsMet: [],
      preferredMet: [],
      unmetNeeds: [],
      conflictingDemands: [],
      certificatesMissing: [],
      skillsMatched: [],
      skillsMissing: [],
      place: "county",
      payFits: null,
      educationFits: true,
    };
    expect(verdictOf({ eligible: true, reasons }).verdict).toBe("fits");
    expect(verdictOf({ eligible: true, reasons: { ...reasons, payFits: false } })).toEqual({ verdict: "mostly", askCount: 1, notCount: 0 });
    expect(verdictOf({ eligible: false, reasons: { ...reasons, place: null } })).toEqual({ verdict: "not", askCount: 0, notCount: 1 });
  });
});
