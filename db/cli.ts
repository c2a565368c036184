import { createDatabase, optionsFromEnv } from "./database";
import { migrateToLatest } from "./migrate";
import { seed } from "./seed";

const command = process.argv[2];
const handle = await createDatabase(optionsFromEnv());
const where = handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite (${optionsFromEnv().pgliteDir})`;
try {
  if (command === "migrate") {
    console.log(`Migrating ${where}…`);
    const results = await migrateToLatest(handle.db, console.log);
    console.log(results.length ? `Done: ${results.length} migration(s) applied.` : "Done: already up to date.");
  } else if (command === "seed") {
    console.log(`Seeding ${where}…`);
    await migrateToLatest(handle.db, console.log);
    await seed(handle.db, console.log);
    console.log("Done.");
  } else {
    console.error("usage: tsx db/cli.ts migrate|seed");
    process.exitCode = 2;
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await handle.close();
}
