/** English strings of jobs-admin.ts: every key of the Chinese catalog (the type checker enforces it). A file of its own so the browser loads one language. */
import type { zh } from "../jobs-admin";

export const en: Record<keyof typeof zh, string> = {
  "jobs.nav": "Background jobs",
  "jobs.title": "Failed background jobs",
  "jobs.lead":
    "Sending emails and text messages, and job alerts, are queued and done in the background; a job that fails is retried automatically after a while. Below are the jobs that still failed after their last retry. Notifications on the site are not affected. Once the cause is fixed (the mail server's settings, for example), retry them.",
  "jobs.queue": "Queue: {kind}",
  "jobs.kind.pg-boss": "pg-boss (PostgreSQL)",
  "jobs.kind.in-process": "in this process (embedded database)",
  "jobs.list": "Failed jobs",
  "jobs.count": "{total} in all, newest first.",
  "jobs.countLimited": "{total} in all; the newest {shown} are shown here. The others appear as these are retried.",
  "jobs.empty": "No failed jobs.",
  "jobs.col.name": "Job",
  "jobs.col.failedAt": "Failed",
  "jobs.col.createdAt": "Queued",
  "jobs.col.runs": "Runs",
  "jobs.col.error": "Error",
  "jobs.col.data": "Data",
  "jobs.error.none": "No error message was recorded",
  "jobs.data.none": "None",
  "jobs.data.hidden": "(not shown)",
  "jobs.data.note": "A job's data is shown only as ids and technical values, never names, contact details or other personal information.",
  "jobs.retry": "Retry",
  "jobs.retry.label": "Retry job {name} (failed {when})",
  "jobs.retried": "The job is back in the queue and will run again shortly.",
  "jobs.gone": "This job is no longer among the failed ones (it may have been retried or removed).",
};
