import { describe, expect, it } from "vitest";
import { createOrganization, createUser, makeUscc } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { designateSchema } from "./designations.schema";
import {
  activeDesignations,
  addSupport,
  countyCoverage,
  designate,
  getDesignationForAdmin,
  listRegionDesignations,
  publicInstitution,
  publicRegister,
  revokeDesignation,
  searchOrganizationsToDesignate,
  updateDesignation,
} from "./designations.server";

const t = useTestDatabase();

/** The day the coverage is asked for; designations in these tests start on or before it. */
const DAY = "2026-07-01";
const NOW = new Date(`${DAY}T12:00:00+08:00`);

async function admin(regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "admin", regionCode });
  return { id: u.id, role: "admin", regionCode };
}

async function organization(regionCode: string, status: "verified" | "pending" = "verified") {
  const owner = await createUser(t.db, { role: "employer" });
  return createOrganization(t.db, owner.id, { regionCode, status });
}

/** What a promise settles to: "ok", the status of a thrown Response, or the error's text. */
async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

function input(overrides: Record<string, unknown>) {
  return designateSchema.parse({ kinds: ["auxiliary"], decisionNumber: "黔残联发〔2026〕1号", decisionDate: "2026-01-10", validFrom: "2026-01-10", ...overrides });
}

async function designated(actor: Actor, overrides: Record<string, unknown>) {
  const r = await designate(t.db, actor, input(overrides));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.value;
}

/**
 * A county of 黔南州 (5227xx) not covered on DAY. The PostgreSQL test database is shared and kept between runs, so
 * the test finds one instead of assuming one.
 */
async function uncoveredCounty(): Promise<string> {
  const coverage = await countyCoverage(t.db, { regionCode: "522700", on: DAY });
  const county = coverage.counties.find((c) => !c.covered);
  if (!county) throw new Error("every county of 522700 is covered in the test database");
  return county.code;
}

describe("county coverage", () => {
  it("has the 88 counties of Guizhou", async () => {
    const coverage = await countyCoverage(t.db, { regionCode: "520000", on: DAY });
    expect(coverage.countyCount).toBe(88);
    expect(coverage.counties.every((c) => c.prefectureCode && c.code.startsWith(c.prefectureCode.slice(0, 4)))).toBe(true);
  });

  it("shows a county with no auxiliary-employment institution as uncovered until one is designated, and again after revocation", async () => {
    const county = await uncoveredCounty();
    const prefectureAdmin = await admin("522700");
    // An organization in the county designated as something else does not cover it.
    const other = await organization(county);
    await designated(prefectureAdmin, { organizationId: other.id, kinds: ["concentrated_demo", "cultural_creative"] });
    const row = async (on = DAY) => (await countyCoverage(t.db, { regionCode: "522700", on })).counties.find((c) => c.code === county)!;
    expect((await row()).covered).toBe(false);
    const before = (await countyCoverage(t.db, { regionCode: "522700", on: DAY })).coveredCount;

    const org = await organization(county);
    const { designationIds } = await designated(prefectureAdmin, { organizationId: org.id, kinds: ["auxiliary"], validFrom: "2026-03-01" });
    const covered = await row();
    expect(covered.covered).toBe(true);
    expect(covered.institutions).toEqual([{ organizationId: org.id, name: org.name, kinds: ["auxiliary"] }]);
    expect((await countyCoverage(t.db, { regionCode: "522700", on: DAY })).coveredCount).toBe(before + 1);
    // Not yet on the day before the period starts.
    expect((await row("2026-02-28")).covered).toBe(false);
    // The province's table and the county's own table say the same.
    expect((await countyCoverage(t.db, { regionCode: "520000", on: DAY })).counties.find((c) => c.code === county)!.covered).toBe(true);
    expect((await countyCoverage(t.db, { regionCode: county, on: DAY })).counties.map((c) => [c.code, c.covered])).toEqual([[county, true]]);

    const revoked = await revokeDesignation(t.db, prefectureAdmin, designationIds[0]!, { revokedOn: "2026-06-15" });
    expect(revoked.ok).toBe(true);
    expect((await row()).covered).toBe(false);
    expect((await row("2026-06-14")).covered).toBe(true);
    // Revoked once, it stays revoked.
    expect(await revokeDesignation(t.db, prefectureAdmin, designationIds[0]!, { revokedOn: "2026-06-20" })).toEqual({
      ok: false,
      fieldErrors: { revokedOn: ["institutions.err.alreadyRevoked"] },
    });
  });

  it("counts an auxiliary-employment demonstration institution as coverage", async () => {
    const county = await uncoveredCounty();
    const org = await organization(county);
    await designated(await admin("520000"), { organizationId: org.id, kinds: ["auxiliary_demo"] });
    const row = (await countyCoverage(t.db, { regionCode: "522700", on: DAY })).counties.find((c) => c.code === county)!;
    expect(row.covered).toBe(true);
    expect(row.institutions[0]!.kinds).toEqual(["auxiliary_demo"]);
  });
});

describe("designating", () => {
  it("refuses an admin of one prefecture in another prefecture (404), by id; by code it finds nothing", async () => {
    const zunyiAdmin = await admin("520300");
    const anshunOrg = await organization("520402");
    expect(await outcome(designate(t.db, zunyiAdmin, input({ organizationId: anshunOrg.id })))).toBe(404);
    const code = (await t.db.selectFrom("organization").select("uscc").where("id", "=", anshunOrg.id).executeTakeFirstOrThrow()).uscc;
    expect(await designate(t.db, zunyiAdmin, input({ organizationCode: code }))).toEqual({
      ok: false,
      fieldErrors: { organizationCode: ["institutions.err.organizationUnknown"] },
    });
    expect(await t.db.selectFrom("designation").select("id").where("organization_id", "=", anshunOrg.id).execute()).toEqual([]);
    // A county admin cannot reach a neighbouring county either; the prefecture's admin can.
    const countyAdmin = await admin("520403");
    expect(await outcome(designate(t.db, countyAdmin, input({ organizationId: anshunOrg.id })))).toBe(404);
    expect((await designate(t.db, await admin("520400"), input({ organizationId: anshunOrg.id }))).ok).toBe(true);
    // Someone who is not an admin: 404.
    const counselor: Actor = { id: zunyiAdmin.id, role: "counselor", regionCode: "520000" };
    expect(await outcome(designate(t.db, counselor, input({ organizationId: anshunOrg.id })))).toBe(404);
  });

  it("refuses an organization that is not verified", async () => {
    const a = await admin("520100");
    const pending = await organization("520102", "pending");
    expect(await designate(t.db, a, input({ organizationId: pending.id }))).toEqual({
      ok: false,
      fieldErrors: { organizationId: ["institutions.err.organizationUnverified"] },
    });
    expect(await t.db.selectFrom("designation").select("id").where("organization_id", "=", pending.id).execute()).toEqual([]);
    // Nor is it offered in the search.
    expect((await searchOrganizationsToDesignate(t.db, a, pending.name)).map((o) => o.id)).toEqual([]);
  });

  it("finds an organization by its code, writes a row per kind, refuses an overlapping period of the same kind, audits", async () => {
    const a = await admin("520100");
    const org = await organization("520102");
    const code = (await t.db.selectFrom("organization").select("uscc").where("id", "=", org.id).executeTakeFirstOrThrow()).uscc;
    const r = await designated(a, { organizationCode: code.toLowerCase(), kinds: ["concentrated_demo", "poverty_startup_base"], validTo: "2028-12-31" });
    expect(r.organizationId).toBe(org.id);
    expect(r.designationIds).toHaveLength(2);
    const audits = await t.db.selectFrom("audit_event").select(["action", "entity"]).where("entity_id", "in", r.designationIds).execute();
    expect(audits).toEqual([
      { action: "create", entity: "designation" },
      { action: "create", entity: "designation" },
    ]);
    expect(await designate(t.db, a, input({ organizationId: org.id, kinds: ["poverty_startup_base"], validFrom: "2028-06-01" }))).toEqual({
      ok: false,
      fieldErrors: { kinds: ["institutions.err.alreadyDesignated"] },
    });
    // After the period, the same kind again is fine.
    expect((await designate(t.db, a, input({ organizationId: org.id, kinds: ["poverty_startup_base"], validFrom: "2029-01-01" }))).ok).toBe(true);
    // An unknown code is a field error.
    expect(await designate(t.db, a, input({ organizationCode: makeUscc("520102") }))).toEqual({
      ok: false,
      fieldErrors: { organizationCode: ["institutions.err.organizationUnknown"] },
    });
  });

  it("edits the period within the region only", async () => {
    const a = await admin("520100");
    const org = await organization("520111");
    const { designationIds } = await designated(a, { organizationId: org.id, kinds: ["training_base"] });
    const id = designationIds[0]!;
    const edit = { decisionNumber: "筑残联发〔2026〕9号", decisionDate: "2026-02-01", validFrom: "2026-02-01", validTo: "2027-01-31" };
    expect(await outcome(updateDesignation(t.db, await admin("520300"), id, edit))).toBe(404);
    expect((await updateDesignation(t.db, a, id, edit)).ok).toBe(true);
    const [row] = await activeDesignations(t.db, { kinds: ["training_base"], regionCode: "520111", on: "2026-06-01" }).then((rows) => rows.filter((x) => x.id === id));
    expect(row).toMatchObject({ decisionNumber: "筑残联发〔2026〕9号", validFrom: "2026-02-01", validTo: "2027-01-31" });
  });
});

describe("activeDesignations", () => {
  it("respects the period and the revocation day", async () => {
    const a = await admin("520200");
    const org = await organization("520201");
    const { designationIds } = await designated(a, { organizationId: org.id, kinds: ["blind_massage_health"], validFrom: "2026-03-01", validTo: "2026-09-30" });
    const id = designationIds[0]!;
    const activeOn = async (on: string) => (await activeDesignations(t.db, { kinds: ["blind_massage_health"], regionCode: "520200", on })).some((d) => d.id === id);
    expect(await activeOn("2026-02-28")).toBe(false);
    expect(await activeOn("2026-03-01")).toBe(true);
    expect(await activeOn("2026-09-30")).toBe(true);
    expect(await activeOn("2026-10-01")).toBe(false);
    // Other kinds and other regions do not include it.
    expect((await activeDesignations(t.db, { kinds: ["auxiliary"], regionCode: "520200", on: "2026-05-01" })).some((d) => d.id === id)).toBe(false);
    expect((await activeDesignations(t.db, { regionCode: "520300", on: "2026-05-01" })).some((d) => d.id === id)).toBe(false);
    expect((await activeDesignations(t.db, { on: "2026-05-01" })).some((d) => d.id === id)).toBe(true);

    await revokeDesignation(t.db, a, id, { revokedOn: "2026-05-01" });
    expect(await activeOn("2026-04-30")).toBe(true);
    expect(await activeOn("2026-05-01")).toBe(false);
  });
});

describe("support and the people employed", () => {
  it("sums support by kind, exactly, on the admin's page and the public page", async () => {
    const a = await admin("520300");
    const org = await organization("520302");
    const { designationIds } = await designated(a, { organizationId: org.id, kinds: ["auxiliary", "concentrated_demo"] });
    const [aux, demo] = designationIds as [string, string];
    for (const [id, kind, amount] of [
      [aux, "premises", 10000.1],
      [aux, "premises", 0.2],
      [aux, "equipment", 5000],
      [demo, "post_subsidy", 1234.55],
    ] as const) {
      const r = await addSupport(t.db, a, id, { kind, amount, supportDate: "2026-04-01", note: "" });
      expect(r.ok).toBe(true);
    }
    expect(await outcome(addSupport(t.db, await admin("520100"), aux, { kind: "utilities", amount: 1, supportDate: "2026-04-01", note: "" }))).toBe(404);

    const view = await getDesignationForAdmin(t.db, a, aux, { now: NOW });
    expect(view.supportTotals).toEqual([
      { kind: "equipment", total: "5000.00", count: 1 },
      { kind: "premises", total: "10000.30", count: 2 },
    ]);
    expect(view.support).toHaveLength(3);
    const page = await publicInstitution(t.db, org.id, { now: NOW });
    expect(page.supportTotals).toEqual([
      { kind: "equipment", total: "5000.00", count: 1 },
      { kind: "post_subsidy", total: "1234.55", count: 1 },
      { kind: "premises", total: "10000.30", count: 2 },
    ]);
    expect(page.designations.map((d) => d.kind).sort()).toEqual(["auxiliary", "concentrated_demo"]);
  });

  it("lists the people employed there now to an admin of the region, and audits the read", async () => {
    const a = await admin("520300");
    const org = await organization("520302");
    const { designationIds } = await designated(a, { organizationId: org.id, kinds: ["auxiliary"] });
    const current = await createUser(t.db, { role: "seeker", displayName: "在岗的人" });
    const ended = await createUser(t.db, { role: "seeker", displayName: "已离职的人" });
    await t.db
      .insertInto("employment")
      .values([
        { organization_id: org.id, seeker_id: current.id, contract_start: "2025-01-01", social_insurance: true, monthly_pay: 2500, form: "auxiliary" },
        { organization_id: org.id, seeker_id: ended.id, contract_start: "2024-01-01", ended_on: "2025-01-01", social_insurance: true, monthly_pay: 2500, form: "auxiliary" },
      ])
      .execute();
    const view = await getDesignationForAdmin(t.db, a, designationIds[0]!, { now: NOW });
    expect(view.employed.count).toBe(1);
    expect(view.employed.people.map((p) => p.seekerId)).toEqual([current.id]);
    const audit = await t.db.selectFrom("audit_event").select(["actor_id", "subject_user_id", "entity"]).where("entity", "=", "institution_employees").where("entity_id", "=", org.id).execute();
    expect(audit).toEqual([{ actor_id: a.id, subject_user_id: current.id, entity: "institution_employees" }]);
    expect(await outcome(getDesignationForAdmin(t.db, await admin("520100"), designationIds[0]!))).toBe(404);
  });
});

describe("the public register and the admin list", () => {
  it("lists organizations with a designation active today, filtered by kind and region", async () => {
    const a = await admin("520500");
    const org = await organization("520502");
    await t.db
      .insertInto("vacancy")
      .values({ organization_id: org.id, title: "包装工", category: "production", employment_type: "auxiliary", openings: 2, region_code: "520502", pay_min: 2000, pay_max: 2500, accommodations: ["step_free_access", "job_coach"], status: "open", published_at: new Date() })
      .execute();
    await designated(a, { organizationId: org.id, kinds: ["auxiliary", "cultural_creative"] });
    const revokedOrg = await organization("520502");
    const r = await designated(a, { organizationId: revokedOrg.id, kinds: ["auxiliary"] });
    await revokeDesignation(t.db, a, r.designationIds[0]!, { revokedOn: "2026-02-01" });

    const all = await publicRegister(t.db, { kind: "auxiliary", region: "520502", page: 1 }, { now: NOW });
    const entry = all.entries.find((e) => e.organizationId === org.id);
    expect(entry).toMatchObject({ kinds: ["auxiliary", "cultural_creative"], openVacancies: 1, accommodations: ["job_coach", "step_free_access"] });
    expect(all.entries.some((e) => e.organizationId === revokedOrg.id)).toBe(false);
    expect((await publicRegister(t.db, { kind: "training_base", region: "520502", page: 1 }, { now: NOW })).entries.some((e) => e.organizationId === org.id)).toBe(false);
    expect((await publicRegister(t.db, { kind: null, region: "520100", page: 1 }, { now: NOW })).entries.some((e) => e.organizationId === org.id)).toBe(false);
    // The public page of the revoked one still says what it was, and that it is revoked.
    expect((await publicInstitution(t.db, revokedOrg.id, { now: NOW })).designations.map((d) => d.status)).toEqual(["revoked"]);
    expect(await outcome(publicInstitution(t.db, (await organization("520502")).id))).toBe(404);

    const list = await listRegionDesignations(t.db, a, { kind: null, region: "520502", status: "revoked", q: "", page: 1 }, { now: NOW });
    expect(list.items.map((i) => i.organizationId)).toContain(revokedOrg.id);
    expect(list.items.map((i) => i.organizationId)).not.toContain(org.id);
    // Another prefecture's admin asking for this county sees only their own region.
    const otherList = await listRegionDesignations(t.db, await admin("520100"), { kind: null, region: "520502", status: "all", q: "", page: 1 });
    expect(otherList.items.some((i) => i.regionCode.startsWith("5205"))).toBe(false);
  });
});
