import { describe, expect, it } from "vitest";
import { createSeekerProfile, createUser, createVacancy } from "../../../tests/fixtures/factories";
import { actorOf, employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import { applyToVacancy } from "../applications/applications.server";
import { verdictOf } from "../matching/explain";
import { seekerVacancyView } from "./vacancy-fit.server";

const t = useTestDatabase();

async function seeker(overrides: Parameters<typeof createSeekerProfile>[2] | null = {}) {
  const user = await createUser(t.db, { role: "seeker" });
  if (overrides) await createSeekerProfile(t.db, user.id, overrides);
  return actorOf(user);
}

describe("the vacancy page as a seeker sees it", () => {
  it("says whether the vacancy fits by the search's rules, and what to check", async () => {
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id, { regionCode: "520103", accommodations: ["step_free_access"], skills: ["数据录入", "沟通表达"] });
    const me = await seeker({ regionCode: "520102", needsRequired: ["step_free_access"], skills: ["数据录入"] });
    const view = await seekerVacancyView(t.db, me, v.id);
    expect(view).toMatchObject({ hasProfile: true, placeKnown: true, application: null });
    expect(view.match?.eligible).toBe(true);
    expect(view.match?.reasons.skillsMissing).toEqual(["沟通表达"]);
    expect(verdictOf(view.match!).verdict).toBe("mostly");

    const needsSign = await seeker({ regionCode: "520102", needsRequired: ["sign_language"] });
    const notFit = await seekerVacancyView(t.db, needsSign, v.id);
    expect(notFit.match?.eligible).toBe(false);
    expect(notFit.match?.reasons.unmetNeeds).toEqual(["sign_language"]);
  });

  it("knows the seeker's own application, also once the vacancy has closed", async () => {
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id);
    const me = await seeker();
    const applied = await applyToVacancy(t.db, me, v.id, { note: "", accessRequests: [], disclosure: [] } as never);
    if (!applied.ok) throw new Error("apply failed");
    expect((await seekerVacancyView(t.db, me, v.id)).application).toEqual({ id: applied.value.applicationId, status: "submitted" });
    await t.db.updateTable("vacancy").set({ status: "closed" }).where("id", "=", v.id).execute();
    const closed = await seekerVacancyView(t.db, me, v.id);
    expect(closed.application?.id).toBe(applied.value.applicationId);
    expect(closed.match, "nothing to match once it no longer recruits").toBeNull();
    // Another seeker sees no application of theirs.
    expect((await seekerVacancyView(t.db, await seeker(), v.id)).application).toBeNull();
  });

  it("a seeker without a profile gets no fit, and is told so by the page", async () => {
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id);
    expect(await seekerVacancyView(t.db, await seeker(null), v.id)).toEqual({ match: null, hasProfile: false, placeKnown: false, application: null });
  });

  it("is for seekers about themselves: anyone else is answered 'not found'", async () => {
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id);
    await expect(seekerVacancyView(t.db, e.actor, v.id)).rejects.toMatchObject({ status: 404 });
    await expect(seekerVacancyView(t.db, await seeker(), "not-a-uuid")).rejects.toMatchObject({ status: 404 });
  });
});
