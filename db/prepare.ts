import type { DB } from "./database";
import { migrateToLatest } from "./migrate";
import { isEmpty, seed } from "./seed";

/** What the server does before it listens: migrate, then seed an empty database. */
export async function prepareDatabase(db: DB, log: (line: string) => void = console.log): Promise<void> {
  await migrateToLatest(db, log);
  if (await isEmpty(db)) {
    log("database is empty: seeding the demo");
    await seed(db, log);
  }
}
