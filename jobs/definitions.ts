/**
 * Every job this application runs, by name, with its retry policy (jobs/queue.ts). Both queues (pg-boss and the
 * in-process one) run exactly these definitions; `startup` steps run once the queue has started (digests schedule
 * their next run there).
 */
import type { DB } from "../db/database";
import { alertJobs, alertStartup } from "../app/domain/alerts/jobs.server";
import { deliveryJobs } from "../app/domain/notifications/delivery.server";
import { interopJobs } from "../app/domain/interop/jobs.server";
import type { JobDefinition, JobQueue } from "./queue";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const definitions: JobDefinition<any>[] = [...deliveryJobs, ...alertJobs, ...interopJobs];

export const startup: ((queue: JobQueue, db: DB) => Promise<void>)[] = [alertStartup];

export function definition(name: string): JobDefinition | undefined {
  return definitions.find((d) => d.name === name);
}
