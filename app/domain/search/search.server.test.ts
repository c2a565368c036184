import fc from "fast-check";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { buildSeekerDocuments } from "../../../search/documents";
import { reachOf, regionsOf, type SeekerDocument, type VacancyDocument } from "../../../search/engine";
import { drainOutbox } from "../../../search/outbox";
import { PostgresEngine } from "../../../search/postgres/engine";
import { startSearch } from "../../../search/runtime";
import { createOrganization, createSeekerProfile, createUser, createVacancy } from "../../../tests/fixtures/factories";
import { actorOf, employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import { applyToVacancy } from "../applications/applications.server";
import { ACCOMMODATIONS, codes, TASK_DEMANDS } from "../catalog";
import { eligibility, type MatchSeeker, type MatchVacancy } from "../matching/matching";
import { parseSearchParams, type SearchParams } from "./search.schema";
import { candidatesForVacancy, inviteToApply, recommendationsFor, searchVacancies } from "./search.server";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };

/** A word no other test uses, so searches by it see only this test's rows (the PostgreSQL test database is shared). */
function token() {
  return `zq${Math.random().toString(36).slice(2, 9)}`;
}

function params(query: string): SearchParams {
  return parseSearchParams(new URLSearchParams(query)).params;
}

async function seeker(overrides: Parameters<typeof createSeekerProfile>[2] = {}) {
  const user = await createUser(t.db, { role: "seeker" });
  await createSeekerProfile(t.db, user.id, overrides);
  return { user, actor: actorOf(user) };
}

describe("indexing through the outbox", () => {
  it("a new open vacancy is found by a Chinese word inside its title; closing it removes it", async () => {
    const e = await employerWithOrganization(t.db);
    const word = token();
    const v = await createVacancy(t.db, e.organization.id, { title: `软件工程师${word}` });
    const found = await searchVacancies(t.db, null, params(`q=${encodeURIComponent(`工程师 ${word}`)}`));
    expect(found.items.map((i) => i.id)).toEqual([v.id]);
    expect(found.total).toBe(1);

    await t.db.updateTable("vacancy").set({ status: "closed" }).where("id", "=", v.id).execute();
    const after = await searchVacancies(t.db, null, params(`q=${word}`));
    expect(after.total).toBe(0);
  });

  it("a vacancy of an organization that is not verified is not indexed until the organization is", async () => {
    const user = await createUser(t.db, { role: "employer" });
    const org = await createOrganization(t.db, user.id, { status: "pending" });
    const word = token();
    const v = await createVacancy(t.db, org.id, { title: `客服${word}` });
    expect((await searchVacancies(t.db, null, params(`q=${word}`))).total).toBe(0);
    await t.db.updateTable("organization").set({ status: "verified" }).where("id", "=", org.id).execute();
    expect((await searchVacancies(t.db, null, params(`q=${word}`))).items.map((i) => i.id)).toEqual([v.id]);
  });

  it("crash: a committed change whose drain never ran is indexed at the next start", async () => {
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id, { title: `数据标注${token()}` });
    // The row is committed with its outbox row, and nothing has drained yet.
    const waiting = await t.db.selectFrom("search_outbox").select("id").where("entity_id", "=", v.id).execute();
    expect(waiting.length).toBeGreaterThan(0);
    expect(await t.db.selectFrom("vacancy_search").select("vacancy_id").where("vacancy_id", "=", v.id).executeTakeFirst()).toBeUndefined();
    // "Restart": what the server runs before it listens.
    await startSearch(() => undefined);
    expect(await t.db.selectFrom("vacancy_search").select("vacancy_id").where("vacancy_id", "=", v.id).executeTakeFirst()).toEqual({ vacancy_id: v.id });
    expect(await t.db.selectFrom("search_outbox").select("id").where("entity_id", "=", v.id).execute()).toEqual([]);
  });

  it("a seeker document holds only what an employer may see: no name, ID, certificate, category or grade", async () => {
    const s = await seeker({ realName: "王秘密", discoverable: true, needsRequired: ["sign_language"], skills: ["Excel"], category: "hearing", grade: 2 });
    const profile = await t.db.selectFrom("seeker_profile").selectAll().where("user_id", "=", s.user.id).executeTakeFirstOrThrow();
    const built = await buildSeekerDocuments(t.db, [s.user.id]);
    expect(built.upsert).toHaveLength(1);
    const doc = built.upsert[0]!;
    expect(Object.keys(doc).sort()).toEqual(
      ["education", "educationRank", "graduationYear", "id", "limits", "major", "needs", "needsPreferred", "reach", "regionCode", "skills", "updatedAt", "wantsRemote"].sort(),
    );
    const text = JSON.stringify(doc);
    for (const secret of [profile.real_name!, profile.id_number!, profile.certificate_number!, "hearing", s.user.phone!]) expect(text).not.toContain(secret);
    // And what the engine stored has no column for them either.
    await drainOutbox(t.db, new PostgresEngine(() => t.db));
    const stored = await sql<Record<string, unknown>>`select * from seeker_search where user_id = ${s.user.id}::uuid`.execute(t.db);
    expect(Object.keys(stored.rows[0]!)).not.toEqual(expect.arrayContaining(["real_name"]));
    expect(JSON.stringify(stored.rows[0])).not.toContain("王秘密");
  });

  it("a seeker who is not discoverable is not in the seeker index; turning it off removes them", async () => {
    const s = await seeker({ discoverable: true });
    await drainOutbox(t.db, new PostgresEngine(() => t.db));
    expect(await t.db.selectFrom("seeker_search").select("user_id").where("user_id", "=", s.user.id).executeTakeFirst()).toBeDefined();
    await t.db.updateTable("seeker_profile").set({ discoverable: false }).where("user_id", "=", s.user.id).execute();
    await drainOutbox(t.db, new PostgresEngine(() => t.db));
    expect(await t.db.selectFrom("seeker_search").select("user_id").where("user_id", "=", s.user.id).executeTakeFirst()).toBeUndefined();
  });
});

describe("the vacancy search", () => {
  it("filters by place, accommodations (all of them), remote, type, pay and quota, and counts facets", async () => {
    const e = await employerWithOrganization(t.db);
    const word = token();
    const a = await createVacancy(t.db, e.organization.id, { title: `会计${word}`, regionCode: "520102", accommodations: ["sign_language", "flexible_hours"], payMax: 5000 });
    const b = await createVacancy(t.db, e.organization.id, { title: `会计${word}`, regionCode: "520302", accommodations: ["sign_language"], remote: true, quotaEligible: false, employmentType: "part_time", payMax: 3000 });
    const ids = async (q: string) => (await searchVacancies(t.db, null, params(`q=${word}&${q}`))).items.map((i) => i.id).sort();
    expect(await ids("")).toEqual([a.id, b.id].sort());
    expect(await ids("region=520100")).toEqual([a.id]);
    expect(await ids("region=520302")).toEqual([b.id]);
    expect(await ids("region=520000")).toEqual([a.id, b.id].sort());
    expect(await ids("acc=sign_language&acc=flexible_hours")).toEqual([a.id]);
    expect(await ids("remote=1")).toEqual([b.id]);
    expect(await ids("type=part_time")).toEqual([b.id]);
    expect(await ids("payMin=4000")).toEqual([a.id]);
    expect(await ids("quota=1")).toEqual([a.id]);
    const page = await searchVacancies(t.db, null, params(`q=${word}`));
    expect(page.facets.accommodations).toEqual({ sign_language: 2, flexible_hours: 1 });
    expect(page.facets.prefecture).toEqual({ "520100": 1, "520300": 1 });
    expect(page.facets.remote).toBe(1);
    expect(page.facets.quotaEligible).toBe(1);
  });

  it("sorts by pay and by newest, and pages", async () => {
    const e = await employerWithOrganization(t.db);
    const word = token();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createVacancy(t.db, e.organization.id, { title: `岗位${word}`, payMax: 3000 + i * 1000 }));
    const byPay = await searchVacancies(t.db, null, params(`q=${word}&sort=pay`), { pageSize: 2 });
    expect(byPay.items.map((i) => i.payMax)).toEqual([5000, 4000]);
    expect(byPay.pageCount).toBe(2);
    const second = await searchVacancies(t.db, null, params(`q=${word}&sort=pay&page=2`), { pageSize: 2 });
    expect(second.items.map((i) => i.payMax)).toEqual([3000]);
    await expect(searchVacancies(t.db, null, params(`q=${word}&page=3`), { pageSize: 2 })).rejects.toMatchObject(NOT_FOUND);
  });

  it("a seeker sees only eligible vacancies by default, with reasons; 'all' adds the others with their unmet needs named", async () => {
    const e = await employerWithOrganization(t.db);
    const word = token();
    const fits = await createVacancy(t.db, e.organization.id, { title: `文员${word}`, regionCode: "520103", accommodations: ["sign_language", "flexible_hours"] });
    const lacks = await createVacancy(t.db, e.organization.id, { title: `文员${word}`, regionCode: "520103", accommodations: ["flexible_hours"] });
    const limit = await createVacancy(t.db, e.organization.id, { title: `文员${word}`, regionCode: "520103", accommodations: ["sign_language"], demands: ["phone_calls"] });
    const far = await createVacancy(t.db, e.organization.id, { title: `文员${word}`, regionCode: "520302", accommodations: ["sign_language"] });
    const s = await seeker({ regionCode: "520102", needsRequired: ["sign_language"], needsPreferred: ["flexible_hours"], limits: ["phone_calls"] });

    const mine = await searchVacancies(t.db, s.actor, params(`q=${word}`));
    expect(mine.mode).toBe("eligible");
    expect(mine.items.map((i) => i.id)).toEqual([fits.id]);
    expect(mine.items[0]!.match).toMatchObject({ eligible: true, reasons: { needsMet: ["sign_language"], preferredMet: ["flexible_hours"], place: "prefecture" } });

    const all = await searchVacancies(t.db, s.actor, params(`q=${word}&show=all`));
    expect(all.mode).toBe("all");
    expect(all.items[0]!.id).toBe(fits.id); // eligible first
    const byId = new Map(all.items.map((i) => [i.id, i.match!]));
    expect(byId.get(lacks.id)).toMatchObject({ eligible: false, reasons: { unmetNeeds: ["sign_language"] } });
    expect(byId.get(limit.id)).toMatchObject({ eligible: false, reasons: { conflictingDemands: ["phone_calls"] } });
    expect(byId.get(far.id)).toMatchObject({ eligible: false, reasons: { place: null } });
  });

  it("recommendations: at most ten, all eligible, best first, each with reasons", async () => {
    const e = await employerWithOrganization(t.db);
    for (let i = 0; i < 12; i++) await createVacancy(t.db, e.organization.id, { regionCode: "520113", accommodations: ["braille", "screen_reader"], skills: i < 3 ? ["盲文"] : [] });
    await createVacancy(t.db, e.organization.id, { regionCode: "520113", accommodations: ["screen_reader"] });
    const s = await seeker({ regionCode: "520113", needsRequired: ["braille", "screen_reader"], skills: ["盲文"] });
    const r = await recommendationsFor(t.db, s.actor);
    expect(r.items).toHaveLength(10);
    for (const item of r.items) {
      expect(item.match?.eligible).toBe(true);
      expect(item.accommodations).toEqual(expect.arrayContaining(["braille", "screen_reader"]));
    }
    const scores = r.items.map((i) => i.match!.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(r.items[0]!.match!.reasons.skillsMatched).toEqual(["盲文"]);
  });
});

describe("candidates for a vacancy, and invitations", () => {
  it("the employer sees discoverable seekers the vacancy suits, anonymized, and nobody else", async () => {
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id, { regionCode: "520181", accommodations: ["captions", "text_communication"], demands: ["night_shift"] });
    const suits = await seeker({ regionCode: "520181", discoverable: true, needsRequired: ["captions"], realName: "赵隐名" });
    const hidden = await seeker({ regionCode: "520181", discoverable: false, needsRequired: ["captions"] });
    const needsMore = await seeker({ regionCode: "520181", discoverable: true, needsRequired: ["captions", "braille"] });
    const noNights = await seeker({ regionCode: "520181", discoverable: true, limits: ["night_shift"] });
    const page = await candidatesForVacancy(t.db, e.actor, v.id, 1);
    const ids = page.items.map((c) => c.id);
    expect(ids).toContain(suits.user.id);
    for (const other of [hidden, needsMore, noNights]) expect(ids).not.toContain(other.user.id);
    for (const c of page.items) expect(c.match.eligible).toBe(true);
    const shown = page.items.find((c) => c.id === suits.user.id)!;
    expect(shown.needs).toEqual(["captions"]);
    expect(JSON.stringify(page)).not.toContain("赵隐名");
    expect(Object.keys(shown)).not.toEqual(expect.arrayContaining(["realName"]));

    const stranger = await employerWithOrganization(t.db);
    await expect(candidatesForVacancy(t.db, stranger.actor, v.id, 1)).rejects.toMatchObject(NOT_FOUND);
    const s = await seeker();
    await expect(candidatesForVacancy(t.db, s.actor, v.id, 1)).rejects.toMatchObject(NOT_FOUND);
  });

  it("inviting notifies the seeker; applying then is accepting, with source 'invitation'", async () => {
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id, { regionCode: "520102", accommodations: ["sign_language"] });
    const s = await seeker({ regionCode: "520102", discoverable: true, needsRequired: ["sign_language"] });
    const r = await inviteToApply(t.db, e.actor, v.id, s.user.id);
    expect(r).toEqual({ ok: true, value: { created: true } });
    expect(await inviteToApply(t.db, e.actor, v.id, s.user.id)).toEqual({ ok: true, value: { created: false } });
    const note = await t.db.selectFrom("notification").select(["kind", "link"]).where("user_id", "=", s.user.id).execute();
    expect(note).toEqual([{ kind: "invitation.received", link: "/job-invitations" }]);

    const applied = await applyToVacancy(t.db, s.actor, v.id, { note: "", accessRequests: [], disclosure: [] } as never);
    expect(applied.ok).toBe(true);
    const app = await t.db.selectFrom("application").select(["id", "source"]).where("vacancy_id", "=", v.id).where("seeker_id", "=", s.user.id).executeTakeFirstOrThrow();
    expect(app.source).toBe("invitation");
    const inv = await t.db.selectFrom("vacancy_invitation").select(["status", "application_id"]).where("vacancy_id", "=", v.id).executeTakeFirstOrThrow();
    expect(inv).toEqual({ status: "accepted", application_id: app.id });
  });

  it("a seeker who is not discoverable, or whom the vacancy does not suit, cannot be invited", async () => {
    const e = await employerWithOrganization(t.db);
    const v = await createVacancy(t.db, e.organization.id, { regionCode: "520102", accommodations: ["flexible_hours"] });
    const hidden = await seeker({ regionCode: "520102", discoverable: false });
    const needs = await seeker({ regionCode: "520102", discoverable: true, needsRequired: ["braille"] });
    for (const s of [hidden, needs]) {
      expect(await inviteToApply(t.db, e.actor, v.id, s.user.id)).toEqual({ ok: false, fieldErrors: { "": ["search.err.candidateGone"] } });
    }
    expect(await t.db.selectFrom("vacancy_invitation").select("id").where("vacancy_id", "=", v.id).execute()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The engine's filters agree with the pure rules, both directions (design §5 rules 1 and 4).

const ACC = codes(ACCOMMODATIONS);
const DEM = codes(TASK_DEMANDS);
const COUNTIES = ["520102", "520103", "520113", "520181", "520302", "520303", "522301"];
const subset = <T>(xs: readonly T[], max: number) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: max });

const vacancyArb = fc.record({
  county: fc.constantFrom(...COUNTIES),
  remote: fc.boolean(),
  accommodations: subset(ACC, 8),
  demands: subset(DEM, 3),
});
const seekerArb = fc.record({
  county: fc.option(fc.constantFrom(...COUNTIES), { nil: null }),
  scope: fc.constantFrom("county" as const, "prefecture" as const, "province" as const),
  preferred: subset(["520100", "520300", "522301", "520181"], 2),
  wantsRemote: fc.boolean(),
  needs: subset(ACC, 3),
  limits: subset(DEM, 2),
});

describe("engine filters equal the matching rules (properties)", () => {
  it("every vacancy the engine calls eligible is eligible by the rules, and none is missed", async () => {
    const engine = new PostgresEngine(() => t.db);
    const word = token();
    const vacancies = fc.sample(vacancyArb, { numRuns: 60, seed: 42 }).map((v, i): VacancyDocument => ({
      id: crypto.randomUUID(),
      organizationId: crypto.randomUUID(),
      title: `${word} ${i}`,
      keywords: "",
      organization: "",
      description: "",
      ...regionsOf(v.county),
      accommodations: v.accommodations,
      demands: v.demands,
      employmentType: "full_time",
      educationRank: 0,
      remote: v.remote,
      quotaEligible: false,
      payMin: 1000,
      payMax: 2000,
      closingDate: null,
      publishedAt: new Date(),
    }));
    await engine.upsert("vacancies", vacancies);
    const asMatch = (d: VacancyDocument): MatchVacancy => ({
      regionCode: d.county,
      remote: d.remote,
      accommodations: d.accommodations,
      demands: d.demands,
      skills: [],
      educationRequired: "none",
      payMin: d.payMin,
      payMax: d.payMax,
      publishedAt: d.publishedAt,
    });
    await fc.assert(
      fc.asyncProperty(seekerArb, async (s) => {
        const ms: MatchSeeker = {
          currentRegionCode: s.county,
          placeScope: s.scope,
          preferredRegionCodes: s.preferred,
          wantsRemote: s.wantsRemote,
          needsRequired: s.needs,
          needsPreferred: [],
          limits: s.limits,
          skills: [],
          education: null,
          expectedPayMin: null,
        };
        const result = await engine.searchVacancies({
          text: word,
          openOn: "2026-11-29",
          eligibleFor: { needsRequired: s.needs, limits: s.limits, reach: reachOf(s.county, s.scope, s.preferred), wantsRemote: s.wantsRemote },
          sort: "newest",
          offset: 0,
          limit: 100,
        });
        const got = new Set(result.hits.map((h) => h.id));
        for (const d of vacancies) {
          const e = eligibility(ms, asMatch(d));
          if (got.has(d.id)) {
            expect(e.unmetNeeds).toEqual([]);
            expect(e.conflictingDemands).toEqual([]);
            expect(e.place).not.toBeNull();
          } else {
            expect(e.eligible).toBe(false);
          }
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it("every seeker the engine offers a vacancy is one the rules say it suits, and none is missed", async () => {
    const engine = new PostgresEngine(() => t.db);
    const skill = token();
    const seekers = fc.sample(seekerArb, { numRuns: 60, seed: 43 }).map((s): SeekerDocument & { scope: MatchSeeker["placeScope"]; preferred: string[]; county: string | null } => ({
      id: crypto.randomUUID(),
      regionCode: s.county,
      reach: reachOf(s.county, s.scope, s.preferred),
      wantsRemote: s.wantsRemote,
      needs: s.needs,
      needsPreferred: [],
      limits: s.limits,
      skills: [skill],
      education: null,
      educationRank: 0,
      major: null,
      graduationYear: null,
      updatedAt: new Date(),
      scope: s.scope,
      preferred: s.preferred,
      county: s.county,
    }));
    await engine.upsert("seekers", seekers);
    await fc.assert(
      fc.asyncProperty(vacancyArb, async (v) => {
        const result = await engine.searchSeekers({
          text: skill,
          candidatesOf: { county: v.county, remote: v.remote, accommodations: v.accommodations, demands: v.demands },
          offset: 0,
          limit: 100,
        });
        const got = new Set(result.hits.map((h) => h.id));
        for (const s of seekers) {
          const ms: MatchSeeker = {
            currentRegionCode: s.county,
            placeScope: s.scope,
            preferredRegionCodes: s.preferred,
            wantsRemote: s.wantsRemote,
            needsRequired: s.needs,
            needsPreferred: [],
            limits: s.limits,
            skills: [],
            education: null,
            expectedPayMin: null,
          };
          const e = eligibility(ms, { regionCode: v.county, remote: v.remote, accommodations: v.accommodations, demands: v.demands, skills: [], educationRequired: "none", payMin: 0, payMax: 0, publishedAt: null });
          expect(got.has(s.id)).toBe(e.eligible);
        }
      }),
      { numRuns: 40, seed: 8 },
    );
  });
});
