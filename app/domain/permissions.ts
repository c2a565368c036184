import type { Role } from "../../db/schema";

/**
 * Typed permissions, `action:entity:scope`. A role is granted a list of them; `can` asks whether any grant
 * for `action:entity` has a scope that covers the target. Loaders, actions and use-cases all use this module.
 */
export const ACTIONS = ["create", "read", "update", "delete", "publish", "verify", "review", "assign"] as const;
export const ENTITIES = [
  "account",
  "staff_account",
  "seeker_profile",
  "organization",
  "vacancy",
  "application",
  "employment",
  "audit_event",
  "rule_parameter",
  "caseload",
  "event",
  "quota_declaration",
  "event_registration",
  "event_participation",
  "statistics",
  "plan_target",
  "verification",
  "household",
  "course",
  "enrolment",
  "designation",
  "business",
  "judge",
  "staff_training",
  "assessment",
  "competition_entry",
  "message",
  // Issue 15: feedback sent from any page, handled by the province federation (decision 014).
  "feedback",
  // Issue 18: partner API tokens (app/domain/api/tokens.server.ts).
  "api_token",
] as const;
export const SCOPES = ["own", "org", "assigned", "region", "any"] as const;

export type Action = (typeof ACTIONS)[number];
export type Entity = (typeof ENTITIES)[number];
export type Scope = (typeof SCOPES)[number];
export type PermissionBase = `${Action}:${Entity}`;
export type Permission = `${PermissionBase}:${Scope}`;

export const GRANTS: Record<Role, readonly Permission[]> = {
  seeker: [
    "read:account:own",
    "update:account:own",
    "delete:account:own",
    "create:seeker_profile:own",
    "read:seeker_profile:own",
    "update:seeker_profile:own",
    "delete:seeker_profile:own",
    "create:application:own",
    "read:application:own",
    "update:application:own",
    "read:vacancy:any",
    "read:event:any",
    "read:caseload:own",
    "create:event_registration:own",
    "read:event_registration:own",
    "update:event_registration:own",
    // Issue 14: courses and competitions are open to read; one's own enrolments and entries.
    "read:course:any",
    "create:enrolment:own",
    "read:enrolment:own",
    "update:enrolment:own",
    "create:competition_entry:own",
    "read:competition_entry:own",
    "update:competition_entry:own",
    // Issue 15: the thread with one's counselor (messages.server.ts also requires a current counselor to write).
    "read:message:own",
    "create:message:own",
  ],
  employer: [
    "read:account:own",
    "update:account:own",
    "delete:account:own",
    "create:organization:own",
    "read:organization:org",
    "update:organization:org",
    "create:vacancy:org",
    "read:vacancy:any",
    "update:vacancy:org",
    "publish:vacancy:org",
    "read:application:org",
    "update:application:org",
    "create:employment:org",
    "read:employment:org",
    "create:quota_declaration:org",
    "read:quota_declaration:org",
    "read:event:any",
    "create:event_participation:org",
    "read:event_participation:org",
    "update:event_participation:org",
    // Issue 14: a designated training base's members keep its courses' attendance, completions and certificates.
    "read:course:any",
    "read:enrolment:org",
    "update:enrolment:org",
  ],
  counselor: [
    "read:account:own",
    "update:account:own",
    "read:seeker_profile:assigned",
    "update:seeker_profile:assigned",
    "read:application:assigned",
    "read:caseload:region",
    "assign:caseload:region",
    "update:caseload:assigned",
    "read:vacancy:any",
    "read:event:any",
    // Issue 13: jobs found off the platform are recorded for seekers of the counselor's region; the quarterly
    // real-name check and households belong to the seeker's own counselor.
    "create:employment:region",
    "update:employment:region",
    "create:verification:assigned",
    "read:household:assigned",
    "update:household:assigned",
    // Issue 14: enrolling one's own people, their capability assessments; entrepreneurs of the region.
    "read:course:any",
    "create:enrolment:assigned",
    "read:enrolment:assigned",
    "create:assessment:assigned",
    "read:assessment:assigned",
    "create:business:region",
    "update:business:region",
    "read:business:region",
    // Issue 15: the thread of each person on one's own caseload (not the region's: admins have none).
    "read:message:assigned",
    "create:message:assigned",
  ],
  admin: [
    "read:account:own",
    "update:account:own",
    "create:staff_account:region",
    "read:staff_account:region",
    "verify:organization:region",
    "read:organization:region",
    "read:audit_event:region",
    // Levy parameters hold for the whole province: only the province federation changes them (decision 010).
    "read:rule_parameter:any",
    "update:rule_parameter:region",
    "read:caseload:region",
    "assign:caseload:region",
    "create:event:region",
    "update:event:region",
    "read:event:any",
    "read:vacancy:any",
    "review:quota_declaration:region",
    // Publishing is asked of the province (PROVINCE_CODE): one disclosure a year for all of it (decision 010).
    "publish:quota_declaration:region",
    "read:quota_declaration:region",
    "read:event_registration:region",
    "update:event_registration:region",
    "review:event_participation:region",
    // Issue 13: the plan's figures, targets, snapshots and reports of the admin's region; off-platform employment.
    "read:statistics:region",
    "create:statistics:region",
    "update:plan_target:region",
    "create:employment:region",
    "update:employment:region",
    "read:employment:region",
    // Issue 14: the programmes of the admin's region.
    "read:course:any",
    "create:course:region",
    "update:course:region",
    "read:enrolment:region",
    "update:enrolment:region",
    "create:designation:region",
    "update:designation:region",
    "create:business:region",
    "update:business:region",
    "read:business:region",
    "create:judge:region",
    "update:judge:region",
    "create:staff_training:region",
    "read:staff_training:region",
    // Issue 15: asked for the province's region, so in effect only province admins handle feedback (decision 014).
    "read:feedback:region",
    "update:feedback:region",
    // Issue 18: partner API tokens for the admin's region (a prefecture admin's tokens read that prefecture only).
    "create:api_token:region",
    "read:api_token:region",
    "update:api_token:region",
  ],
};

export interface Actor {
  id: string;
  role: Role;
  /** Service region of counselors and admins (a division code). */
  regionCode: string | null;
  /** Organizations the actor is a member of. */
  organizationIds?: readonly string[];
}

/** What is known about the object being acted on; each scope looks at its own part. */
export interface Target {
  ownerId?: string | null;
  organizationId?: string | null;
  assignedCounselorIds?: readonly string[];
  regionCode?: string | null;
}

/** Guizhou province (GB/T 2260): the region of the province federation's staff (贵州省残联). */
export const PROVINCE_CODE = "520000";

/**
 * Whether `regionCode` lies within `scopeCode` (the same division or below it). Division codes are six digits:
 * a province ends in 0000, a prefecture in 00.
 */
export function isWithinRegion(scopeCode: string | null | undefined, regionCode: string | null | undefined): boolean {
  if (!scopeCode || !regionCode) return false;
  if (!/^\d{6}$/.test(scopeCode) || !/^\d{6}$/.test(regionCode)) return false;
  return regionCode.startsWith(regionPrefix(scopeCode));
}

/** The leading digits every division within `code` shares: 52 for the province, 5201 for 贵阳市. */
export function regionPrefix(code: string): string {
  return code.endsWith("0000") ? code.slice(0, 2) : code.endsWith("00") ? code.slice(0, 4) : code;
}

export function scopeCovers(scope: Scope, actor: Actor, target: Target = {}): boolean {
  switch (scope) {
    case "any":
      return true;
    case "own":
      return target.ownerId != null && target.ownerId === actor.id;
    case "org":
      return target.organizationId != null && (actor.organizationIds ?? []).includes(target.organizationId);
    case "assigned":
      return (target.assignedCounselorIds ?? []).includes(actor.id);
    case "region":
      return isWithinRegion(actor.regionCode, target.regionCode);
  }
}

export function grantsFor(role: Role, base: PermissionBase): Scope[] {
  return GRANTS[role].filter((p) => p.startsWith(`${base}:`)).map((p) => p.slice(base.length + 1) as Scope);
}

export function can(actor: Actor | null | undefined, base: PermissionBase, target?: Target): boolean {
  if (!actor) return false;
  return grantsFor(actor.role, base).some((scope) => scopeCovers(scope, actor, target));
}

/** Whether the role holds `base` at all, before any object is known (for navigation and list pages). */
export function hasPermission(actor: Actor | null | undefined, base: PermissionBase): boolean {
  return !!actor && grantsFor(actor.role, base).length > 0;
}

/**
 * Throws a 404 response when the actor may not act on the target: an object one may not see is, to them,
 * an object that does not exist.
 */
export function requirePermission(actor: Actor | null | undefined, base: PermissionBase, target?: Target): asserts actor is Actor {
  if (!can(actor, base, target)) {
    throw new Response("Not Found", { status: 404 });
  }
}
