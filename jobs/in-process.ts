/**
 * The job queue on the `job` table, worked in this process (decision 018): the embedded database's queue (PGlite is
 * one process's), and usable on PostgreSQL too (JOB_QUEUE=in-process, and the tests).
 *
 * - `send` inserts with the caller's handle: inside a transaction the job exists only if the transaction commits. A
 *   singleton key already waiting or running (the partial unique index job_singleton) makes the insert do nothing.
 * - The worker claims one due job at a time with a short UPDATE (… for update skip locked), runs its handler outside
 *   any transaction (PGlite has one connection: a transaction held across a handler would stop every request), then
 *   marks it completed, or failed: back to 'retry' after retry_delay seconds (× 2^retry_count with backoff) while
 *   retries are left, else 'failed' with output {message} — a dead job, listed for admins and retried by them.
 * - Jobs a crashed process left 'active' go back to 'retry' (at start, and every minute): those active longer than
 *   `activeTimeoutMs`, or at start every active job when this process owns the database alone (PGlite). A job that
 *   was already past its last retry when the process stopped is failed instead, so a job that kills the process
 *   cannot loop forever.
 */
import { sql } from "kysely";
import type { DB } from "../db/database";
import type { DeadJob, JobDefinition, JobQueue, SendOptions } from "./queue";

export interface InProcessQueueOptions {
  /** The database the worker claims and runs jobs with (the app's, unless a test gives its own). */
  db: () => Promise<DB> | DB;
  /** The definitions to run (a function: jobs/definitions.ts imports modules that import the runtime). */
  definitions: JobDefinition[] | (() => Promise<JobDefinition[]> | JobDefinition[]);
  /** How often the worker looks for due jobs while started (ms). Default 1000. */
  pollMs?: number;
  /** A job 'active' longer than this was left by a process that stopped (ms). Default 15 minutes. */
  activeTimeoutMs?: number;
  /** At start, every 'active' job not run by this process was left by a stopped one (true on PGlite). */
  recoverAllAtStart?: boolean;
  /** A handler running longer than this counts as failed (ms). Default 15 minutes. */
  handlerTimeoutMs?: number;
  /** How long finished jobs are kept (days): completed 7, dead 30. */
  keepCompletedDays?: number;
  keepFailedDays?: number;
  log?: (line: string) => void;
}

interface ClaimedJob {
  id: string;
  name: string;
  data: Record<string, unknown>;
  retry_count: number;
  retry_limit: number;
}

const MAINTENANCE_MS = 60_000;
const STOP_WAIT_MS = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 2000 ? `${message.slice(0, 2000)}…` : message;
}

/** Runs `handler` with a time limit; the handler is not cancelled, its result is no longer awaited. */
export async function withTimeout<T>(run: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      run,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the job ran longer than ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export class InProcessQueue implements JobQueue {
  readonly kind = "in-process" as const;
  readonly #options: Required<Omit<InProcessQueueOptions, "definitions" | "db" | "log">> & Pick<InProcessQueueOptions, "db" | "log">;
  readonly #definitions: InProcessQueueOptions["definitions"];
  #loaded: Promise<Map<string, JobDefinition>> | null = null;
  #started = false;
  #stopping = false;
  #timer: NodeJS.Timeout | null = null;
  #maintenanceTimer: NodeJS.Timeout | null = null;
  #draining: Promise<void> | null = null;
  #again = false;
  #lastError: string | null = null;
  /** Jobs this process is running now (never recovered as left behind). */
  readonly #running = new Set<string>();

  constructor(options: InProcessQueueOptions) {
    this.#definitions = options.definitions;
    this.#options = {
      db: options.db,
      log: options.log,
      pollMs: options.pollMs ?? 1000,
      activeTimeoutMs: options.activeTimeoutMs ?? 15 * 60_000,
      recoverAllAtStart: options.recoverAllAtStart ?? false,
      handlerTimeoutMs: options.handlerTimeoutMs ?? 15 * 60_000,
      keepCompletedDays: options.keepCompletedDays ?? 7,
      keepFailedDays: options.keepFailedDays ?? 30,
    };
  }

  #log(line: string) {
    (this.#options.log ?? ((l: string) => console.warn(l)))(line);
  }

  #byName(): Promise<Map<string, JobDefinition>> {
    this.#loaded ??= Promise.resolve(typeof this.#definitions === "function" ? this.#definitions() : this.#definitions).then(
      (list) => new Map(list.map((d) => [d.name, d])),
    );
    return this.#loaded;
  }

  async #db(): Promise<DB> {
    return await this.#options.db();
  }

  async start(): Promise<void> {
    if (this.#started) return;
    await this.#byName();
    this.#started = true;
    this.#stopping = false;
    await this.recoverStale(this.#options.recoverAllAtStart ? 0 : this.#options.activeTimeoutMs);
    await this.#prune().catch((e) => this.#log(`jobs: pruning finished jobs failed: ${errorMessage(e)}`));
    const tick = () => {
      this.kick();
      this.#timer = setTimeout(tick, this.#options.pollMs);
      this.#timer.unref();
    };
    this.#timer = setTimeout(tick, 0);
    this.#timer.unref();
    this.#maintenanceTimer = setInterval(() => {
      void this.recoverStale(this.#options.activeTimeoutMs)
        .then(() => this.#prune())
        .catch((e) => this.#log(`jobs: maintenance failed: ${errorMessage(e)}`));
    }, MAINTENANCE_MS);
    this.#maintenanceTimer.unref();
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#stopping = true;
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#maintenanceTimer) clearInterval(this.#maintenanceTimer);
    this.#timer = this.#maintenanceTimer = null;
    const running = this.#draining;
    if (running) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
      clearTimeout(timer);
    }
  }

  async send(db: DB, name: string, data: Record<string, unknown>, options: SendOptions = {}): Promise<void> {
    const definition = (await this.#byName()).get(name);
    if (!definition) throw new Error(`jobs: no job is defined by the name ${name}`);
    await db
      .insertInto("job")
      .values({
        name,
        data: JSON.stringify(data),
        retry_limit: definition.retryLimit,
        retry_delay: definition.retryDelay,
        retry_backoff: definition.retryBackoff,
        singleton_key: options.singletonKey ?? null,
        ...(options.startAfter ? { start_after: options.startAfter } : {}),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Inside a transaction the job is not visible until it commits: the next poll finds it.
    if (!db.isTransaction && (!options.startAfter || options.startAfter.getTime() <= Date.now())) {
      setImmediate(() => this.kick());
    }
  }

  /** Starts the background worker on what is due now, or asks the running pass to go round once more. */
  kick(): void {
    if (!this.#started || this.#stopping) return;
    if (this.#draining) {
      this.#again = true;
      return;
    }
    this.#draining = (async () => {
      do {
        this.#again = false;
        await this.#drain(undefined, () => this.#stopping);
      } while (this.#again && !this.#stopping);
    })()
      .then(() => {
        this.#lastError = null;
      })
      .catch((e) => {
        // The database may be down: say so once, try again at the next poll.
        const message = errorMessage(e);
        if (message !== this.#lastError) this.#log(`jobs: the worker could not run due jobs: ${message}`);
        this.#lastError = message;
      })
      .finally(() => {
        this.#draining = null;
      });
  }

  async runDue(names?: string[]): Promise<number> {
    // Jobs a stopped process left active past the timeout are due again (as pg-boss's runDue expires them first).
    await this.recoverStale(this.#options.activeTimeoutMs);
    let total = 0;
    for (;;) {
      const ran = await this.#drain(names, () => false);
      total += ran;
      if (ran > 0) continue;
      // The background worker may be running a job that enqueues more: wait for it, then look again.
      if (this.#draining) {
        await this.#draining;
        continue;
      }
      return total;
    }
  }

  async #drain(names: string[] | undefined, stop: () => boolean): Promise<number> {
    const byName = await this.#byName();
    const wanted = (names ?? [...byName.keys()]).filter((n) => byName.has(n));
    if (wanted.length === 0) return 0;
    let ran = 0;
    while (!stop()) {
      const job = await this.#claim(wanted);
      if (!job) break;
      await this.#run(byName.get(job.name)!, job);
      ran += 1;
    }
    return ran;
  }

  async #claim(names: string[]): Promise<ClaimedJob | undefined> {
    const db = await this.#db();
    const { rows } = await sql<ClaimedJob>`
      update job set state = 'active', started_at = now(),
        retry_count = case when started_at is null then retry_count else retry_count + 1 end
      where id = (
        select id from job
        where state in ('created', 'retry') and start_after <= now() and name = any(${names}::text[])
        order by start_after, created_at
        limit 1
        for update skip locked
      ) and state in ('created', 'retry')
      returning id, name, data, retry_count, retry_limit`.execute(db);
    const job = rows[0];
    if (job) this.#running.add(job.id);
    return job;
  }

  async #run(definition: JobDefinition, job: ClaimedJob): Promise<void> {
    const db = await this.#db();
    try {
      let failure: unknown = null;
      try {
        await withTimeout(
          definition.handler(job.data ?? {}, {
            db,
            jobId: job.id,
            retryCount: job.retry_count,
            lastAttempt: job.retry_count >= job.retry_limit,
          }),
          this.#options.handlerTimeoutMs,
        );
      } catch (e) {
        failure = e ?? new Error("failed");
      }
      if (failure === null) {
        await sql`update job set state = 'completed', completed_at = now(), output = null where id = ${job.id} and state = 'active'`.execute(db);
        return;
      }
      const message = errorMessage(failure);
      const last = job.retry_count >= job.retry_limit;
      if (last) this.#log(`jobs: ${job.name} ${job.id} failed after ${job.retry_count + 1} run(s): ${message}`);
      await sql`
        update job set
          state = case when retry_count < retry_limit then 'retry' else 'failed' end,
          start_after = case when retry_count < retry_limit
            then now() + retry_delay * (case when retry_backoff then power(2, least(retry_count, 16)) else 1 end) * interval '1 second'
            else start_after end,
          completed_at = case when retry_count < retry_limit then null else now() end,
          output = ${JSON.stringify({ message })}::jsonb
        where id = ${job.id} and state = 'active'`.execute(db);
    } finally {
      this.#running.delete(job.id);
    }
  }

  /**
   * Jobs left 'active' for longer than `olderThanMs` by a process that stopped go back to 'retry' (or to 'failed'
   * when that run was already past its last retry); resolves with how many.
   */
  async recoverStale(olderThanMs: number): Promise<number> {
    const db = await this.#db();
    const running = [...this.#running];
    const { rows } = await sql<{ id: string; name: string; state: string }>`
      update job set
        state = case when retry_count <= retry_limit then 'retry' else 'failed' end,
        start_after = now(),
        completed_at = case when retry_count <= retry_limit then null else now() end,
        output = case when retry_count <= retry_limit then output
          else '{"message":"the process running it stopped, more often than its retries allow"}'::jsonb end
      where state = 'active' and started_at <= now() - ${olderThanMs} * interval '1 millisecond'
        and not (id = any(${running}::uuid[]))
      returning id, name, state`.execute(db);
    for (const row of rows) this.#log(`jobs: ${row.name} ${row.id} was left running by a process that stopped: ${row.state === "retry" ? "it runs again" : "dead"}`);
    return rows.length;
  }

  async #prune(): Promise<void> {
    const db = await this.#db();
    await sql`
      delete from job
      where (state in ('completed', 'cancelled') and completed_at < now() - ${this.#options.keepCompletedDays} * interval '1 day')
         or (state = 'failed' and completed_at < now() - ${this.#options.keepFailedDays} * interval '1 day')`.execute(db);
  }

  async deadJobs(limit: number): Promise<DeadJob[]> {
    const db = await this.#db();
    const rows = await db
      .selectFrom("job")
      .select(["id", "name", "data", "retry_count", "output", "created_at", "completed_at"])
      .where("state", "=", "failed")
      .orderBy("completed_at", "desc")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      data: r.data ?? {},
      retryCount: r.retry_count,
      error: typeof r.output?.message === "string" ? r.output.message : null,
      createdAt: new Date(r.created_at),
      failedAt: r.completed_at ? new Date(r.completed_at) : null,
    }));
  }

  async countDeadJobs(): Promise<number> {
    const db = await this.#db();
    const row = await db.selectFrom("job").select((eb) => eb.fn.countAll<number>().as("n")).where("state", "=", "failed").executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async retry(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const db = await this.#db();
    // One more run (as pg-boss's retry gives); not while another job of the same singleton key waits or runs.
    const { rows } = await sql<{ id: string }>`
      update job set state = 'retry', start_after = now(), completed_at = null, retry_limit = retry_count + 1
      where id = ${id} and state = 'failed'
        and not exists (
          select 1 from job other
          where other.singleton_key is not null and other.singleton_key = job.singleton_key and other.name = job.name
            and other.state in ('created', 'retry', 'active'))
      returning id`.execute(db);
    const changed = rows.length > 0;
    if (changed) setImmediate(() => this.kick());
    return changed;
  }
}
