import type { DB } from "../../../db/database";
import type { Actor } from "../permissions";
import { getProfile, type ProfileView } from "../seekers/seekers.server";
import { requireAssigned } from "./access.server";
import { assignmentHistory, type AssignmentHistoryItem } from "./caseload.server";
import { followUpsOf, type EmploymentFollowUp } from "./follow-up.server";
import { loadPlan, timelineOf, type PlanView, type TimelineItem } from "./plans.server";
import { referralsOf, type ReferralOutcome } from "./referrals.server";

export interface ClientOverview {
  profile: ProfileView;
  plan: PlanView;
  timeline: TimelineItem[];
  referrals: ReferralOutcome[];
  followUps: EmploymentFollowUp[];
  assignments: AssignmentHistoryItem[];
}

/**
 * One seeker of the caseload as their counselor sees them: the full profile (the read is audited by getProfile),
 * the plan, the timeline, referrals with outcomes and post-placement follow-up. 404 for anyone but the seeker's
 * current counselor.
 */
export async function getClientOverview(db: DB, actor: Actor, seekerId: string, options: { ip?: string } = {}): Promise<ClientOverview> {
  // The page is the counselor's only (the seeker reads their own profile elsewhere): one check for all its parts.
  await requireAssigned(db, actor, seekerId, "read:seeker_profile");
  const profile = await getProfile(db, actor, seekerId, { ip: options.ip });
  const [plan, timeline, referrals, followUps, assignments] = await Promise.all([
    loadPlan(db, seekerId),
    timelineOf(db, seekerId),
    referralsOf(db, seekerId),
    followUpsOf(db, seekerId),
    assignmentHistory(db, seekerId),
  ]);
  return { profile, plan, timeline, referrals, followUps, assignments };
}
