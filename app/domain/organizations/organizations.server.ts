import { notFound, UUID_RE } from "../ids";
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { OrganizationType } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { createSession, generateSessionToken, invalidateSession, invalidateUserSessions, sessionIdFromToken } from "../accounts/session.server";
import { recordAudit } from "../audit/audit.server";
import { maskContact } from "../identity";
import { notify } from "../notifications/notifications.server";
import { can, regionPrefix, requirePermission, type Actor } from "../permissions";
import { membershipsOf, withOrganizations } from "./membership.server";
import type { InviteInput, OrganizationInput, OrganizationStatus, RejectInput, ReviewQuery } from "./organizations.schema";

/*
 * Employers' organizations: registration, verification by admins of the region, members and invitations.
 * Every use-case checks permission first (an object one may not see answers 404) and writes in one transaction.
 * The organization a page works on is the actor's first membership (an account belongs to one organization:
 * registering and accepting an invitation both refuse a user who already has one).
 */

const DAY = 24 * 60 * 60 * 1000;
export const INVITATION_LIFETIME_MS = 7 * DAY;
export const REVIEW_PAGE_SIZE = 20;

function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "23505";
}

function fail(field: string, key: string): { ok: false; fieldErrors: Record<string, string[]> } {
  return { ok: false, fieldErrors: { [field]: [key] } };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading organizations

export interface OrganizationDetails {
  id: string;
  name: string;
  uscc: string;
  type: OrganizationType;
  regionCode: string;
  regionName: string | null;
  prefectureName: string | null;
  address: string | null;
  industry: string;
  staffCount: number;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  status: OrganizationStatus;
  rejectionReason: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}

function detailsQuery(db: DB) {
  return db
    .selectFrom("organization as o")
    .leftJoin("division as d", "d.code", "o.region_code")
    .leftJoin("division as p", "p.code", "d.parent_code")
    .select([
      "o.id",
      "o.name",
      "o.uscc",
      "o.type",
      "o.region_code",
      "d.name as region_name",
      "p.name as prefecture_name",
      "o.address",
      "o.industry",
      "o.staff_count",
      "o.contact_name",
      "o.contact_phone",
      "o.contact_email",
      "o.status",
      "o.rejection_reason",
      "o.reviewed_at",
      "o.created_at",
    ]);
}

type DetailsRow = NonNullable<Awaited<ReturnType<ReturnType<typeof detailsQuery>["executeTakeFirst"]>>>;

function toDetails(r: DetailsRow): OrganizationDetails {
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    type: r.type,
    regionCode: r.region_code,
    regionName: r.region_name,
    prefectureName: r.prefecture_name,
    address: r.address,
    industry: r.industry,
    staffCount: r.staff_count,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    status: r.status,
    rejectionReason: r.rejection_reason,
    reviewedAt: r.reviewed_at,
    createdAt: r.created_at,
  };
}

/** Whether the user may register an organization: an employer account that belongs to none yet. */
function requireEmployer(actor: Actor): void {
  // `create:organization:own` is held by employer accounts only; for anyone else the page does not exist.
  requirePermission(actor, "create:organization", { ownerId: actor.id });
}

export type EmployerOverview =
  | { organization: null }
  | { organization: OrganizationDetails; role: "owner" | "recruiter"; memberCount: number };

/** What /employer shows: the actor's organization with its status, or nothing yet (registration is offered). */
export async function employerOverview(db: DB, actor: Actor): Promise<EmployerOverview> {
  requireEmployer(actor);
  const [membership] = await membershipsOf(db, actor.id);
  if (!membership) return { organization: null };
  requirePermission(await withOrganizations(db, actor), "read:organization", { organizationId: membership.organizationId });
  const [row, members] = await Promise.all([
    detailsQuery(db).where("o.id", "=", membership.organizationId).executeTakeFirstOrThrow(),
    db
      .selectFrom("organization_member")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organization_id", "=", membership.organizationId)
      .executeTakeFirstOrThrow(),
  ]);
  return { organization: toDetails(row), role: membership.role, memberCount: Number(members.n) };
}

export type RegistrationForm =
  | { mode: "register" }
  | { mode: "resubmit"; organization: OrganizationDetails }
  /** Nothing to fill in: the organization is verified, or the actor is a recruiter of one. */
  | { mode: "none" };

/** What /employer/register offers: a blank form, the owner's pending or rejected organization to correct, or nothing. */
export async function registrationForm(db: DB, actor: Actor): Promise<RegistrationForm> {
  requireEmployer(actor);
  const [membership] = await membershipsOf(db, actor.id);
  if (!membership) return { mode: "register" };
  if (membership.role !== "owner" || membership.status === "verified") return { mode: "none" };
  const row = await detailsQuery(db).where("o.id", "=", membership.organizationId).executeTakeFirstOrThrow();
  return { mode: "resubmit", organization: toDetails(row) };
}

// ---------------------------------------------------------------------------------------------------------------
// Registering and correcting

async function isCounty(db: DB, code: string): Promise<boolean> {
  const row = await db.selectFrom("division").select("level").where("code", "=", code).executeTakeFirst();
  return row?.level === "county";
}

async function usccTaken(db: DB, uscc: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom("organization").select("id").where("uscc", "=", uscc);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return !!(await q.executeTakeFirst());
}

function organizationValues(input: OrganizationInput) {
  return {
    name: input.name,
    uscc: input.uscc,
    type: input.type,
    region_code: input.regionCode,
    address: input.address,
    industry: input.industry,
    staff_count: input.staffCount,
    contact_name: input.contactName,
    contact_phone: input.contactPhone ?? null,
    contact_email: input.contactEmail ?? null,
  };
}

/**
 * Registers an organization for an employer account that belongs to none: the user becomes its owner and the
 * organization awaits verification. The USCC is unique across the platform.
 */
export async function registerOrganization(
  db: DB,
  actor: Actor,
  input: OrganizationInput,
  request: { ip?: string | null } = {},
): Promise<Result<{ organizationId: string }>> {
  requireEmployer(actor);
  if ((await membershipsOf(db, actor.id)).length) return fail("", "organizations.err.alreadyMember");
  if (!(await isCounty(db, input.regionCode))) return fail("regionCode", "organizations.err.regionRequired");
  if (await usccTaken(db, input.uscc)) return fail("uscc", "organizations.err.usccTaken");
  try {
    const created = await db.transaction().execute(async (trx) => {
      // One registration at a time per user, so two submits at once cannot make two organizations.
      await trx.selectFrom("app_user").select("id").where("id", "=", actor.id).forUpdate().executeTakeFirstOrThrow();
      const already = await trx.selectFrom("organization_member").select("organization_id").where("user_id", "=", actor.id).executeTakeFirst();
      if (already) return null;
      const org = await trx
        .insertInto("organization")
        .values({ ...organizationValues(input), status: "pending", created_by: actor.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx.insertInto("organization_member").values({ organization_id: org.id, user_id: actor.id, role: "owner" }).execute();
      await recordAudit(trx, { actorId: actor.id, subjectUserId: actor.id, action: "create", entity: "organization", entityId: org.id, ip: request.ip });
      return org;
    });
    if (!created) return fail("", "organizations.err.alreadyMember");
    return { ok: true, value: { organizationId: created.id } };
  } catch (e) {
    if (isUniqueViolation(e)) return fail("uscc", "organizations.err.usccTaken");
    throw e;
  }
}

/**
 * The owner corrects their organization while it is pending or after a rejection; either way it goes (back) to
 * pending and the old rejection reason is cleared. A verified organization cannot be changed here.
 */
export async function resubmitOrganization(
  db: DB,
  actor: Actor,
  organizationId: string,
  input: OrganizationInput,
  request: { ip?: string | null } = {},
): Promise<Result<{ organizationId: string }>> {
  await requireOwner(db, actor, organizationId);
  const current = await db.selectFrom("organization").select("status").where("id", "=", organizationId).executeTakeFirstOrThrow();
  if (current.status === "verified") return fail("", "organizations.err.alreadyVerified");
  if (!(await isCounty(db, input.regionCode))) return fail("regionCode", "organizations.err.regionRequired");
  if (await usccTaken(db, input.uscc, organizationId)) return fail("uscc", "organizations.err.usccTaken");
  try {
    const updated = await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable("organization")
        .set({
          ...organizationValues(input),
          status: "pending",
          rejection_reason: null,
          reviewed_by: null,
          reviewed_at: null,
          updated_at: new Date(),
        })
        .where("id", "=", organizationId)
        .where("status", "in", ["pending", "rejected"])
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return false;
      await recordAudit(trx, {
        actorId: actor.id,
        subjectUserId: actor.id,
        action: current.status === "rejected" ? "resubmit" : "update",
        entity: "organization",
        entityId: organizationId,
        ip: request.ip,
      });
      return true;
    });
    if (!updated) return fail("", "organizations.err.alreadyVerified");
    return { ok: true, value: { organizationId } };
  } catch (e) {
    if (isUniqueViolation(e)) return fail("uscc", "organizations.err.usccTaken");
    throw e;
  }
}

/** The registration form's one submit: registers, or corrects the owner's pending or rejected organization. */
export async function submitOrganization(
  db: DB,
  actor: Actor,
  input: OrganizationInput,
  request: { ip?: string | null } = {},
): Promise<Result<{ organizationId: string; resubmitted: boolean }>> {
  requireEmployer(actor);
  const [membership] = await membershipsOf(db, actor.id);
  if (!membership) {
    const r = await registerOrganization(db, actor, input, request);
    return r.ok ? { ok: true, value: { ...r.value, resubmitted: false } } : r;
  }
  if (membership.role !== "owner") return fail("", "organizations.err.alreadyMember");
  const r = await resubmitOrganization(db, actor, membership.organizationId, input, request);
  return r.ok ? { ok: true, value: { ...r.value, resubmitted: true } } : r;
}

// ---------------------------------------------------------------------------------------------------------------
// Verification by admins of the region

export interface ReviewListItem {
  id: string;
  name: string;
  uscc: string;
  type: OrganizationType;
  regionName: string | null;
  status: OrganizationStatus;
  createdAt: Date;
}

export interface ReviewList {
  items: ReviewListItem[];
  total: number;
  page: number;
  pageSize: number;
  /** How many organizations of each status lie within the admin's region (for the filter). */
  counts: Record<OrganizationStatus, number>;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The verification queue: organizations within the admin's region, pending first (oldest first), then the rest. */
export async function listOrganizationsForReview(db: DB, actor: Actor, query: ReviewQuery): Promise<ReviewList> {
  requirePermission(actor, "read:organization", { regionCode: actor.regionCode });
  const prefix = regionPrefix(actor.regionCode!);
  let base = db
    .selectFrom("organization as o")
    .leftJoin("division as d", "d.code", "o.region_code")
    .where("o.region_code", "like", `${prefix}%`);
  if (query.q) {
    const text = `%${escapeLike(query.q)}%`;
    base = base.where((eb) => eb.or([eb("o.name", "ilike", text), eb("o.uscc", "ilike", text)]));
  }
  const filtered = query.status === "all" ? base : base.where("o.status", "=", query.status);
  const [rows, total, counts] = await Promise.all([
    filtered
      .select(["o.id", "o.name", "o.uscc", "o.type", "d.name as region_name", "o.status", "o.created_at"])
      .orderBy(sql`case when o.status = 'pending' then 0 else 1 end`)
      .orderBy(sql`case when o.status = 'pending' then o.created_at end`, "asc")
      .orderBy("o.updated_at", "desc")
      .orderBy("o.id")
      .limit(REVIEW_PAGE_SIZE)
      .offset((query.page - 1) * REVIEW_PAGE_SIZE)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base.select(["o.status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("o.status").execute(),
  ]);
  const byStatus: Record<OrganizationStatus, number> = { pending: 0, verified: 0, rejected: 0 };
  for (const c of counts) byStatus[c.status] = Number(c.n);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      uscc: r.uscc,
      type: r.type,
      regionName: r.region_name,
      status: r.status,
      createdAt: r.created_at,
    })),
    total: Number(total.n),
    page: query.page,
    pageSize: REVIEW_PAGE_SIZE,
    counts: byStatus,
  };
}

export interface ReviewDetails {
  organization: OrganizationDetails;
  registeredBy: { name: string | null; phone: string | null; email: string | null } | null;
  canDecide: boolean;
}

/** One organization for an admin of its region; anyone else gets 404. */
export async function organizationForReview(db: DB, actor: Actor, organizationId: string): Promise<ReviewDetails> {
  requirePermission(actor, "read:organization", { regionCode: actor.regionCode });
  if (!isUuid(organizationId)) notFound();
  const row = await detailsQuery(db)
    .leftJoin("app_user as u", "u.id", "o.created_by")
    .select(["u.display_name as by_name", "u.phone as by_phone", "u.email as by_email", "o.created_by"])
    .where("o.id", "=", organizationId)
    .executeTakeFirst();
  if (!row) notFound();
  requirePermission(actor, "read:organization", { regionCode: row.region_code });
  return {
    organization: toDetails(row),
    registeredBy: row.created_by ? { name: row.by_name, phone: row.by_phone, email: row.by_email } : null,
    canDecide: row.status === "pending" && can(actor, "verify:organization", { regionCode: row.region_code }),
  };
}

async function ownerIds(db: DB, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("organization_member")
    .select("user_id")
    .where("organization_id", "=", organizationId)
    .where("role", "=", "owner")
    .orderBy("created_at")
    .execute();
  return rows.map((r) => r.user_id);
}

async function decide(
  db: DB,
  actor: Actor,
  organizationId: string,
  decision: { status: "verified" } | { status: "rejected"; reason: string },
  request: { ip?: string | null; now?: Date },
): Promise<Result<{ name: string }>> {
  requirePermission(actor, "verify:organization", { regionCode: actor.regionCode });
  if (!isUuid(organizationId)) notFound();
  const org = await db.selectFrom("organization").select(["name", "region_code"]).where("id", "=", organizationId).executeTakeFirst();
  if (!org) notFound();
  requirePermission(actor, "verify:organization", { regionCode: org.region_code });
  const now = request.now ?? new Date();
  const reason = decision.status === "rejected" ? decision.reason : null;
  const done = await db.transaction().execute(async (trx) => {
    // Only a pending organization is decided, and only once, even when two admins press at the same moment.
    const r = await trx
      .updateTable("organization")
      .set({ status: decision.status, rejection_reason: reason, reviewed_by: actor.id, reviewed_at: now, updated_at: now })
      .where("id", "=", organizationId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    const owners = await ownerIds(trx, organizationId);
    const params: Record<string, string> = reason === null ? { name: org.name } : { name: org.name, reason };
    for (const owner of owners) await notify(trx, owner, `organization.${decision.status}`, params, "/employer");
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: owners[0] ?? null,
      action: decision.status === "verified" ? "verify" : "reject",
      entity: "organization",
      entityId: organizationId,
      reason,
      ip: request.ip,
    });
    return true;
  });
  if (!done) return fail("", "organizations.err.notPending");
  return { ok: true, value: { name: org.name } };
}

/** An admin of the organization's region verifies it; its owners are notified. */
export function verifyOrganization(db: DB, actor: Actor, organizationId: string, request: { ip?: string | null; now?: Date } = {}) {
  return decide(db, actor, organizationId, { status: "verified" }, request);
}

/** An admin of the organization's region rejects it with a reason the owners are shown. */
export function rejectOrganization(
  db: DB,
  actor: Actor,
  organizationId: string,
  input: RejectInput,
  request: { ip?: string | null; now?: Date } = {},
) {
  const reason = input.reason.trim();
  if (!reason) return Promise.resolve(fail("reason", "organizations.err.reasonRequired"));
  return decide(db, actor, organizationId, { status: "rejected", reason }, request);
}

// ---------------------------------------------------------------------------------------------------------------
// Members and invitations

/** Throws 404 unless the actor is an owner of the organization. */
async function requireOwner(db: DB, actor: Actor, organizationId: string): Promise<void> {
  if (!isUuid(organizationId)) notFound();
  requirePermission(await withOrganizations(db, actor), "update:organization", { organizationId });
  const row = await db
    .selectFrom("organization_member")
    .select("role")
    .where("organization_id", "=", organizationId)
    .where("user_id", "=", actor.id)
    .executeTakeFirst();
  if (row?.role !== "owner") notFound();
}

export interface MemberItem {
  userId: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  role: "owner" | "recruiter";
  joinedAt: Date;
  isSelf: boolean;
}

export interface InvitationItem {
  id: string;
  phone: string | null;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface MembersPage {
  organization: { id: string; name: string; status: OrganizationStatus };
  isOwner: boolean;
  /** Owners is 1: the last owner cannot remove themself. */
  ownerCount: number;
  members: MemberItem[];
  /** Open invitations (not accepted, revoked or expired); owners only. */
  invitations: InvitationItem[];
}

/** Members of the actor's organization (the first they belong to), or null when they belong to none. */
export async function listMembers(db: DB, actor: Actor, organizationId?: string, now = new Date()): Promise<MembersPage | null> {
  requireEmployer(actor);
  const memberships = await membershipsOf(db, actor.id);
  const membership = organizationId ? memberships.find((m) => m.organizationId === organizationId) : memberships[0];
  if (!membership) {
    if (organizationId) notFound();
    return null;
  }
  requirePermission(await withOrganizations(db, actor), "read:organization", { organizationId: membership.organizationId });
  const isOwner = membership.role === "owner";
  const [members, invitations] = await Promise.all([
    db
      .selectFrom("organization_member as m")
      .innerJoin("app_user as u", "u.id", "m.user_id")
      .select(["m.user_id", "u.display_name", "u.phone", "u.email", "m.role", "m.created_at"])
      .where("m.organization_id", "=", membership.organizationId)
      .orderBy("m.role")
      .orderBy("m.created_at")
      .execute(),
    isOwner
      ? db
          .selectFrom("organization_invitation")
          .select(["id", "phone", "email", "created_at", "expires_at"])
          .where("organization_id", "=", membership.organizationId)
          .where("accepted_at", "is", null)
          .where("revoked_at", "is", null)
          .where("expires_at", ">", now)
          .orderBy("created_at", "desc")
          .execute()
      : Promise.resolve([]),
  ]);
  return {
    organization: { id: membership.organizationId, name: membership.name, status: membership.status },
    isOwner,
    ownerCount: members.filter((m) => m.role === "owner").length,
    members: members.map((m) => ({
      userId: m.user_id,
      name: m.display_name,
      phone: m.phone,
      email: m.email,
      role: m.role,
      joinedAt: m.created_at,
      isSelf: m.user_id === actor.id,
    })),
    invitations: invitations.map((i) => ({ id: i.id, phone: i.phone, email: i.email, createdAt: i.created_at, expiresAt: new Date(i.expires_at) })),
  };
}

/**
 * An owner invites a recruiter by phone and/or email. The token is shown once (the owner passes the link on);
 * only its SHA-256 is stored, as for sessions. An earlier open invitation to the same contact is revoked.
 */
export async function createInvitation(
  db: DB,
  actor: Actor,
  organizationId: string,
  input: InviteInput,
  request: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ invitationId: string; token: string; expiresAt: Date }>> {
  await requireOwner(db, actor, organizationId);
  const now = request.now ?? new Date();
  const phone = input.phone ?? null;
  const email = input.email ?? null;
  const existing = await db
    .selectFrom("organization_member as m")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .select(["u.phone", "u.email"])
    .where("m.organization_id", "=", organizationId)
    .where((eb) => eb.or([...(phone ? [eb("u.phone", "=", phone)] : []), ...(email ? [eb("u.email", "=", email)] : [])]))
    .executeTakeFirst();
  if (existing) return fail(phone && existing.phone === phone ? "phone" : "email", "organizations.err.inviteAlreadyMember");
  // The same scheme as session tokens: 160 random bits in the link, SHA-256 in the database.
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const invitation = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("organization_invitation")
      .set({ revoked_at: now })
      .where("organization_id", "=", organizationId)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where((eb) => eb.or([...(phone ? [eb("phone", "=", phone)] : []), ...(email ? [eb("email", "=", email)] : [])]))
      .execute();
    const row = await trx
      .insertInto("organization_invitation")
      .values({ organization_id: organizationId, token_hash: sessionIdFromToken(token), phone, email, created_by: actor.id, expires_at: expiresAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "invite", entity: "organization_member", entityId: organizationId, ip: request.ip });
    return row;
  });
  return { ok: true, value: { invitationId: invitation.id, token, expiresAt } };
}

/** An owner withdraws an open invitation of their organization; others get 404. */
export async function revokeInvitation(
  db: DB,
  actor: Actor,
  organizationId: string,
  invitationId: string,
  request: { ip?: string | null; now?: Date } = {},
): Promise<void> {
  await requireOwner(db, actor, organizationId);
  if (!isUuid(invitationId)) notFound();
  const now = request.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("organization_invitation")
      .select(["id", "accepted_at", "revoked_at"])
      .where("id", "=", invitationId)
      .where("organization_id", "=", organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) notFound();
    if (row.accepted_at || row.revoked_at) return; // already closed: submitting twice changes nothing
    await trx.updateTable("organization_invitation").set({ revoked_at: now }).where("id", "=", invitationId).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: null, action: "revoke", entity: "organization_invitation", entityId: invitationId, ip: request.ip });
  });
}

function invitationByToken(db: DB, token: string) {
  return db
    .selectFrom("organization_invitation as i")
    .innerJoin("organization as o", "o.id", "i.organization_id")
    .select(["i.id", "i.organization_id", "o.name", "i.phone", "i.email", "i.expires_at", "i.accepted_at", "i.accepted_by", "i.revoked_at"])
    .where("i.token_hash", "=", sessionIdFromToken(token));
}

function isTokenShaped(token: string): boolean {
  return /^[a-z2-7]{32}$/.test(token);
}

type InvitationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof invitationByToken>["executeTakeFirst"]>>>;

function contactMatches(inv: Pick<InvitationRow, "phone" | "email">, user: { phone: string | null; email: string | null }): boolean {
  return (!!inv.phone && inv.phone === user.phone) || (!!inv.email && !!user.email && inv.email === user.email.toLowerCase());
}

export type InvitationState = "invalid" | "expired" | "revoked" | "accepted" | "open";
/** Why the viewer can or cannot accept an open invitation. */
export type InvitationViewer = "anonymous" | "notEmployer" | "mismatch" | "alreadyMember" | "canAccept";

export type InvitationView =
  | { state: "invalid" }
  | { state: Exclude<InvitationState, "invalid">; organizationName: string; contact: string; expiresAt: Date; viewer: InvitationViewer };

function stateOf(inv: InvitationRow, now: Date): Exclude<InvitationState, "invalid"> {
  if (inv.accepted_at) return "accepted";
  if (inv.revoked_at) return "revoked";
  if (new Date(inv.expires_at).getTime() <= now.getTime()) return "expired";
  return "open";
}

/** What the invitation page shows to whoever opens the link (signed in or not). */
export async function viewInvitation(db: DB, viewer: Actor | null, token: string, now = new Date()): Promise<InvitationView> {
  if (!isTokenShaped(token)) return { state: "invalid" };
  const inv = await invitationByToken(db, token).executeTakeFirst();
  if (!inv) return { state: "invalid" };
  const base = { state: stateOf(inv, now), organizationName: inv.name, contact: maskContact(inv), expiresAt: new Date(inv.expires_at) };
  if (!viewer) return { ...base, viewer: "anonymous" };
  if (viewer.role !== "employer") return { ...base, viewer: "notEmployer" };
  const user = await db.selectFrom("app_user").select(["phone", "email"]).where("id", "=", viewer.id).executeTakeFirstOrThrow();
  if (!contactMatches(inv, user)) return { ...base, viewer: "mismatch" };
  if ((await membershipsOf(db, viewer.id)).length) return { ...base, viewer: "alreadyMember" };
  return { ...base, viewer: "canAccept" };
}

const ACCEPT_ERRORS: Record<Exclude<InvitationState, "open"> | Exclude<InvitationViewer, "canAccept" | "anonymous">, string> = {
  invalid: "organizations.invite.invalid",
  expired: "organizations.invite.expired",
  revoked: "organizations.invite.revoked",
  accepted: "organizations.invite.accepted",
  notEmployer: "organizations.invite.notEmployer",
  mismatch: "organizations.invite.mismatch",
  alreadyMember: "organizations.invite.alreadyMember",
};

/**
 * The invited employer accepts: they become a recruiter of the organization. Joining an organization is a
 * change of privilege, so the session is rotated (design §7): the current one ends and a new token is returned.
 */
export async function acceptInvitation(
  db: DB,
  actor: Actor,
  token: string,
  request: { sessionId?: string; ip?: string | null; now?: Date } = {},
): Promise<Result<{ organizationId: string; sessionToken: string; expiresAt: Date }>> {
  const now = request.now ?? new Date();
  if (!isTokenShaped(token)) return fail("", ACCEPT_ERRORS.invalid);
  if (actor.role !== "employer") return fail("", ACCEPT_ERRORS.notEmployer);
  type Outcome = { error: string } | { organizationId: string; sessionToken: string; expiresAt: Date };
  const outcome: Outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const inv = await invitationByToken(trx, token).forUpdate().executeTakeFirst();
    if (!inv) return { error: ACCEPT_ERRORS.invalid };
    const state = stateOf(inv, now);
    if (state !== "open") return { error: ACCEPT_ERRORS[state] };
    // Locks the user too, so accepting two invitations at once cannot make them a member twice.
    const user = await trx.selectFrom("app_user").select(["phone", "email"]).where("id", "=", actor.id).forUpdate().executeTakeFirstOrThrow();
    if (!contactMatches(inv, user)) return { error: ACCEPT_ERRORS.mismatch };
    const member = await trx.selectFrom("organization_member").select("organization_id").where("user_id", "=", actor.id).executeTakeFirst();
    if (member) return { error: ACCEPT_ERRORS.alreadyMember };
    await trx.insertInto("organization_member").values({ organization_id: inv.organization_id, user_id: actor.id, role: "recruiter" }).execute();
    await trx.updateTable("organization_invitation").set({ accepted_by: actor.id, accepted_at: now }).where("id", "=", inv.id).execute();
    await recordAudit(trx, { actorId: actor.id, subjectUserId: actor.id, action: "join", entity: "organization_member", entityId: inv.organization_id, ip: request.ip });
    if (request.sessionId) await invalidateSession(trx, request.sessionId);
    const { token: sessionToken, session } = await createSession(trx, actor.id, now);
    return { organizationId: inv.organization_id, sessionToken, expiresAt: session.expiresAt };
  });
  if ("error" in outcome) return fail("", outcome.error);
  return { ok: true, value: outcome };
}

/**
 * An owner removes a member: the membership ends and so do all the member's sessions, so nothing they had open
 * keeps working. The last owner cannot remove themself.
 */
export async function removeMember(
  db: DB,
  actor: Actor,
  organizationId: string,
  userId: string,
  request: { ip?: string | null } = {},
): Promise<Result<{ removedSelf: boolean; endedSessions: number }>> {
  await requireOwner(db, actor, organizationId);
  if (!isUuid(userId)) notFound();
  const outcome = await db.transaction().execute(async (trx) => {
    // Lock the organization's memberships so two owners removing each other cannot leave it without an owner.
    const members = await trx
      .selectFrom("organization_member")
      .select(["user_id", "role"])
      .where("organization_id", "=", organizationId)
      .forUpdate()
      .execute();
    const target = members.find((m) => m.user_id === userId);
    if (!target) notFound();
    if (target.role === "owner" && members.filter((m) => m.role === "owner").length <= 1) return null;
    await trx.deleteFrom("organization_member").where("organization_id", "=", organizationId).where("user_id", "=", userId).execute();
    const endedSessions = await invalidateUserSessions(trx, userId);
    await recordAudit(trx, { actorId: actor.id, subjectUserId: userId, action: "remove", entity: "organization_member", entityId: organizationId, ip: request.ip });
    return { removedSelf: userId === actor.id, endedSessions };
  });
  if (!outcome) return fail("", "organizations.err.lastOwner");
  return { ok: true, value: outcome };
}
