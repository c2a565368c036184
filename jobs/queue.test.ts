/**
 * The job queue (issue 17, decision 018): the in-process queue on PGlite and on PostgreSQL, and pg-boss on PostgreSQL,
 * against one set of expectations — transactional enqueue, retries with backoff, dead jobs and retry, singleton keys,
 * jobs a crashed worker left active, jobs enqueued by jobs, the background worker.
 *
 * Job names are unique to this run (the `job` table is shared by the test files on PostgreSQL); pg-boss gets a schema
 * of its own, dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../db/database";
import { useTestDatabase } from "../tests/helpers/db";
import { InProcessQueue } from "./in-process";
import { PgBossQueue } from "./pg-boss";
import type { JobContext, JobDefinition, JobQueue } from "./queue";

const database = useTestDatabase();
const run = randomBytes(4).toString("hex");

interface Harness {
  queue: JobQueue;
  names: Record<"ok" | "flaky" | "chain" | "once" | "crashy", string>;
  calls: { name: string; data: Record<string, unknown>; context: Omit<JobContext, "db"> }[];
  flaky: { fail: boolean };
  /** The job's row: state, retry count, seconds until start_after. */
  job(id: string): Promise<{ state: string; retry_count: number; wait: number } | undefined>;
  jobIds(name: string): Promise<string[]>;
  /** Makes a waiting retry due now. */
  due(id: string): Promise<void>;
  /** Leaves a job as a process that stopped while running it would (active, started `agoSeconds` ago). */
  crash(name: string, id: string, agoSeconds: number): Promise<void>;
  /** The backoff's bounds after failed run n (0-based) with a 10 s delay: exact in process, with jitter on pg-boss. */
  backoff(n: number): [number, number];
  /** Another queue on the same storage (a restarted process). */
  another(options: { pollMs: number }): JobQueue;
  close(): Promise<void>;
}

function definitions(prefix: string, h: Pick<Harness, "calls" | "flaky">, send: () => JobQueue): JobDefinition[] {
  const record = (name: string) => async (data: Record<string, unknown>, context: JobContext) => {
    const { db: _db, ...rest } = context;
    h.calls.push({ name, data, context: rest });
  };
  return [
    { name: `${prefix}ok`, retryLimit: 2, retryDelay: 1, retryBackoff: false, handler: record(`${prefix}ok`) },
    { name: `${prefix}once`, retryLimit: 1, retryDelay: 1, retryBackoff: false, handler: record(`${prefix}once`) },
    { name: `${prefix}crashy`, retryLimit: 1, retryDelay: 0, retryBackoff: false, handler: record(`${prefix}crashy`) },
    {
      name: `${prefix}flaky`,
      retryLimit: 2,
      retryDelay: 10,
      retryBackoff: true,
      handler: async (data, context) => {
        await record(`${prefix}flaky`)(data, context);
        if (h.flaky.fail) throw new Error(`refused on run ${context.retryCount}`);
      },
    },
    {
      name: `${prefix}chain`,
      retryLimit: 0,
      retryDelay: 0,
      retryBackoff: false,
      handler: async (data, context) => {
        await record(`${prefix}chain`)(data, context);
        // A job that enqueues another with the handler's own handle.
        await send().send(context.db, `${prefix}ok`, { from: context.jobId });
      },
    },
  ];
}

async function inProcessHarness(db: DB): Promise<Harness> {
  const prefix = `t${run}_ip_`;
  const h = { calls: [] as Harness["calls"], flaky: { fail: true } };
  let queue!: InProcessQueue;
  const defs = definitions(prefix, h, () => queue);
  queue = new InProcessQueue({ db: () => db, definitions: defs, log: () => undefined });
  return {
    queue,
    ...h,
    names: { ok: `${prefix}ok`, flaky: `${prefix}flaky`, chain: `${prefix}chain`, once: `${prefix}once`, crashy: `${prefix}crashy` },
    job: async (id) => {
      const { rows } = await sql<{ state: string; retry_count: number; wait: number }>`
        select state, retry_count, extract(epoch from start_after - now())::float8 as wait from job where id = ${id}`.execute(db);
      return rows[0];
    },
    jobIds: async (name) => (await db.selectFrom("job").select("id").where("name", "=", name).orderBy("created_at").execute()).map((r) => r.id),
    due: async (id) => {
      await sql`update job set start_after = now() - interval '1 second' where id = ${id}`.execute(db);
    },
    crash: async (_name, id, agoSeconds) => {
      await sql`update job set state = 'active', started_at = now() - ${agoSeconds} * interval '1 second' where id = ${id}`.execute(db);
    },
    backoff: (n) => [10 * 2 ** n - 1, 10 * 2 ** n + 1],
    another: ({ pollMs }) => new InProcessQueue({ db: () => db, definitions: defs, pollMs, recoverAllAtStart: false, log: () => undefined }),
    close: async () => {
      await queue.stop();
      await sql`delete from job where name like ${`${prefix}%`}`.execute(db);
    },
  };
}

async function pgBossHarness(db: DB): Promise<Harness> {
  const prefix = `t${run}_pb_`;
  const schema = `pgboss_test_${run}`;
  const h = { calls: [] as Harness["calls"], flaky: { fail: true } };
  const queues: PgBossQueue[] = [];
  const defs = definitions(prefix, h, () => queues[0]!);
  const make = (pollMs = 500) =>
    new PgBossQueue({ connectionString: process.env.DATABASE_URL!, db: () => db, definitions: defs, schema, pollMs, poolSize: 2, log: () => undefined });
  queues.push(make());
  return {
    queue: queues[0]!,
    ...h,
    names: { ok: `${prefix}ok`, flaky: `${prefix}flaky`, chain: `${prefix}chain`, once: `${prefix}once`, crashy: `${prefix}crashy` },
    job: async (id) => {
      const { rows } = await sql<{ state: string; retry_count: number; wait: number }>`
        select state::text, retry_count, extract(epoch from start_after - now())::float8 as wait from ${sql.id(schema, "job")} where id = ${id}`.execute(db);
      return rows[0];
    },
    jobIds: async (name) =>
      (await sql<{ id: string }>`select id from ${sql.id(schema, "job")} where name = ${name} order by created_on`.execute(db)).rows.map((r) => r.id),
    due: async (id) => {
      await sql`update ${sql.id(schema, "job")} set start_after = now() - interval '1 second' where id = ${id}`.execute(db);
    },
    crash: async (name, id, agoSeconds) => {
      // The way pg-boss itself leaves it: fetched (active, started) and never completed.
      const [job] = await queues[0]!.boss.fetch(name, { batchSize: 1 });
      expect(job?.id).toBe(id);
      await sql`update ${sql.id(schema, "job")} set started_on = now() - ${agoSeconds} * interval '1 second' where id = ${id}`.execute(db);
    },
    // pg-boss waits between delay × 2^n and twice that.
    backoff: (n) => [10 * 2 ** n - 1, 10 * 2 ** (n + 1) + 1],
    another: ({ pollMs }) => {
      const q = make(pollMs);
      queues.push(q);
      return q;
    },
    close: async () => {
      for (const q of queues) await q.stop();
      await queues[0]!.dropSchema();
    },
  };
}

const kinds: [string, (db: DB) => Promise<Harness>][] = [["in-process", inProcessHarness]];
if (process.env.DATABASE_URL) kinds.push(["pg-boss", pgBossHarness]);

async function waitFor(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(kinds)("the %s queue", (_kind, makeHarness) => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness(database.db);
  });
  afterAll(async () => {
    await h?.close();
  });
  const callsOf = (name: string) => h.calls.filter((c) => c.name === name);

  it("enqueues with the caller's transaction: rolled back, no job; committed, it runs once", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await h.queue.send(trx, h.names.once, { n: 1 });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await h.jobIds(h.names.once)).toHaveLength(0);
    expect(await h.queue.runDue([h.names.once])).toBe(0);

    await database.db.transaction().execute(async (trx) => {
      await h.queue.send(trx, h.names.once, { n: 2 });
    });
    expect(await h.jobIds(h.names.once)).toHaveLength(1);
    expect(await h.queue.runDue([h.names.once])).toBe(1);
    expect(await h.queue.runDue([h.names.once])).toBe(0);
    expect(callsOf(h.names.once)).toEqual([{ name: h.names.once, data: { n: 2 }, context: expect.objectContaining({ retryCount: 0, lastAttempt: false }) }]);
    const [id] = await h.jobIds(h.names.once);
    expect((await h.job(id!))?.state).toBe("completed");
  });

  it("refuses a name no definition has", async () => {
    await expect(h.queue.send(database.db, `t${run}_nothing`, {})).rejects.toThrow(/no job is defined/);
  });

  it("retries a failing job with backoff, then it is dead, listed, and retry() brings it back", async () => {
    h.flaky.fail = true;
    await h.queue.send(database.db, h.names.flaky, { deliveryId: "d-1" });
    const [id] = await h.jobIds(h.names.flaky);
    for (let n = 0; n < 2; n += 1) {
      expect(await h.queue.runDue([h.names.flaky])).toBe(1);
      const job = await h.job(id!);
      expect(job?.state).toBe("retry");
      const [low, high] = h.backoff(n);
      expect(job!.wait).toBeGreaterThanOrEqual(low);
      expect(job!.wait).toBeLessThanOrEqual(high);
      // Not due yet: nothing runs.
      expect(await h.queue.runDue([h.names.flaky])).toBe(0);
      await h.due(id!);
    }
    expect(await h.queue.runDue([h.names.flaky])).toBe(1);
    expect((await h.job(id!))?.state).toBe("failed");
    expect(callsOf(h.names.flaky).map((c) => [c.context.retryCount, c.context.lastAttempt])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);

    const dead = await h.queue.deadJobs(50);
    const mine = dead.find((d) => d.id === id);
    expect(mine).toMatchObject({ name: h.names.flaky, data: { deliveryId: "d-1" }, retryCount: 2, error: "refused on run 2" });
    expect(mine!.failedAt).toBeInstanceOf(Date);
    expect(mine!.createdAt.getTime()).toBeLessThanOrEqual(mine!.failedAt!.getTime());
    expect(await h.queue.countDeadJobs!()).toBeGreaterThanOrEqual(1);

    expect(await h.queue.retry("not-a-job")).toBe(false);
    h.flaky.fail = false;
    expect(await h.queue.retry(id!)).toBe(true);
    expect(await h.queue.retry(id!)).toBe(false);
    expect((await h.queue.deadJobs(50)).some((d) => d.id === id)).toBe(false);
    expect(await h.queue.runDue([h.names.flaky])).toBe(1);
    expect((await h.job(id!))?.state).toBe("completed");
    // The retried run is the last one it was given.
    expect(callsOf(h.names.flaky).at(-1)?.context).toMatchObject({ retryCount: 3, lastAttempt: true });
  });

  it("drops a second send of a singleton key while the first waits, not after it ran", async () => {
    await h.queue.send(database.db, h.names.ok, { n: 1 }, { singletonKey: "vacancy-1" });
    await h.queue.send(database.db, h.names.ok, { n: 2 }, { singletonKey: "vacancy-1" });
    await database.db.transaction().execute(async (trx) => {
      await h.queue.send(trx, h.names.ok, { n: 3 }, { singletonKey: "vacancy-1" });
      await h.queue.send(trx, h.names.ok, { n: 4 }, { singletonKey: "vacancy-2" });
    });
    expect(await h.jobIds(h.names.ok)).toHaveLength(2);
    const before = callsOf(h.names.ok).length;
    expect(await h.queue.runDue([h.names.ok])).toBe(2);
    expect(callsOf(h.names.ok).slice(before).map((c) => c.data.n).sort()).toEqual([1, 4]);
    await h.queue.send(database.db, h.names.ok, { n: 5 }, { singletonKey: "vacancy-1" });
    expect(await h.jobIds(h.names.ok)).toHaveLength(3);
    expect(await h.queue.runDue([h.names.ok])).toBe(1);
  });

  it("waits for startAfter", async () => {
    const later = new Date(Date.now() + 60 * 60_000);
    await h.queue.send(database.db, h.names.once, { n: "later" }, { startAfter: later });
    expect(await h.queue.runDue([h.names.once])).toBe(0);
    const ids = await h.jobIds(h.names.once);
    const job = await h.job(ids.at(-1)!);
    expect(job?.state).toBe("created");
    expect(job!.wait).toBeGreaterThan(3500);
    await h.due(ids.at(-1)!);
    expect(await h.queue.runDue([h.names.once])).toBe(1);
  });

  it("runs again a job whose worker crashed (left active)", async () => {
    await h.queue.send(database.db, h.names.crashy, { n: 1 });
    const [id] = await h.jobIds(h.names.crashy);
    await h.crash(h.names.crashy, id!, 60 * 60);
    expect((await h.job(id!))?.state).toBe("active");
    const before = callsOf(h.names.crashy).length;
    if (h.queue.kind === "in-process") {
      // A restarted process: at start, jobs active longer than the timeout go back to the queue and run.
      const restarted = h.another({ pollMs: 50 });
      await restarted.start();
      try {
        await waitFor(async () => (await h.job(id!))?.state === "completed");
      } finally {
        await restarted.stop();
      }
    } else {
      // pg-boss fails a job active past its expiry (15 minutes), and so retries it; runDue expires first.
      expect(await h.queue.runDue([h.names.crashy])).toBe(1);
      expect((await h.job(id!))?.state).toBe("completed");
    }
    expect(callsOf(h.names.crashy).slice(before)).toEqual([
      { name: h.names.crashy, data: { n: 1 }, context: expect.objectContaining({ retryCount: 1, lastAttempt: true }) },
    ]);
  });

  it.runIf(_kind === "in-process")("runDue, too, runs again a job left active past the timeout", async () => {
    await h.queue.send(database.db, h.names.crashy, { n: 3 });
    const id = (await h.jobIds(h.names.crashy)).at(-1)!;
    await h.crash(h.names.crashy, id, 60 * 60);
    expect(await h.queue.runDue([h.names.crashy])).toBe(1);
    expect((await h.job(id))?.state).toBe("completed");
    expect(callsOf(h.names.crashy).at(-1)).toMatchObject({ data: { n: 3 }, context: { retryCount: 1 } });
  });

  it.runIf(_kind === "in-process")("leaves alone a job active for less than the timeout", async () => {
    await h.queue.send(database.db, h.names.crashy, { n: 2 });
    const id = (await h.jobIds(h.names.crashy)).at(-1)!;
    await h.crash(h.names.crashy, id, 5);
    expect(await (h.queue as InProcessQueue).recoverStale(15 * 60_000)).toBe(0);
    expect((await h.job(id))?.state).toBe("active");
    // Past its last retry when the process stopped: dead, not run forever.
    await sql`update job set retry_count = 2, started_at = now() - interval '1 hour' where id = ${id}`.execute(database.db);
    expect(await (h.queue as InProcessQueue).recoverStale(15 * 60_000)).toBe(1);
    expect((await h.job(id))?.state).toBe("failed");
  });

  it("runDue runs jobs that jobs enqueue", async () => {
    const before = callsOf(h.names.ok).length;
    await h.queue.send(database.db, h.names.chain, { n: 1 });
    expect(await h.queue.runDue([h.names.chain, h.names.ok])).toBe(2);
    const [chain] = callsOf(h.names.chain).slice(-1);
    expect(callsOf(h.names.ok).slice(before)).toEqual([{ name: h.names.ok, data: { from: chain!.context.jobId }, context: expect.anything() }]);
  });

  it("works jobs in the background once started", async () => {
    const worker = h.another({ pollMs: 500 });
    await worker.start();
    try {
      const before = callsOf(h.names.once).length;
      await database.db.transaction().execute(async (trx) => {
        await worker.send(trx, h.names.once, { n: "background" });
      });
      await waitFor(() => callsOf(h.names.once).length > before);
      const ids = await h.jobIds(h.names.once);
      await waitFor(async () => (await h.job(ids.at(-1)!))?.state === "completed");
      expect(callsOf(h.names.once).slice(before).map((c) => c.data)).toEqual([{ n: "background" }]);
    } finally {
      await worker.stop();
    }
  });
});
