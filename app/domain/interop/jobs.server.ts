/**
 * The background job of the registry import (issue 18): `interop.import` runs (or resumes) one import run. A retry
 * continues after the last committed batch, so a worker that stopped mid-file loses nothing.
 */
import type { JobDefinition } from "../../../jobs/queue";
import { IMPORT_JOB, runImport } from "./people-import.server";

export const interopJobs: JobDefinition<{ runId: string }>[] = [
  {
    name: IMPORT_JOB,
    retryLimit: 2,
    retryDelay: 30,
    retryBackoff: true,
    handler: async (data, context) => {
      await runImport(context.db, data.runId);
    },
  },
];
