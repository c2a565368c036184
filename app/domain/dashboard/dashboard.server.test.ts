import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createOrganization, createSeekerProfile, createUser, createVacancy } from "../../../tests/fixtures/factories";
import { dashboardSummary } from "./dashboard.server";

const t = useTestDatabase();

describe("dashboard summaries", () => {
  it("seeker: steps done and applications", async () => {
    const u = await createUser(t.db, { role: "seeker" });
    expect(await dashboardSummary(t.db, { id: u.id, role: "seeker", regionCode: null })).toMatchObject({ stepsDone: 0, applications: 0 });
    await createSeekerProfile(t.db, u.id);
    await t.db.updateTable("seeker_profile").set({ completed_steps: ["personal", "region"] }).where("user_id", "=", u.id).execute();
    const owner = await createUser(t.db, { role: "employer" });
    const org = await createOrganization(t.db, owner.id);
    const v = await createVacancy(t.db, org.id);
    await t.db.insertInto("application").values({ vacancy_id: v.id, seeker_id: u.id }).execute();
    expect(await dashboardSummary(t.db, { id: u.id, role: "seeker", regionCode: null })).toMatchObject({
      stepsDone: 2,
      stepsTotal: 9,
      applications: 1,
      activeApplications: 1,
    });
    const employer = await dashboardSummary(t.db, { id: owner.id, role: "employer", regionCode: null });
    expect(employer).toMatchObject({ organization: { id: org.id, status: "verified" }, openVacancies: 1, newApplications: 1 });
  });

  it("admin: pending organizations within the region only", async () => {
    const owner = await createUser(t.db, { role: "employer" });
    const pending = async (regionCode: string) => {
      const s = await dashboardSummary(t.db, { id: owner.id, role: "admin", regionCode });
      return s.role === "admin" ? s.pendingOrganizations : -1;
    };
    const [here0, there0] = [await pending("522300"), await pending("520300")];
    await createOrganization(t.db, owner.id, { status: "pending", regionCode: "522301" });
    expect(await pending("522300")).toBe(here0 + 1);
    expect(await pending("520300")).toBe(there0);
  });
});
