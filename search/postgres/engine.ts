/**
 * The Postgres engine (design §3): documents in `vacancy_search` and `seeker_search`, a `tsvector` built from
 * jieba-segmented text with the 'simple' configuration (so 工程师 stays one word), `text[]` filter columns with GIN
 * indexes. The default engine, and the fallback when Meilisearch is unreachable.
 *
 * Counts and facets (docs/decisions/017): a search without text is counted over an in-process copy of the documents'
 * filter fields (vacancy-snapshot.ts), one pass in TypeScript, used only while `search_generation` says the index
 * has not changed since the copy was read; with text, or while a fresh copy loads in the background, one SQL
 * aggregate over the matches (grouping sets: no materialised match list, no unnest). Either result is cached per
 * filter set and generation. Candidates may be counted only up to a bound (`SeekerQuery.countUpTo`).
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
import { VacancySnapshot } from "./vacancy-snapshot";

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
  static readonly FACET_CACHE_SIZE = 500;
  /** A walk reads up to this many times its estimate (tests lower it to see the fallback). */
  static WALK_MARGIN = 2;
  /** A copy is reloaded at most this often while the index keeps changing (searches meanwhile count in SQL). */
  static readonly SNAPSHOT_RELOAD_MS = 1_000;
  /** Totals and facets per filter set, valid while the index's generation is the one they were counted at. */
  private readonly facetCache = new Map<string, { generation: number; value: Totals }>();
  private snapshot: VacancySnapshot | null = null;
  private loading: Promise<void> | null = null;
  private lastLoad = -Infinity;
  /** The plan of the last vacancy page (tests look). */
  lastPagePlan: PagePlan["kind"] | undefined;
  /** `copy: false`: count and facet in SQL only, never from a copy of the documents (tests compare the two). */
  constructor(
    private readonly db: () => DB | Promise<DB>,
    private readonly options: { copy?: boolean } = {},
  ) {}

  async configure(): Promise<void> {
    // The tables and indexes are created by migrations; nothing to apply at start.
  }

  /**
   * Reads the copy of the vacancy documents now instead of at the first search that could use it (the server
   * otherwise counts its first searches in SQL while the copy loads in the background; the benchmark waits for it).
   */
  async warmUp(): Promise<void> {
    const db = await this.db();
    if (db.isTransaction || this.options.copy === false) return;
    this.lastLoad = Date.now();
    this.keep(await VacancySnapshot.load(db));
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
    const db = await this.db();
    if (!tsq) {
      // Without text the copy of the documents (or the cache) counts first, and the count chooses the page's plan.
      const generation = await this.generation(db);
      const known = this.knownTotals(db, q, null, generation);
      if (known) {
        const plan = this.pagePlan(q, known);
        let hits = await this.page(db, q, where, null, plan);
        // A walk reads a bounded stretch of the ordered index; if the page is not full and not the last one, the
        // matches were rarer there than on average: the planner's plan then answers.
        if (plan.kind === "walk" && hits.length < q.limit && q.offset + hits.length < known.total) hits = await this.page(db, q, where, null, { kind: "planner" });
        return this.result(q, hits, known);
      }
      // The page and the count are separate queries, run side by side: a window count (count(*) over ()) would make
      // every page find and sort every match before returning its first row.
      const [hits, totals] = await Promise.all([this.page(db, q, where, null, { kind: "planner" }), this.totals(db, q, null, where, generation)]);
      return this.result(q, hits, totals);
    }
    // With text the matches are fetched through the text index (with the regions and accommodations, one GIN index)
    // and sorted, whatever the order: relevance has no index, and walking the date or pay index past every vacancy
    // without the words costs more than a page of the rarer ones.
    const [hits, totals] = await Promise.all([this.page(db, q, where, tsq, { kind: "sort" }), this.totals(db, q, tsq, where, null)]);
    return this.result(q, hits, totals);
  }

  private result(q: VacancyQuery, hits: Hit[], totals: Totals | null): SearchResult {
    const result: SearchResult = { total: q.facets || q.count !== false ? (totals?.total ?? 0) : 0, hits };
    if (q.facets && totals?.facets) result.facets = totals.facets;
    return result;
  }

  /**
   * One page of hits. "planner": the order by columns an index supplies (published_at desc, vacancy_id desc; pay_max
   * desc, vacancy_id desc), so PostgreSQL may walk that index and stop after the page's rows — fast when matches are
   * common, a walk through the whole index when they are rare — or fetch the matches through a filter index and sort
   * them, as its estimate of how many match suggests: a guess for several conditions together (455 where 14,294
   * matched, a sort of them all instead of a walk of 1,400 rows). When the copy has counted, the engine chooses:
   * "walk" (the first `rows` of the ordered index, filtered: no other plan is possible), "sort" (order by expressions
   * no index supplies, so the matches are fetched through the filter indexes and sorted) or "none" (nothing here).
   */
  private async page(db: DB, q: VacancyQuery, where: Expression<SqlBool>, tsq: string | null, plan: PagePlan): Promise<Hit[]> {
    this.lastPagePlan = plan.kind;
    if (plan.kind === "none") return [];
    const score = tsq ? sql<number>`ts_rank(tsv, ${tsq}::tsquery, 32)` : sql<number>`0`;
    // Every indexed vacancy is published, so published_at is never null here; "+ 0" leaves each value as it is.
    const published = plan.kind === "sort" ? sql`published_at + interval '0 seconds'` : sql`published_at`;
    const pay = plan.kind === "sort" ? sql`pay_max + 0` : sql`pay_max`;
    const order =
      q.sort === "pay"
        ? sql`${pay} desc, vacancy_id desc`
        : q.sort === "relevance" && tsq
          ? sql`score desc, ${published} desc, vacancy_id desc`
          : sql`${published} desc, vacancy_id desc`;
    // A limit inside a subquery keeps the filters out of it: its rows come from the ordered index alone.
    const from =
      plan.kind === "walk"
        ? sql`(select vacancy_id, published_at, pay_max, closing_date, regions, accommodations, demands, remote, employment_type,
              quota_eligible, education_rank from vacancy_search order by ${order} limit ${plan.rows}::int) as vacancy_search`
        : sql`vacancy_search`;
    const rows = await sql<{ id: string; score: number }>`
      select vacancy_id as id, ${score} as score
      from ${from} where ${where}
      order by ${order} limit ${q.limit}::int offset ${q.offset}::int`.execute(db);
    return rows.rows.map((r) => ({ id: r.id, textScore: Number(r.score) }));
  }

  /**
   * Walking the ordered index reads about (offset + limit) × documents / matches rows before the page is full;
   * fetching every match through the filter indexes reads what those indexes leave. The cheaper one is chosen; a
   * walk reads up to WALK_MARGIN times its estimate.
   */
  private pagePlan(q: VacancyQuery, known: Totals): PagePlan {
    if (known.total <= q.offset) return { kind: "none" };
    if (known.indexed === undefined || known.size === undefined) return { kind: "planner" };
    const walk = ((q.offset + q.limit) * known.size) / known.total;
    return known.indexed < walk ? { kind: "sort" } : { kind: "walk", rows: Math.ceil(PostgresEngine.WALK_MARGIN * walk) + q.offset + q.limit };
  }

  /** Totals already known for this generation: cached, or counted now from the copy of the documents. */
  private knownTotals(db: DB, q: VacancyQuery, tsq: string | null, generation: number): Totals | null {
    const key = facetKey(q, tsq);
    const cached = this.facetCache.get(key);
    if (cached && cached.generation === generation && (!q.facets || cached.value.facets)) return cached.value;
    const copy = tsq ? null : this.snapshotAt(db, generation);
    if (!copy) return null;
    const value: Totals = { ...copy.count(q), size: copy.size };
    this.remember(key, generation, value);
    return value;
  }

  private remember(key: string, generation: number, value: Totals) {
    if (this.facetCache.size >= PostgresEngine.FACET_CACHE_SIZE) this.facetCache.delete(this.facetCache.keys().next().value!);
    this.facetCache.set(key, { generation, value });
  }

  /**
   * The total (and facets) of a search when the copy cannot count it (text, or a copy still loading): from the cache
   * when the index has not changed since they were counted, else in SQL. Counting every match is the costly part of
   * a broad search.
   */
  private async totals(db: DB, q: VacancyQuery, tsq: string | null, where: Expression<SqlBool>, knownGeneration: number | null): Promise<Totals | null> {
    if (!q.facets && q.count === false) return null;
    const generation = knownGeneration ?? (await this.generation(db));
    const known = this.knownTotals(db, q, tsq, generation);
    if (known) return known;
    const value: Totals = q.facets
      ? await this.sqlFacets(db, where)
      : { total: Number((await sql<{ n: number }>`select count(*)::int as n from vacancy_search where ${where}`.execute(db)).rows[0]?.n ?? 0) };
    this.remember(facetKey(q, tsq), generation, value);
    return value;
  }

  private async generation(db: DB): Promise<number> {
    const row = await sql<{ generation: number }>`select generation from search_generation where index_name = 'vacancies'`.execute(db);
    return Number(row.rows[0]?.generation ?? -1);
  }

  /** The copy of the documents if it is of this generation; otherwise starts reading a new one and answers null. */
  private snapshotAt(db: DB, generation: number): VacancySnapshot | null {
    if (this.options.copy === false) return null;
    const copy = this.snapshot;
    if (copy && copy.generation === generation) return copy.usable ? copy : null;
    // Never inside a transaction: the read would outlive it, and would see writes that may be rolled back.
    if (!this.loading && !db.isTransaction && Date.now() - this.lastLoad >= PostgresEngine.SNAPSHOT_RELOAD_MS) {
      this.lastLoad = Date.now();
      this.loading = VacancySnapshot.load(db)
        .then((loaded) => this.keep(loaded))
        .catch(() => undefined) // the next search tries again; meanwhile SQL counts
        .finally(() => {
          this.loading = null;
        });
    }
    return null;
  }

  private keep(loaded: VacancySnapshot) {
    if (!this.snapshot || loaded.generation >= this.snapshot.generation) this.snapshot = loaded;
  }

  /**
   * Facet counts and the total over the matches in one aggregate: grouping sets over the matching rows as they are
   * read (each vacancy's whole list of accommodations is one group key; the lists are split here), so no list of
   * matches is materialised and nothing is unnested.
   */
  private async sqlFacets(db: DB, where: Expression<SqlBool>): Promise<Totals> {
    const rows = await sql<{ g: number; accommodations: string[] | null; employment_type: string | null; prefecture: string | null; n: number; remote: number; quota: number }>`
      select grouping(accommodations, employment_type, regions[2]) as g, accommodations, employment_type, regions[2] as prefecture,
        count(*)::int as n, (count(*) filter (where remote))::int as remote, (count(*) filter (where quota_eligible))::int as quota
      from vacancy_search where ${where}
      group by grouping sets ((accommodations), (employment_type), (regions[2]), ())`.execute(db);
    const facets: VacancyFacets = { accommodations: {}, employmentType: {}, prefecture: {}, remote: 0, quotaEligible: 0 };
    let total = 0;
    for (const r of rows.rows) {
      const n = Number(r.n);
      // grouping(): a bit per column left out of the row's set, first column highest.
      const g = Number(r.g);
      if (g === 0b111) {
        total = n;
        facets.remote = Number(r.remote);
        facets.quotaEligible = Number(r.quota);
      } else if (g === 0b011) {
        for (const a of new Set(r.accommodations ?? [])) facets.accommodations[a] = (facets.accommodations[a] ?? 0) + n;
      } else if (g === 0b101) {
        facets.employmentType[String(r.employment_type)] = n;
      } else if (g === 0b110) {
        facets.prefecture[String(r.prefecture)] = n;
      }
    }
    return { total, facets };
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
    const bound = q.countUpTo != null ? Math.max(0, Math.trunc(q.countUpTo)) : null;
    const [rows, counted] = await Promise.all([
      sql<{ id: string; score: number }>`
        select user_id as id, ${score} as score
        from seeker_search where ${where}
        order by score desc, updated_at desc, user_id desc limit ${q.limit}::int offset ${q.offset}::int`.execute(db),
      q.count === false
        ? Promise.resolve(0)
        : bound !== null
          ? // Stops reading at one past the bound: the count of a common vacancy's candidates scanned most of the index.
            sql<{ n: number }>`select count(*)::int as n from (select 1 from seeker_search where ${where} limit ${bound + 1}::int) m`
              .execute(db)
              .then((r) => Number(r.rows[0]?.n ?? 0))
          : sql<{ n: number }>`select count(*)::int as n from seeker_search where ${where}`.execute(db).then((r) => Number(r.rows[0]?.n ?? 0)),
    ]);
    const result: SearchResult = { total: bound !== null ? Math.min(counted, bound) : counted, hits: rows.rows.map((r) => ({ id: r.id, textScore: Number(r.score) })) };
    if (bound !== null && counted > bound) result.capped = true;
    return result;
  }
}

type PagePlan = { kind: "planner" } | { kind: "sort" } | { kind: "none" } | { kind: "walk"; rows: number };

interface Totals {
  total: number;
  facets?: VacancyFacets;
  /** From the copy of the documents: what the filter indexes leave (Counted.indexed), and how many documents there are. */
  indexed?: number;
  size?: number;
}

/** What a search's total and facets depend on (not its order or page). */
function facetKey(q: VacancyQuery, tsq: string | null): string {
  return JSON.stringify([
    tsq,
    q.region || null,
    q.accommodations ?? [],
    !!q.remote,
    q.employmentType || null,
    q.payMin ?? null,
    !!q.quotaEligible,
    q.educationRankMax ?? null,
    q.openOn,
    q.eligibleFor ?? null,
    q.excludeEligibleFor ?? null,
  ]);
}
