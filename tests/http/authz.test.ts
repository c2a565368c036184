/**
 * The authorization matrix (issue 12, standing suites): every route file × nine identities, with objects that
 * belong to someone else, on the real production build (tests/http/harness.ts).
 *
 * - The table below has one entry per file in app/routes: the test fails when a file has no entry (a new route
 *   cannot escape the matrix) or an entry names a file that is gone, and when an entry's methods disagree with the
 *   module (POST is tested exactly where the module exports `action`).
 * - Each entry fills the route's parameters with objects owned by someone other than most identities (李明's
 *   application and plan, organization A's vacancies, declaration and booth, the 贵阳 counselor's caseload, an event
 *   of 贵阳市) and says what each identity must get, by design.md §1, §5 rule 4 and §7: the page (200), a redirect to
 *   sign in, or "not found" (404; 403 accepted) for what is not theirs. POSTs carry an empty form, or the smallest
 *   form that reaches the object check (withdraw, decline, unbook, remove …) for those who must be refused.
 * - No answer may be a 5xx. Every 2xx shown to a signed-in identity carries `Cache-Control: no-store`.
 * - Every body is scanned for the sensitive values of all 321+ seekers (居民身份证号, 残疾人证号, real name, phone and
 *   email), for a disability category with grade (shown to anonymous visitors or employers), and for marker strings
 *   (plan goals, service notes, an objection, a check-in code, phones of staff and contacts). A page may show another
 *   person's values only where its entry says so (`shows`: the assigned counselor on /clients/…, an employer on an
 *   application what was disclosed, counselors and admins on their region's lists, …), and then only within what
 *   that identity may see at all (authz-fixtures.ts). Lists scoped to a region are checked not to show another
 *   region's rows (`absent`), and that check is shown not to be vacuous.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness";
import { DESCRIBE, IDENTITIES, LEVY_YEAR, makeFixtures, type Fixtures, type Identity } from "./authz-fixtures";
import { fillPattern, moduleMethods, paramNames, routeFiles, urlPattern } from "./routes";
import { unsubscribeToken } from "../../app/domain/notifications/unsubscribe.server";

// ---------------------------------------------------------------------------------------------------------------
// Outcomes

/**
 * ok: 200 · login: a redirect to /login · deny: 404 (or 403) · bad: 400 (the form was read: the identity got past
 * the permission check, and the empty form was refused) · refuse: 400, 403, 404, 409 or 410 (refused, nothing done;
 * used where a form is validated before the object is known) · redirect: a redirect not to /login ·
 * `redirect:/x`: a redirect to a location starting with /x · `status:N`: exactly N.
 */
type Outcome = "ok" | "login" | "deny" | "bad" | "refuse" | "redirect" | `redirect:${string}` | `status:${number}`;
type Expect = Record<Identity, Outcome>;

const SEEKERS = ["seeker", "seeker2"] as const;
const EMPLOYERS = ["employer", "employer2"] as const;
const COUNSELORS = ["counselor", "counselor2"] as const;
const ADMINS = ["prefAdmin", "provAdmin"] as const;
const STAFF = [...COUNSELORS, ...ADMINS] as const;

const all = (o: Outcome): Expect => Object.fromEntries(IDENTITIES.map((i) => [i, o])) as Expect;
/** Signed-in identities get `o`; the anonymous visitor is sent to sign in (or `anon`). */
const signedIn = (o: Outcome, anon: Outcome = "login"): Expect => ({ ...all(o), anon });
/** Only `ids` get `yes`; other signed-in identities `no`; the anonymous visitor is sent to sign in. */
const only = (ids: readonly Identity[], yes: Outcome = "ok", no: Outcome = "deny"): Expect => ({
  ...all(no),
  anon: "login",
  ...Object.fromEntries(ids.map((i) => [i, yes])),
});
const over = (base: Expect, changes: Partial<Expect>): Expect => ({ ...base, ...changes });

type Params = (f: Fixtures) => Record<string, string>;
type Form = { [name: string]: string | undefined };
/**
 * Seekers' identifying values a page may show someone who is not the seeker: names, contacts (phone, email),
 * 残疾人证号 and 居民身份证号. Each is further bounded by who that identity may see at all (authz-fixtures.ts: an
 * employer what applicants disclosed and its own declarations; counselors and admins the people of their region).
 * Anything not listed for an identity on a route must not appear there at all: the owner's own values excepted.
 */
type Kind = "names" | "contacts" | "certificates" | "ids";
type Shows = Partial<Record<Identity, readonly Kind[]>>;
const NAMES = ["names"] as const;
/** The lists of a region's people (assignment, cohorts): counselors and admins, names of their region's seekers. */
const STAFF_SEE_NAMES: Shows = { counselor: NAMES, counselor2: NAMES, prefAdmin: NAMES, provAdmin: NAMES };
/** One seeker of the caseload, named to their counselor. */
const COUNSELOR_SEES_NAME: Shows = { counselor: NAMES };
/** What an applicant may choose to disclose to the employer (design §5 rule 4; bounded by what they chose). */
const DISCLOSABLE = ["names", "contacts", "certificates"] as const;
interface GetCase {
  label?: string;
  params?: Params;
  query?: (f: Fixtures) => string;
  expect: Expect;
  /** What this page may show of other people, to whom (design.md; bounded by the fixtures' rules). Default: nothing. */
  shows?: Shows;
  /** Text of another region or organization that must not be in these identities' page (a list's scope). */
  absent?: { for: readonly Identity[]; label: string; text: (f: Fixtures) => string; shownTo: readonly Identity[] };
}
interface PostCase {
  params?: Params;
  query?: (f: Fixtures) => string;
  /** The form each identity sends (default: empty). */
  body?: (f: Fixtures, who: Identity) => Form;
  expect: Expect;
  /** Sign in anew for this POST (it ends the session). */
  freshSession?: boolean;
  /** As for GET (the answer to a refused form is the page again). */
  shows?: Shows;
}
interface Entry {
  params?: Params;
  get: GetCase[];
  post?: PostCase;
  /** A binary download (XLSX): status and headers are checked, the body is not scanned. */
  binary?: boolean;
}

const seekerParam: Params = (f) => ({ seekerId: f.users.seeker });
const eventParam: Params = (f) => ({ id: f.event });
const year = () => ({ year: String(LEVY_YEAR) });
/** The seeker's own profile pages: theirs only; a POST of an empty form reaches validation for seekers only. */
const profileStep: Entry = { get: [{ expect: only(SEEKERS) }], post: { expect: only(SEEKERS, "bad") } };
/** Steps where nothing ticked is a valid answer: the empty form saves the seeker's own profile. */
const profileListStep: Entry = { get: [{ expect: only(SEEKERS) }], post: { expect: only(SEEKERS, "redirect:/profile") } };
/** Only the owner sends `own`; everyone else sends `attack`. */
const ownerOr = (owner: Identity, own: Form, attack: (f: Fixtures) => Form) => (f: Fixtures, who: Identity) => who === owner ? own : attack(f);

const ROUTES: Record<string, Entry> = {
  "$.tsx": { params: () => ({ "*": "no-such-page/authz" }), get: [{ expect: all("status:404") }] },
  "_index.tsx": { get: [{ expect: all("ok") }] },
  "account.tsx": { get: [{ expect: signedIn("ok") }], post: { expect: signedIn("bad") } },
  // Issue 17: one's own number and channels. An empty form on the phone page is a code left out (400); the channels
  // form sent empty is every box unticked, saved.
  "account_.phone.tsx": { get: [{ expect: signedIn("ok") }], post: { expect: signedIn("bad") } },
  "account_.notifications.tsx": { get: [{ expect: signedIn("ok") }], post: { expect: signedIn("redirect:/account/notifications") } },
  // The public-service basics (issue 15): the statement, the notice and contact for everyone; feedback from anyone,
  // signed in or not (an empty form is refused at its fields); handling feedback for the province's admins only.
  "accessibility.tsx": { get: [{ expect: all("ok") }] },
  "privacy.tsx": { get: [{ expect: all("ok") }] },
  "contact.tsx": { get: [{ expect: all("ok") }] },
  "feedback.tsx": {
    get: [{ expect: all("ok") }, { label: "prefilled, and a confirmation that is not one", query: () => "kind=barrier&page=%2Fvacancies&sent=00000000-0000-4000-8000-000000000000", expect: all("ok") }],
    post: { expect: all("bad") },
  },
  "admin.feedback.tsx": {
    get: [{ expect: only(["provAdmin"]) }, { label: "an item that does not exist", query: () => "id=00000000-0000-4000-8000-000000000000", expect: over(only(["provAdmin"]), { provAdmin: "deny" }) }],
    post: { expect: only(["provAdmin"], "bad") },
  },
  // Dead jobs (issue 17): province admins only; a retry of no job is refused as a bad form.
  "admin.jobs.tsx": { get: [{ expect: only(["provAdmin"]) }], post: { expect: only(["provAdmin"], "bad") } },

  // Events as their organizer sees them: admins whose region holds the event (贵阳市): the province's, not 遵义's.
  "admin.events.$id._index.tsx": {
    params: eventParam,
    get: [
      // The organizer's view names the registrants (with their access requests).
      { expect: only(["provAdmin"]), shows: { provAdmin: NAMES } },
      { label: "a draft event of 遵义市", params: (f) => ({ id: f.draftEvent }), expect: only(ADMINS) },
    ],
    // Checking someone in by their code names them and records attendance: only the event's organizers.
    post: { body: (f) => ({ intent: "checkin", code: f.checkInCode }), expect: only(["provAdmin"]), shows: { provAdmin: NAMES } },
  },
  // A competition's organizer page names the entrants with their access requests: the event's organizers only (the
  // province, not 遵义's admin); 遵义's admin tries to remove its category.
  "admin.events.$id.competition.tsx": {
    params: (f) => ({ id: f.competition }),
    get: [{ expect: only(["provAdmin"]), shows: { provAdmin: NAMES } }, { label: "a general event (not a competition)", params: eventParam, expect: only([]) }],
    post: { body: (f, who) => (who === "provAdmin" ? {} : { intent: "removeCategory", categoryId: f.competitionCategory }), expect: only(["provAdmin"], "bad") },
  },
  "admin.events.$id.edit.tsx": {
    params: eventParam,
    get: [{ expect: only(["provAdmin"]) }, { label: "a draft event of 遵义市", params: (f) => ({ id: f.draftEvent }), expect: only(ADMINS) }],
    post: {
      body: (f, who) =>
        who === "provAdmin"
          ? {}
          : {
              title: "权限矩阵改名",
              kind: "general",
              startsAt: "2026-12-18T09:00",
              endsAt: "2026-12-18T16:00",
              registrationDeadline: "2026-12-16T18:00",
              regionCode: "520102",
              venue: "权限矩阵",
              capacity: "200",
              description: "权限矩阵",
            },
      expect: only(["provAdmin"], "bad"),
    },
  },
  "admin.events.$id.report[.]csv.ts": { params: eventParam, get: [{ expect: only(["provAdmin"]) }] },
  // Real-name data import (issue 18): admins of a region; a run that does not exist (or is another region's) is not found.
  "admin.imports._index.tsx": { get: [{ expect: only(ADMINS) }], post: { expect: only(ADMINS, "bad") } },
  "admin.imports.$id.tsx": {
    params: () => ({ id: "00000000-0000-4000-8000-000000000000" }),
    get: [{ expect: only([], "ok", "deny") }],
    post: { expect: only([], "ok", "deny") },
  },
  "admin.imports.template[.]csv.ts": { get: [{ expect: only(ADMINS) }] },
  "admin.events.$id.report[.]xlsx.ts": { params: eventParam, get: [{ expect: only(["provAdmin"]) }], binary: true },
  "admin.events._index.tsx": {
    get: [
      {
        expect: only(ADMINS),
        absent: { for: ["prefAdmin"], label: "the 贵阳 event", text: () => "2026 年贵阳市残疾人就业援助月专场招聘会", shownTo: ["provAdmin"] },
      },
    ],
  },
  "admin.events.new.tsx": { get: [{ expect: only(ADMINS) }], post: { expect: only(ADMINS, "bad") } },

  // Training courses (issue 14): the 贵阳 course (organization A provides it; 李明 enrolled) is the province's, not 遵义's;
  // the 遵义 draft is for both admins. The course page lists its trainees by name with their access requests.
  "admin.courses.$id.tsx": {
    params: (f) => ({ id: f.course }),
    get: [{ expect: only(["provAdmin"]), shows: { provAdmin: NAMES } }, { label: "a draft course of 遵义市", params: (f) => ({ id: f.draftCourse }), expect: only(ADMINS) }],
    post: { body: (_f, who) => (who === "provAdmin" ? { intent: "edit" } : { intent: "cancel", confirm: "yes" }), expect: only(["provAdmin"], "bad"), shows: { provAdmin: NAMES } },
  },
  "admin.courses._index.tsx": {
    get: [{ expect: only(ADMINS), absent: { for: ["prefAdmin"], label: "the 贵阳 course", text: () => "权限矩阵盲人保健按摩培训班", shownTo: ["provAdmin"] } }],
  },
  "admin.courses.new.tsx": { get: [{ expect: only(ADMINS) }], post: { expect: only(ADMINS, "bad") } },

  // County coverage (issue 14): the admin's own region's counties.
  "admin.coverage.tsx": { get: [{ expect: only(ADMINS) }, { label: "uncovered only", query: () => "uncovered=1", expect: only(ADMINS) }] },
  // Designations of organization A (贵阳市): its page names the people employed there, to the admins of 贵阳 only;
  // the 遵义 admin may not revoke it (404).
  "admin.institutions.$id.tsx": {
    params: (f) => ({ id: f.designation }),
    get: [{ expect: only(["provAdmin"]), shows: { provAdmin: NAMES } }],
    post: {
      body: (_f, who) => (who === "provAdmin" ? {} : { intent: "revoke", revokedOn: "2026-12-01" }),
      expect: only(["provAdmin"], "bad"),
      shows: { provAdmin: NAMES },
    },
  },
  "admin.institutions._index.tsx": { get: [{ expect: only(ADMINS) }, { label: "filtered", query: () => "kind=auxiliary&status=active&region=520102", expect: only(ADMINS) }] },
  // The 遵义 admin designating organization A of 贵阳市 is refused (404); the empty form is refused (400).
  "admin.institutions.new.tsx": {
    get: [{ expect: only(ADMINS) }, { label: "a search by name", query: () => `q=${encodeURIComponent("公司")}`, expect: only(ADMINS) }],
    post: {
      body: (f, who) =>
        who === "prefAdmin"
          ? { organizationId: f.organizationA, kinds: "auxiliary", decisionNumber: "权限矩阵越权认定", decisionDate: "2026-12-01", validFrom: "2026-12-01" }
          : {},
      expect: over(only(ADMINS, "bad"), { prefAdmin: "deny" }),
    },
  },

  // The judges' pool of the admin's region (judges are not accounts): 遵义's admin does not see 贵阳's judge.
  "admin.judges.tsx": {
    get: [
      {
        expect: only(ADMINS),
        absent: { for: ["prefAdmin"], label: "a judge of 贵阳市", text: () => "权限矩阵贵阳裁判", shownTo: ["provAdmin"] },
      },
    ],
    post: { expect: only(ADMINS, "bad") },
  },

  // Organization A is in 贵阳市: the 遵义 admin may neither read nor verify it.
  "admin.organizations.$id.tsx": {
    params: (f) => ({ id: f.organizationA }),
    get: [{ expect: only(["provAdmin"]) }],
    post: { body: () => ({ intent: "verify" }), expect: only(["provAdmin"], "bad") },
  },
  "admin.organizations._index.tsx": {
    get: [
      {
        query: () => `status=all&q=${encodeURIComponent("黔程示范")}`,
        expect: only(ADMINS),
        absent: { for: ["prefAdmin"], label: "organization A", text: () => "贵阳黔程示范科技有限公司", shownTo: ["provAdmin"] },
      },
    ],
  },
  // Organization A's approved declaration (names and certificate numbers of its disabled staff).
  "admin.quota.$id.tsx": {
    params: (f) => ({ id: f.declaration }),
    get: [{ expect: only(["provAdmin"]), shows: { provAdmin: ["names", "certificates"] } }],
    post: { body: () => ({ intent: "approve" }), expect: only(["provAdmin"], "bad"), shows: { provAdmin: ["names", "certificates"] } },
  },
  // Publishing is the province's (decision 010): a prefecture admin is refused; 2027 has nothing approved.
  // Flags of provincial bodies are the province's (issue 13): a prefecture admin sees the list and is refused.
  "admin.provincial-bodies.tsx": {
    get: [{ expect: only(ADMINS) }],
    post: {
      body: (f, who) => (who === "provAdmin" ? {} : { organizationId: f.organizationA, kinds: "party_government" }),
      expect: over(only(ADMINS, "bad"), { prefAdmin: "refuse" }),
    },
  },
  "admin.quota._index.tsx": {
    get: [
      {
        expect: only(ADMINS),
        absent: { for: ["prefAdmin"], label: "organization A's declaration", text: () => "贵阳黔程示范科技有限公司", shownTo: ["provAdmin"] },
      },
    ],
    post: { body: () => ({ levyYear: "2027", objectionDays: "30" }), expect: only(ADMINS, "bad") },
  },
  // The objection concerns organization A (贵阳市): the 遵义 admin neither sees nor resolves it.
  "admin.quota.objections.$year.tsx": {
    params: year,
    get: [{ expect: only(ADMINS) }],
    post: {
      body: (f, who) => (who === "provAdmin" ? {} : { objectionId: f.objection, outcome: "dismissed", resolution: "权限矩阵驳回" }),
      expect: over(only(ADMINS, "bad"), { prefAdmin: "refuse" }),
    },
  },
  // Levy parameters hold for the whole province: only the province admin changes them (decision 010).
  "admin.rule-parameters.tsx": {
    get: [{ expect: only(ADMINS) }],
    post: {
      body: (_f, who) => (who === "provAdmin" ? {} : { name: "minimum_wage", year: "2030", value: "2000" }),
      expect: over(only(ADMINS, "bad"), { prefAdmin: "refuse" }),
    },
  },
  "admin.security.tsx": { get: [{ expect: only(ADMINS) }] },
  // Partner API tokens (issue 18): admins, for their own region; 遵义's admin may not make one for 贵阳市.
  "admin.api-tokens.tsx": {
    get: [{ expect: only(ADMINS) }],
    post: {
      body: (_f, who) =>
        who === "prefAdmin"
          ? { intent: "create", name: "权限矩阵越权令牌", scopes: "statistics:read", regionCode: "520100", expiresOn: "2099-01-01", rateLimit: "60" }
          : {},
      expect: over(only(ADMINS, "bad"), { prefAdmin: "refuse" }),
    },
  },
  // A prefecture admin may not create staff for another prefecture.
  // Staff training records (issue 14): admins of the region; 遵义's admin may not record a 贵阳 instructor.
  "admin.staff-training.tsx": {
    get: [{ expect: only(ADMINS) }],
    post: {
      body: (_f, who) =>
        who === "provAdmin" ? {} : { role: "community_instructor", name: "权限矩阵", regionCode: "520102", course: "越权培训", trainedOn: "2026-01-05", hours: "8" },
      expect: over(only(ADMINS, "bad"), { prefAdmin: "refuse" }),
    },
  },
  "admin.staff.tsx": {
    get: [
      { expect: only(ADMINS), absent: { for: ["prefAdmin"], label: "the 贵阳 counselor", text: () => "王芳（就业指导员）", shownTo: ["provAdmin"] } },
    ],
    post: {
      body: (_f, who) =>
        who === "provAdmin"
          ? {}
          : { role: "counselor", displayName: "越权指导员", regionCode: "520100", password: "Authz#Matrix-2026!", phone: "13900000399" },
      expect: over(only(ADMINS, "bad"), { prefAdmin: "refuse" }),
    },
  },

  // Public JSON API (docs/api.md): GET is not allowed; a form body is not JSON.
  "api.levy.estimate.ts": { get: [{ expect: all("status:405") }], post: { expect: all("bad") } },
  "api.match.vacancies.ts": { get: [{ expect: over(only(SEEKERS, "ok", "status:403"), { anon: "status:401" }) }] },
  // Admins of the region asked for (the province's figures: the province admin only); 401 signed out, 403 otherwise.
  "api.statistics.indicators.ts": {
    get: [
      { query: () => "period=2016-2020&region=520000", expect: over(only(["provAdmin"], "ok", "status:403"), { anon: "status:401" }) },
      { label: "one's own region", query: () => "period=2026", expect: over(only(ADMINS, "ok", "status:403"), { anon: "status:401" }) },
    ],
  },
  "api.vacancies.ts": { get: [{ expect: all("ok") }] },
  // The partner API (issue 18) authenticates by bearer token, never by session: every identity here, signed in or
  // not, sends no token and gets 401 (tests/http/api.test.ts covers the tokens). Its OpenAPI document is public.
  "api.openapi[.]json.ts": { get: [{ expect: all("ok") }] },
  "api.v1.events.ts": { get: [{ expect: all("status:401") }] },
  "api.v1.statistics.indicators.ts": { get: [{ expect: all("status:401") }] },
  "api.v1.vacancies._index.ts": { get: [{ expect: all("status:401") }] },
  "api.v1.vacancies.$id.ts": { params: (f) => ({ id: f.vacancy }), get: [{ expect: all("status:401") }] },

  // 李明's application: his alone (the employer has its own page for it).
  "applications.$id.tsx": {
    params: (f) => ({ id: f.application }),
    get: [{ expect: only(["seeker"]) }],
    post: { body: ownerOr("seeker", {}, () => ({ intent: "withdraw" })), expect: only(["seeker"], "bad") },
  },
  "applications._index.tsx": { get: [{ expect: only(SEEKERS) }] },

  "caseload.tsx": { get: [{ expect: only(COUNSELORS, "redirect:/caseloads/") }] },
  // Courses that fit the needs and place of a counselor's own caseload (names of their own people); 404 to others.
  "caseload_.courses.tsx": { get: [{ expect: only(COUNSELORS), shows: { counselor: NAMES, counselor2: NAMES } }] },
  // The 贵阳 counselor's caseload: theirs, and admins of a region holding 贵阳市.
  "caseloads.$counselorId.tsx": {
    params: (f) => ({ counselorId: f.users.counselor }),
    get: [{ expect: only(["counselor", "provAdmin"]), shows: { counselor: NAMES, provAdmin: NAMES } }],
  },
  "caseloads._index.tsx": {
    get: [
      {
        expect: only(STAFF),
        absent: {
          for: ["counselor2", "prefAdmin"],
          label: "the 贵阳 counselor",
          text: () => "王芳（就业指导员）",
          shownTo: ["counselor", "provAdmin"],
        },
      },
    ],
  },
  // Moving 李明 (贵阳市) to the 遵义 counselor: refused for everyone (outside 遵义's region; the counselor does not serve 贵阳).
  "caseloads.assign.tsx": {
    get: [{ expect: only(STAFF), shows: STAFF_SEE_NAMES }],
    post: { body: (f) => ({ seekerId: f.users.seeker, counselorId: f.users.counselor2 }), expect: only(STAFF, "refuse"), shows: STAFF_SEE_NAMES },
  },

  // One seeker of a caseload: the seeker's current counselor only (README: "the assigned counselor only").
  // Its form sends the seeker a message (issue 15): the same counselor only; the empty form is refused (400).
  "clients.$seekerId._index.tsx": {
    params: seekerParam,
    get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }],
    post: { expect: only(["counselor"], "bad"), shows: COUNSELOR_SEES_NAME },
  },
  "clients.$seekerId.checkpoints.$employmentId.$month.tsx": {
    params: (f) => ({ seekerId: f.employment.seekerId, employmentId: f.employment.id, month: "1" }),
    get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }],
    post: {
      body: ownerOr("counselor", {}, () => ({ stillEmployed: "no", contractYearOrMore: "no", note: "权限矩阵" })),
      expect: only(["counselor"], "bad"),
      shows: COUNSELOR_SEES_NAME,
    },
  },
  // 李明's household (issue 13): his current counselor only; members with an account are named to that counselor.
  "clients.$seekerId.household.tsx": {
    params: seekerParam,
    get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }],
    post: {
      body: ownerOr("counselor", {}, () => ({ intent: "described", name: "权限矩阵", gender: "male", birthDate: "1980-01-01", employed: "yes", relation: "other" })),
      expect: only(["counselor"], "bad"),
      shows: COUNSELOR_SEES_NAME,
    },
  },
  "clients.$seekerId.matches.tsx": {
    params: seekerParam,
    get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }],
    post: {
      body: ownerOr("counselor", {}, (f) => ({ vacancyId: f.otherOpenVacancy, message: "权限矩阵" })),
      expect: only(["counselor"], "bad"),
      shows: COUNSELOR_SEES_NAME,
    },
  },
  "clients.$seekerId.plan.tsx": {
    params: seekerParam,
    get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }],
    post: {
      body: ownerOr("counselor", {}, (f) => ({ intent: "status", actionId: f.planAction, status: "dropped" })),
      expect: only(["counselor"], "bad"),
      shows: COUNSELOR_SEES_NAME,
    },
  },
  // Vocational capability assessments of 李明 (issue 14): his current counselor only.
  "clients.$seekerId.assessments.new.tsx": {
    params: seekerParam,
    get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }],
    post: {
      body: ownerOr("counselor", {}, () => ({ assessedOn: "2026-01-05", method: "权限矩阵", result: "权限矩阵越权评估" })),
      expect: only(["counselor"], "bad"),
      shows: COUNSELOR_SEES_NAME,
    },
  },
  "clients.$seekerId.plan_.print.tsx": { params: seekerParam, get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }] },
  "clients.$seekerId.services.new.tsx": {
    params: seekerParam,
    get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }],
    post: {
      body: ownerOr("counselor", {}, () => ({ type: "career_guidance", serviceDate: "2026-12-01", notes: "权限矩阵越权记录", outcome: "" })),
      expect: only(["counselor"], "bad"),
      shows: COUNSELOR_SEES_NAME,
    },
  },

  // The quarterly real-name check of 李明: his current counselor only.
  "clients.$seekerId.verify.tsx": {
    params: seekerParam,
    get: [{ expect: only(["counselor"]), shows: COUNSELOR_SEES_NAME }],
    post: {
      body: ownerOr("counselor", {}, () => ({ employmentStatus: "unemployed", note: "权限矩阵越权核查" })),
      expect: only(["counselor"], "bad"),
      shows: COUNSELOR_SEES_NAME,
    },
  },

  // The counselor's dashboard names people of their own caseload (new assignments, messages, answered referrals).
  "dashboard.tsx": { get: [{ expect: signedIn("ok"), shows: { counselor: NAMES, counselor2: NAMES } }] },

  // The public quota disclosure; objecting needs an account (an empty form is refused).
  "disclosures.$year._index.tsx": {
    params: year,
    get: [{ expect: all("ok") }, { label: "a year never published", params: () => ({ year: "2019" }), expect: all("status:404") }],
    post: { expect: signedIn("bad") },
  },
  "disclosures.$year.export[.]csv.ts": { params: year, get: [{ expect: all("ok") }] },
  "disclosures.$year.export[.]xlsx.ts": { params: year, get: [{ expect: all("ok") }], binary: true },
  "disclosures._index.tsx": { get: [{ expect: all("ok") }] },

  "employer._index.tsx": { get: [{ expect: only(EMPLOYERS) }] },
  // 李明's application to organization A: its members only; marking it viewed (it is past that: no change) too.
  "employer.applications.$id.tsx": {
    params: (f) => ({ id: f.application }),
    // What 李明 chose to disclose (name and contact), and only that.
    get: [{ expect: only(["employer"]), shows: { employer: DISCLOSABLE } }],
    post: { body: () => ({ intent: "viewed" }), expect: only(["employer"], "redirect:/employer/applications/") },
  },
  // Organization A's booth: only its members; bookings are shown by reference, never by name.
  "employer.events.$id.tsx": {
    params: eventParam,
    get: [{ expect: only(["employer"]) }],
    post: { body: ownerOr("employer", {}, (f) => ({ intent: "delete", slotId: f.slot })), expect: only(["employer"], "bad") },
  },
  // The 遵义 owner may not remove organization A's owner.
  "employer.members.tsx": {
    get: [{ expect: only(EMPLOYERS) }],
    post: {
      body: (f, who) => (who === "employer" ? {} : { intent: "remove", organizationId: f.organizationA, userId: f.users.employer }),
      expect: over(only(EMPLOYERS, "bad"), { employer2: "deny" }),
    },
  },
  "employer.quota._index.tsx": {
    get: [{ query: (f) => `org=${f.organizationA}`, expect: only(["employer"]) }],
    post: {
      body: (f, who) =>
        who === "employer" ? {} : { intent: "remove", organizationId: f.organizationA, employeeId: "00000000-0000-4000-8000-000000000000" },
      expect: only(["employer"], "bad"),
    },
  },
  "employer.quota.declarations.$organizationId.$year.tsx": {
    params: (f) => ({ organizationId: f.organizationA, year: String(LEVY_YEAR) }),
    // The organization's own declaration lists its disabled staff.
    get: [{ expect: only(["employer"]), shows: { employer: ["names", "certificates"] } }],
    post: {
      body: (_f, who) =>
        who === "employer"
          ? {}
          : { ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`monthlyStaff[${i}]`, "10"])), salaryTotal: "100000" },
      expect: only(["employer"], "bad"),
      shows: { employer: ["names", "certificates"] },
    },
  },
  "employer.quota.declarations._index.tsx": { get: [{ expect: only(EMPLOYERS) }] },
  // Both employers already belong to a verified organization: nothing to register, back to /employer (the refused
  // form's page is the loader's redirect).
  "employer.register.tsx": { get: [{ expect: only(EMPLOYERS, "redirect:/employer") }], post: { expect: only(EMPLOYERS, "redirect:/employer") } },
  "employer.vacancies.$id.applicants.tsx": { params: (f) => ({ id: f.vacancy }), get: [{ expect: only(["employer"]) }] },
  // Candidates are anonymous (design §5 rule 4): no name, ID, certificate, contact or category — not even disclosed ones.
  "employer.vacancies.$id.candidates.tsx": {
    params: (f) => ({ id: f.vacancy }),
    get: [{ expect: only(["employer"]) }],
    post: { body: ownerOr("employer", {}, (f) => ({ seekerId: f.users.seeker2 })), expect: only(["employer"], "refuse") },
  },
  "employer.vacancies.$id.edit.tsx": {
    params: (f) => ({ id: f.vacancy }),
    get: [{ expect: only(["employer"]) }],
    post: { body: ownerOr("employer", {}, () => ({ intent: "close" })), expect: only(["employer"], "bad") },
  },
  // The preview before publishing (issue 15): members only; publishing needs intent=publish (the owner's empty form is refused).
  "employer.vacancies.$id.preview.tsx": {
    params: (f) => ({ id: f.vacancy }),
    get: [{ expect: only(["employer"]) }],
    post: { body: ownerOr("employer", {}, () => ({ intent: "publish" })), expect: only(["employer"], "bad") },
  },
  "employer.vacancies._index.tsx": { get: [{ expect: only(EMPLOYERS) }] },
  "employer.vacancies.new.tsx": { get: [{ expect: only(EMPLOYERS) }], post: { expect: only(EMPLOYERS, "bad") } },

  // Employment of every form (issue 13): the records of the seekers of one's region, for counselors and admins.
  // Entrepreneurs' businesses (issue 14): staff of the business's region. 李明's business is in 贵阳市: 遵义's staff
  // do not find it in their list, get 404 on its page, and are told "not found" when recording one for him.
  "businesses._index.tsx": {
    get: [
      {
        expect: only(STAFF),
        shows: STAFF_SEE_NAMES,
        absent: { for: ["counselor2", "prefAdmin"], label: "李明's business (贵阳市)", text: () => "权限矩阵竹编工作室", shownTo: ["counselor", "provAdmin"] },
      },
    ],
  },
  "businesses.new.tsx": {
    get: [
      // Counselors choose an owner from their own caseload, so they see its names.
      { expect: only(STAFF), shows: { counselor: NAMES, counselor2: NAMES } },
      { label: "for 李明 (贵阳市)", query: (f) => `owner=${f.users.seeker}`, expect: only(STAFF), shows: { counselor: NAMES, provAdmin: NAMES, counselor2: NAMES } },
    ],
    post: {
      query: (f) => `owner=${f.users.seeker}`,
      body: (f, who) =>
        who === "counselor" || who === "provAdmin"
          ? {}
          : { intent: "business", ownerId: f.users.seeker, name: "权限矩阵越权网店", kind: "online_shop", regionCode: "520102", startedOn: "2026-01-05" },
      expect: over(only(STAFF, "bad"), { counselor2: "refuse", prefAdmin: "refuse" }),
      shows: { counselor: NAMES, provAdmin: NAMES, counselor2: NAMES },
    },
  },
  "businesses.$id.tsx": {
    params: (f) => ({ id: f.business }),
    get: [{ expect: only(["counselor", "provAdmin"]), shows: { counselor: NAMES, provAdmin: NAMES } }],
    post: {
      body: (_f, who) => (who === "counselor" || who === "provAdmin" ? {} : { intent: "support", kind: "startup_subsidy", amount: "1", supportDate: "2026-01-05" }),
      expect: only(["counselor", "provAdmin"], "bad"),
      shows: { counselor: NAMES, provAdmin: NAMES },
    },
  },

  "employment-records._index.tsx": { get: [{ expect: only(STAFF), shows: STAFF_SEE_NAMES }] },
  // Recording for 李明 (贵阳市): his region's staff see his name; 遵义's are told "not found", as for nobody.
  "employment-records.new.tsx": {
    get: [
      { expect: only(STAFF) },
      { label: "for 李明 (贵阳市)", query: (f) => `seeker=${f.users.seeker}`, expect: only(STAFF), shows: { counselor: NAMES, provAdmin: NAMES } },
    ],
    post: {
      query: (f) => `seeker=${f.users.seeker}`,
      body: (f, who) =>
        who === "counselor" || who === "provAdmin"
          ? {}
          : {
              intent: "record",
              seekerId: f.users.seeker,
              form: "flexible",
              employerName: "权限矩阵越权记录",
              contractStart: "2026-05-01",
              monthlyPay: "1800",
              socialInsurance: "no",
              evidence: "other",
            },
      // Staff of another region pass the form and are refused at the person (404); the empty form is refused (400).
      expect: over(only(STAFF, "bad"), { counselor2: "deny", prefAdmin: "deny" }),
      shows: { counselor: NAMES, provAdmin: NAMES },
    },
  },
  // An employment of a seeker of 贵阳市: its staff (the 贵阳 counselor, the province), nobody of 遵义.
  "employment-records.$id.tsx": {
    params: (f) => ({ id: f.employment.id }),
    get: [{ expect: only(["counselor", "provAdmin"]), shows: { counselor: NAMES, provAdmin: NAMES } }],
    post: {
      body: (_f, who) => (who === "counselor" || who === "provAdmin" ? {} : { intent: "classify", form: "rural" }),
      expect: only(["counselor", "provAdmin"], "bad"),
      shows: { counselor: NAMES, provAdmin: NAMES },
    },
  },

  // The public event page; 李明 tries to cancel the other seeker's interview booking.
  "events.$id.tsx": {
    params: eventParam,
    get: [
      { expect: all("ok") },
      {
        label: "a draft event of 遵义市 (its organizers preview it)",
        params: (f) => ({ id: f.draftEvent }),
        expect: over(all("status:404"), { prefAdmin: "ok", provAdmin: "ok" }),
      },
      // A skills competition's public page: its categories; published results only, names masked (none published here).
      { label: "a skills competition", params: (f) => ({ id: f.competition }), expect: all("ok") },
    ],
    post: {
      body: (f, who) => (who === "seeker2" ? {} : { intent: "unbook", slotId: f.bookedSlot }),
      expect: over(only(["seeker"], "refuse"), { seeker2: "bad" }),
    },
  },
  // Entering a competition: seekers only; the other seeker tries to withdraw from 李明's category (they have no entry there).
  "events.$id_.enter.tsx": {
    params: (f) => ({ id: f.competition }),
    get: [{ expect: only(SEEKERS) }, { label: "a general event (not a competition)", params: eventParam, expect: only([]) }],
    post: {
      body: (f, who) => (who === "seeker" ? {} : { intent: "withdraw", categoryId: f.competitionCategory }),
      expect: over(only(["seeker"], "bad"), { seeker2: "refuse" }),
    },
  },
  "events._index.tsx": { get: [{ expect: all("ok") }] },
  // The public register of designated institutions (issue 14) and an institution's page: anyone.
  "institutions.$id.tsx": {
    params: (f) => ({ id: f.organizationA }),
    get: [{ expect: all("ok") }, { label: "an organization that does not exist", params: () => ({ id: "00000000-0000-4000-8000-000000000000" }), expect: all("status:404") }],
  },
  "institutions._index.tsx": { get: [{ expect: all("ok") }, { label: "filtered", query: () => "kind=auxiliary&region=520100", expect: all("ok") }] },
  "follow-up.tsx": { get: [{ expect: only(COUNSELORS), shows: { counselor: NAMES, counselor2: NAMES } }] },
  "graduates.tsx": {
    get: [
      {
        label: "贵阳市's graduates, listed by name",
        query: () => "year=2026&region=520100&list=graduates",
        expect: only(["counselor", "provAdmin"]),
        shows: STAFF_SEE_NAMES,
      },
      { label: "one's own region", query: () => "year=2026&list=graduates", expect: only(STAFF), shows: STAFF_SEE_NAMES },
    ],
  },
  // An invitation link shows whom it invites to anyone holding it; only the invited account may accept.
  "invitations.$token.tsx": {
    params: (f) => ({ token: f.invitationToken }),
    get: [{ expect: all("ok") }, { label: "a token that names nothing", params: () => ({ token: "a".repeat(32) }), expect: all("status:404") }],
    post: { expect: signedIn("refuse") },
  },
  // One-click unsubscribe (issue 17): the signed link is the whole authorization, for anyone holding it, signed in or
  // not; it turns one topic's email off for the person it names. An altered link names nothing.
  "unsubscribe.$token.tsx": {
    params: (f) => ({ token: unsubscribeToken(f.users.seeker2, "alerts") }),
    get: [{ expect: all("ok") }, { label: "a link with an altered signature", params: (f) => ({ token: unsubscribeToken(f.users.seeker2, "alerts").slice(0, -4) + "AAAA" }), expect: all("status:404") }],
    post: { expect: all("ok") },
  },
  "job-invitations.tsx": {
    get: [{ expect: only(SEEKERS) }],
    post: { body: ownerOr("seeker", {}, (f) => ({ invitationId: f.jobInvitation })), expect: only(["seeker"], "refuse") },
  },
  "levy.tsx": { get: [{ expect: all("ok") }] },
  // Signed in, the sign-in page sends one on (also after a refused form: the loader's redirect).
  "login.tsx": { get: [{ expect: signedIn("redirect:/dashboard", "ok") }], post: { expect: signedIn("redirect:/dashboard", "bad") } },
  "logout.tsx": { get: [{ expect: all("redirect:/") }], post: { expect: all("redirect:/login"), freshSession: true } },
  // The plan and the thread with one's counselor (issue 15): a seeker's own; the empty form is refused (400).
  "my-plan.tsx": { get: [{ expect: only(SEEKERS) }], post: { expect: only(SEEKERS, "bad") } },
  "notifications.tsx": {
    get: [{ expect: signedIn("ok") }],
    post: { body: ownerOr("seeker", {}, (f) => ({ intent: "open", id: f.notification })), expect: over(signedIn("deny"), { seeker: "bad" }) },
  },
  "preferences.tsx": { get: [{ expect: all("redirect:/") }], post: { expect: all("redirect:/") } },

  "profile._index.tsx": { get: [{ expect: only(SEEKERS) }] },
  // Which of one's training certificates are shown: nothing ticked is a valid answer (all hidden).
  "profile.certificates.tsx": profileListStep,
  "profile.delete.tsx": {
    get: [
      { expect: only(SEEKERS) },
      // After deleting, the signed-out visitor lands here; signed in, the page is still the seeker's only.
      { label: "the confirmation", query: () => "done=deleted", expect: over(only(SEEKERS), { anon: "ok" }) },
    ],
    // Deleting one's account needs the password (an empty form is refused); employers may delete theirs too.
    post: { expect: only([...SEEKERS, ...EMPLOYERS], "bad") },
  },
  "profile.disability.tsx": profileStep,
  "profile.education.tsx": profileStep,
  // Everyone may export their own account's data (PIPL; design §7).
  "profile.export.tsx": { get: [{ expect: signedIn("ok") }] },
  "profile.export[.]json.ts": { get: [{ expect: signedIn("ok") }] },
  "profile.export[.]xlsx.ts": { get: [{ expect: signedIn("ok") }], binary: true },
  "profile.family.tsx": profileListStep,
  "profile.limits.tsx": profileListStep,
  "profile.needs.tsx": profileListStep,
  "profile.personal.tsx": profileStep,
  "profile.preferences.tsx": profileStep,
  "profile.region.tsx": profileStep,
  "profile.skills.tsx": profileListStep,
  "profile.visibility.tsx": profileStep,

  // A training base's courses: the members of organization A (and the admins of the course's region) keep its roster.
  "provider.courses._index.tsx": {
    get: [{ expect: only(EMPLOYERS), absent: { for: ["employer2"], label: "organization A's course", text: () => "权限矩阵盲人保健按摩培训班", shownTo: ["employer"] } }],
  },
  "provider.courses.$id.tsx": {
    params: (f) => ({ id: f.course }),
    get: [{ expect: only(["employer", "provAdmin"]), shows: { employer: NAMES, provAdmin: NAMES } }],
    post: {
      body: (f, who) =>
        who === "employer" || who === "provAdmin" ? { intent: "outcome" } : { intent: "outcome", enrolmentId: f.courseEnrolment, outcome: "not_completed", attendedDays: "0" },
      expect: only(["employer", "provAdmin"], "bad"),
      shows: { employer: NAMES, provAdmin: NAMES },
    },
  },
  "referrals.tsx": {
    get: [{ expect: only(SEEKERS) }],
    post: { body: ownerOr("seeker", {}, (f) => ({ intent: "decline", referralId: f.referral })), expect: only(["seeker"], "bad") },
  },
  // A seeker's own saved searches (issue 17). Asking to delete one that is not theirs (here: one that does not exist) is
  // 404; the empty form is refused at validation for seekers, others never get that far.
  "saved-searches.tsx": {
    get: [
      { expect: only(SEEKERS) },
      { label: "deleting a search that is not theirs", query: () => "delete=00000000-0000-4000-8000-000000000000", expect: over(only(SEEKERS, "deny"), { anon: "login" }) },
    ],
    post: { body: ownerOr("seeker", {}, () => ({ intent: "delete", id: "00000000-0000-4000-8000-000000000000" })), expect: over(only(SEEKERS, "bad"), { seeker: "bad", seeker2: "deny" }) },
  },
  "register.tsx": { get: [{ expect: signedIn("redirect:/dashboard", "ok") }], post: { expect: signedIn("redirect:/dashboard", "bad") } },

  // Snapshots and reports of the plan (issue 13): admins, for their region and those within it (贵阳市 is the
  // province's, not 遵义's). Aggregate figures only; the notes' form is refused to an admin outside the region.
  "statistics.snapshots.tsx": { get: [{ expect: only(ADMINS) }], post: { expect: only(ADMINS, "bad") } },
  "statistics.report.$year._index.tsx": {
    params: () => ({ year: "2026" }),
    get: [{ expect: only(ADMINS) }, { label: "贵阳市's report", query: () => "region=520100", expect: only(["provAdmin"]) }],
    post: {
      body: (_f, who) => (who === "provAdmin" ? {} : { region: "520100", notes: "权限矩阵越权意见" }),
      expect: over(only(ADMINS, "bad"), { prefAdmin: "deny" }),
    },
  },
  "statistics.report.$year.export[.]xlsx.ts": {
    params: () => ({ year: "2026" }),
    get: [{ expect: only(ADMINS) }, { label: "贵阳市's report", query: () => "region=520100", expect: only(["provAdmin"]) }],
    binary: true,
  },
  "statistics.evaluation.$period._index.tsx": {
    params: () => ({ period: "2016-2020" }),
    get: [
      { query: () => "kind=midterm", expect: only(ADMINS) },
      { label: "贵阳市's final evaluation", query: () => "kind=final&region=520100", expect: only(["provAdmin"]) },
    ],
    post: {
      query: () => "kind=final",
      body: (_f, who) => (who === "provAdmin" ? {} : { region: "520100", notes: "权限矩阵越权意见" }),
      expect: over(only(ADMINS, "bad"), { prefAdmin: "deny" }),
    },
  },
  "statistics.evaluation.$period.export[.]xlsx.ts": {
    params: () => ({ period: "2016-2020" }),
    get: [{ query: () => "kind=midterm", expect: only(ADMINS) }, { label: "贵阳市's", query: () => "kind=final&region=520100", expect: only(["provAdmin"]) }],
    binary: true,
  },

  // The plan's figures (issue 13): admins, for their region and those within it (贵阳市 is the province's, not
  // 遵义's). The lists behind the figures name the people counted, within the admin's region; targets are set by the
  // province for itself and by a prefecture for its counties (the 遵义 admin's target for a 贵阳 county is refused).
  "statistics._index.tsx": {
    get: [{ expect: only(ADMINS) }, { label: "贵阳市's figures", query: () => "region=520100&period=2016-2020", expect: only(["provAdmin"]) }],
  },
  "statistics.list.tsx": {
    get: [
      { label: "new jobs of one's own region, by name", query: () => "code=new_jobs&period=2017-2026", expect: only(ADMINS), shows: { prefAdmin: NAMES, provAdmin: NAMES } },
      { label: "贵阳市's services, by name", query: () => "code=services_given&region=520100&period=2017-2026", expect: only(["provAdmin"]), shows: { provAdmin: NAMES } },
      { label: "an indicator that does not exist", query: () => "code=no_such_indicator", expect: only([], "ok", "deny") },
    ],
  },
  "statistics.targets.tsx": {
    get: [{ expect: only(ADMINS) }],
    post: {
      body: (_f, who) => (who === "provAdmin" ? {} : { indicator: "new_jobs", regionCode: "520102", periodStart: "2031", periodEnd: "2035", value: "100", source: "权限矩阵" }),
      expect: only(ADMINS, "bad"),
    },
  },
  "statistics.export[.]csv.ts": { get: [{ expect: only(ADMINS) }, { label: "贵阳市's", query: () => "region=520100", expect: only(["provAdmin"]) }] },
  "statistics.export[.]xlsx.ts": { get: [{ expect: only(ADMINS) }, { label: "贵阳市's", query: () => "region=520100", expect: only(["provAdmin"]) }], binary: true },
  // Issue 18: the export for the national reporting, admins of a region (the empty form goes back to the page; a
  // 遵义 admin's 贵阳 export is refused in tests/http/opendata.test.ts and the domain test).
  "statistics.national-export.tsx": { get: [{ expect: only(ADMINS) }] },
  "statistics.national-export_.download.ts": { get: [{ expect: all("redirect:/statistics/national-export") }], post: { expect: only(ADMINS, "redirect:/statistics/national-export") } },
  // Issue 18: open data, public, aggregate, suppressed (tests/http/opendata.test.ts checks every cell).
  "open-data._index.tsx": { get: [{ expect: all("ok") }] },
  "open-data.indicators[.]csv.ts": { get: [{ expect: all("ok") }] },
  "open-data.indicators[.]json.ts": { get: [{ expect: all("ok") }] },
  "open-data.quota-disclosure[.]csv.ts": { get: [{ expect: all("ok") }] },
  "open-data.quota-disclosure[.]json.ts": { get: [{ expect: all("ok") }] },

  // Organization A's open vacancy is public; its draft is for its members only.
  // The public courses; a course's page: a counselor chooses from their own caseload (names); 李明's counselor enrolling
  // him again is refused at the form (he is enrolled), everyone else at the person or the permission.
  "training._index.tsx": { get: [{ expect: all("ok") }, { label: "filtered", query: () => "kind=blind_health_massage&region=520100", expect: all("ok") }] },
  "training.$id.tsx": {
    params: (f) => ({ id: f.course }),
    get: [
      { expect: all("ok"), shows: { counselor: NAMES, counselor2: NAMES } },
      { label: "a draft course of 遵义市 (its admins preview it)", params: (f) => ({ id: f.draftCourse }), expect: over(all("status:404"), { prefAdmin: "ok", provAdmin: "ok" }) },
    ],
    post: { body: (f) => ({ intent: "enrol", seekerId: f.users.seeker }), expect: over(all("deny"), { anon: "login", counselor: "bad" }), shows: { counselor: NAMES } },
  },

  "vacancies.$id._index.tsx": {
    get: [
      { params: (f) => ({ id: f.vacancy }), expect: all("ok") },
      { label: "a draft", params: (f) => ({ id: f.draftVacancy }), expect: over(all("deny"), { employer: "ok" }) },
    ],
  },
  "vacancies.$id.apply.tsx": {
    params: (f) => ({ id: f.vacancy }),
    get: [{ expect: only(SEEKERS) }, { label: "a draft", params: (f) => ({ id: f.draftVacancy }), expect: only([], "ok", "deny") }],
    // An invalid disclosure choice: refused at validation, so nobody applies here.
    post: { body: () => ({ disclosure: "id_number" }), expect: only(SEEKERS, "bad") },
  },
  "vacancies._index.tsx": { get: [{ expect: all("ok") }] },
  // A counselor's own queue of caseload people not checked this quarter (names only).
  "verification.tsx": { get: [{ expect: only(COUNSELORS), shows: { counselor: NAMES, counselor2: NAMES } }] },
};

// ---------------------------------------------------------------------------------------------------------------
// Running it

let s: TestServer;
let f: Fixtures;
const cookies = {} as Record<Identity, string | null>;
const started = Date.now();

beforeAll(async () => {
  const t0 = Date.now();
  s = await startTestServer();
  const t1 = Date.now();
  const catalog = ["zh-CN.ts", "en.ts"].map((n) => readFileSync(fileURLToPath(new URL(`../../app/i18n/${n}`, import.meta.url)), "utf8")).join("\n");
  f = await makeFixtures(s, catalog);
  for (const who of IDENTITIES) cookies[who] = who === "anon" ? null : await s.cookieFor(f.users[who]);
  console.log(`server started in ${((t1 - t0) / 1000).toFixed(1)} s, fixtures made in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
}, 300_000);
afterAll(async () => {
  await s?.close();
  console.log(
    `authz matrix: ${((Date.now() - started) / 1000).toFixed(1)} s in all (${s?.databaseUrl ? "PostgreSQL" : "PGlite"}), ${(scanMs / 1000).toFixed(
      1,
    )} s of it checking answers`,
  );
});

interface Answer {
  status: number;
  location: string | null;
  cacheControl: string | null;
  contentType: string;
  text: string;
}

async function send(method: "GET" | "POST", path: string, cookie: string | null, body?: Form): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (method === "POST") {
    headers.origin = s.origin;
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  const r = await fetch(`${s.url}${path}`, {
    method,
    headers,
    body:
      method === "POST"
        ? new URLSearchParams(Object.entries(body ?? {}).filter((e): e is [string, string] => e[1] !== undefined)).toString()
        : undefined,
    redirect: "manual",
  });
  const contentType = r.headers.get("content-type") ?? "";
  const buf = Buffer.from(await r.arrayBuffer());
  return {
    status: r.status,
    location: r.headers.get("location"),
    cacheControl: r.headers.get("cache-control"),
    contentType,
    text: buf.toString("utf8"),
  };
}

function outcomeHolds(o: Outcome, a: Answer): boolean {
  const redirect = a.status >= 300 && a.status < 400;
  const to = (a.location ?? "").replace(/^https?:\/\/[^/]+/, "");
  switch (o) {
    case "ok":
      return a.status === 200;
    case "login":
      return redirect && to.startsWith("/login");
    case "deny":
      return a.status === 404 || a.status === 403;
    case "bad":
      return a.status === 400;
    case "refuse":
      return [400, 403, 404, 409, 410].includes(a.status);
    case "redirect":
      return redirect && !to.startsWith("/login");
    default:
      if (o.startsWith("redirect:")) return redirect && to.startsWith(o.slice("redirect:".length));
      return a.status === Number(o.slice("status:".length));
  }
}

const CATEGORY_WITH_GRADE = /(视力|听力|言语|肢体|智力|精神|多重)残疾\s*[一二三四]级/;
/**
 * A body's words, for looking up hundreds of values at once: runs of letters and digits (an ID, certificate or
 * phone number counts only as a whole run, not inside a longer number), email addresses, and every 2- and
 * 3-character piece of each run of Chinese characters (the length of the seekers' names).
 */
function wordsOf(body: string): Set<string> {
  const words = new Set<string>(body.match(/[0-9A-Za-z]+/g) ?? []);
  for (const e of body.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+/g) ?? []) words.add(e.replace(/\.+$/, ""));
  for (const run of body.match(/[\u3400-\u9fff]{2,}/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      words.add(run.slice(i, i + 2));
      if (i + 3 <= run.length) words.add(run.slice(i, i + 3));
    }
  }
  return words;
}

/** The sensitive values in a body that `who` may not see there. */
function leaks(who: Identity, text: string, shows: readonly Kind[] = []): string[] {
  const found: string[] = [];
  // Loader data travels as JSON in the page: read \uXXXX escapes too.
  const body = text.includes("\\u")
    ? `${text}\n${text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))}`
    : text;
  const words = wordsOf(body);
  const own = who === "anon" ? null : f.users[who];
  const allowed = f.allowed[who];
  const may = (kind: Kind, value: string) => shows.includes(kind) && allowed[kind].has(value);
  for (const x of f.seekers) {
    if (x.id === own) continue;
    const ref = `seeker ${x.phone ?? x.id}`;
    if (x.idNumber && !may("ids", x.idNumber) && words.has(x.idNumber)) found.push(`居民身份证号 of ${ref}`);
    if (x.certificate && !may("certificates", x.certificate) && words.has(x.certificate)) found.push(`残疾人证号 of ${ref}`);
    if (x.phone && !may("contacts", x.phone) && words.has(x.phone)) found.push(`phone of ${ref}`);
    if (x.email && !may("contacts", x.email) && words.has(x.email)) found.push(`email of ${ref}`);
    if (x.name && !may("names", x.name) && !f.ambiguousNames.has(x.name) && words.has(x.name)) found.push(`real name ${x.name} of ${ref}`);
  }
  if ((who === "anon" || who === "employer" || who === "employer2") && CATEGORY_WITH_GRADE.test(body)) {
    found.push(`a disability category with grade: "${CATEGORY_WITH_GRADE.exec(body)![0]}"`);
  }
  for (const m of f.markers) if (!m.allowed.includes(who) && body.includes(m.value)) found.push(m.label);
  return found;
}

interface Row {
  absent?: GetCase["absent"];
  file: string;
  label: string;
  method: "GET" | "POST";
  path: string;
  who: Identity;
  expected: Outcome;
  answer: Answer;
  binary: boolean;
  shows: readonly Kind[];
}

let scanMs = 0;
function check(row: Row, failures: string[]) {
  const t0 = performance.now();
  try {
    checkRow(row, failures);
  } finally {
    scanMs += performance.now() - t0;
  }
}

function checkRow(row: Row, failures: string[]) {
  const { answer: a, who } = row;
  const where = `${row.method} ${row.path}${row.label ? ` (${row.label})` : ""} as ${DESCRIBE[who]}`;
  if (a.status >= 500) failures.push(`${where}: ${a.status} — a server error`);
  else if (!outcomeHolds(row.expected, a))
    failures.push(`${where}: expected ${row.expected}, got ${a.status}${a.location ? ` → ${a.location}` : ""}`);
  if (who !== "anon" && a.status >= 200 && a.status < 300) {
    const cc = a.cacheControl ?? "";
    if (!/\bno-store\b/.test(cc)) failures.push(`${where}: Cache-Control is "${cc}", not no-store`);
  }
  if (!row.binary) for (const leak of leaks(who, a.text, row.shows)) failures.push(`${where}: shows ${leak}`);
  if (row.absent?.for.includes(who) && a.text.includes(row.absent.text(f))) failures.push(`${where}: shows ${row.absent.label}`);
  // The scope check is not vacuous: those over the region or organization do see it there.
  if (row.absent?.shownTo.includes(who) && !a.text.includes(row.absent.text(f)))
    failures.push(`${where}: does not show ${row.absent.label} (the scope check would prove nothing)`);
  for (const m of f.markers) if (m.allowed.includes(who) && a.text.includes(m.value)) markersSeen.add(m.label);
}

async function inChunks<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

const FILES = routeFiles();
/** Markers that some identity allowed to see them was shown (each must be, or its check proves nothing). */
const markersSeen = new Set<string>();

function coverageProblems(files: string[], routes: Record<string, Entry>, methods: (file: string) => { action: boolean }): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const entry = routes[file];
    if (!entry) {
      problems.push(`${file} (${urlPattern(file)}): no entry in the matrix`);
      continue;
    }
    const { action } = methods(file);
    if (action && !entry.post) problems.push(`${file}: exports an action, but the entry has no POST case`);
    if (!action && entry.post) problems.push(`${file}: the entry has a POST case, but the module exports no action`);
    for (const c of [...entry.get, ...(entry.post ? [entry.post] : [])]) {
      const given = Object.keys((c.params ?? entry.params)?.(f) ?? {});
      for (const n of paramNames(urlPattern(file))) if (!given.includes(n)) problems.push(`${file}: no value for parameter ${n}`);
    }
  }
  for (const file of Object.keys(routes)) if (!files.includes(file)) problems.push(`${file}: in the matrix, but no such route file`);
  return problems.sort();
}
const withQuery = (path: string, q?: string) => (q ? `${path}?${q}` : path);

describe("authorization matrix", () => {
  it("has exactly one entry per route file, with the module's methods", () => {
    expect(coverageProblems(FILES, ROUTES, moduleMethods)).toEqual([]);
    // And it would notice: a new file without an entry, an entry whose file is gone, an action without a POST case.
    const { ["levy.tsx"]: _gone, ...fewer } = ROUTES;
    expect(
      coverageProblems([...FILES, "admin.secrets.$id.tsx"], fewer, (file) =>
        file === "dashboard.tsx" ? { loader: true, action: true } : moduleMethods(file),
      ),
    ).toEqual([
      "admin.secrets.$id.tsx (/admin/secrets/:id): no entry in the matrix",
      "dashboard.tsx: exports an action, but the entry has no POST case",
      "levy.tsx (/levy): no entry in the matrix",
    ]);
    expect(
      coverageProblems(
        FILES.filter((x) => x !== "levy.tsx"),
        ROUTES,
        moduleMethods,
      ),
    ).toEqual(["levy.tsx: in the matrix, but no such route file"]);
  });

  it("turns file names into URLs by the flat-routes rules", () => {
    expect(urlPattern("_index.tsx")).toBe("/");
    expect(urlPattern("$.tsx")).toBe("/*");
    expect(urlPattern("admin.events.$id.report[.]csv.ts")).toBe("/admin/events/:id/report.csv");
    expect(urlPattern("clients.$seekerId.plan_.print.tsx")).toBe("/clients/:seekerId/plan/print");
    expect(urlPattern("vacancies.$id._index.tsx")).toBe("/vacancies/:id");
    expect(urlPattern("_auth.login.tsx")).toBe("/login");
    expect(fillPattern("/a/:id/b/*", { id: "x y", "*": "c/d" })).toBe("/a/x%20y/b/c/d");
  });

  it("the scanner finds the sensitive values where they are shown to those who may see them", async () => {
    const li = f.seekers.find((x) => x.id === f.users.seeker)!;
    const ref = `seeker ${li.phone}`;
    console.log(
      `scanning for ${f.seekers.length} seekers' values; ${f.ambiguousNames.size} names also occur in public text and are not checked: ${[
        ...f.ambiguousNames,
      ].join(" ")}`,
    );
    expect(f.ambiguousNames.has(li.name!)).toBe(false);
    const get = (who: Identity, path: string) => send("GET", path, cookies[who]);

    const exported = await get("seeker", "/profile/export.json");
    expect(leaks("seeker", exported.text)).toEqual([]);
    expect(leaks("seeker2", exported.text, ["names", "contacts", "certificates", "ids"])).toEqual(
      expect.arrayContaining([`居民身份证号 of ${ref}`, `残疾人证号 of ${ref}`, `phone of ${ref}`, `real name ${li.name} of ${ref}`]),
    );

    const client = await get("counselor", `/clients/${f.users.seeker}`);
    expect(client.status).toBe(200);
    expect(leaks("counselor", client.text, NAMES)).toEqual([]);
    expect(leaks("counselor2", client.text, NAMES)).toEqual(expect.arrayContaining([`real name ${li.name} of ${ref}`, "李明's plan goals"]));

    const applicant = await get("employer", `/employer/applications/${f.application}`);
    expect(leaks("employer", applicant.text, ["names", "contacts"])).toEqual([]);
    expect(leaks("employer2", applicant.text, ["names", "contacts"])).toContain(`real name ${li.name} of ${ref}`);

    const review = await get("provAdmin", `/admin/quota/${f.declaration}`);
    expect(leaks("provAdmin", review.text, ["names", "certificates"])).toEqual([]);
    expect(leaks("prefAdmin", review.text, ["names", "certificates"]).filter((l) => l.startsWith("残疾人证号")).length).toBeGreaterThan(0);

    expect(leaks("employer", "<td>肢体残疾 二级</td>")).toEqual(['a disability category with grade: "肢体残疾 二级"']);
  });

  it("GET: every route × every identity answers as design.md says, never 5xx, no-store when signed in, nothing sensitive out of place", async () => {
    const t0 = Date.now();
    const jobs: Omit<Row, "answer">[] = [];
    for (const file of FILES) {
      const entry = ROUTES[file];
      if (!entry) continue;
      for (const c of entry.get) {
        const params = (c.params ?? entry.params)?.(f) ?? {};
        const path = withQuery(fillPattern(urlPattern(file), params), c.query?.(f));
        for (const who of IDENTITIES) {
          jobs.push({
            file,
            label: c.label ?? "",
            method: "GET",
            path,
            who,
            expected: c.expect[who],
            binary: !!entry.binary,
            shows: c.shows?.[who] ?? [],
            absent: c.absent,
          });
        }
      }
    }
    const failures: string[] = [];
    await inChunks(jobs, 8, async (job) => check({ ...job, answer: await send("GET", job.path, cookies[job.who]) }, failures));
    expect(f.markers.map((m) => m.label).filter((l) => !markersSeen.has(l))).toEqual([]);
    console.log(
      `GET: ${jobs.length} requests (${FILES.length} route files × ${IDENTITIES.length} identities, some twice) in ${(
        (Date.now() - t0) /
        1000
      ).toFixed(1)} s`,
    );
    expect(failures.sort()).toEqual([]);
  }, 180_000); // 1,700 requests: well under a minute alone, slower while other test files share the two cores

  it("POST: every action × every identity is refused where it must be, never 5xx, nothing sensitive out of place", async () => {
    const t0 = Date.now();
    const failures: string[] = [];
    let count = 0;
    const files = FILES.filter((file) => ROUTES[file]?.post);
    // Routes in parallel (chunks of 8); within a route, identities one after another (the province admin last).
    await inChunks(files, 8, async (file) => {
      const entry = ROUTES[file]!;
      const c = entry.post!;
      const path = withQuery(fillPattern(urlPattern(file), (c.params ?? entry.params)?.(f) ?? {}), c.query?.(f));
      for (const who of IDENTITIES) {
        const cookie = who === "anon" ? null : c.freshSession ? await s.cookieFor(f.users[who]) : cookies[who];
        const answer = await send("POST", path, cookie, c.body?.(f, who) ?? {});
        count += 1;
        check(
          { file, label: "", method: "POST", path, who, expected: c.expect[who], answer, binary: !!entry.binary, shows: c.shows?.[who] ?? [] },
          failures,
        );
      }
    });
    console.log(`POST: ${count} requests (${files.length} actions × ${IDENTITIES.length} identities) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(failures.sort()).toEqual([]);
  }, 180_000); // 1,700 requests: well under a minute alone, slower while other test files share the two cores

  it("the refused POSTs changed nothing", async () => {
    const db = s.handle.db;
    const seekerRow = (
      await db
        .selectFrom("caseload_assignment")
        .select("counselor_id")
        .where("seeker_id", "=", f.users.seeker)
        .where("ended_at", "is", null)
        .executeTakeFirst()
    )?.counselor_id;
    const state = {
      counselorOf李明: seekerRow === f.users.counselor,
      applicationNotWithdrawn:
        (await db.selectFrom("application").select("status").where("id", "=", f.application).executeTakeFirstOrThrow()).status !== "withdrawn",
      eventTitleKept: !(await db.selectFrom("recruitment_event").select("title").where("id", "=", f.event).executeTakeFirstOrThrow()).title.includes(
        "权限矩阵",
      ),
      organizationVerified:
        (await db.selectFrom("organization").select("status").where("id", "=", f.organizationA).executeTakeFirstOrThrow()).status === "verified",
      ownerStillMember: !!(await db
        .selectFrom("organization_member")
        .select("user_id")
        .where("organization_id", "=", f.organizationA)
        .where("user_id", "=", f.users.employer)
        .executeTakeFirst()),
      vacancyStillOpen: (await db.selectFrom("vacancy").select("status").where("id", "=", f.vacancy).executeTakeFirstOrThrow()).status === "open",
      slotKept: !!(await db.selectFrom("interview_slot").select("id").where("id", "=", f.slot).executeTakeFirst()),
      bookingKept:
        (await db.selectFrom("interview_slot").select("registration_id").where("id", "=", f.bookedSlot).executeTakeFirstOrThrow()).registration_id !==
        null,
      employmentNotEnded:
        (await db.selectFrom("employment").select("ended_on").where("id", "=", f.employment.id).executeTakeFirstOrThrow()).ended_on === null,
      planActionKept:
        (await db.selectFrom("plan_action").select("status").where("id", "=", f.planAction).executeTakeFirstOrThrow()).status !== "dropped",
      noServiceRecorded: !(await db.selectFrom("service_record").select("id").where("notes", "=", "权限矩阵越权记录").executeTakeFirst()),
      noReferralByOthers: !(await db
        .selectFrom("referral")
        .select("id")
        .where("seeker_id", "=", f.users.seeker)
        .where("message", "=", "权限矩阵")
        .executeTakeFirst()),
      jobInvitationPending:
        (await db.selectFrom("vacancy_invitation").select("status").where("id", "=", f.jobInvitation).executeTakeFirstOrThrow()).status === "pending",
      referralPending: (await db.selectFrom("referral").select("status").where("id", "=", f.referral).executeTakeFirstOrThrow()).status === "pending",
      noStaffCreatedOutsideRegion: !(await db.selectFrom("app_user").select("id").where("phone", "=", "13900000399").executeTakeFirst()),
      minimumWage2030Unset: !(await db
        .selectFrom("rule_parameter")
        .select("id")
        .where("name", "=", "minimum_wage")
        .where("year", "=", 2030)
        .executeTakeFirst()),
      declarationApproved:
        (await db.selectFrom("quota_declaration").select("status").where("id", "=", f.declaration).executeTakeFirstOrThrow()).status === "approved",
      nothingPublishedFor2027: !(await db.selectFrom("quota_disclosure").select("id").where("levy_year", "=", 2027).executeTakeFirst()),
      noApplicationBySeeker2: !(await db
        .selectFrom("application")
        .select("id")
        .where("seeker_id", "=", f.users.seeker2)
        .where("vacancy_id", "=", f.vacancy)
        .executeTakeFirst()),
      objectionOpen:
        (await db.selectFrom("quota_objection").select("status").where("id", "=", f.objection).executeTakeFirstOrThrow()).status === "open",
      notificationUnreadKept: ((r) => (r ? new Date(r).getTime() : null))(
        (
          await db
            .selectFrom("notification")
            .select("read_at")
            .where("id", "=", f.notification as never)
            .executeTakeFirstOrThrow()
        ).read_at,
      ),
    };
    const { notificationUnreadKept, ...flags } = state;
    expect(flags).toEqual(Object.fromEntries(Object.keys(flags).map((k) => [k, true])));
    expect(notificationUnreadKept).toBe(f.notificationReadAt);
  });
});
