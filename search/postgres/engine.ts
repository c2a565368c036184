/**
 * The Postgres engine (design §3): documents in `vacancy_search` and `seeker_search`, a `tsvector` built from
 * jieba-segmented text with the 'simple' configuration (so 工程师 stays one word), `text[]` filter columns with GIN
 * indexes. The default engine, and the fallback when Meilisearch is unreachable.
 */
import { sql, type Expression, type SqlBool } from "kysely";
import type { DB } from "../../db/database";
import type {
  DocumentFor,
  EligibleFor,
  Hit,
  SearchEngine,
  SearchIndexName,
  SearchResult,
  SeekerDocument,
  SeekerQuery,
  VacancyDocument,
  VacancyFacets,
  VacancyQuery,
} from "../engine";
import { queryTokens, segment } from "../segment";

const BATCH = 500;

/** Segmented words, space-separated, for to_tsvector('simple', …). */
function words(text: string | null | undefined): string {
  return segment(text ?? "").join(" ");
}

/** A tsquery matching documents that contain every word of the query (null when the query has no words). */
export function tsQueryText(text: string | undefined): string | null {
  const tokens = queryTokens(text ?? "");
  if (!tokens.length) return null;
  // Quoted lexemes: no tsquery operator in user text can change the query's meaning.
  return tokens.map((t) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" & ");
}

function arr(values: readonly string[]) {
  return sql<string[]>`${[...values]}::text[]`;
}

function eligibleSql(e: EligibleFor): Expression<SqlBool> {
  const place = e.wantsRemote ? sql<SqlBool>`(regions && ${arr(e.reach)} or remote)` : sql<SqlBool>`regions && ${arr(e.reach)}`;
  return sql<SqlBool>`(accommodations @> ${arr(e.needsRequired)} and not (demands && ${arr(e.limits)}) and ${place})`;
}

export class PostgresEngine implements SearchEngine {
  readonly name = "postgres" as const;
  static readonly FACET_CACHE_MS = 30_000;
  static readonly FACET_CACHE_SIZE = 500;
  private readonly facetCache = new Map<string, { until: number; value: { total: number; facets: VacancyFacets } }>();
  constructor(private readonly db: () => DB | Promise<DB>) {}

  async configure(): Promise<void> {
    // The tables and indexes are created by migrations; nothing to apply at start.
  }

  async upsert<I extends SearchIndexName>(index: I, documents: DocumentFor[I][]): Promise<void> {
    if (documents.length) this.facetCache.clear();
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH);
      if (index === "vacancies") await this.upsertVacancies(batch as VacancyDocument[]);
      else await this.upsertSeekers(batch as SeekerDocument[]);
    }
  }

  private async upsertVacancies(docs: VacancyDocument[]) {
    if (!docs.length) return;
    const values = docs.map(
      (d) => sql`(${d.id}::uuid, ${d.organizationId}::uuid,
        setweight(to_tsvector('simple', ${words(d.title)}), 'A') ||
        setweight(to_tsvector('simple', ${words(d.keywords)}), 'B') ||
        setweight(to_tsvector('simple', ${words(d.organization)}), 'C') ||
        setweight(to_tsvector('simple', ${words(d.description)}), 'D'),
        ${arr([d.county, d.prefecture, d.province])}, ${arr(d.accommodations)}, ${arr(d.demands)}, ${d.employmentType},
        ${d.educationRank}::int, ${d.remote}::boolean, ${d.quotaEligible}::boolean, ${d.payMin}::int, ${d.payMax}::int,
        ${d.closingDate}::date, ${d.publishedAt}::timestamptz)`,
    );
    await sql`
      insert into vacancy_search (vacancy_id, organization_id, tsv, regions, accommodations, demands, employment_type,
        education_rank, remote, quota_eligible, pay_min, pay_max, closing_date, published_at)
      values ${sql.join(values)}
      on conflict (vacancy_id) do update set organization_id = excluded.organization_id, tsv = excluded.tsv,
        regions = excluded.regions, accommodations = excluded.accommodations, demands = excluded.demands,
        employment_type = excluded.employment_type, education_rank = excluded.education_rank, remote = excluded.remote,
        quota_eligible = excluded.quota_eligible, pay_min = excluded.pay_min, pay_max = excluded.pay_max,
        closing_date = excluded.closing_date, published_at = excluded.published_at`.execute(await this.db());
  }

  private async upsertSeekers(docs: SeekerDocument[]) {
    if (!docs.length) return;
    const values = docs.map(
      (d) => sql`(${d.id}::uuid,
        setweight(to_tsvector('simple', ${words(d.skills.join(" "))}), 'A') ||
        setweight(to_tsvector('simple', ${words(d.major)}), 'B'),
        ${d.regionCode}, ${arr(d.reach)}, ${d.wantsRemote}::boolean, ${arr(d.needs)}, ${arr(d.needsPreferred)},
        ${arr(d.limits)}, ${arr(d.skills)}, ${d.education}, ${d.educationRank}::int, ${d.graduationYear}::int,
        ${d.updatedAt}::timestamptz)`,
    );
    await sql`
      insert into seeker_search (user_id, tsv, region_code, reach, wants_remote, needs, needs_preferred, limits, skills,
        education, education_rank, graduation_year, updated_at)
      values ${sql.join(values)}
      on conflict (user_id) do update set tsv = excluded.tsv, region_code = excluded.region_code, reach = excluded.reach,
        wants_remote = excluded.wants_remote, needs = excluded.needs, needs_preferred = excluded.needs_preferred,
        limits = excluded.limits, skills = excluded.skills, education = excluded.education,
        education_rank = excluded.education_rank, graduation_year = excluded.graduation_year,
        updated_at = excluded.updated_at`.execute(await this.db());
  }

  async delete(index: SearchIndexName, ids: string[]): Promise<void> {
    if (!ids.length) return;
    this.facetCache.clear();
    if (index === "vacancies") await (await this.db()).deleteFrom("vacancy_search").where("vacancy_id", "in", ids).execute();
    else await (await this.db()).deleteFrom("seeker_search").where("user_id", "in", ids).execute();
  }

  async reset(index: SearchIndexName): Promise<void> {
    this.facetCache.clear();
    if (index === "vacancies") await sql`truncate vacancy_search`.execute(await this.db());
    else await sql`truncate seeker_search`.execute(await this.db());
  }

  private vacancyWhere(q: VacancyQuery, tsq: string | null): Expression<SqlBool> {
    const parts: Expression<SqlBool>[] = [sql<SqlBool>`(closing_date is null or closing_date >= ${q.openOn}::date)`];
    if (tsq) parts.push(sql<SqlBool>`tsv @@ ${tsq}::tsquery`);
    if (q.region) parts.push(sql<SqlBool>`regions @> ${arr([q.region])}`);
    if (q.accommodations?.length) parts.push(sql<SqlBool>`accommodations @> ${arr(q.accommodations)}`);
    if (q.remote) parts.push(sql<SqlBool>`remote`);
    if (q.employmentType) parts.push(sql<SqlBool>`employment_type = ${q.employmentType}`);
    if (q.payMin != null) parts.push(sql<SqlBool>`pay_max >= ${Math.trunc(q.payMin)}::int`);
    if (q.quotaEligible) parts.push(sql<SqlBool>`quota_eligible`);
    if (q.educationRankMax != null) parts.push(sql<SqlBool>`education_rank <= ${Math.trunc(q.educationRankMax)}::int`);
    if (q.eligibleFor) parts.push(eligibleSql(q.eligibleFor));
    if (q.excludeEligibleFor) parts.push(sql<SqlBool>`not ${eligibleSql(q.excludeEligibleFor)}`);
    return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
  }

  async searchVacancies(q: VacancyQuery): Promise<SearchResult> {
    const tsq = tsQueryText(q.text);
    const where = this.vacancyWhere(q, tsq);
    const score = tsq ? sql<number>`ts_rank(tsv, ${tsq}::tsquery, 32)` : sql<number>`0`;
    // Orders the indexes can supply (published_at desc, vacancy_id desc; pay_max desc, vacancy_id desc), so a page
    // stops after its rows. Every indexed vacancy is published, so published_at is never null here.
    const order =
      q.sort === "pay"
        ? sql`pay_max desc, vacancy_id desc`
        : q.sort === "relevance" && tsq
          ? sql`score desc, published_at desc, vacancy_id desc`
          : sql`published_at desc, vacancy_id desc`;
    const db = await this.db();
    // The page and the count are separate queries: a window count (count(*) over ()) would make every page find
    // and sort every match before returning its first row. With facets, the facet query counts anyway.
    const [rows, facets] = await Promise.all([
      sql<{ id: string; score: number }>`
        select vacancy_id as id, ${score} as score
        from vacancy_search where ${where}
        order by ${order} limit ${q.limit}::int offset ${q.offset}::int`.execute(db),
      q.facets ? this.facets(where) : Promise.resolve(null),
    ]);
    let total = facets?.total ?? 0;
    if (!facets && q.count !== false) {
      total = Number((await sql<{ n: number }>`select count(*)::int as n from vacancy_search where ${where}`.execute(db)).rows[0]?.n ?? 0);
    }
    const hits: Hit[] = rows.rows.map((r) => ({ id: r.id, textScore: Number(r.score) }));
    const result: SearchResult = { total, hits };
    if (facets) result.facets = facets.facets;
    return result;
  }

  /**
   * Facet counts and the total over the matches. Counting every match is the costly part of a broad search (the
   * whole province unfiltered), so results are kept for a short while per filter; any write clears them.
   */
  private async facets(where: Expression<SqlBool>): Promise<{ total: number; facets: VacancyFacets }> {
    const db = await this.db();
    const compiled = sql`${where}`.compile(db);
    const key = `${compiled.sql}|${JSON.stringify(compiled.parameters)}`;
    const now = Date.now();
    const cached = this.facetCache.get(key);
    if (cached && cached.until > now) return cached.value;
    const rows = await sql<{ facet: string; value: string; n: number }>`
      with m as materialized (
        select accommodations, employment_type, regions[2] as prefecture, remote, quota_eligible
        from vacancy_search where ${where}
      )
      select 'total' as facet, '' as value, count(*)::int as n from m
      union all select 'accommodations', a, count(*)::int from m, unnest(m.accommodations) a group by a
      union all select 'employmentType', employment_type, count(*)::int from m group by employment_type
      union all select 'prefecture', prefecture, count(*)::int from m group by prefecture
      union all select 'remote', 'true', count(*)::int from m where remote
      union all select 'quotaEligible', 'true', count(*)::int from m where quota_eligible`.execute(db);
    const facets: VacancyFacets = { accommodations: {}, employmentType: {}, prefecture: {}, remote: 0, quotaEligible: 0 };
    let total = 0;
    for (const r of rows.rows) {
      if (r.facet === "total") total = Number(r.n);
      else if (r.facet === "remote") facets.remote = Number(r.n);
      else if (r.facet === "quotaEligible") facets.quotaEligible = Number(r.n);
      else facets[r.facet as "accommodations" | "employmentType" | "prefecture"][r.value] = Number(r.n);
    }
    const value = { total, facets };
    if (this.facetCache.size >= PostgresEngine.FACET_CACHE_SIZE) this.facetCache.delete(this.facetCache.keys().next().value!);
    this.facetCache.set(key, { until: now + PostgresEngine.FACET_CACHE_MS, value });
    return value;
  }

  async searchSeekers(q: SeekerQuery): Promise<SearchResult> {
    const v = q.candidatesOf;
    const tsq = tsQueryText(q.text);
    const county = v.county;
    const places = [county, `${county.slice(0, 4)}00`, `${county.slice(0, 2)}0000`];
    const place = v.remote ? sql<SqlBool>`(reach && ${arr(places)} or wants_remote)` : sql<SqlBool>`reach && ${arr(places)}`;
    const parts: Expression<SqlBool>[] = [
      sql<SqlBool>`needs <@ ${arr(v.accommodations)}`,
      sql<SqlBool>`not (limits && ${arr(v.demands)})`,
      place,
    ];
    if (tsq) parts.push(sql<SqlBool>`tsv @@ ${tsq}::tsquery`);
    const where = sql<SqlBool>`${sql.join(parts, sql` and `)}`;
    const score = tsq ? sql<number>`ts_rank(tsv, ${tsq}::tsquery, 32)` : sql<number>`0`;
    const db = await this.db();
    const rows = await sql<{ id: string; score: number }>`
      select user_id as id, ${score} as score
      from seeker_search where ${where}
      order by score desc, updated_at desc, user_id desc limit ${q.limit}::int offset ${q.offset}::int`.execute(db);
    const total =
      q.count === false ? 0 : Number((await sql<{ n: number }>`select count(*)::int as n from seeker_search where ${where}`.execute(db)).rows[0]?.n ?? 0);
    return { total, hits: rows.rows.map((r) => ({ id: r.id, textScore: Number(r.score) })) };
  }
}
