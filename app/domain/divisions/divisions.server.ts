import type { DB } from "../../../db/database";
import { regionPrefix } from "../permissions";

export interface Division {
  code: string;
  name: string;
  parentCode: string | null;
  level: "province" | "prefecture" | "county";
}

/** Divisions within `scopeCode` (itself included), parents before children. */
export async function listDivisionsWithin(db: DB, scopeCode: string): Promise<Division[]> {
  const rows = await db
    .selectFrom("division")
    .select(["code", "name", "parent_code", "level"])
    .where("code", "like", `${regionPrefix(scopeCode)}%`)
    .orderBy("code")
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level }));
}

export async function divisionName(db: DB, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const row = await db.selectFrom("division").select("name").where("code", "=", code).executeTakeFirst();
  return row?.name ?? null;
}
