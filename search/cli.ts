/**
 * `npm run search:reindex [vacancies|seekers]` rebuilds one index (both without an argument) with a progress bar;
 * `npm run search:worker` drains the outbox continuously (for deployments that set SEARCH_IN_PROCESS=false).
 */
import { SingleBar, Presets } from "cli-progress";
import { closeDatabase, getDatabase } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import type { SearchIndexName } from "../db/schema";
import { reindex } from "./reindex";
import { getSearchEngine, kickDrain } from "./runtime";

const [command = "reindex", arg] = process.argv.slice(2);

async function main() {
  const handle = await getDatabase();
  await migrateToLatest(handle.db, () => undefined);
  const engine = getSearchEngine();
  if (command === "reindex") {
    const indexes: SearchIndexName[] = arg === "vacancies" || arg === "seekers" ? [arg] : ["vacancies", "seekers"];
    if (arg && !indexes.includes(arg as SearchIndexName)) throw new Error(`unknown index "${arg}" (vacancies or seekers)`);
    for (const index of indexes) {
      const bar = new SingleBar(
        { format: `${index.padEnd(9)} [{bar}] {percentage}% | {value}/{total} rows | {indexed} indexed | {eta_formatted} left`, hideCursor: true },
        Presets.shades_classic,
      );
      const started = performance.now();
      let begun = false;
      const result = await reindex(handle.db, engine, index, {
        onProgress: (p) => {
          if (!begun) {
            bar.start(p.total, 0, { indexed: 0 });
            begun = true;
          }
          bar.update(p.done, { indexed: p.indexed });
        },
      });
      bar.stop();
      const seconds = (performance.now() - started) / 1000;
      console.log(`${index}: ${result.indexed} of ${result.total} rows indexed in ${seconds.toFixed(1)} s with the ${engine.name} engine`);
    }
  } else if (command === "worker") {
    console.log(`search worker: draining the outbox into the ${engine.name} engine every second (Ctrl+C stops)`);
    let stopping = false;
    process.on("SIGINT", () => (stopping = true));
    process.on("SIGTERM", () => (stopping = true));
    while (!stopping) {
      const r = await kickDrain();
      if (r.applied) console.log(`indexed ${r.applied} change(s)`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } else {
    throw new Error(`unknown command "${command}" (reindex or worker)`);
  }
  await closeDatabase();
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
