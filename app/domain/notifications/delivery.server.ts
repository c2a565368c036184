// Skeleton (issue 17, work in progress): notify() → deliveries by email and SMS, and the job that sends them.
import type { JobDefinition } from "../../../jobs/queue";

export const deliveryJobs: JobDefinition[] = [];
