import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../tests/helpers/db";
import { Mutex } from "./pglite-dialect";

const t = useTestDatabase();

async function scratch(name: string) {
  await sql`create table if not exists ${sql.table(name)} (id int primary key, v text)`.execute(t.db);
  await sql`truncate ${sql.table(name)}`.execute(t.db);
}

describe(`database layer (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("reports affected-row counts for insert, update and delete", async () => {
    await scratch("t_counts");
    const db = t.db as any;
    const ins = await db.insertInto("t_counts").values([{ id: 1, v: "a" }, { id: 2, v: "b" }, { id: 3, v: "c" }]).executeTakeFirst();
    expect(Number(ins.numInsertedOrUpdatedRows)).toBe(3);
    const upd = await db.updateTable("t_counts").set({ v: "z" }).where("id", "<", 3).executeTakeFirst();
    expect(Number(upd.numUpdatedRows)).toBe(2);
    const none = await db.updateTable("t_counts").set({ v: "z" }).where("id", "=", 99).executeTakeFirst();
    expect(Number(none.numUpdatedRows)).toBe(0);
    const del = await db.deleteFrom("t_counts").where("id", "=", 3).executeTakeFirst();
    expect(Number(del.numDeletedRows)).toBe(1);
    const conflict = await db.insertInto("t_counts").values({ id: 1, v: "x" }).onConflict((oc: any) => oc.doNothing()).executeTakeFirst();
    expect(Number(conflict.numInsertedOrUpdatedRows)).toBe(0);
  });

  it("keeps another request's query out of an open transaction", async () => {
    await scratch("t_iso");
    const db = t.db as any;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let insideDone = false;
    const tx = db.transaction().execute(async (trx: any) => {
      await trx.insertInto("t_iso").values({ id: 1, v: "in-tx" }).execute();
      await gate;
      insideDone = true;
      throw new Error("roll back");
    });
    // Meanwhile, "another request" writes and reads outside the transaction.
    await new Promise((r) => setTimeout(r, 20));
    const outside = (async () => {
      await db.insertInto("t_iso").values({ id: 2, v: "outside" }).execute();
      return db.selectFrom("t_iso").select("id").orderBy("id").execute();
    })();
    await new Promise((r) => setTimeout(r, 50));
    release();
    await expect(tx).rejects.toThrow("roll back");
    const seen = await outside;
    expect(insideDone).toBe(true);
    // The outside write survived the rollback and never saw the uncommitted row.
    expect(seen.map((r: { id: number }) => r.id)).toEqual([2]);
    const after = await db.selectFrom("t_iso").select("id").orderBy("id").execute();
    expect(after.map((r: { id: number }) => r.id)).toEqual([2]);
  });

  it("parses counts as numbers, numerics as exact strings and dates as calendar dates", async () => {
    const row = await sql<{ n: number; m: string; d: string }>`select count(*) as n, 0.10::numeric + 0.20::numeric as m, date '2026-01-31' as d`.execute(
      t.db,
    );
    expect(row.rows[0]).toEqual({ n: 1, m: "0.30", d: "2026-01-31" });
  });
});

describe("Mutex", () => {
  it("hands the lock out in order, one holder at a time", async () => {
    const m = new Mutex();
    const order: number[] = [];
    let holders = 0;
    await Promise.all(
      [1, 2, 3, 4].map(async (i) => {
        const release = await m.acquire();
        holders += 1;
        expect(holders).toBe(1);
        order.push(i);
        await new Promise((r) => setTimeout(r, 5));
        holders -= 1;
        release();
      }),
    );
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
