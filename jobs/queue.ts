/**
 * The job queue (issue 17, docs/decisions/018): work that must not block the request that caused it (sending an
 * email or an SMS, matching a published vacancy against saved searches, the daily and weekly digests), with retries,
 * backoff and dead jobs an admin can see and retry.
 *
 * Two implementations of one interface, running the same job definitions (jobs/definitions.ts):
 * - PostgreSQL: pg-boss (its own schema `pgboss`), several processes may work the queue;
 * - the embedded database: jobs/in-process.ts, the `job` table worked in this process.
 *
 * `send` takes the caller's database handle: inside a transaction the job is enqueued with it, so a job exists if
 * and only if what caused it committed.
 */
import type { DB } from "../db/database";

export interface SendOptions {
  /** Not before this time (quiet hours, digests). */
  startAfter?: Date;
  /** At most one job of this name and key waiting or running at a time; a second send is dropped. */
  singletonKey?: string;
}

export interface JobContext {
  db: DB;
  jobId: string;
  /** 0 on the first run, then 1, 2… on retries. */
  retryCount: number;
  /** True when no retry follows if this run fails (the handler may record the failure for people to see). */
  lastAttempt: boolean;
}

export interface JobDefinition<T = Record<string, unknown>> {
  name: string;
  /** Retries after the first run fails. */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelay: number;
  /** Doubling the delay each retry. */
  retryBackoff: boolean;
  handler: (data: T, context: JobContext) => Promise<void>;
}

export interface DeadJob {
  id: string;
  name: string;
  data: Record<string, unknown>;
  retryCount: number;
  error: string | null;
  createdAt: Date;
  failedAt: Date | null;
}

export interface JobQueue {
  /** Which implementation, for logs and the admin page. */
  readonly kind: "pg-boss" | "in-process";
  /** Prepares storage (pg-boss: its schema and queues) and starts working due jobs in the background. */
  start(): Promise<void>;
  /** Stops taking jobs; waits (at most a few seconds) for the running ones. */
  stop(): Promise<void>;
  /** Enqueues a job; with a transaction as `db`, as part of it. Unknown names throw. */
  send(db: DB, name: string, data: Record<string, unknown>, options?: SendOptions): Promise<void>;
  /**
   * Runs every job that is due now (and any they enqueue that are due), in this process, until none is left;
   * resolves with how many ran. Tests and the CLI use it instead of waiting for the background worker.
   */
  runDue(names?: string[]): Promise<number>;
  /** Jobs that failed after their last retry, newest first. */
  deadJobs(limit: number): Promise<DeadJob[]>;
  /** How many dead jobs there are (the admin page shows the count beside its first page). */
  countDeadJobs?(): Promise<number>;
  /** Puts a dead job back in the queue; false when it is not (or no longer) dead. */
  retry(id: string): Promise<boolean>;
}
