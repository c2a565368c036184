/**
 * The application state machine (design §4): submitted → viewed → interview → offered → hired, or rejected
 * by the employer from any open state, or withdrawn by the seeker from any open state. Hired, rejected and
 * withdrawn are final.
 *
 * An employer may move forward past a step (interview → hired when there is no separate offer, viewed →
 * offered when there is no interview), never backward: a seeker who has been told "interview" is not told
 * "viewed" again. Pure: no database, no actor; who may make which move is `movesFor`.
 */
import type { ApplicationStatus } from "../../../db/schema";

export type { ApplicationStatus };

export const APPLICATION_STATUSES = ["submitted", "viewed", "interview", "offered", "hired", "rejected", "withdrawn"] as const satisfies readonly ApplicationStatus[];

/** The forward path, in order. */
export const PIPELINE = ["submitted", "viewed", "interview", "offered", "hired"] as const satisfies readonly ApplicationStatus[];

export const OPEN_STATUSES = ["submitted", "viewed", "interview", "offered"] as const satisfies readonly ApplicationStatus[];
export const FINAL_STATUSES = ["hired", "rejected", "withdrawn"] as const satisfies readonly ApplicationStatus[];

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === "string" && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export function isOpen(status: ApplicationStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** Whether an application in `from` may move to `to` (by anyone). */
export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  if (!isOpen(from)) return false;
  if (to === "rejected" || to === "withdrawn") return true;
  const i = (PIPELINE as readonly string[]).indexOf(from);
  const j = (PIPELINE as readonly string[]).indexOf(to);
  return j > i;
}

/** Moves each side makes: the employer moves along the path or rejects; the seeker only withdraws. */
const TARGETS_BY: Record<"employer" | "seeker", readonly ApplicationStatus[]> = {
  employer: ["viewed", "interview", "offered", "hired", "rejected"],
  seeker: ["withdrawn"],
};

export function canMoveAs(by: "employer" | "seeker", from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TARGETS_BY[by].includes(to) && canMove(from, to);
}

/** The statuses `by` may move an application in `from` to, in display order. */
export function movesFor(by: "employer" | "seeker", from: ApplicationStatus): ApplicationStatus[] {
  return TARGETS_BY[by].filter((to) => canMove(from, to));
}
