import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createOrganization, createSeekerProfile, createUser, createVacancy, makeIdNumber } from "../../../tests/fixtures/factories";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { dashboardSummary, type AdminFigures } from "./dashboard.server";

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

  it("admin: the region's headline figures for the year and the counts of what waits, within the region only", async () => {
    const here = await createUser(t.db, { role: "admin", regionCode: "522600" });
    const there = await createUser(t.db, { role: "admin", regionCode: "520300" });
    const actor: Actor = { id: here.id, role: "admin", regionCode: "522600" };
    const other: Actor = { id: there.id, role: "admin", regionCode: "520300" };
    const figures = async (a: Actor) => {
      const s = await dashboardSummary(t.db, a);
      if (s.role !== "admin") throw new Error("not an admin summary");
      return s as AdminFigures & { pendingOrganizations: number };
    };
    const headline = (f: AdminFigures, code: string) => f.headlines.find((h) => h.code === code)!;
    const today = todayInShanghai();
    const [before, otherBefore] = [await figures(actor), await figures(other)];
    expect(before.year).toBe(Number(today.slice(0, 4)));
    expect(before.headlines.map((h) => h.code)).toEqual(["new_jobs", "graduate_employment_rate", "working_age_employment_rate", "real_name_verified"]);

    // A working-age man (an odd serial) with a certificate in 凯里市, not verified this quarter, who found a flexible job today.
    const seeker = await createUser(t.db, { role: "seeker" });
    await createSeekerProfile(t.db, seeker.id, { regionCode: "522601", idNumber: makeIdNumber(`19${80 + Math.floor(Math.random() * 20)}06${String(10 + Math.floor(Math.random() * 18))}`, "522601", 2 * Math.floor(Math.random() * 499) + 1) });
    await t.db
      .insertInto("employment")
      .values({ seeker_id: seeker.id, organization_id: null, employer_name: "社区灵活就业", form: "flexible", origin: "recorded", contract_start: today, social_insurance: false, monthly_pay: 1500 })
      .execute();
    // A declaration waiting for review, and an open objection to a disclosed employer of the region.
    const owner = await createUser(t.db, { role: "employer" });
    const org = await createOrganization(t.db, owner.id, { regionCode: "522601" });
    await t.db
      .insertInto("quota_declaration")
      .values({ organization_id: org.id, levy_year: 2026, monthly_staff: Array.from({ length: 12 }, () => 50), salary_total: "3000000", status: "submitted" })
      .execute();
    const levyYear = 2040 + Math.floor(Math.random() * 55);
    await t.db.deleteFrom("quota_disclosure").where("levy_year", "=", levyYear).execute();
    const q = await t.db.insertInto("quota_disclosure").values({ levy_year: levyYear, objections_until: new Date(Date.now() + 86_400_000) }).returning("id").executeTakeFirstOrThrow();
    const entry = await t.db
      .insertInto("quota_disclosure_entry")
      .values({ disclosure_id: q.id, organization_id: org.id, organization_name: org.name, region_code: "522601", staff_count: "50", required_count: "0.75", counted_disabled: "0", met: false })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.insertInto("quota_objection").values({ entry_id: entry.id, user_id: seeker.id, reason: "未安排残疾人" }).execute();

    const after = await figures(actor);
    expect(headline(after, "new_jobs").actual).toBe(headline(before, "new_jobs").actual! + 1);
    const flexible = (f: AdminFigures) => headline(f, "new_jobs").breakdown?.find((b) => b.key === "flexible")?.value ?? 0;
    expect(flexible(after)).toBe(flexible(before) + 1);
    expect(after.verificationBacklog).toBe(before.verificationBacklog! + 1);
    expect(after.declarationsWaiting).toBe(before.declarationsWaiting + 1);
    expect(after.objectionsOpen).toBe(before.objectionsOpen + 1);
    expect(after.objectionsYear).toBeGreaterThanOrEqual(levyYear);

    // Verified today: off the backlog, onto the quarter's verified figure.
    await t.db.insertInto("real_name_verification").values({ seeker_id: seeker.id, verified_by: null, verified_on: today, employment_status: "employed", employment_form: "flexible" }).execute();
    const verified = await figures(actor);
    expect(verified.verificationBacklog).toBe(before.verificationBacklog);
    expect(headline(verified, "real_name_verified").numerator).toBe(headline(after, "real_name_verified").numerator! + 1);

    // Another prefecture's admin sees none of it.
    const otherAfter = await figures(other);
    expect(otherAfter).toMatchObject({
      verificationBacklog: otherBefore.verificationBacklog,
      declarationsWaiting: otherBefore.declarationsWaiting,
      objectionsOpen: otherBefore.objectionsOpen,
    });
    expect(headline(otherAfter, "new_jobs").actual).toBe(headline(otherBefore, "new_jobs").actual);
  });
});
