import type { Role } from "../../db/schema";
import type { MessageKey } from "~/i18n/i18n";

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Current only on this exact path (NavLink `end`). */
  end?: boolean;
}

export interface NavGroup {
  label: MessageKey;
  items: NavItem[];
}

/**
 * The header's navigation for one visitor: at most five primary items (what this role does most), the rest in
 * groups behind one "更多/More" disclosure, and the account's own pages (notifications, account and security) in
 * the account menu. Every page a role can use is at most two steps from any page.
 */
export interface Navigation {
  primary: NavItem[];
  more: NavGroup[];
  account: NavItem[];
}

export const MAX_PRIMARY = 5;

const home: NavItem = { to: "/", label: "nav.home", end: true };
const vacancies: NavItem = { to: "/vacancies", label: "nav.vacancies" };
const events: NavItem = { to: "/events", label: "nav.events" };
const training: NavItem = { to: "/training", label: "nav.training" };
const disclosures: NavItem = { to: "/disclosures", label: "nav.disclosures" };
const dashboard: NavItem = { to: "/dashboard", label: "nav.dashboard" };
const graduates: NavItem = { to: "/graduates", label: "nav.graduates" };
const employmentRecords: NavItem = { to: "/employment-records", label: "employment.nav" };
const businesses: NavItem = { to: "/businesses", label: "entrepreneurship.nav" };

export interface NavUser {
  role: Role;
}

export function navigation(user: NavUser | null): Navigation {
  if (!user) return { primary: [home, vacancies, events, training, disclosures], more: [], account: [] };
  const account: NavItem[] = [
    { to: "/notifications", label: "nav.notifications" },
    { to: "/account", label: "nav.account" },
  ];
  switch (user.role) {
    case "seeker":
      return {
        primary: [dashboard, vacancies, { to: "/applications", label: "nav.applications" }, { to: "/profile", label: "nav.profile" }, events],
        more: [
          {
            label: "shell.group.jobSearch",
            items: [
              { to: "/job-invitations", label: "nav.invitations" },
              { to: "/saved-searches", label: "alerts.nav" },
              { to: "/referrals", label: "nav.referrals" },
              { to: "/my-plan", label: "nav.myPlan" },
            ],
          },
          { label: "shell.group.public", items: [home, training, disclosures] },
        ],
        account,
      };
    case "employer":
      return {
        primary: [
          dashboard,
          { to: "/employer/vacancies", label: "nav.employerVacancies" },
          { to: "/employer", label: "nav.organization", end: true },
          { to: "/employer/quota", label: "nav.employerQuota" },
          events,
        ],
        more: [
          { label: "shell.group.organization", items: [{ to: "/provider/courses", label: "nav.providerCourses" }] },
          { label: "shell.group.public", items: [home, vacancies, training, disclosures] },
        ],
        account,
      };
    case "counselor":
      return {
        primary: [dashboard, { to: "/caseload", label: "nav.caseload" }, { to: "/follow-up", label: "nav.followUp" }, vacancies, events],
        more: [
          {
            label: "shell.group.services",
            items: [
              { to: "/verification", label: "realname.nav.verification" },
              { to: "/caseloads/assign", label: "nav.assign" },
              graduates,
              employmentRecords,
              businesses,
            ],
          },
          { label: "shell.group.public", items: [home, training, disclosures] },
        ],
        account,
      };
    case "admin":
      return {
        primary: [
          dashboard,
          { to: "/admin/organizations", label: "nav.verification" },
          { to: "/admin/quota", label: "nav.quotaReview" },
          { to: "/admin/events", label: "nav.adminEvents" },
          { to: "/statistics", label: "statistics.nav" },
        ],
        more: [
          {
            label: "shell.group.services",
            items: [
              { to: "/caseloads", label: "nav.caseloads", end: true },
              graduates,
              employmentRecords,
              businesses,
              { to: "/admin/institutions", label: "institutions.nav" },
              { to: "/admin/coverage", label: "institutions.nav.coverage" },
            ],
          },
          {
            label: "shell.group.training",
            items: [
              { to: "/admin/courses", label: "nav.adminCourses" },
              { to: "/admin/staff-training", label: "staffTraining.nav" },
            ],
          },
          {
            label: "shell.group.administration",
            items: [
              { to: "/admin/rule-parameters", label: "nav.ruleParameters" },
              { to: "/admin/staff", label: "nav.staff" },
              { to: "/admin/security", label: "nav.security" },
              { to: "/admin/jobs", label: "jobs.nav" },
              { to: "/admin/imports", label: "imports.nav" },
              { to: "/admin/api-tokens", label: "apiTokens.title" },
            ],
          },
          { label: "shell.group.public", items: [home, vacancies, events, training, disclosures] },
        ],
        account,
      };
  }
}

/** Every destination of a visitor's navigation, in header order (primary, then more, then the account menu). */
export function allNavItems(nav: Navigation): NavItem[] {
  return [...nav.primary, ...nav.more.flatMap((g) => g.items), ...nav.account];
}
