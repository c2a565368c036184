import { describe, expect, it } from "vitest";
import { createUser } from "../../../tests/fixtures/factories";
import { useTestDatabase } from "../../../tests/helpers/db";
import { supportedBusinesses, supportedBusinessesByPlace } from "./entrepreneurship.server";

const t = useTestDatabase();

/** A year no other run uses: the PostgreSQL test database is shared and persists. */
function freshYear(): number {
  return 2200 + Math.floor(Math.random() * 700);
}

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

describe("supportedBusinesses (the entrepreneur-households indicator)", () => {
  it("counts businesses of the region with support dated within the period by the as-of day, each once", async () => {
    const y = freshYear();
    await createUser(t.db, { role: "admin", regionCode: "520100" });
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
});
