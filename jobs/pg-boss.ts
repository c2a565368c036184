/**
 * The job queue on PostgreSQL: pg-boss 10 (decision 018), in its own schema (`pgboss` unless told otherwise).
 *
 * - One pg-boss queue per definition, created (and its retry policy updated) at start; one worker per queue.
 * - `send` inserts through the caller's Kysely handle (pg-boss's `db` option): inside a transaction the job is part
 *   of it. pg-boss 10's singleton policies do not say "one waiting or running per key" (short: one waiting; singleton:
 *   one running; stately: one per state, and every job without a key shares the empty key), so a singleton key is
 *   checked here: a transaction-scoped advisory lock on name and key, then the insert only if no job of that name and
 *   key is created, retry or active.
 * - Retries are pg-boss's: retryLimit, retryDelay and retryBackoff per queue (with backoff pg-boss waits between
 *   delay × 2^n and twice that, randomly). A job active past its expiry (15 minutes; a crashed process) is failed by
 *   pg-boss's maintenance and retried while retries are left.
 * - Dead jobs are pg-boss's 'failed' jobs, kept in its job table for 30 days (archiveFailedAfterSeconds), retried
 *   with boss.retry (one more run).
 * - `runDue` fetches and runs due jobs in this process (boss.fetch, then complete or fail) until none is left.
 */
import PgBoss from "pg-boss";
import { CompiledQuery } from "kysely";
import type { DB } from "../db/database";
import { errorMessage, withTimeout } from "./in-process";
import type { DeadJob, JobDefinition, JobQueue, SendOptions } from "./queue";

export interface PgBossQueueOptions {
  /** PostgreSQL connection string (pg-boss keeps a small pool of its own for its workers and maintenance). */
  connectionString: string;
  /** The app's database: handlers get it, and sends without a transaction go through it. */
  db: () => Promise<DB> | DB;
  definitions: JobDefinition[] | (() => Promise<JobDefinition[]> | JobDefinition[]);
  /** pg-boss's schema (default `pgboss`; the tests use one per file). */
  schema?: string;
  /** How often each worker looks for jobs (ms, at least 500). Default 1000. */
  pollMs?: number;
  /** Connections in pg-boss's own pool. Default 4. */
  poolSize?: number;
  /** Seconds a job may stay active before pg-boss fails it (a crashed worker). Default 15 minutes. */
  expireInSeconds?: number;
  /** Start workers (false: only send, runDue and the admin calls; the CLI). Default true. */
  work?: boolean;
  log?: (line: string) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEAD_KEEP_SECONDS = 30 * 24 * 60 * 60;

/** pg-boss's `db` option over a Kysely handle: its SQL runs on that connection (inside the caller's transaction). */
export function kyselyExecutor(db: DB): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

type MetadataJob = PgBoss.JobWithMetadata<Record<string, unknown>>;

export class PgBossQueue implements JobQueue {
  readonly kind = "pg-boss" as const;
  readonly boss: PgBoss;
  readonly schema: string;
  readonly #options: PgBossQueueOptions;
  #loaded: Promise<Map<string, JobDefinition>> | null = null;
  #prepared: Promise<void> | null = null;
  #started = false;
  readonly #workers = new Map<string, string>();

  constructor(options: PgBossQueueOptions) {
    this.#options = options;
    this.schema = options.schema ?? "pgboss";
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      schema: this.schema,
      max: options.poolSize ?? 4,
      application_name: "qiancheng-jobs",
      // No pg-boss cron schedules here: digests schedule their next run themselves (startAfter).
      schedule: false,
      expireInSeconds: options.expireInSeconds ?? 15 * 60,
      archiveFailedAfterSeconds: DEAD_KEEP_SECONDS,
    });
    // pg-boss reports maintenance and worker errors as events; an EventEmitter without an 'error' listener would
    // end the process.
    this.boss.on("error", (error) => this.#log(`jobs (pg-boss): ${errorMessage(error)}`));
  }

  #log(line: string) {
    (this.#options.log ?? ((l: string) => console.warn(l)))(line);
  }

  #byName(): Promise<Map<string, JobDefinition>> {
    const source = this.#options.definitions;
    this.#loaded ??= Promise.resolve(typeof source === "function" ? source() : source).then((list) => new Map(list.map((d) => [d.name, d])));
    return this.#loaded;
  }

  /** pg-boss's schema (created or migrated) and one queue per definition, with the definition's retry policy. */
  #prepare(): Promise<void> {
    this.#prepared ??= (async () => {
      const byName = await this.#byName();
      await this.boss.start();
      for (const d of byName.values()) {
        const policy = { retryLimit: d.retryLimit, retryDelay: d.retryDelay, retryBackoff: d.retryBackoff };
        await this.boss.createQueue(d.name, { name: d.name, ...policy });
        // createQueue leaves an existing queue as it was: keep its policy the definition's.
        await this.boss.updateQueue(d.name, { name: d.name, ...policy });
      }
    })().catch((e) => {
      this.#prepared = null;
      throw e;
    });
    return this.#prepared;
  }

  async #db(): Promise<DB> {
    return await this.#options.db();
  }

  async start(): Promise<void> {
    if (this.#started) return;
    await this.#prepare();
    this.#started = true;
    if (this.#options.work === false) return;
    const pollingIntervalSeconds = Math.max(500, this.#options.pollMs ?? 1000) / 1000;
    for (const d of (await this.#byName()).values()) {
      const id = await this.boss.work<Record<string, unknown>>(
        d.name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds },
        async (jobs) => {
          // pg-boss completes the job when this resolves and fails it (output: the error) when it throws.
          for (const job of jobs) await this.#handle(d, job);
        },
      );
      this.#workers.set(d.name, id);
    }
  }

  async stop(): Promise<void> {
    if (!this.#started && !this.#prepared) return;
    this.#started = false;
    this.#workers.clear();
    // Waits (at most 5 s) for running handlers; jobs still running then are failed, and so retried.
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch((e) => this.#log(`jobs (pg-boss): stopping: ${errorMessage(e)}`));
    this.#prepared = null;
  }

  async #handle(definition: JobDefinition, job: MetadataJob): Promise<void> {
    await withTimeout(
      definition.handler(job.data ?? {}, {
        db: await this.#db(),
        jobId: job.id,
        retryCount: job.retryCount,
        lastAttempt: job.retryCount >= job.retryLimit,
      }),
      Math.max(1, job.expireInSeconds ?? 15 * 60) * 1000,
    );
  }

  async send(db: DB, name: string, data: Record<string, unknown>, options: SendOptions = {}): Promise<void> {
    const definition = (await this.#byName()).get(name);
    if (!definition) throw new Error(`jobs: no job is defined by the name ${name}`);
    await this.#prepare();
    const sendOptions: PgBoss.SendOptions = {
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelay,
      retryBackoff: definition.retryBackoff,
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    };
    const key = options.singletonKey;
    if (key === undefined) {
      await this.boss.send(name, data, { ...sendOptions, db: kyselyExecutor(db) });
    } else {
      const insertOnce = async (trx: DB) => {
        await trx.executeQuery(CompiledQuery.raw("select pg_advisory_xact_lock(hashtextextended($1, 17))", [`job:${name}:${key}`]));
        const waiting = await trx.executeQuery(
          CompiledQuery.raw(`select 1 from ${this.schema}.job where name = $1 and singleton_key = $2 and state < 'completed' limit 1`, [name, key]),
        );
        if (waiting.rows.length === 0) await this.boss.send(name, data, { ...sendOptions, db: kyselyExecutor(trx) });
      };
      // The advisory lock lasts until the transaction ends: the caller's, or one of our own.
      if (db.isTransaction) await insertOnce(db);
      else await db.transaction().execute(insertOnce);
    }
    if (!db.isTransaction && (!options.startAfter || options.startAfter.getTime() <= Date.now())) {
      const worker = this.#workers.get(name);
      if (worker) this.boss.notifyWorker(worker);
    }
  }

  async runDue(names?: string[]): Promise<number> {
    await this.#prepare();
    const byName = await this.#byName();
    const wanted = (names ?? [...byName.keys()]).filter((n) => byName.has(n));
    // Jobs a stopped process left active past their expiry are failed (and so retried) first.
    await this.boss.expire();
    let total = 0;
    for (;;) {
      let ran = 0;
      for (const name of wanted) {
        for (;;) {
          const [job] = await this.boss.fetch<Record<string, unknown>>(name, { includeMetadata: true, batchSize: 1 });
          if (!job) break;
          try {
            await this.#handle(byName.get(name)!, job);
            await this.boss.complete(name, job.id);
          } catch (e) {
            await this.boss.fail(name, job.id, { message: errorMessage(e) });
          }
          ran += 1;
        }
      }
      total += ran;
      if (ran === 0) return total;
    }
  }

  async #sql<R>(text: string, values: unknown[] = []): Promise<R[]> {
    await this.#prepare();
    const { rows } = await this.boss.getDb().executeSql(text, values);
    return rows as R[];
  }

  async deadJobs(limit: number): Promise<DeadJob[]> {
    const rows = await this.#sql<{
      id: string;
      name: string;
      data: Record<string, unknown> | null;
      retry_count: number;
      output: { message?: unknown } | null;
      created_on: Date;
      completed_on: Date | null;
    }>(
      `select id, name, data, retry_count, output, created_on, completed_on from ${this.schema}.job
       where state = 'failed' order by completed_on desc nulls last, id limit $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      data: r.data ?? {},
      retryCount: r.retry_count,
      error: typeof r.output?.message === "string" ? r.output.message : null,
      createdAt: new Date(r.created_on),
      failedAt: r.completed_on ? new Date(r.completed_on) : null,
    }));
  }

  async countDeadJobs(): Promise<number> {
    const [row] = await this.#sql<{ n: string }>(`select count(*) as n from ${this.schema}.job where state = 'failed'`);
    return Number(row?.n ?? 0);
  }

  async retry(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const [row] = await this.#sql<{ name: string }>(`select name from ${this.schema}.job where id = $1 and state = 'failed'`, [id]);
    if (!row) return false;
    const result = (await this.boss.retry(row.name, id)) as unknown as { affected?: number } | undefined;
    const changed = (result?.affected ?? 0) > 0;
    const worker = this.#workers.get(row.name);
    if (changed && worker) this.boss.notifyWorker(worker);
    return changed;
  }

  /** Drops pg-boss's schema (tests). */
  async dropSchema(): Promise<void> {
    const db = await this.#db();
    await db.executeQuery(CompiledQuery.raw(`drop schema if exists ${this.schema} cascade`));
  }
}
