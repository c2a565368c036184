import { describe, expect, it } from "vitest";
import { createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { freshIdNumber } from "../../../tests/fixtures/seekers";
import { useTestDatabase } from "../../../tests/helpers/db";
import { lookupSchema } from "../employment/employment.schema";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import {
  addOwner,
  addSupport,
  caseloadChoices,
  createBusiness,
  findOwner,
  getBusiness,
  listBusinesses,
  ownerToRecordFor,
  recordCheck,
  supportedBusinesses,
  supportedBusinessesByPlace,
} from "./entrepreneurship.server";

const t = useTestDatabase();

/** A year no support record uses yet: the PostgreSQL test database is shared and persists. */
async function freshYear(): Promise<number> {
  const used = new Set((await t.db.selectFrom("business_support").select((eb) => eb.fn<number>("date_part", [eb.val("year"), "support_date"]).as("y")).distinct().execute()).map((r) => Number(r.y)));
  for (;;) {
    const y = 2200 + Math.floor(Math.random() * 700);
    if (!used.has(y) && !used.has(y + 1) && !used.has(y - 1)) return y;
  }
}

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

async function staff(role: "counselor" | "admin", regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

async function seeker(regionCode = "520102") {
  const u = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, u.id, { idNumber: freshIdNumber(), regionCode, realName: `创业者${u.id.slice(0, 4)}` });
  const p = await t.db.selectFrom("seeker_profile").select("certificate_number").where("user_id", "=", u.id).executeTakeFirstOrThrow();
  return { id: u.id, phone: u.phone!, certificate: p.certificate_number! };
}

async function audits(actorId: string, entity: string) {
  return t.db.selectFrom("audit_event").select(["action", "subject_user_id", "entity_id"]).where("actor_id", "=", actorId).where("entity", "=", entity).execute();
}

const who = (v: string) => lookupSchema.parse({ who: v });

async function rawBusiness(regionCode: string, supportDates: string[]): Promise<string> {
  const b = await t.db
    .insertInto("business")
    .values({ name: "测试网店", kind: "online_shop", region_code: regionCode, started_on: "2020-01-01" })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const d of supportDates) {
    await t.db.insertInto("business_support").values({ business_id: b.id, kind: "startup_subsidy", amount: "3000", support_date: d }).execute();
  }
  return b.id;
}

describe("businesses, owners, support and yearly checks", () => {
  it("records a business for a seeker of the region with owners, support and one check per year (a second corrects it), audited", async () => {
    const counselor = await staff("counselor", "520100");
    const a = await seeker("520102");
    const b = await seeker("520103");
    const created = await createBusiness(t.db, counselor, { ownerId: a.id, name: "竹编合作社", kind: "cooperative", regionCode: "520102", startedOn: "2024-03-01" });
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const id = created.value.businessId;
    expect(await addOwner(t.db, counselor, id, { seekerId: b.id })).toEqual({ ok: true, value: { added: true } });
    expect(await addOwner(t.db, counselor, id, { seekerId: b.id })).toEqual({ ok: true, value: { added: false } });

    expect((await addSupport(t.db, counselor, id, { kind: "startup_subsidy", amount: "5000", supportDate: "2024-04-01" })).ok).toBe(true);
    expect((await addSupport(t.db, counselor, id, { kind: "guaranteed_loan", amount: "100000.50", supportDate: "2024-05-01" })).ok).toBe(true);
    expect(await addSupport(t.db, counselor, id, { kind: "incubation", amount: "0", supportDate: "2024-01-01" })).toEqual({
      ok: false,
      fieldErrors: { supportDate: ["entrepreneurship.err.supportBeforeStart"] },
    });

    expect(await recordCheck(t.db, counselor, id, { year: 2025, running: "yes", employsOthers: 2, checkedOn: "2025-11-01" })).toEqual({ ok: true, value: { replaced: false } });
    expect(await recordCheck(t.db, counselor, id, { year: 2025, running: "yes", employsOthers: 3, checkedOn: "2025-12-01" })).toEqual({ ok: true, value: { replaced: true } });
    expect(await recordCheck(t.db, counselor, id, { year: 2023, running: "yes", checkedOn: "2025-12-01" })).toEqual({ ok: false, fieldErrors: { year: ["entrepreneurship.err.yearRange"] } });
    expect(await recordCheck(t.db, counselor, id, { year: 2026, running: "no", employsOthers: 4, checkedOn: "2026-01-05" })).toEqual({ ok: true, value: { replaced: false } });

    const view = await getBusiness(t.db, counselor, id);
    expect(view.owners.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
    expect(view.owners.every((o) => !o.selfEmployed)).toBe(true);
    expect(view.supportTotal).toBe("105000.50");
    expect(view.checks).toMatchObject([
      { year: 2026, running: false, employsOthers: 0 },
      { year: 2025, running: true, employsOthers: 3, checkedOn: "2025-12-01" },
    ]);
    expect(await t.db.selectFrom("business_check").select("id").where("business_id", "=", id).where("year", "=", 2025).execute()).toHaveLength(1);

    // Audited: the creation, the owner added, each support, both checks of 2025, and the read naming both owners.
    expect((await audits(counselor.id, "business")).map((r) => r.action).sort()).toEqual(["create", "read", "read"]);
    expect(await audits(counselor.id, "business_owner")).toEqual([{ action: "create", subject_user_id: b.id, entity_id: id }]);
    expect(await audits(counselor.id, "business_support")).toHaveLength(2);
    expect((await audits(counselor.id, "business_check")).map((r) => r.action).sort()).toEqual(["create", "create", "update"]);
  });

  it("shows an owner who has an open self-employment record as such", async () => {
    const admin = await staff("admin", "520100");
    const s = await seeker("520102");
    const created = await createBusiness(t.db, admin, { ownerId: s.id, name: "网店", kind: "online_shop", regionCode: "520102", startedOn: "2025-01-01" });
    if (!created.ok) throw new Error("not created");
    await t.db
      .insertInto("employment")
      .values({ seeker_id: s.id, organization_id: null, employer_name: "网店", form: "self_employed", origin: "recorded", contract_start: "2025-01-01", monthly_pay: 2000, social_insurance: false } as never)
      .execute();
    expect((await getBusiness(t.db, admin, created.value.businessId)).owners).toEqual([expect.objectContaining({ id: s.id, selfEmployed: true })]);
  });

  it("finds owners only within the region: outside it is 'not found' like nobody, and other regions' businesses are 404", async () => {
    const guiyang = await staff("counselor", "520100");
    const zunyi = await staff("counselor", "520300");
    const zunyiAdmin = await staff("admin", "520300");
    const s = await seeker("520102");
    const nobody = await findOwner(t.db, zunyi, who("13000000000"));
    expect(nobody.ok).toBe(false);
    expect(await findOwner(t.db, zunyi, who(s.phone))).toEqual(nobody);
    expect(await findOwner(t.db, zunyi, who(s.certificate))).toEqual(nobody);
    expect(await ownerToRecordFor(t.db, zunyi, s.id)).toBeNull();
    expect(await findOwner(t.db, guiyang, who(s.certificate))).toEqual({ ok: true, value: { seekerId: s.id } });
    expect((await audits(guiyang.id, "business_owner")).map((r) => r.action)).toEqual(["lookup"]);
    expect(await createBusiness(t.db, zunyi, { ownerId: s.id, name: "x", kind: "other", regionCode: "520302", startedOn: "2025-01-01" })).toEqual({
      ok: false,
      fieldErrors: { "": ["entrepreneurship.err.ownerGone"] },
    });
    // A business may not be placed outside the actor's region.
    expect(await createBusiness(t.db, guiyang, { ownerId: s.id, name: "x", kind: "other", regionCode: "520302", startedOn: "2025-01-01" })).toEqual({
      ok: false,
      fieldErrors: { regionCode: ["entrepreneurship.err.regionRequired"] },
    });

    const created = await createBusiness(t.db, guiyang, { ownerId: s.id, name: "家庭作坊", kind: "family_workshop", regionCode: "520102", startedOn: "2025-01-01" });
    if (!created.ok) throw new Error("not created");
    const id = created.value.businessId;
    for (const other of [zunyi, zunyiAdmin]) {
      expect(await outcome(getBusiness(t.db, other, id))).toBe(404);
      expect(await outcome(addSupport(t.db, other, id, { kind: "startup_subsidy", amount: "1", supportDate: "2025-02-01" }))).toBe(404);
      expect(await outcome(recordCheck(t.db, other, id, { year: 2025, running: "yes", checkedOn: "2025-12-01" }))).toBe(404);
      expect((await listBusinesses(t.db, other)).items.map((b) => b.id)).not.toContain(id);
    }
    const seekerActor: Actor = { id: s.id, role: "seeker", regionCode: null };
    const employer = await createUser(t.db, { role: "employer" });
    for (const other of [seekerActor, { id: employer.id, role: "employer", regionCode: null } satisfies Actor]) {
      expect(await outcome(getBusiness(t.db, other, id))).toBe(404);
      expect(await outcome(listBusinesses(t.db, other))).toBe(404);
      expect(await outcome(findOwner(t.db, other, who(s.phone)))).toBe(404);
    }
    expect(await outcome(getBusiness(t.db, guiyang, "not-a-uuid"))).toBe(404);
  });

  it("offers a counselor their own caseload to choose owners from (admins have none)", async () => {
    const counselor = await staff("counselor", "520100");
    const mine = await seeker("520102");
    await seeker("520102");
    await t.db.insertInto("caseload_assignment").values({ seeker_id: mine.id, counselor_id: counselor.id }).execute();
    expect((await caseloadChoices(t.db, counselor)).map((c) => c.id)).toEqual([mine.id]);
    expect(await caseloadChoices(t.db, await staff("admin", "520100"))).toEqual([]);
  });

  it("lists the region's businesses with owners, support totals and the last check; filters by kind and 'not checked this year'", async () => {
    const admin = await staff("admin", "520181");
    const s = await seeker("520181");
    const year = Number(todayInShanghai().slice(0, 4));
    const one = await createBusiness(t.db, admin, { ownerId: s.id, name: "甲", kind: "online_shop", regionCode: "520181", startedOn: `${year - 1}-01-01` });
    const two = await createBusiness(t.db, admin, { ownerId: s.id, name: "乙", kind: "cooperative", regionCode: "520181", startedOn: `${year - 1}-01-01` });
    if (!one.ok || !two.ok) throw new Error("not created");
    await addSupport(t.db, admin, one.value.businessId, { kind: "startup_subsidy", amount: "3000", supportDate: `${year - 1}-02-01` });
    await recordCheck(t.db, admin, one.value.businessId, { year, running: "yes", employsOthers: 1, checkedOn: todayInShanghai() });
    const list = await listBusinesses(t.db, admin);
    expect(list.items.find((b) => b.id === one.value.businessId)).toMatchObject({ owners: [expect.any(String)], supportTotal: "3000.00", supportCount: 1, lastCheck: { year, running: true, employsOthers: 1 } });
    expect(list.items.find((b) => b.id === two.value.businessId)).toMatchObject({ supportCount: 0, lastCheck: null });
    expect((await listBusinesses(t.db, admin, { kind: "cooperative" })).items.every((b) => b.kind === "cooperative")).toBe(true);
    const unchecked = (await listBusinesses(t.db, admin, { unchecked: true })).items.map((b) => b.id);
    expect(unchecked).toContain(two.value.businessId);
    expect(unchecked).not.toContain(one.value.businessId);
    expect((await audits(admin.id, "business_list")).map((r) => r.subject_user_id)).toContain(s.id);
  });
});

describe("supportedBusinesses (the entrepreneur-households indicator)", () => {
  it("counts businesses of the region with support dated within the period by the as-of day, each once", async () => {
    const y = await freshYear();
    await rawBusiness("520102", [`${y}-03-01`, `${y}-06-01`]); // twice in the period: once
    await rawBusiness("520103", [`${y}-09-30`]); // after the as-of day
    await rawBusiness("520302", [`${y}-02-01`]); // 遵义: another prefecture
    await rawBusiness("520102", [`${y - 1}-12-31`]); // before the period
    await rawBusiness("520102", []); // never supported
    const q = { from: `${y}-01-01`, to: `${y}-12-31`, asOf: `${y}-06-30` };
    expect(await supportedBusinesses(t.db, { regionCode: "520100", ...q })).toBe(1);
    expect(await supportedBusinesses(t.db, { regionCode: "520100", ...q, asOf: `${y}-12-31` })).toBe(2);
    expect(await supportedBusinesses(t.db, { regionCode: "520000", ...q, asOf: `${y + 1}-01-10` })).toBe(3);
    expect(await supportedBusinesses(t.db, { regionCode: "520102", ...q, from: `${y - 1}-01-01` })).toBe(2);
    expect(await supportedBusinessesByPlace(t.db, { regionCode: "520100", ...q, asOf: `${y}-12-31` })).toEqual([
      { regionCode: "520102", count: 1 },
      { regionCode: "520103", count: 1 },
    ]);
  });

  it("equals an independent count over many businesses and periods", async () => {
    const y = await freshYear();
    const regions = ["520102", "520103", "520302", "520181"];
    const rows: { region: string; dates: string[] }[] = [];
    for (let i = 0; i < 30; i++) {
      const region = regions[i % regions.length]!;
      const dates = Array.from({ length: i % 3 }, (_, k) => `${y + (k % 2)}-${String(1 + ((i * 5 + k * 7) % 12)).padStart(2, "0")}-15`);
      rows.push({ region, dates });
      await rawBusiness(region, dates);
    }
    for (const [regionCode, from, to, asOf] of [
      ["520100", `${y}-01-01`, `${y}-12-31`, `${y}-07-01`],
      ["520000", `${y}-01-01`, `${y + 1}-12-31`, `${y + 1}-05-15`],
      ["520300", `${y + 1}-01-01`, `${y + 1}-12-31`, `${y + 2}-01-01`],
    ] as const) {
      const last = asOf < to ? asOf : to;
      const prefix = regionCode.endsWith("0000") ? regionCode.slice(0, 2) : regionCode.slice(0, 4);
      const expected = rows.filter((r) => r.region.startsWith(prefix) && r.dates.some((d) => d >= from && d <= last)).length;
      expect(await supportedBusinesses(t.db, { regionCode, from, to, asOf })).toBe(expected);
    }
  });
});
