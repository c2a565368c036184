import type { Migration } from "kysely";
import * as foundation from "./2026-11-29T06-45-00Z-foundation";
import * as marketplace from "./2026-11-29T07-00-00Z-marketplace";
import * as search from "./2026-11-29T09-30-00Z-search";
import * as quota from "./2026-11-29T10-10-00Z-quota";
import * as quotaPosition from "./2026-11-29T10-40-00Z-quota-position";
import * as counseling from "./2026-11-29T12-45-00Z-counseling";
import * as events from "./2026-11-29T13-20-00Z-events";
import * as objectionsOnce from "./2026-12-06T05-50-00Z-objections-once";
import * as abuseLimits from "./2026-12-06T06-00-00Z-abuse-limits";
import * as plan from "./2026-12-06T08-30-00Z-plan";
import * as programmes from "./2026-12-06T09-40-00Z-programmes";
import * as competitionResults from "./2026-12-06T09-52-00Z-competition-results";
import * as serviceExperience from "./2026-12-06T11-40-00Z-service-experience";
import * as searchSpeed from "./2026-12-06T16-30-00Z-search-speed";
import * as reach from "./2026-12-06T19-40-00Z-reach";
import * as interop from "./2026-12-06T19-55-00Z-interop";
import * as jobs from "./2026-12-06T20-10-00Z-jobs";

/**
 * Every migration, by name. Listed explicitly (not read from the folder) so the same list works under tsx,
 * Vitest and the bundled server. Names are ISO timestamps; the files are frozen once they have run.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-29T06-45-00Z-foundation": foundation,
  "2026-11-29T07-00-00Z-marketplace": marketplace,
  "2026-11-29T09-30-00Z-search": search,
  "2026-11-29T10-10-00Z-quota": quota,
  "2026-11-29T10-40-00Z-quota-position": quotaPosition,
  "2026-11-29T12-45-00Z-counseling": counseling,
  "2026-11-29T13-20-00Z-events": events,
  "2026-12-06T05-50-00Z-objections-once": objectionsOnce,
  "2026-12-06T06-00-00Z-abuse-limits": abuseLimits,
  "2026-12-06T08-30-00Z-plan": plan,
  "2026-12-06T09-40-00Z-programmes": programmes,
  "2026-12-06T09-52-00Z-competition-results": competitionResults,
  "2026-12-06T11-40-00Z-service-experience": serviceExperience,
  "2026-12-06T16-30-00Z-search-speed": searchSpeed,
  "2026-12-06T19-40-00Z-reach": reach,
  "2026-12-06T19-55-00Z-interop": interop,
  "2026-12-06T20-10-00Z-jobs": jobs,
};
