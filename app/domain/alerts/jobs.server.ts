/**
 * The saved-search alert jobs (issue 17): `alerts.match` when a vacancy becomes open, `alerts.digest` daily and weekly
 * at 08:30 Asia/Shanghai. Both are safe to run again after a crash (alerts.server.ts says how).
 */
import type { DB } from "../../../db/database";
import { getJobQueue } from "../../../jobs/runtime";
import type { JobDefinition, JobQueue } from "../../../jobs/queue";
import { matchVacancyAlerts, nextDigestAt, sendDigests, type DigestFrequency } from "./alerts.server";

export const MATCH_JOB = "alerts.match";
export const DIGEST_JOB = "alerts.digest";

/** Enqueues the matching of a vacancy that has just become open; with a transaction, as part of it. */
export async function enqueueVacancyMatch(db: DB, vacancyId: string): Promise<void> {
  await getJobQueue().send(db, MATCH_JOB, { vacancyId });
}

/**
 * Enqueues the next digest of this frequency. The key names the run's time, so there is only ever one waiting for a
 * given time however often this is asked (every start, and every run for the one after it).
 */
async function scheduleDigest(queue: JobQueue, db: DB, frequency: DigestFrequency, now: Date): Promise<void> {
  const at = digestEvery() ? new Date(now.getTime() + digestEvery()! * 1000) : nextDigestAt(frequency, now);
  await queue.send(db, DIGEST_JOB, { frequency }, { startAfter: at, singletonKey: `${frequency}@${at.toISOString()}` });
}

/**
 * ALERT_DIGEST_EVERY_SECONDS (end-to-end tests and demos only; unset in production): digests every so many seconds
 * instead of 08:30 Shanghai, so a test sees one without waiting for the morning or a way to trigger jobs over HTTP.
 */
function digestEvery(): number | null {
  const s = Number(process.env.ALERT_DIGEST_EVERY_SECONDS);
  return Number.isFinite(s) && s > 0 ? s : null;
}

const matchJob: JobDefinition<{ vacancyId: string }> = {
  name: MATCH_JOB,
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
  handler: async (data, { db }) => {
    if (typeof data.vacancyId !== "string") return;
    await matchVacancyAlerts(db, data.vacancyId);
  },
};

const digestJob: JobDefinition<{ frequency: DigestFrequency }> = {
  name: DIGEST_JOB,
  retryLimit: 3,
  retryDelay: 300,
  retryBackoff: true,
  handler: async (data, { db }) => {
    const frequency = data.frequency === "weekly" ? "weekly" : "daily";
    // The next run first: a digest that keeps failing must not stop the ones after it.
    await scheduleDigest(getJobQueue(), db, frequency, new Date());
    await sendDigests(db, frequency);
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const alertJobs: JobDefinition<any>[] = [matchJob, digestJob];

export async function alertStartup(queue: JobQueue, db: DB): Promise<void> {
  const now = new Date();
  await scheduleDigest(queue, db, "daily", now);
  await scheduleDigest(queue, db, "weekly", now);
}
