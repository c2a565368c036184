import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { allNavItems, MAX_PRIMARY, navigation } from "./nav";

/*
 * The flat navigation before issue 15 (navItems as it was), per role. The header now shows at most five of these; every
 * other one must still be in the "更多" menu or the account menu (two steps at most), and nothing may be lost.
 */
const PUBLIC = ["/", "/vacancies", "/events", "/training", "/disclosures"];
const BEFORE: Record<Role | "anonymous", string[]> = {
  anonymous: PUBLIC,
  seeker: [...PUBLIC, "/dashboard", "/profile", "/applications", "/job-invitations", "/referrals", "/my-plan", "/account"],
  counselor: [...PUBLIC, "/dashboard", "/caseload", "/follow-up", "/verification", "/caseloads/assign", "/graduates", "/employment-records", "/businesses", "/account"],
  employer: [...PUBLIC, "/dashboard", "/employer", "/employer/vacancies", "/employer/quota", "/provider/courses", "/account"],
  admin: [
    ...PUBLIC,
    "/dashboard",
    "/admin/organizations",
    "/admin/quota",
    "/admin/rule-parameters",
    "/admin/events",
    "/admin/courses",
    "/caseloads",
    "/graduates",
    "/statistics",
    "/employment-records",
    "/admin/institutions",
    "/admin/coverage",
    "/businesses",
    "/admin/staff-training",
    "/admin/staff",
    "/admin/security",
    "/account",
  ],
};

const ROLES = ["seeker", "employer", "counselor", "admin"] as const;
const visitors = [["anonymous", null] as const, ...ROLES.map((role) => [role, { role }] as const)];

describe("header navigation", () => {
  it.each(visitors)("%s: at most five primary items", (_, user) => {
    const nav = navigation(user);
    expect(nav.primary.length).toBeGreaterThan(0);
    expect(nav.primary.length).toBeLessThanOrEqual(MAX_PRIMARY);
  });

  it.each(visitors)("%s: every former destination is still in the header (primary, 更多 or the account menu)", (name, user) => {
    const reachable = allNavItems(navigation(user)).map((i) => i.to);
    expect(reachable).toEqual(expect.arrayContaining(BEFORE[name]));
  });

  it.each(visitors)("%s: no destination twice, no empty group", (_, user) => {
    const nav = navigation(user);
    const all = allNavItems(nav).map((i) => i.to);
    expect(new Set(all).size).toBe(all.length);
    for (const group of nav.more) expect(group.items.length).toBeGreaterThan(0);
  });

  it("signed in, the dashboard is the first item and notifications are in the account menu", () => {
    for (const role of ROLES) {
      const nav = navigation({ role });
      expect(nav.primary[0]!.to).toBe("/dashboard");
      expect(nav.account.map((i) => i.to)).toEqual(["/notifications", "/account"]);
    }
  });

  it("staff pages are not offered to other roles", () => {
    const staffOnly = ["/admin/staff", "/admin/security", "/caseload", "/employer/vacancies"];
    const seeker = allNavItems(navigation({ role: "seeker" })).map((i) => i.to);
    expect(seeker.filter((to) => staffOnly.includes(to))).toEqual([]);
    expect(allNavItems(navigation(null)).map((i) => i.to)).toEqual(PUBLIC);
  });
});
