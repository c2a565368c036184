/**
 * This process's job queue (decision 018). With DATABASE_URL set, pg-boss (unless JOB_QUEUE=in-process); otherwise
 * the in-process queue on the embedded database. Kept on globalThis, so the server entry, the bundled Remix build and
 * dev-mode module reloads share one queue (and one worker).
 *
 * The definitions (jobs/definitions.ts) are loaded on first use, not imported here: the modules that define jobs
 * also send them through this module.
 */
import { getDatabase, getDb, type DB } from "../db/database";
import { InProcessQueue } from "./in-process";
import { PgBossQueue } from "./pg-boss";
import type { JobDefinition, JobQueue } from "./queue";

const KEY = Symbol.for("qiancheng.jobs");
type Holder = { [KEY]?: JobQueue };

const loadDefinitions = async (): Promise<JobDefinition[]> => (await import("./definitions")).definitions;

/** The poll interval from JOB_POLL_MS (ms), default 1000. */
export function pollMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.JOB_POLL_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 1000;
}

export function queueFromEnv(env: NodeJS.ProcessEnv = process.env, options: { work?: boolean } = {}): JobQueue {
  const pollMs = pollMsFromEnv(env);
  if (env.DATABASE_URL && env.JOB_QUEUE !== "in-process") {
    return new PgBossQueue({ connectionString: env.DATABASE_URL, db: getDb, definitions: loadDefinitions, pollMs, work: options.work });
  }
  return new InProcessQueue({
    db: getDb,
    definitions: loadDefinitions,
    pollMs,
    // PGlite's directory is this process's alone: a job active at start was left by a process that stopped.
    recoverAllAtStart: !env.DATABASE_URL,
  });
}

export function getJobQueue(): JobQueue {
  const holder = globalThis as Holder;
  holder[KEY] ??= queueFromEnv();
  return holder[KEY];
}

/** Replaces the queue (tests, the CLI). */
export function setJobQueue(queue: JobQueue): void {
  (globalThis as Holder)[KEY] = queue;
}

/** Enqueues a job on this process's queue (with a transaction as `db`, as part of it). */
export function sendJob(db: DB, name: string, data: Record<string, unknown>, options?: Parameters<JobQueue["send"]>[3]): Promise<void> {
  return getJobQueue().send(db, name, data, options);
}

/**
 * At server start (after migrations): starts the queue's worker, then runs the definitions' start-up steps (digests
 * schedule their next run). A step that fails is logged; the server still starts.
 */
export async function startJobs(log: (line: string) => void = console.log): Promise<JobQueue> {
  const queue = getJobQueue();
  await queue.start();
  const { startup } = await import("./definitions");
  const db = (await getDatabase()).db;
  for (const step of startup) {
    try {
      await step(queue, db);
    } catch (e) {
      console.error(`jobs: a start-up step failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  log(`jobs: ${queue.kind} queue started`);
  return queue;
}

/** At shutdown: stops taking jobs, waits a few seconds for the running ones. */
export async function stopJobs(): Promise<void> {
  const queue = (globalThis as Holder)[KEY];
  await queue?.stop();
}
