import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DB } from "./database";
import type { Role } from "./schema";
import { hashPassword } from "../app/domain/accounts/password.server";
import { seedDemoData } from "./seed-demo";
import { seedRuleParameters } from "../app/domain/quota/parameters.server";
import { seedDemoCaseload, seedPlanTargets } from "./seed-counseling";
import { seedDemoEvents } from "./seed-events";
import { seedPlanDemo } from "./seed-plan";
import { seedProgrammesDemo } from "./seed-programmes";

export const DEMO_PASSWORD = "Qiancheng#2026";

/** The demo accounts the README lists: one per role, and a prefecture admin and counselor of 遵义市. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ role: Role; phone: string; email: string; displayName: string; regionCode: string | null }> = [
  { role: "seeker", phone: "13800000001", email: "seeker@demo.qiancheng.org.cn", displayName: "李明", regionCode: null },
  { role: "employer", phone: "13800000002", email: "employer@demo.qiancheng.org.cn", displayName: "张华（招聘）", regionCode: null },
  { role: "counselor", phone: "13800000003", email: "counselor@demo.qiancheng.org.cn", displayName: "王芳（就业指导员）", regionCode: "520100" },
  { role: "admin", phone: "13800000004", email: "admin@demo.qiancheng.org.cn", displayName: "贵州省残联管理员", regionCode: "520000" },
  { role: "admin", phone: "13800000005", email: "zunyi-admin@demo.qiancheng.org.cn", displayName: "遵义市残联管理员", regionCode: "520300" },
  { role: "counselor", phone: "13800000006", email: "zunyi-counselor@demo.qiancheng.org.cn", displayName: "陈静（遵义市就业指导员）", regionCode: "520300" },
];

interface DivisionRow {
  code: string;
  name: string;
  parent_code: string | null;
  level: "province" | "prefecture" | "county";
}

const LEVEL_ORDER = { province: 0, prefecture: 1, county: 2 } as const;

/** Reads db/guizhou-divisions.csv (code,name,parent_code,level; our own file: no quoting). */
export function readDivisions(): DivisionRow[] {
  const path = fileURLToPath(new URL("./guizhou-divisions.csv", import.meta.url));
  const [header, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  if (header !== "code,name,parent_code,level") throw new Error(`unexpected header in ${path}: ${header}`);
  return lines
    .map((line) => {
      const [code, name, parent, level] = line.split(",");
      if (!code || !name || !level || !(level in LEVEL_ORDER)) throw new Error(`bad division line: ${line}`);
      return { code, name, parent_code: parent || null, level: level as DivisionRow["level"] };
    })
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code));
}

export async function seedDivisions(db: DB): Promise<number> {
  const rows = readDivisions();
  await db
    .insertInto("division")
    .values(rows)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        parent_code: eb.ref("excluded.parent_code"),
        level: eb.ref("excluded.level"),
      })),
    )
    .execute();
  return rows.length;
}

export async function seedDemoAccounts(db: DB): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const r = await db
      .insertInto("app_user")
      .values({
        role: account.role,
        phone: account.phone,
        email: account.email,
        display_name: account.displayName,
        region_code: account.regionCode,
        password_hash: passwordHash,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    created += Number(r.numInsertedOrUpdatedRows ?? 0n);
  }
  return created;
}

/** Seeds everything; safe to run again (existing rows are kept). */
export async function seed(db: DB, log: (line: string) => void = () => {}): Promise<void> {
  const divisions = await seedDivisions(db);
  log(`seed: ${divisions} divisions`);
  const accounts = await seedDemoAccounts(db);
  log(`seed: ${accounts} new demo accounts`);
  await seedDemoData(db, log);
  log(`seed: ${await seedRuleParameters(db)} new rule parameters (demo figures)`);
  log(`seed: ${await seedPlanTargets(db)} new plan targets`);
  log(`seed: ${await seedDemoCaseload(db, { seeker: "13800000001", counselor: "13800000003", admin: "13800000004" })} seekers on the demo caseload`);
  log(`seed: ${await seedDemoEvents(db, { employer: "13800000002", admin: "13800000004" })} demo recruitment events`);
  await seedPlanDemo(db, log);
  await seedProgrammesDemo(db, log);
}

export async function isEmpty(db: DB): Promise<boolean> {
  const row = await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
  return !row;
}
