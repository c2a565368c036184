import { parseArgs } from "node:util";
import { createDatabase, optionsFromEnv } from "./database";
import { migrateToLatest } from "./migrate";
import { takeAllSnapshots } from "../app/domain/statistics/snapshots.server";
import { isQuarter, lastEndedQuarter, quarterEnd, type QuarterRef } from "../app/domain/statistics/quarters";
import { todayInShanghai } from "../app/domain/vacancies/vacancies.schema";
import "../app/i18n/catalogs.server";
import { translator } from "../app/i18n/i18n";

const HELP = `usage: npm run stats:snapshot [-- --year 2026 --quarter 3]

Keeps the quarterly snapshot of the plan's figures (issue 13) for the province, every prefecture and every county:
each region's figures for the calendar year, as of the quarter's last day (Asia/Shanghai). Without options, the last
quarter that has ended. A region whose quarter was already taken keeps its first snapshot. A quarter that has not
ended is refused. The database is PostgreSQL when DATABASE_URL is set, otherwise PGlite in PGLITE_DIR.`;

let values: { year?: string; quarter?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    args: process.argv.slice(3),
    options: { year: { type: "string" }, quarter: { type: "string" }, help: { type: "boolean", short: "h" } },
  }));
} catch (e) {
  console.error(`${e instanceof Error ? e.message : e}\n\n${HELP}`);
  process.exit(2);
}
if (values.help || process.argv[2] !== "snapshot") {
  console.log(HELP);
  process.exit(values.help ? 0 : 2);
}

const fallback = lastEndedQuarter(todayInShanghai());
const year = values.year === undefined ? fallback.year : Number(values.year);
const quarter = values.quarter === undefined ? fallback.quarter : Number(values.quarter);
if ((values.year === undefined) !== (values.quarter === undefined) || !/^\d{4}$/.test(String(year)) || !isQuarter(quarter)) {
  console.error(`Give both --year (four digits) and --quarter (1–4), or neither.\n\n${HELP}`);
  process.exit(2);
}
const q: QuarterRef = { year, quarter };

const handle = await createDatabase(optionsFromEnv());
const where = handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite (${optionsFromEnv().pgliteDir})`;
try {
  await migrateToLatest(handle.db, console.log);
  console.log(`Snapshots of ${q.year} Q${q.quarter} (as of ${quarterEnd(q)}) in ${where}…`);
  const result = await takeAllSnapshots(handle.db, q, { log: (line) => console.log(`  ${line}`) });
  if (!result.ok) {
    // The domain's refusals are message keys (with values after "|"): print them in words.
    const t = translator("en");
    const [key, vars] = (Object.values(result.fieldErrors).flat()[0] ?? "").split("|");
    console.error(t(key as never, vars ? JSON.parse(vars) : undefined));
    process.exitCode = 1;
  } else {
    const r = result.value;
    console.log(`Done: ${r.created.length} snapshot(s) taken, ${r.existing.length} already there.`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await handle.close();
}
