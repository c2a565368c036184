import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createUser, createVacancy } from "../../../tests/fixtures/factories";
import { actorOf, createApplication, employerWithOrganization, vacancyInput } from "../../../tests/fixtures/vacancies";
import type { VacancyStatus } from "../../../db/schema";
import {
  changeVacancyStatus,
  createVacancyDraft,
  getPublicVacancy,
  getVacancyForEdit,
  getVacancyPreview,
  listEmployerVacancies,
  listOpenVacancies,
  updateVacancy,
} from "./vacancies.server";
import { APPLICATION_STATUSES, TRANSITIONS, STATUS_ACTIONS } from "./vacancies.schema";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };

async function draftOf(status: "pending" | "verified" = "verified") {
  const e = await employerWithOrganization(t.db, status);
  const r = await createVacancyDraft(t.db, e.actor, vacancyInput(e.organization.id));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return { ...e, vacancyId: r.value.id };
}

async function statusOf(id: string) {
  return t.db.selectFrom("vacancy").select(["status", "published_at"]).where("id", "=", id).executeTakeFirstOrThrow();
}

describe("creating and editing", () => {
  it("saves a draft with every field, skills and codes as lists", async () => {
    const { vacancyId, actor } = await draftOf();
    const row = await t.db.selectFrom("vacancy").selectAll().where("id", "=", vacancyId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "draft",
      published_at: null,
      title: "电商客服专员",
      pay_min: 2500,
      pay_max: 4000,
      openings: 2,
      skills: ["打字", "普通话"],
      accommodations: ["sign_language", "flexible_hours"],
      demands: ["public_facing"],
      quota_eligible: true,
      closing_date: null,
      created_by: actor.id,
    });
  });

  it("refuses a pay range out of order, no openings and a closing date in the past — all at once", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    const r = await createVacancyDraft(
      t.db,
      actor,
      vacancyInput(organization.id, { payMin: 5000, payMax: 3000, openings: 0, closingDate: "2026-11-30" }),
      { now: new Date("2026-12-01T02:00:00Z") },
    );
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        payMax: ["vacancies.err.payOrder"],
        openings: ["vacancies.err.openingsMin"],
        closingDate: ["vacancies.err.closingDatePast"],
      },
    });
    const count = await t.db.selectFrom("vacancy").select("id").where("organization_id", "=", organization.id).execute();
    expect(count).toHaveLength(0);
  });

  it("uses the Shanghai date for 'not in the past'", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    // 17:00 UTC on 30 November is 1 December in Shanghai: 30 November has passed there.
    const late = new Date("2026-11-30T17:00:00Z");
    const past = await createVacancyDraft(t.db, actor, vacancyInput(organization.id, { closingDate: "2026-11-30" }), { now: late });
    expect(past).toEqual({ ok: false, fieldErrors: { closingDate: ["vacancies.err.closingDatePast"] } });
    const today = await createVacancyDraft(t.db, actor, vacancyInput(organization.id, { closingDate: "2026-12-01" }), { now: late });
    expect(today.ok).toBe(true);
  });

  it("needs a county that exists as the place of work", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    for (const regionCode of ["520100", "999999"]) {
      const r = await createVacancyDraft(t.db, actor, vacancyInput(organization.id, { regionCode }));
      expect(r).toEqual({ ok: false, fieldErrors: { regionCode: ["vacancies.err.regionRequired"] } });
    }
  });

  it("a pending organization can save drafts", async () => {
    const { vacancyId } = await draftOf("pending");
    expect((await statusOf(vacancyId)).status).toBe("draft");
  });

  it("edits keep the vacancy in its organization, and may keep a closing date that has passed", async () => {
    const a = await draftOf();
    const b = await employerWithOrganization(t.db);
    await t.db.updateTable("vacancy").set({ closing_date: "2020-01-01" }).where("id", "=", a.vacancyId).execute();
    const r = await updateVacancy(
      t.db,
      a.actor,
      a.vacancyId,
      vacancyInput(b.organization.id, { title: "客服组长", openings: 3, closingDate: "2020-01-01" }),
    );
    expect(r.ok).toBe(true);
    const row = await t.db.selectFrom("vacancy").select(["title", "openings", "organization_id"]).where("id", "=", a.vacancyId).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "客服组长", openings: 3, organization_id: a.organization.id });
    // A different past date is refused.
    const r2 = await updateVacancy(t.db, a.actor, a.vacancyId, vacancyInput(a.organization.id, { closingDate: "2020-02-01" }));
    expect(r2).toEqual({ ok: false, fieldErrors: { closingDate: ["vacancies.err.closingDatePast"] } });
  });

  it("the edit form's values round-trip", async () => {
    const { vacancyId, actor, organization } = await draftOf();
    const v = await getVacancyForEdit(t.db, actor, vacancyId);
    expect(v.organization).toEqual({ id: organization.id, name: organization.name, status: "verified" });
    expect(v.values).toMatchObject({ skills: "打字、普通话", payMin: 2500, closingDate: "", accommodations: ["sign_language", "flexible_hours"] });
  });
});

describe("who may act on a vacancy", () => {
  it("a member of organization A gets 404 for B's vacancy: edit page, save, publish, close", async () => {
    const a = await employerWithOrganization(t.db);
    const b = await draftOf();
    await expect(getVacancyForEdit(t.db, a.actor, b.vacancyId)).rejects.toMatchObject(NOT_FOUND);
    await expect(updateVacancy(t.db, a.actor, b.vacancyId, vacancyInput(b.organization.id))).rejects.toMatchObject(NOT_FOUND);
    await expect(changeVacancyStatus(t.db, a.actor, b.vacancyId, "publish")).rejects.toMatchObject(NOT_FOUND);
    await expect(changeVacancyStatus(t.db, a.actor, b.vacancyId, "close")).rejects.toMatchObject(NOT_FOUND);
    // Creating in B's name is refused too.
    await expect(createVacancyDraft(t.db, a.actor, vacancyInput(b.organization.id))).rejects.toMatchObject(NOT_FOUND);
    expect((await statusOf(b.vacancyId)).status).toBe("draft");
  });

  it("seekers, counselors and admins cannot create or change vacancies", async () => {
    const b = await draftOf();
    for (const role of ["seeker", "counselor", "admin"] as const) {
      const actor = actorOf(await createUser(t.db, { role }));
      await expect(createVacancyDraft(t.db, actor, vacancyInput(b.organization.id))).rejects.toMatchObject(NOT_FOUND);
      await expect(changeVacancyStatus(t.db, actor, b.vacancyId, "publish")).rejects.toMatchObject(NOT_FOUND);
      await expect(listEmployerVacancies(t.db, actor, { page: 1 })).rejects.toMatchObject(NOT_FOUND);
    }
  });

  it("an unknown or malformed id is a 404", async () => {
    const a = await employerWithOrganization(t.db);
    await expect(getVacancyForEdit(t.db, a.actor, "not-a-uuid")).rejects.toMatchObject(NOT_FOUND);
    await expect(getPublicVacancy(t.db, null, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject(NOT_FOUND);
  });
});

describe("the state machine", () => {
  it("publishing needs a verified organization; a pending one is told why", async () => {
    const { vacancyId, actor } = await draftOf("pending");
    const r = await changeVacancyStatus(t.db, actor, vacancyId, "publish");
    expect(r).toEqual({ ok: false, fieldErrors: { "": ["vacancies.err.notVerified"] } });
    expect(await statusOf(vacancyId)).toEqual({ status: "draft", published_at: null });
  });

  it("draft → open → closed → open, published_at set once on the first publish", async () => {
    const { vacancyId, actor } = await draftOf();
    const first = new Date("2026-01-05T01:00:00Z");
    expect(await changeVacancyStatus(t.db, actor, vacancyId, "publish", { now: first })).toEqual({ ok: true, value: { status: "open" } });
    expect(await statusOf(vacancyId)).toEqual({ status: "open", published_at: first });
    expect(await changeVacancyStatus(t.db, actor, vacancyId, "close")).toEqual({ ok: true, value: { status: "closed" } });
    expect(await changeVacancyStatus(t.db, actor, vacancyId, "reopen", { now: new Date("2026-02-05T01:00:00Z") })).toEqual({
      ok: true,
      value: { status: "open" },
    });
    expect(await statusOf(vacancyId)).toEqual({ status: "open", published_at: first });
  });

  it("refuses every move the machine does not have", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    const statuses: VacancyStatus[] = ["draft", "open", "closed", "filled"];
    for (const from of statuses) {
      for (const action of STATUS_ACTIONS) {
        if (TRANSITIONS[action].from.includes(from)) continue;
        const v = await createVacancy(t.db, organization.id, { status: from });
        const r = await changeVacancyStatus(t.db, actor, v.id, action);
        expect(r.ok, `${action} from ${from}`).toBe(false);
        expect((await statusOf(v.id)).status).toBe(from);
      }
    }
    // The named cases, with their messages.
    const draft = await createVacancy(t.db, organization.id, { status: "draft" });
    expect(await changeVacancyStatus(t.db, actor, draft.id, "close")).toEqual({ ok: false, fieldErrors: { "": ["vacancies.err.closeNotOpen"] } });
    const open = await createVacancy(t.db, organization.id, { status: "open" });
    expect(await changeVacancyStatus(t.db, actor, open.id, "publish")).toEqual({ ok: false, fieldErrors: { "": ["vacancies.err.publishNotDraft"] } });
    expect(await changeVacancyStatus(t.db, actor, open.id, "reopen")).toEqual({ ok: false, fieldErrors: { "": ["vacancies.err.reopenNotClosed"] } });
  });

  it("a filled vacancy reopens only once its openings were raised above the hires", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    // Hiring (the applications area) marked it filled when its two openings were taken.
    const v = await createVacancy(t.db, organization.id, { status: "filled", openings: 2 });
    await createApplication(t.db, v.id, "hired");
    await createApplication(t.db, v.id, "hired");
    await createApplication(t.db, v.id, "interview");

    const refused = await changeVacancyStatus(t.db, actor, v.id, "reopen");
    expect(refused).toEqual({ ok: false, fieldErrors: { "": ['vacancies.err.filledNeedsOpenings|{"hired":2,"openings":2}'] } });
    expect((await statusOf(v.id)).status).toBe("filled");

    const edit = await getVacancyForEdit(t.db, actor, v.id);
    expect(edit.hired).toBe(2);
    const raised = await updateVacancy(t.db, actor, v.id, vacancyInput(organization.id, { openings: 3 }));
    expect(raised.ok).toBe(true);
    expect(await changeVacancyStatus(t.db, actor, v.id, "reopen")).toEqual({ ok: true, value: { status: "open" } });
  });

  it("reopening needs a closing date not yet passed, and a verified organization", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, organization.id, { status: "closed" });
    await t.db.updateTable("vacancy").set({ closing_date: "2026-11-30" }).where("id", "=", v.id).execute();
    const r = await changeVacancyStatus(t.db, actor, v.id, "reopen", { now: new Date("2026-12-01T02:00:00Z") });
    expect(r).toEqual({ ok: false, fieldErrors: { "": ["vacancies.err.closingDatePassed"] } });
    await t.db.updateTable("organization").set({ status: "rejected" }).where("id", "=", organization.id).execute();
    await t.db.updateTable("vacancy").set({ closing_date: null }).where("id", "=", v.id).execute();
    expect(await changeVacancyStatus(t.db, actor, v.id, "reopen")).toEqual({ ok: false, fieldErrors: { "": ["vacancies.err.notVerified"] } });
  });

  it("two publishes at once: one succeeds, the other is told it is already published", async () => {
    const { vacancyId, actor } = await draftOf();
    const results = await Promise.all([0, 1].map(() => changeVacancyStatus(t.db, actor, vacancyId, "publish")));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: { "": ["vacancies.err.publishNotDraft"] } });
  });
});

describe("the preview before publishing (issue 15)", () => {
  it("shows a draft to its organization's members as seekers will see it, with what publishing needs", async () => {
    const { vacancyId, actor, organization } = await draftOf("pending");
    const p = await getVacancyPreview(t.db, actor, vacancyId);
    expect(p.status).toBe("draft");
    expect(p.organization).toEqual({ id: organization.id, name: organization.name, status: "pending" });
    expect(p.view).toMatchObject({
      id: vacancyId,
      title: "电商客服专员",
      isMember: true,
      isPublic: false,
      accommodations: ["sign_language", "flexible_hours"],
      organization: { name: organization.name },
    });
    expect(p.view.place).not.toBe("");
  });

  it("is a 404 for another organization's employer, seekers, counselors, admins and malformed ids", async () => {
    const b = await draftOf();
    const other = await employerWithOrganization(t.db);
    await expect(getVacancyPreview(t.db, other.actor, b.vacancyId)).rejects.toMatchObject(NOT_FOUND);
    for (const role of ["seeker", "counselor", "admin"] as const) {
      const actor = actorOf(await createUser(t.db, { role }));
      await expect(getVacancyPreview(t.db, actor, b.vacancyId)).rejects.toMatchObject(NOT_FOUND);
    }
    await expect(getVacancyPreview(t.db, b.actor, "not-a-uuid")).rejects.toMatchObject(NOT_FOUND);
  });

  it("saving answers with the status, so a draft goes on to its preview and a published vacancy does not", async () => {
    const { vacancyId, actor, organization } = await draftOf();
    expect(await updateVacancy(t.db, actor, vacancyId, vacancyInput(organization.id))).toEqual({ ok: true, value: { id: vacancyId, status: "draft" } });
    await changeVacancyStatus(t.db, actor, vacancyId, "publish");
    expect(await updateVacancy(t.db, actor, vacancyId, vacancyInput(organization.id))).toEqual({ ok: true, value: { id: vacancyId, status: "open" } });
  });
});

describe("public reading", () => {
  it("drafts are a 404 for visitors, seekers and other employers; members see them", async () => {
    const b = await draftOf();
    const other = await employerWithOrganization(t.db);
    const seeker = actorOf(await createUser(t.db, { role: "seeker" }));
    for (const viewer of [null, seeker, other.actor]) {
      await expect(getPublicVacancy(t.db, viewer, b.vacancyId)).rejects.toMatchObject(NOT_FOUND);
    }
    const own = await getPublicVacancy(t.db, b.actor, b.vacancyId);
    expect(own).toMatchObject({ status: "draft", isMember: true, isPublic: false, accepting: false });
  });

  it("an open vacancy shows its facts to everyone, with place and organization", async () => {
    const b = await draftOf();
    await changeVacancyStatus(t.db, b.actor, b.vacancyId, "publish");
    const v = await getPublicVacancy(t.db, null, b.vacancyId);
    expect(v).toMatchObject({
      title: "电商客服专员",
      place: "贵阳市南明区",
      accommodations: ["sign_language", "flexible_hours"],
      demands: ["public_facing"],
      payMin: 2500,
      payMax: 4000,
      accepting: true,
      isMember: false,
      organization: { name: b.organization.name, type: "enterprise", place: "贵阳市南明区" },
    });
  });

  it("closed and filled vacancies stay readable but take no applications; a pending organization's are hidden", async () => {
    const { organization } = await employerWithOrganization(t.db);
    for (const status of ["closed", "filled"] as const) {
      const v = await createVacancy(t.db, organization.id, { status });
      expect(await getPublicVacancy(t.db, null, v.id)).toMatchObject({ status, accepting: false });
    }
    const pending = await employerWithOrganization(t.db, "pending");
    const hidden = await createVacancy(t.db, pending.organization.id, { status: "open" });
    await expect(getPublicVacancy(t.db, null, hidden.id)).rejects.toMatchObject(NOT_FOUND);
    expect(await getPublicVacancy(t.db, pending.actor, hidden.id)).toMatchObject({ isMember: true, isPublic: false, accepting: false });
  });

  it("the open list has open vacancies of verified organizations, newest first, not drafts or expired ones", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    const draft = await createVacancy(t.db, organization.id, { status: "draft", title: "草稿岗位" });
    const expired = await createVacancy(t.db, organization.id, { status: "open" });
    await t.db.updateTable("vacancy").set({ closing_date: "2020-01-01" }).where("id", "=", expired.id).execute();
    const closed = await createVacancy(t.db, organization.id, { status: "closed" });
    const pending = await employerWithOrganization(t.db, "pending");
    const unverified = await createVacancy(t.db, pending.organization.id, { status: "open" });
    const r = await createVacancyDraft(t.db, actor, vacancyInput(organization.id, { title: "最新岗位" }));
    if (!r.ok) throw new Error("draft");
    await changeVacancyStatus(t.db, actor, r.value.id, "publish");

    const page = await listOpenVacancies(t.db, { page: 1 });
    // Newest first (in a database shared with other tests, look it up rather than assume index 0).
    const times = page.items.map((i) => new Date(i.publishedAt!).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.items.find((i) => i.id === r.value.id)).toMatchObject({
      id: r.value.id,
      title: "最新岗位",
      organizationName: organization.name,
      place: "贵阳市南明区",
      accommodations: ["sign_language", "flexible_hours"],
    });
    const ids = page.items.map((i) => i.id);
    for (const hidden of [draft.id, expired.id, closed.id, unverified.id]) expect(ids).not.toContain(hidden);
    expect(page.items.length).toBeLessThanOrEqual(20);
    expect(page.pageCount).toBe(Math.ceil(page.total / 20));
  });

  it("pages past the last are a 404; an empty list is page 1 of 0", async () => {
    const { total, pageCount } = await listOpenVacancies(t.db, { page: 1 });
    expect(pageCount).toBe(Math.ceil(total / 20));
    await expect(listOpenVacancies(t.db, { page: pageCount + 1 })).rejects.toMatchObject(NOT_FOUND);
  });
});

describe("the employer's list", () => {
  it("counts applicants per status for each vacancy", async () => {
    const { actor, organization } = await employerWithOrganization(t.db);
    const v1 = await createVacancy(t.db, organization.id, { title: "岗位一" });
    const v2 = await createVacancy(t.db, organization.id, { title: "岗位二" });
    const v3 = await createVacancy(t.db, organization.id, { title: "岗位三", status: "draft" });
    const plan: [string, (typeof APPLICATION_STATUSES)[number], number][] = [
      [v1.id, "submitted", 3],
      [v1.id, "viewed", 1],
      [v1.id, "interview", 2],
      [v1.id, "hired", 1],
      [v1.id, "withdrawn", 1],
      [v2.id, "rejected", 2],
      [v2.id, "offered", 1],
    ];
    for (const [id, status, n] of plan) for (let i = 0; i < n; i++) await createApplication(t.db, id, status);
    // Another organization's applications do not leak into the counts.
    const other = await employerWithOrganization(t.db);
    const ov = await createVacancy(t.db, other.organization.id);
    await createApplication(t.db, ov.id, "submitted");

    const list = await listEmployerVacancies(t.db, actor, { page: 1 });
    expect(list.total).toBe(3);
    expect(list.memberships).toHaveLength(1);
    const byId = new Map(list.items.map((i) => [i.id, i]));
    expect(byId.get(v1.id)!.counts).toEqual({ submitted: 3, viewed: 1, interview: 2, offered: 0, hired: 1, rejected: 0, withdrawn: 1 });
    expect(byId.get(v1.id)!.total).toBe(8);
    expect(byId.get(v2.id)!.counts).toEqual({ submitted: 0, viewed: 0, interview: 0, offered: 1, hired: 0, rejected: 2, withdrawn: 0 });
    expect(byId.get(v3.id)).toMatchObject({ status: "draft", total: 0 });
    expect(list.items.map((i) => i.id)).not.toContain(ov.id);
  });

  it("an employer without an organization sees an empty list", async () => {
    const actor = actorOf(await createUser(t.db, { role: "employer" }));
    expect(await listEmployerVacancies(t.db, actor, { page: 1 })).toEqual({ memberships: [], items: [], total: 0, page: 1, pageCount: 0 });
  });
});
