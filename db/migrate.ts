import { Migrator, type Kysely } from "kysely";
import { migrations } from "./migrations/index";

export async function migrateToLatest(db: Kysely<any>, log: (line: string) => void = () => {}) {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: "kysely_migration",
    migrationLockTableName: "kysely_migration_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    log(`migration ${r.migrationName}: ${r.status}`);
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}
