import { describe, expect, it } from "vitest";
import { createSeekerProfile, createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import type { Statistics } from "./contract";
import { lastEndedQuarter, quarterEnd } from "./quarters";
import { compareSnapshots, listSnapshots, readSnapshot, takeAllSnapshots, takeSnapshot } from "./snapshots.server";
import { computeStatistics } from "./statistics.server";

const t = useTestDatabase();

// A county of 安顺市 that the other domain tests leave alone, and a year far enough ahead that nothing else records
// in it (on PostgreSQL the database is shared between files and runs: the year differs per run, and the rows of an
// earlier run with the same year are removed first).
const COUNTY = "520402";
const PREFECTURE = "520400";
const YEAR = 2040 + Math.floor(Math.random() * 55);
/** An instant in Shanghai. */
const at = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);

async function admin(regionCode: string): Promise<Actor> {
  const u = await createUser(t.db, { role: "admin", regionCode });
  return { id: u.id, role: "admin", regionCode };
}

async function seekerIn(regionCode: string) {
  const u = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, u.id, { regionCode });
  return u.id;
}

async function employ(seekerId: string, start: string) {
  await t.db
    .insertInto("employment")
    .values({ seeker_id: seekerId, organization_id: null, employer_name: "个体经营", form: "self_employed", origin: "recorded", contract_start: start, social_insurance: false, monthly_pay: 2000 })
    .execute();
}

function actual(s: Statistics, code: string) {
  return s.indicators.find((i) => i.code === code)?.actual ?? null;
}

async function clear(regionCodes: string[]) {
  await t.db.deleteFrom("stats_snapshot").where("region_code", "in", regionCodes).where("year", "in", [YEAR - 1, YEAR]).execute();
}

describe("quarterly snapshots", () => {
  it("freezes the year's figures as of the quarter's end; records added later move the live figures, never the snapshot", async () => {
    await clear([COUNTY]);
    const a = await admin(PREFECTURE);
    const q2 = { regionCode: COUNTY, year: YEAR, quarter: 2 as const };
    const first = await seekerIn(COUNTY);
    await employ(first, `${YEAR}-03-15`);
    const live0 = await computeStatistics(t.db, { regionCode: COUNTY, periodStart: YEAR, periodEnd: YEAR, asOf: `${YEAR}-06-30` });
    expect(actual(live0, "new_jobs")).toBeGreaterThanOrEqual(1);

    const taken = await takeSnapshot(t.db, a, q2, at(`${YEAR}-07-02`));
    expect(taken).toMatchObject({ ok: true, value: { created: true, asOf: `${YEAR}-06-30` } });
    const snap = await readSnapshot(t.db, a, q2);
    expect(snap!.statistics).toEqual(JSON.parse(JSON.stringify(live0)));
    expect(snap!.statistics).toMatchObject({ regionCode: COUNTY, periodStart: YEAR, periodEnd: YEAR, asOf: `${YEAR}-06-30` });

    // A job recorded later, dated inside the quarter: the live figure moves, the snapshot does not.
    await employ(await seekerIn(COUNTY), `${YEAR}-05-01`);
    const live1 = await computeStatistics(t.db, { regionCode: COUNTY, periodStart: YEAR, periodEnd: YEAR, asOf: `${YEAR}-06-30` });
    expect(actual(live1, "new_jobs")).toBe(actual(live0, "new_jobs")! + 1);
    const again = await readSnapshot(t.db, a, q2);
    expect(again!.statistics).toEqual(snap!.statistics);
    expect(actual(again!.statistics, "new_jobs")).toBe(actual(live0, "new_jobs"));

    // Taking it again keeps the first: same row, same time, same figures.
    const second = await takeSnapshot(t.db, a, q2, at(`${YEAR}-08-01`));
    expect(second).toEqual({ ok: true, value: { ...(taken.ok ? taken.value : {}), created: false } });
    expect((await readSnapshot(t.db, a, q2))!.statistics).toEqual(snap!.statistics);
    const rows = await t.db.selectFrom("stats_snapshot").select("id").where("region_code", "=", COUNTY).where("year", "=", YEAR).where("quarter", "=", 2).execute();
    expect(rows).toHaveLength(1);

    // The admin's take is audited; the listing names who took it.
    const audit = await t.db.selectFrom("audit_event").select(["action", "entity"]).where("entity_id", "=", taken.ok ? taken.value.id : "").execute();
    expect(audit).toEqual([{ action: "create", entity: "stats_snapshot" }]);
    const list = await listSnapshots(t.db, a, COUNTY);
    expect(list.find((s) => s.year === YEAR && s.quarter === 2)).toMatchObject({ asOf: `${YEAR}-06-30`, takenBy: expect.any(String) });
  });

  it("refuses a quarter that has not ended, up to and including its last day", async () => {
    await clear([COUNTY]);
    const a = await admin(PREFECTURE);
    const q3 = { regionCode: COUNTY, year: YEAR, quarter: 3 as const };
    for (const now of [at(`${YEAR}-08-15`), at(`${YEAR}-09-30`, "23:59"), at(`${YEAR - 1}-12-31`)]) {
      const r = await takeSnapshot(t.db, a, q3, now);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors[""]![0]).toMatch(/^statsReport\.err\.notEnded\|/);
    }
    expect(await readSnapshot(t.db, a, q3)).toBeNull();
    // Midnight in Shanghai ends it (16:00 UTC of the last day).
    expect(await takeSnapshot(t.db, null, q3, new Date(`${YEAR}-09-30T16:00:00Z`))).toMatchObject({ ok: true, value: { created: true } });
    expect((await takeAllSnapshots(t.db, { year: YEAR, quarter: 4 }, { now: at(`${YEAR}-12-31`) })).ok).toBe(false);
  });

  it("a prefecture admin can neither take nor read another prefecture's snapshots; the province's admin can", async () => {
    const other = await admin("520300");
    const province = await admin("520000");
    const county = await admin(COUNTY);
    const q = { regionCode: COUNTY, year: YEAR, quarter: 1 as const };
    const notFound = expect.objectContaining({ status: 404 });
    await expect(takeSnapshot(t.db, other, q, at(`${YEAR}-04-02`))).rejects.toEqual(notFound);
    await expect(listSnapshots(t.db, other, COUNTY)).rejects.toEqual(notFound);
    await expect(readSnapshot(t.db, other, q)).rejects.toEqual(notFound);
    await expect(compareSnapshots(t.db, other, q)).rejects.toEqual(notFound);
    // A county admin: their county, not their prefecture.
    await expect(takeSnapshot(t.db, county, { ...q, regionCode: PREFECTURE }, at(`${YEAR}-04-02`))).rejects.toEqual(notFound);
    await expect(listSnapshots(t.db, county, PREFECTURE)).rejects.toEqual(notFound);
    // Counselors hold no statistics grant at all.
    const counselor = await createUser(t.db, { role: "counselor", regionCode: PREFECTURE });
    await expect(listSnapshots(t.db, { id: counselor.id, role: "counselor", regionCode: PREFECTURE }, COUNTY)).rejects.toEqual(notFound);
    await expect(listSnapshots(t.db, province, COUNTY)).resolves.toEqual(expect.any(Array));
    await expect(listSnapshots(t.db, county, COUNTY)).resolves.toEqual(expect.any(Array));
    // Nothing was written by the refused take.
    const none = await t.db.selectFrom("audit_event").select("id").where("actor_id", "=", other.id).execute();
    expect(none).toEqual([]);
  });

  it("compares a quarter with the previous one and the same quarter a year before, with empty columns for missing snapshots", async () => {
    await clear([COUNTY]);
    const a = await admin(PREFECTURE);
    const s = await seekerIn(COUNTY);
    await employ(s, `${YEAR - 1}-04-10`);
    await employ(s, `${YEAR}-02-01`);
    await employ(s, `${YEAR}-05-20`);
    const now = at(`${YEAR + 1}-01-05`);
    for (const [year, quarter] of [
      [YEAR - 1, 2],
      [YEAR, 1],
      [YEAR, 2],
    ] as const) {
      expect((await takeSnapshot(t.db, a, { regionCode: COUNTY, year, quarter }, now)).ok).toBe(true);
    }
    const c = await compareSnapshots(t.db, a, { regionCode: COUNTY, year: YEAR, quarter: 2 });
    expect(c.quarter).toEqual({ year: YEAR, quarter: 2 });
    expect(c.previousQuarter).toEqual({ year: YEAR, quarter: 1 });
    expect(c.yearBeforeQuarter).toEqual({ year: YEAR - 1, quarter: 2 });
    expect(c.current && c.previous && c.yearBefore).toBeTruthy();
    const [cur, prev, before] = await Promise.all(
      [
        [YEAR, 2],
        [YEAR, 1],
        [YEAR - 1, 2],
      ].map(([year, quarter]) => readSnapshot(t.db, a, { regionCode: COUNTY, year: year!, quarter: quarter as 1 | 2 })),
    );
    for (const row of c.rows) {
      const [x, y, z] = [actual(cur!.statistics, row.code), actual(prev!.statistics, row.code), actual(before!.statistics, row.code)];
      expect(row).toMatchObject({ current: x, previous: y, yearBefore: z });
      expect(row.changeFromPrevious).toBe(x === null || y === null ? null : Math.round((x - y) * 1e9) / 1e9);
      expect(row.changeFromYearBefore).toBe(x === null || z === null ? null : Math.round((x - z) * 1e9) / 1e9);
    }
    // New jobs: the change is the jobs of this county's people that began in the second quarter, counted here.
    const inQ2 = await t.db
      .selectFrom("employment as e")
      .innerJoin("seeker_profile as p", "p.user_id", "e.seeker_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("p.current_region_code", "=", COUNTY)
      .where("e.contract_start", ">", `${YEAR}-03-31`)
      .where("e.contract_start", "<=", `${YEAR}-06-30`)
      .executeTakeFirstOrThrow();
    const jobs = c.rows.find((r) => r.code === "new_jobs")!;
    expect(Number(inQ2.n)).toBeGreaterThanOrEqual(1);
    expect(jobs.changeFromPrevious).toBe(Number(inQ2.n));
    expect(jobs.current).toBeGreaterThanOrEqual(2);
    // A figure with no records in the county (no training here) is 0, unchanged.
    expect(c.rows.find((r) => r.code === "training_urban")).toMatchObject({ current: 0, changeFromPrevious: 0 });

    // Q1 of YEAR: no Q4 before it, no Q1 a year before.
    const q1 = await compareSnapshots(t.db, a, { regionCode: COUNTY, year: YEAR, quarter: 1 });
    expect(q1.previousQuarter).toEqual({ year: YEAR - 1, quarter: 4 });
    expect(q1.previous).toBeNull();
    expect(q1.yearBefore).toBeNull();
    expect(q1.rows.find((r) => r.code === "new_jobs")).toMatchObject({ previous: null, changeFromPrevious: null, changeFromYearBefore: null });
    // A quarter never taken: nothing to compare.
    const q4 = await compareSnapshots(t.db, a, { regionCode: COUNTY, year: YEAR, quarter: 4 });
    expect(q4.current).toBeNull();
  });

  it("the command takes the province, every prefecture and every county once", async () => {
    const q = { year: YEAR, quarter: 4 as const };
    await t.db.deleteFrom("stats_snapshot").where("year", "=", YEAR).where("quarter", "=", 4).execute();
    const divisions = await t.db.selectFrom("division").select("code").execute();
    const now = at(`${YEAR + 1}-01-02`);
    const first = await takeAllSnapshots(t.db, q, { now });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.created.sort()).toEqual(divisions.map((d) => d.code).sort());
    expect(first.value.existing).toEqual([]);
    const second = await takeAllSnapshots(t.db, q, { now });
    expect(second.ok && second.value).toMatchObject({ created: [], existing: expect.arrayContaining(["520000", PREFECTURE, COUNTY]) });
    const takenBy = await t.db.selectFrom("stats_snapshot").select("taken_by").where("year", "=", YEAR).where("quarter", "=", 4).distinct().execute();
    expect(takenBy).toEqual([{ taken_by: null }]);
  }, 120_000);

  it("knows which quarter ended last", () => {
    expect(lastEndedQuarter("2026-12-06")).toEqual({ year: 2026, quarter: 3 });
    expect(lastEndedQuarter("2026-01-01")).toEqual({ year: 2025, quarter: 4 });
    expect(lastEndedQuarter("2026-03-31")).toEqual({ year: 2025, quarter: 4 });
    expect(lastEndedQuarter("2026-04-01")).toEqual({ year: 2026, quarter: 1 });
    expect(quarterEnd({ year: 2024, quarter: 1 })).toBe("2024-03-31");
    expect(quarterEnd({ year: 2026, quarter: 2 })).toBe("2026-06-30");
  });
});
