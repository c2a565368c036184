import type { DB } from "../../../db/database";
import type { Actor } from "../permissions";
import { getProfile, type ProfileView } from "../seekers/seekers.server";
import { requireAssigned } from "./access.server";
import { assignmentHistory, type AssignmentHistoryItem } from "./caseload.server";
import { clientFollowUps, type EmploymentFollowUp } from "./follow-up.server";
import { clientTimeline, loadPlan, type PlanView, type TimelineItem } from "./plans.server";
import { clientReferrals, type ReferralOutcome } from "./referrals.server";

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
  await requireAssigned(db, actor, seekerId, "read:seeker_profile");
  const profile = await getProfile(db, actor, seekerId, { ip: options.ip });
  const [plan, timeline, referrals, followUps, assignments] = await Promise.all([
    loadPlan(db, seekerId),
    clientTimeline(db, actor, seekerId),
    clientReferrals(db, actor, seekerId),
    clientFollowUps(db, actor, seekerId),
    assignmentHistory(db, seekerId),
  ]);
  return { profile, plan, timeline, referrals, followUps, assignments };
}
