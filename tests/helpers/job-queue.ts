import { sql } from "kysely";
import type { DB } from "../../db/database";
import { InProcessQueue } from "../../jobs/in-process";
import { PgBossQueue } from "../../jobs/pg-boss";
import type { JobDefinition, JobQueue } from "../../jobs/queue";
import { setJobQueue } from "../../jobs/runtime";

/**
 * The queue a domain test runs its jobs on, installed as the process's queue (getJobQueue()): on PGlite the
 * in-process queue on the test database; on PostgreSQL pg-boss in a schema of the test's own (dropped at close),
 * so the same definitions are tested on both, as the app runs them.
 */
export interface TestQueue {
  queue: JobQueue;
  /** Jobs waiting for a retry become due now (instead of after their delay). */
  retriesDue(): Promise<void>;
  close(): Promise<void>;
}

export async function installTestQueue(db: DB, definitions: JobDefinition[], name: string): Promise<TestQueue> {
  if (process.env.DATABASE_URL) {
    const schema = `pgboss_${name}_${process.pid}_${Date.now().toString(36)}`;
    const queue = new PgBossQueue({ connectionString: process.env.DATABASE_URL, db: () => db, definitions, schema, poolSize: 2, work: false, log: () => undefined });
    await queue.start();
    setJobQueue(queue);
    return {
      queue,
      retriesDue: async () => {
        await sql`update ${sql.id(schema, "job")} set start_after = now() - interval '1 second' where state = 'retry'`.execute(db);
      },
      close: async () => {
        await queue.stop();
        await queue.dropSchema();
      },
    };
  }
  const queue = new InProcessQueue({ db: () => db, definitions, log: () => undefined });
  setJobQueue(queue);
  return {
    queue,
    retriesDue: async () => {
      await sql`update job set start_after = now() - interval '1 second' where state = 'retry'`.execute(db);
    },
    close: async () => {
      await queue.stop();
    },
  };
}
