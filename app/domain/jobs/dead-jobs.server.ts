/**
 * Dead jobs for the province federation's admins (/admin/jobs, issue 17, decision 018): jobs that failed after their
 * last retry, with what they carried shown only as ids and technical values (a job's data never shows a phone, an
 * email, a name or a free text here), and a retry that is audited.
 */
import type { DB } from "../../../db/database";
import type { DeadJob, JobQueue } from "../../../jobs/queue";
import { recordAudit } from "../audit/audit.server";
import { UUID_RE } from "../ids";
import { can, PROVINCE_CODE, type Actor } from "../permissions";

export const DEAD_JOBS_SHOWN = 100;

/** Province admins only: jobs run for the whole service, so the province federation looks after them. */
export function canManageJobs(actor: Actor | null | undefined): actor is Actor {
  return !!actor && actor.role === "admin" && can(actor, "read:audit_event", { regionCode: PROVINCE_CODE });
}

/** One entry of a job's data as the page shows it: `value` null when it is hidden. */
export interface ShownDatum {
  key: string;
  value: string | null;
}

// Keys whose values are about a person or are free text: never shown, whatever they hold.
const SENSITIVE_KEY = /phone|mobile|e-?mail|mail|name|address|token|password|secret|id_?number|certificate|disab|body|text|message|content|note|subject|contact|code/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
// A technical word: a topic, a channel, a template or a job's name ("alerts", "email", "alert.digest").
const TECHNICAL = /^[a-z][a-z0-9._:-]{0,39}$/i;

function shownScalar(value: unknown): string | null {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) < 1e7 ? String(value) : null;
  if (typeof value === "string") return UUID_RE.test(value) || ISO_DATE.test(value) || TECHNICAL.test(value) ? value : null;
  return null;
}

/** A job's data, flattened (`a.b`), with every value that is not an id, a number, a date or a technical word hidden. */
export function shownJobData(data: Record<string, unknown>, prefix = "", depth = 0): ShownDatum[] {
  const out: ShownDatum[] = [];
  for (const [k, value] of Object.entries(data ?? {})) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (SENSITIVE_KEY.test(k)) {
      out.push({ key, value: null });
    } else if (Array.isArray(value)) {
      const items = value.map(shownScalar);
      const all = items.every((v) => v !== null);
      out.push({ key, value: all ? items.slice(0, 10).join(", ") + (items.length > 10 ? ` … (${items.length})` : "") : null });
    } else if (value && typeof value === "object") {
      if (depth < 2) out.push(...shownJobData(value as Record<string, unknown>, key, depth + 1));
      else out.push({ key, value: null });
    } else {
      out.push({ key, value: shownScalar(value) });
    }
  }
  return out.slice(0, 30);
}

export interface DeadJobItem {
  id: string;
  name: string;
  runs: number;
  error: string | null;
  createdAt: string;
  failedAt: string | null;
  data: ShownDatum[];
}

/** The newest dead jobs (at most DEAD_JOBS_SHOWN) and how many there are. */
export async function listDeadJobs(queue: JobQueue, limit = DEAD_JOBS_SHOWN): Promise<{ kind: JobQueue["kind"]; items: DeadJobItem[]; total: number }> {
  const jobs: DeadJob[] = await queue.deadJobs(limit);
  const total = (await queue.countDeadJobs?.()) ?? jobs.length;
  return {
    kind: queue.kind,
    total: Math.max(total, jobs.length),
    items: jobs.map((j) => ({
      id: j.id,
      name: j.name,
      runs: j.retryCount + 1,
      // An error message may quote what failed; it is cut short, and it is shown to province admins only.
      error: j.error ? (j.error.length > 500 ? `${j.error.slice(0, 500)}…` : j.error) : null,
      createdAt: j.createdAt.toISOString(),
      failedAt: j.failedAt ? j.failedAt.toISOString() : null,
      data: shownJobData(j.data),
    })),
  };
}

/** Puts a dead job back in the queue (one more run) and records who did; false when it is not (or no longer) dead. */
export async function retryDeadJob(db: DB, queue: JobQueue, actor: Actor, id: string, context: { ip?: string | null } = {}): Promise<boolean> {
  if (!canManageJobs(actor) || !UUID_RE.test(id)) return false;
  const retried = await queue.retry(id);
  if (retried) {
    await recordAudit(db, { actorId: actor.id, subjectUserId: null, action: "retry", entity: "job", entityId: id, ip: context.ip ?? null });
  }
  return retried;
}
