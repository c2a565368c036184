/**
 * `npm run jobs -- run-due [name…]`: runs the jobs due now (and those they enqueue) in this process, then prints
 * how many ran and how many are dead.
 * `npm run jobs -- dead [limit]`: lists dead jobs, newest first.
 * `npm run jobs -- retry <id>`: puts a dead job back in the queue.
 *
 * On the embedded database, stop the server first (PGlite's directory is one process's).
 */
import { closeDatabase, getDatabase } from "../db/database";
import { migrateToLatest } from "../db/migrate";
import { queueFromEnv, setJobQueue } from "./runtime";

const [command = "help", ...args] = process.argv.slice(2);

const USAGE = `usage: npm run jobs -- run-due [name…] | dead [limit] | retry <id>`;

async function main(): Promise<number> {
  if (!["run-due", "dead", "retry"].includes(command)) {
    console.log(USAGE);
    return command === "help" ? 0 : 1;
  }
  const handle = await getDatabase();
  await migrateToLatest(handle.db, () => undefined);
  // No background worker here: run-due runs what is due in the foreground, and returns.
  const queue = queueFromEnv(process.env, { work: false });
  setJobQueue(queue);
  try {
    if (command === "run-due") {
      const started = performance.now();
      const ran = await queue.runDue(args.length ? args : undefined);
      const dead = (await queue.countDeadJobs?.()) ?? (await queue.deadJobs(1000)).length;
      console.log(`${queue.kind} queue: ${ran} job(s) run in ${((performance.now() - started) / 1000).toFixed(1)} s; ${dead} dead job(s)`);
    } else if (command === "dead") {
      const limit = Number(args[0] ?? 50);
      if (!Number.isInteger(limit) || limit < 1) throw new Error(`the limit must be a positive whole number (got "${args[0]}")`);
      const jobs = await queue.deadJobs(limit);
      const total = (await queue.countDeadJobs?.()) ?? jobs.length;
      console.log(`${queue.kind} queue: ${total} dead job(s)${total > jobs.length ? `, the newest ${jobs.length}` : ""}`);
      for (const job of jobs) {
        console.log(
          `${job.id}  ${job.name}  failed ${job.failedAt?.toISOString() ?? "?"}  after ${job.retryCount + 1} run(s)  ${JSON.stringify(job.data)}\n    ${job.error ?? "(no message)"}`,
        );
      }
    } else {
      const [id] = args;
      if (!id) throw new Error(USAGE);
      const ok = await queue.retry(id);
      console.log(ok ? `${id} is queued again` : `${id} is not a dead job (or no longer)`);
      if (!ok) return 1;
    }
  } finally {
    await queue.stop();
  }
  return 0;
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDatabase().catch(() => undefined);
    process.exit(1);
  });
