// Skeleton (issue 17, work in progress): the saved-search alert jobs land here.
import type { DB } from "../../../db/database";
import type { JobDefinition, JobQueue } from "../../../jobs/queue";

export const alertJobs: JobDefinition[] = [];

export async function alertStartup(_queue: JobQueue, _db: DB): Promise<void> {}
