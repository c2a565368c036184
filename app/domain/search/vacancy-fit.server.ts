/**
 * The vacancy page as a signed-in seeker sees it (issue 15): whether the vacancy fits what they told us (the same
 * rules and wording as the search, design §5), and whether they have applied already, so the page can put the
 * right action first ("申请这个岗位", or "已申请 — 查看申请").
 */
import type { DB } from "../../../db/database";
import type { ApplicationStatus } from "../../../db/schema";
import { requireUuid } from "../ids";
import { match } from "../matching/matching";
import { requirePermission, type Actor } from "../permissions";
import { loadMatchSeeker, loadVacancyCards, type MatchInfo } from "./search.server";

export interface SeekerVacancyView {
  /** Null when there is nothing to match against: no profile yet, or the vacancy is not open. */
  match: MatchInfo | null;
  /** Whether the seeker has a profile at all, and whether it says where they can work (without it nothing fits). */
  hasProfile: boolean;
  placeKnown: boolean;
  /** The seeker's application to this vacancy, if any, whatever the vacancy's state now. */
  application: { id: string; status: ApplicationStatus } | null;
}

/** The seeker's own view of one vacancy: their fit and their application. Seekers only, about themselves. */
export async function seekerVacancyView(db: DB, actor: Actor, vacancyId: string, options: { now?: Date } = {}): Promise<SeekerVacancyView> {
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  requireUuid(vacancyId);
  const [me, cards, application] = await Promise.all([
    loadMatchSeeker(db, actor.id),
    loadVacancyCards(db, [vacancyId]),
    db.selectFrom("application").select(["id", "status"]).where("vacancy_id", "=", vacancyId).where("seeker_id", "=", actor.id).executeTakeFirst(),
  ]);
  const card = cards[0];
  const m = me && card ? match(me.seeker, card.matchVacancy, { now: options.now }) : null;
  return {
    match: m ? { eligible: m.eligible, score: m.score, reasons: m.reasons } : null,
    hasProfile: !!me,
    placeKnown: me?.placeKnown ?? false,
    application: application ?? null,
  };
}
