import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createOrganization, createUser, makeUscc } from "../../../tests/fixtures/factories";
import { organizationInput } from "../../../tests/fixtures/organizations";
import { useTestDatabase } from "../../../tests/helpers/db";
import { countUserSessions, createSession, sessionIdFromToken, validateSessionToken } from "../accounts/session.server";
import { usccCheckCharacter } from "../identity";
import type { Actor } from "../permissions";
import { isVerifiedMember, membershipsOf, requireVerifiedOrganization } from "./membership.server";
import { inviteSchema, organizationSchema, parseReviewQuery, rejectSchema } from "./organizations.schema";
import {
  acceptInvitation,
  createInvitation,
  employerOverview,
  INVITATION_LIFETIME_MS,
  listMembers,
  listOrganizationsForReview,
  organizationForReview,
  registerOrganization,
  registrationForm,
  rejectOrganization,
  removeMember,
  resubmitOrganization,
  revokeInvitation,
  submitOrganization,
  verifyOrganization,
  viewInvitation,
} from "./organizations.server";

const t = useTestDatabase();

function actorOf(user: { id: string; role: Actor["role"] }, regionCode: string | null = null): Actor {
  return { id: user.id, role: user.role, regionCode };
}

async function employer(phone?: string) {
  const u = await createUser(t.db, { role: "employer", ...(phone ? { phone } : {}) });
  return { ...u, actor: actorOf(u) };
}

async function admin(regionCode: string) {
  const u = await createUser(t.db, { role: "admin", regionCode });
  return actorOf(u, regionCode);
}

/** Resolves when the promise rejects with a Response of that status (how permission failures surface). */
async function expectStatus(promise: Promise<unknown>, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Response);
  expect((error as Response).status).toBe(status);
}

async function registered(overrides: Parameters<typeof organizationInput>[0] = {}) {
  const owner = await employer();
  const r = await registerOrganization(t.db, owner.actor, organizationInput(overrides));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return { owner, organizationId: r.value.organizationId };
}

function validUscc(body17: string) {
  return body17 + usccCheckCharacter(body17);
}

describe("the organization form schema", () => {
  const base = {
    name: "遵义示范企业",
    type: "enterprise",
    regionCode: "520302",
    address: "红花岗区 1 号",
    industry: "manufacturing",
    staffCount: "80",
    contactName: "李经理",
    contactPhone: "13812345678",
  };
  const errorsOf = (values: Record<string, unknown>) => {
    const r = organizationSchema.safeParse(values);
    return r.success ? {} : r.error.flatten().fieldErrors;
  };

  it("accepts a valid USCC typed in lower case with spaces, and normalizes it", () => {
    const code = validUscc("91520302MA6DL3K1X");
    const r = organizationSchema.safeParse({ ...base, staffCount: 80, uscc: ` ${code.toLowerCase().slice(0, 9)} ${code.toLowerCase().slice(9)} ` });
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.uscc).toBe(code);
  });

  it("tells a badly shaped USCC from one with a wrong check character", () => {
    const code = validUscc("91520302MA6DL3K1X");
    const wrongCheck = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
    expect(errorsOf({ ...base, staffCount: 80, uscc: wrongCheck }).uscc).toEqual(["organizations.err.usccCheck"]);
    expect(errorsOf({ ...base, staffCount: 80, uscc: "91520302MA6DL3K1" }).uscc).toEqual(["organizations.err.usccFormat"]);
    // I, O, S, V and Z are not used in codes; letters where the division code goes are wrong too.
    expect(errorsOf({ ...base, staffCount: 80, uscc: "91520302MA6DL3KIXO" }).uscc).toEqual(["organizations.err.usccFormat"]);
    expect(errorsOf({ ...base, staffCount: 80, uscc: "91AB0302MA6DL3K1X0" }).uscc).toEqual(["organizations.err.usccFormat"]);
    expect(errorsOf({ ...base, staffCount: 80 }).uscc).toEqual(["organizations.err.usccRequired"]);
  });

  it("needs a whole staff count of at least 1 and a contact phone or email", () => {
    const uscc = makeUscc();
    expect(errorsOf({ ...base, uscc, staffCount: 0 }).staffCount).toEqual(["organizations.err.staffMin"]);
    expect(errorsOf({ ...base, uscc, staffCount: 2.5 }).staffCount).toEqual(["organizations.err.staffInteger"]);
    expect(errorsOf({ ...base, uscc, staffCount: "many" }).staffCount).toEqual(["organizations.err.staffInteger"]);
    expect(errorsOf({ ...base, uscc, staffCount: 5, contactPhone: undefined }).contactPhone).toEqual(["organizations.err.contactRequired"]);
    expect(errorsOf({ ...base, uscc, staffCount: 5, contactPhone: "12345" }).contactPhone).toEqual(["err.phoneFormat"]);
    expect(errorsOf({ ...base, uscc, staffCount: 5, contactPhone: undefined, contactEmail: "hr@example.com" })).toEqual({});
    expect(errorsOf({ ...base, uscc, staffCount: 5, type: "company" }).type).toEqual(["organizations.err.typeRequired"]);
  });

  it("a rejection needs a reason; an invitation needs a contact", () => {
    expect(rejectSchema.safeParse({ reason: "   " }).success).toBe(false);
    expect(rejectSchema.safeParse({}).success).toBe(false);
    expect(rejectSchema.safeParse({ reason: "信用代码与名称不符" }).success).toBe(true);
    expect(inviteSchema.safeParse({}).success).toBe(false);
    expect(inviteSchema.safeParse({ email: "HR@Example.com" })).toMatchObject({ success: true, data: { email: "hr@example.com" } });
  });

  it("reads the queue's query string, falling back to defaults", () => {
    expect(parseReviewQuery(new URLSearchParams(""))).toEqual({ status: "all", q: "", page: 1 });
    expect(parseReviewQuery(new URLSearchParams("status=pending&page=3&q=%20贵阳%20"))).toEqual({ status: "pending", q: "贵阳", page: 3 });
    expect(parseReviewQuery(new URLSearchParams("status=bogus&page=-2"))).toEqual({ status: "all", q: "", page: 1 });
  });
});

describe("registering an organization", () => {
  it("an employer without an organization registers one: they own it and it awaits verification", async () => {
    const owner = await employer();
    expect(await employerOverview(t.db, owner.actor)).toEqual({ organization: null });
    expect(await registrationForm(t.db, owner.actor)).toEqual({ mode: "register" });
    const input = organizationInput();
    const r = await registerOrganization(t.db, owner.actor, input, { ip: "127.0.0.1" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const org = await t.db.selectFrom("organization").selectAll().where("id", "=", r.value.organizationId).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: input.name, uscc: input.uscc, status: "pending", staff_count: 120, created_by: owner.id });
    expect(await membershipsOf(t.db, owner.id)).toEqual([{ organizationId: org.id, role: "owner", status: "pending", name: input.name }]);
    const audit = await t.db.selectFrom("audit_event").select(["action", "entity"]).where("entity_id", "=", org.id).execute();
    expect(audit).toEqual([{ action: "create", entity: "organization" }]);
    const overview = await employerOverview(t.db, owner.actor);
    expect(overview).toMatchObject({ organization: { id: org.id, status: "pending", regionName: "南明区", prefectureName: "贵阳市" }, role: "owner" });
  });

  it("only employers register (others get 404), and only once", async () => {
    const seeker = await createUser(t.db, { role: "seeker" });
    await expectStatus(registerOrganization(t.db, actorOf(seeker), organizationInput()), 404);
    await expectStatus(registerOrganization(t.db, await admin("520000"), organizationInput()), 404);
    await expectStatus(employerOverview(t.db, actorOf(seeker)), 404);
    const { owner } = await registered();
    expect(await registerOrganization(t.db, owner.actor, organizationInput())).toEqual({
      ok: false,
      fieldErrors: { "": ["organizations.err.alreadyMember"] },
    });
  });

  it("two registrations at once by the same user make one organization", async () => {
    const owner = await employer();
    const results = await Promise.all([0, 1, 2].map(() => registerOrganization(t.db, owner.actor, organizationInput())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await membershipsOf(t.db, owner.id)).toHaveLength(1);
  });

  it("a USCC already registered gets its own message", async () => {
    const uscc = makeUscc();
    await registered({ uscc });
    const other = await employer();
    expect(await registerOrganization(t.db, other.actor, organizationInput({ uscc }))).toEqual({
      ok: false,
      fieldErrors: { uscc: ["organizations.err.usccTaken"] },
    });
    expect(await membershipsOf(t.db, other.id)).toEqual([]);
  });

  it("the region must be a county of the division table", async () => {
    const owner = await employer();
    for (const regionCode of ["520100", "999999"]) {
      expect(await registerOrganization(t.db, owner.actor, organizationInput({ regionCode }))).toEqual({
        ok: false,
        fieldErrors: { regionCode: ["organizations.err.regionRequired"] },
      });
    }
  });
});

describe("verification by admins of the region", () => {
  it("an admin of the region verifies; the owner is notified and the decision audited", async () => {
    const { owner, organizationId } = await registered({ regionCode: "520302" });
    const zunyi = await admin("520300");
    const r = await verifyOrganization(t.db, zunyi, organizationId, { ip: "10.0.0.1" });
    expect(r.ok).toBe(true);
    const org = await t.db.selectFrom("organization").select(["status", "reviewed_by", "name"]).where("id", "=", organizationId).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ status: "verified", reviewed_by: zunyi.id });
    const notes = await t.db.selectFrom("notification").select(["kind", "params", "link"]).where("user_id", "=", owner.id).execute();
    expect(notes).toEqual([{ kind: "organization.verified", params: { name: org.name }, link: "/employer" }]);
    const audit = await t.db
      .selectFrom("audit_event")
      .select(["actor_id", "subject_user_id", "action", "ip"])
      .where("entity_id", "=", organizationId)
      .where("action", "=", "verify")
      .execute();
    expect(audit).toEqual([{ actor_id: zunyi.id, subject_user_id: owner.id, action: "verify", ip: "10.0.0.1" }]);
    expect(await isVerifiedMember(t.db, owner.id, organizationId)).toBe(true);
    // Decided once: a second decision is refused.
    expect(await rejectOrganization(t.db, zunyi, organizationId, { reason: "重复" })).toEqual({
      ok: false,
      fieldErrors: { "": ["organizations.err.notPending"] },
    });
  });

  it("an admin of another prefecture, or an employer, gets 404", async () => {
    const { owner, organizationId } = await registered({ regionCode: "520302" });
    const guiyang = await admin("520100");
    await expectStatus(verifyOrganization(t.db, guiyang, organizationId), 404);
    await expectStatus(rejectOrganization(t.db, guiyang, organizationId, { reason: "不属于本区域" }), 404);
    await expectStatus(organizationForReview(t.db, guiyang, organizationId), 404);
    await expectStatus(verifyOrganization(t.db, owner.actor, organizationId), 404);
    await expectStatus(organizationForReview(t.db, await admin("520000"), "not-a-uuid"), 404);
    const org = await t.db.selectFrom("organization").select("status").where("id", "=", organizationId).executeTakeFirstOrThrow();
    expect(org.status).toBe("pending");
    const review = await organizationForReview(t.db, await admin("520000"), organizationId);
    expect(review).toMatchObject({ organization: { id: organizationId, regionName: "红花岗区" }, canDecide: true });
  });

  it("rejection needs a reason, which the owner sees; the owner corrects it and it is pending again", async () => {
    const { owner, organizationId } = await registered();
    const province = await admin("520000");
    expect(await rejectOrganization(t.db, province, organizationId, { reason: "  " })).toEqual({
      ok: false,
      fieldErrors: { reason: ["organizations.err.reasonRequired"] },
    });
    const reason = "统一社会信用代码与单位名称不一致";
    expect((await rejectOrganization(t.db, province, organizationId, { reason })).ok).toBe(true);
    const overview = await employerOverview(t.db, owner.actor);
    expect(overview).toMatchObject({ organization: { status: "rejected", rejectionReason: reason } });
    const note = await t.db.selectFrom("notification").select(["kind", "params"]).where("user_id", "=", owner.id).executeTakeFirstOrThrow();
    expect(note.kind).toBe("organization.rejected");
    expect(note.params).toMatchObject({ reason });
    const audit = await t.db.selectFrom("audit_event").select(["reason"]).where("entity_id", "=", organizationId).where("action", "=", "reject").execute();
    expect(audit).toEqual([{ reason }]);

    const form = await registrationForm(t.db, owner.actor);
    expect(form).toMatchObject({ mode: "resubmit", organization: { id: organizationId, status: "rejected" } });
    const fixed = organizationInput({ name: "更正后的单位名称" });
    const r = await submitOrganization(t.db, owner.actor, fixed);
    expect(r).toEqual({ ok: true, value: { organizationId, resubmitted: true } });
    const org = await t.db
      .selectFrom("organization")
      .select(["name", "status", "rejection_reason", "reviewed_by"])
      .where("id", "=", organizationId)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({ name: "更正后的单位名称", status: "pending", rejection_reason: null, reviewed_by: null });
    expect((await verifyOrganization(t.db, province, organizationId)).ok).toBe(true);
    // Verified: nothing left to correct here.
    expect(await registrationForm(t.db, owner.actor)).toEqual({ mode: "none" });
    expect(await resubmitOrganization(t.db, owner.actor, organizationId, fixed)).toEqual({
      ok: false,
      fieldErrors: { "": ["organizations.err.alreadyVerified"] },
    });
  });

  it("correcting keeps the USCC unique but allows the organization's own", async () => {
    const taken = makeUscc();
    await registered({ uscc: taken });
    const { owner, organizationId } = await registered();
    expect(await resubmitOrganization(t.db, owner.actor, organizationId, organizationInput({ uscc: taken }))).toEqual({
      ok: false,
      fieldErrors: { uscc: ["organizations.err.usccTaken"] },
    });
    const own = await t.db.selectFrom("organization").select("uscc").where("id", "=", organizationId).executeTakeFirstOrThrow();
    expect((await resubmitOrganization(t.db, owner.actor, organizationId, organizationInput({ uscc: own.uscc }))).ok).toBe(true);
  });

  it("the queue lists the admin's region only, pending first, filtered and paginated", async () => {
    // Names carry a tag of this run: on PostgreSQL earlier runs' rows stay in the same region.
    const tag = Math.random().toString(36).slice(2, 8);
    const region = "522301";
    const queueAdmin = await admin("522300");
    const owners = await Promise.all([0, 1, 2].map(() => employer()));
    const verified = await createOrganization(t.db, owners[0]!.id, { regionCode: region, status: "verified", name: `兴义已审核单位${tag}` });
    const pending1 = await createOrganization(t.db, owners[1]!.id, { regionCode: region, status: "pending", name: `兴义待审核单位甲${tag}` });
    const pending2 = await createOrganization(t.db, owners[2]!.id, { regionCode: "522323", status: "pending", name: `普安待审核单位乙${tag}` });
    await registered({ regionCode: "520102", name: `南明单位${tag}` }); // elsewhere: never listed
    // Two rows made within one millisecond share created_at; the second is made later by a second, as in life.
    await t.db.updateTable("organization").set({ created_at: sql`created_at + interval '1 second'` }).where("id", "=", pending2.id).execute();
    const all = await listOrganizationsForReview(t.db, queueAdmin, { status: "all", q: "", page: 1 });
    const firstDecided = all.items.findIndex((i) => i.status !== "pending");
    if (firstDecided >= 0) expect(all.items.slice(firstDecided).some((i) => i.status === "pending")).toBe(false);
    const tagged = await listOrganizationsForReview(t.db, queueAdmin, { status: "all", q: tag, page: 1 });
    expect(tagged.total).toBe(3);
    expect(tagged.counts).toEqual({ pending: 2, verified: 1, rejected: 0 });
    // Pending first, the oldest pending first.
    expect(tagged.items.map((i) => i.id)).toEqual([pending1.id, pending2.id, verified.id]);
    const pendingOnly = await listOrganizationsForReview(t.db, queueAdmin, { status: "pending", q: tag, page: 1 });
    expect(pendingOnly.items.map((i) => i.id)).toEqual([pending1.id, pending2.id]);
    const byName = await listOrganizationsForReview(t.db, queueAdmin, { status: "all", q: `待审核单位乙${tag}`, page: 1 });
    expect(byName.items.map((i) => i.id)).toEqual([pending2.id]);
    const org = await t.db.selectFrom("organization").select("uscc").where("id", "=", verified.id).executeTakeFirstOrThrow();
    const byCode = await listOrganizationsForReview(t.db, queueAdmin, { status: "all", q: org.uscc.toLowerCase(), page: 1 });
    expect(byCode.items.map((i) => i.id)).toEqual([verified.id]);
    expect((await listOrganizationsForReview(t.db, queueAdmin, { status: "all", q: "%", page: 1 })).items).toEqual([]);
    const beyond = await listOrganizationsForReview(t.db, queueAdmin, { status: "all", q: tag, page: 2 });
    expect(beyond.items).toEqual([]);
    // Another prefecture's admin does not see them; a county admin sees only their county.
    expect((await listOrganizationsForReview(t.db, await admin("520300"), { status: "all", q: tag, page: 1 })).items).toEqual([]);
    const county = await listOrganizationsForReview(t.db, await admin("522323"), { status: "all", q: tag, page: 1 });
    expect(county.items.map((i) => i.id)).toEqual([pending2.id]);
    await expectStatus(listOrganizationsForReview(t.db, owners[0]!.actor, { status: "all", q: "", page: 1 }), 404);
  });

  it("pages hold 20 organizations", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const queueAdmin = await admin("520203");
    const owners = await Promise.all(Array.from({ length: 21 }, () => employer()));
    for (const [i, o] of owners.entries()) await createOrganization(t.db, o.id, { regionCode: "520203", status: "pending", name: `盘州单位${i}${tag}` });
    const first = await listOrganizationsForReview(t.db, queueAdmin, { status: "pending", q: tag, page: 1 });
    const second = await listOrganizationsForReview(t.db, queueAdmin, { status: "pending", q: tag, page: 2 });
    expect(first.total).toBe(21);
    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(21);
  });
});

describe("the helpers vacancies use", () => {
  it("only a member of a verified organization passes", async () => {
    const { owner, organizationId } = await registered();
    expect(await isVerifiedMember(t.db, owner.id, organizationId)).toBe(false);
    await expectStatus(requireVerifiedOrganization(t.db, owner.actor, organizationId), 403);
    await verifyOrganization(t.db, await admin("520000"), organizationId);
    expect(await requireVerifiedOrganization(t.db, owner.actor, organizationId)).toMatchObject({ id: organizationId, regionCode: "520102" });
    const stranger = await employer();
    expect(await isVerifiedMember(t.db, stranger.id, organizationId)).toBe(false);
    await expectStatus(requireVerifiedOrganization(t.db, stranger.actor, organizationId), 404);
  });
});

describe("invitations and members", () => {
  it("an invitation stores only the token's hash and lasts 7 days", async () => {
    const { owner, organizationId } = await registered();
    const now = new Date("2026-12-01T02:00:00Z");
    const phone = (await employer()).phone!;
    const r = await createInvitation(t.db, owner.actor, organizationId, { phone }, { now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.token).toMatch(/^[a-z2-7]{32}$/);
    const row = await t.db.selectFrom("organization_invitation").selectAll().where("id", "=", r.value.invitationId).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sessionIdFromToken(r.value.token));
    expect(row.token_hash).not.toContain(r.value.token);
    expect(new Date(row.expires_at).getTime() - now.getTime()).toBe(INVITATION_LIFETIME_MS);
    expect(INVITATION_LIFETIME_MS).toBe(7 * 24 * 60 * 60 * 1000);
    const stored = await t.db.selectFrom("organization_invitation").select("id").where("token_hash", "=", r.value.token).execute();
    expect(stored).toEqual([]);
  });

  it("the invited employer accepts and becomes a recruiter; the session is rotated", async () => {
    const { owner, organizationId } = await registered();
    const invitee = await employer();
    const r = await createInvitation(t.db, owner.actor, organizationId, { phone: invitee.phone! });
    if (!r.ok) throw new Error("invitation failed");
    expect(await viewInvitation(t.db, null, r.value.token)).toMatchObject({ state: "open", viewer: "anonymous" });
    expect(await viewInvitation(t.db, invitee.actor, r.value.token)).toMatchObject({ state: "open", viewer: "canAccept" });
    const { token: oldToken, session } = await createSession(t.db, invitee.id);
    const accepted = await acceptInvitation(t.db, invitee.actor, r.value.token, { sessionId: session.id });
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    expect(accepted.value.organizationId).toBe(organizationId);
    expect(await validateSessionToken(t.db, oldToken)).toBeNull();
    expect((await validateSessionToken(t.db, accepted.value.sessionToken))?.user.id).toBe(invitee.id);
    expect(await membershipsOf(t.db, invitee.id)).toMatchObject([{ organizationId, role: "recruiter" }]);
    // Used once only.
    expect(await viewInvitation(t.db, invitee.actor, r.value.token)).toMatchObject({ state: "accepted" });
    const again = await acceptInvitation(t.db, invitee.actor, r.value.token);
    expect(again).toEqual({ ok: false, fieldErrors: { "": ["organizations.invite.accepted"] } });
    // A recruiter sees the members but cannot invite or remove.
    const page = await listMembers(t.db, invitee.actor);
    expect(page).toMatchObject({ isOwner: false, invitations: [] });
    expect(page?.members.map((m) => m.role)).toEqual(["owner", "recruiter"]);
    await expectStatus(createInvitation(t.db, invitee.actor, organizationId, { phone: "13900000000" }), 404);
    await expectStatus(removeMember(t.db, invitee.actor, organizationId, owner.id), 404);
  });

  it("an invitation by email matches the account's email in any case", async () => {
    const { owner, organizationId } = await registered();
    const invitee = await employer();
    const email = `hr${Math.random().toString(36).slice(2, 8)}@example.com`;
    await t.db.updateTable("app_user").set({ email: email.toUpperCase() }).where("id", "=", invitee.id).execute();
    const r = await createInvitation(t.db, owner.actor, organizationId, { email });
    if (!r.ok) throw new Error("invitation failed");
    expect((await acceptInvitation(t.db, invitee.actor, r.value.token)).ok).toBe(true);
  });

  it("a wrong contact, a seeker, an expired, revoked or unknown link are refused", async () => {
    const { owner, organizationId } = await registered();
    const invitee = await employer();
    const wrong = await employer();
    const seeker = await createUser(t.db, { role: "seeker", phone: undefined });
    const now = new Date();
    const r = await createInvitation(t.db, owner.actor, organizationId, { phone: invitee.phone! }, { now });
    if (!r.ok) throw new Error("invitation failed");
    expect(await viewInvitation(t.db, wrong.actor, r.value.token)).toMatchObject({ viewer: "mismatch", contact: `${invitee.phone!.slice(0, 3)}****${invitee.phone!.slice(-4)}` });
    expect(await acceptInvitation(t.db, wrong.actor, r.value.token)).toEqual({ ok: false, fieldErrors: { "": ["organizations.invite.mismatch"] } });
    expect(await viewInvitation(t.db, actorOf(seeker), r.value.token)).toMatchObject({ viewer: "notEmployer" });
    expect(await acceptInvitation(t.db, actorOf(seeker), r.value.token)).toEqual({ ok: false, fieldErrors: { "": ["organizations.invite.notEmployer"] } });
    const later = new Date(now.getTime() + INVITATION_LIFETIME_MS + 1000);
    expect(await viewInvitation(t.db, invitee.actor, r.value.token, later)).toMatchObject({ state: "expired" });
    expect(await acceptInvitation(t.db, invitee.actor, r.value.token, { now: later })).toEqual({
      ok: false,
      fieldErrors: { "": ["organizations.invite.expired"] },
    });
    expect(await viewInvitation(t.db, invitee.actor, "a".repeat(32))).toEqual({ state: "invalid" });
    expect(await viewInvitation(t.db, invitee.actor, "../../etc")).toEqual({ state: "invalid" });
    expect(await acceptInvitation(t.db, invitee.actor, "b".repeat(32))).toEqual({ ok: false, fieldErrors: { "": ["organizations.invite.invalid"] } });
    await revokeInvitation(t.db, owner.actor, organizationId, r.value.invitationId);
    expect(await acceptInvitation(t.db, invitee.actor, r.value.token)).toEqual({ ok: false, fieldErrors: { "": ["organizations.invite.revoked"] } });
    expect(await membershipsOf(t.db, invitee.id)).toEqual([]);
    expect(await membershipsOf(t.db, wrong.id)).toEqual([]);
  });

  it("a member of another organization cannot accept; inviting a member again is refused; a new invitation replaces the old", async () => {
    const { owner, organizationId } = await registered();
    const other = await registered();
    const r = await createInvitation(t.db, owner.actor, organizationId, { phone: other.owner.phone! });
    if (!r.ok) throw new Error("invitation failed");
    expect(await acceptInvitation(t.db, other.owner.actor, r.value.token)).toEqual({
      ok: false,
      fieldErrors: { "": ["organizations.invite.alreadyMember"] },
    });
    expect(await createInvitation(t.db, owner.actor, organizationId, { phone: owner.phone! })).toEqual({
      ok: false,
      fieldErrors: { phone: ["organizations.err.inviteAlreadyMember"] },
    });
    const second = await createInvitation(t.db, owner.actor, organizationId, { phone: other.owner.phone! });
    if (!second.ok) throw new Error("invitation failed");
    const page = await listMembers(t.db, owner.actor);
    expect(page?.invitations.map((i) => i.id)).toEqual([second.value.invitationId]);
    expect(await viewInvitation(t.db, null, r.value.token)).toMatchObject({ state: "revoked" });
  });

  it("removing a member ends all their sessions; the last owner cannot remove themself", async () => {
    const { owner, organizationId } = await registered();
    const invitee = await employer();
    const r = await createInvitation(t.db, owner.actor, organizationId, { phone: invitee.phone! });
    if (!r.ok) throw new Error("invitation failed");
    expect((await acceptInvitation(t.db, invitee.actor, r.value.token)).ok).toBe(true);
    await createSession(t.db, invitee.id);
    await createSession(t.db, invitee.id);
    expect(await countUserSessions(t.db, invitee.id)).toBeGreaterThanOrEqual(2);
    await createSession(t.db, owner.id);

    expect(await removeMember(t.db, owner.actor, organizationId, owner.id)).toEqual({
      ok: false,
      fieldErrors: { "": ["organizations.err.lastOwner"] },
    });
    expect(await countUserSessions(t.db, owner.id)).toBe(1);

    const removed = await removeMember(t.db, owner.actor, organizationId, invitee.id);
    expect(removed).toMatchObject({ ok: true, value: { removedSelf: false } });
    expect(await countUserSessions(t.db, invitee.id)).toBe(0);
    expect(await membershipsOf(t.db, invitee.id)).toEqual([]);
    expect(await countUserSessions(t.db, owner.id)).toBe(1);
    const audit = await t.db.selectFrom("audit_event").select(["action"]).where("subject_user_id", "=", invitee.id).where("action", "=", "remove").execute();
    expect(audit).toHaveLength(1);
    // Removing someone who is not (or no longer) a member: 404.
    await expectStatus(removeMember(t.db, owner.actor, organizationId, invitee.id), 404);
  });

  it("with a second owner, an owner may leave", async () => {
    const { owner, organizationId } = await registered();
    const second = await employer();
    await t.db.insertInto("organization_member").values({ organization_id: organizationId, user_id: second.id, role: "owner" }).execute();
    const r = await removeMember(t.db, owner.actor, organizationId, owner.id);
    expect(r).toMatchObject({ ok: true, value: { removedSelf: true } });
    expect(await membershipsOf(t.db, owner.id)).toEqual([]);
  });

  it("a member of organization A cannot act on organization B (404)", async () => {
    const a = await registered();
    const b = await registered();
    const bInvitee = await employer();
    const inv = await createInvitation(t.db, b.owner.actor, b.organizationId, { phone: bInvitee.phone! });
    if (!inv.ok) throw new Error("invitation failed");
    await expectStatus(createInvitation(t.db, a.owner.actor, b.organizationId, { phone: "13912345678" }), 404);
    await expectStatus(revokeInvitation(t.db, a.owner.actor, b.organizationId, inv.value.invitationId), 404);
    // B's invitation through A's organization id: still not found.
    await expectStatus(revokeInvitation(t.db, a.owner.actor, a.organizationId, inv.value.invitationId), 404);
    await expectStatus(removeMember(t.db, a.owner.actor, b.organizationId, b.owner.id), 404);
    await expectStatus(removeMember(t.db, a.owner.actor, a.organizationId, b.owner.id), 404);
    await expectStatus(listMembers(t.db, a.owner.actor, b.organizationId), 404);
    await expectStatus(resubmitOrganization(t.db, a.owner.actor, b.organizationId, organizationInput()), 404);
    await expectStatus(createInvitation(t.db, a.owner.actor, "not-a-uuid", { phone: "13912345678" }), 404);
    expect(await membershipsOf(t.db, b.owner.id)).toHaveLength(1);
    const open = await t.db.selectFrom("organization_invitation").select("revoked_at").where("id", "=", inv.value.invitationId).executeTakeFirstOrThrow();
    expect(open.revoked_at).toBeNull();
  });
});
