/**
 * The Postgres engine's in-process copy of what the vacancy documents' filters and facets read: one compact row
 * per document in typed arrays (codes as bits, places and employment types as small numbers), loaded from
 * `vacancy_search` in one statement together with the index's write generation (migration
 * 2026-12-06T16-30-00Z-search-speed). A count and its facets are then one pass over those arrays in TypeScript —
 * about a millisecond for every open vacancy at four times the plan's size — instead of a pass over every match's row
 * in PostgreSQL, which grows with the matches (bench/search.ts, docs/decisions/017).
 *
 * The page of results never comes from here: hits, their order and text matching stay in SQL. The copy answers the
 * total and the facets only, and only while its generation is the index's current one, so a count is never older
 * than the last committed write, whichever process made it. The rules evaluated here are the SQL WHERE clause of
 * search/postgres/engine.ts term by term (engine.test.ts compares the two on random queries).
 */
import { sql } from "kysely";
import type { DB } from "../../db/database";
import type { EligibleFor, VacancyFacets, VacancyQuery } from "../engine";

/** Bits 0–30 of an int: a kind (accommodations, demands) with more distinct codes than this is not copied. */
const MAX_CODES = 31;
/** A vacancy with no closing date is open on every day. */
const NEVER = 0x7fffffff;
const SEP = "\u001f";
/** Rows per fetch from the cursor. */
const CHUNK = 5000;

/** What the copy reads of each document (the benchmark explains it). */
export function snapshotSelect() {
  // chr(31) is SEP: no code contains it.
  return sql`
    select array_to_string(accommodations, chr(31)) as acc, cardinality(accommodations) as acc_n,
      array_to_string(demands, chr(31)) as dem, cardinality(demands) as dem_n,
      regions[1] as county, regions[2] as prefecture, regions[3] as province, cardinality(regions) as regions_n,
      employment_type, remote, quota_eligible, pay_max, education_rank, closing_date - date '1970-01-01' as closing_day
    from vacancy_search`;
}

/** Strings to small numbers, in order of first sight. */
class Interner {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** Code lists ("a␟b␟c", as array_to_string gives them) to bit sets; -1 when a kind has too many codes. */
class CodeBits {
  readonly codes = new Interner();
  private readonly lists = new Map<string, number>();
  overflow = false;
  bits(list: string, cardinality: number): number {
    const cached = this.lists.get(list);
    if (cached !== undefined) return cached;
    const codes = list === "" ? [] : list.split(SEP);
    // An empty or NULL element would be lost or ambiguous in the joined text: such a document is not copied.
    if (codes.length !== cardinality || codes.some((c) => c === "")) {
      this.overflow = true;
      return 0;
    }
    let bits = 0;
    for (const code of codes) {
      const id = this.codes.id(code);
      if (id >= MAX_CODES) {
        this.overflow = true;
        return 0;
      }
      bits |= 1 << id;
    }
    this.lists.set(list, bits);
    return bits;
  }
  /** The bit set of these codes, or null when one of them is in no document (so nothing can offer them all). */
  known(codes: readonly string[]): number | null {
    let bits = 0;
    for (const code of codes) {
      const id = this.codes.ids.get(code);
      if (id === undefined) return null;
      bits |= 1 << id;
    }
    return bits;
  }
  /** The bit set of those of these codes some document has (the others can conflict with nothing). */
  some(codes: readonly string[]): number {
    let bits = 0;
    for (const code of codes) {
      const id = this.codes.ids.get(code);
      if (id !== undefined) bits |= 1 << id;
    }
    return bits;
  }
}

interface Row {
  acc: string | null;
  acc_n: number | null;
  dem: string | null;
  dem_n: number | null;
  county: string | null;
  prefecture: string | null;
  province: string | null;
  regions_n: number | null;
  employment_type: string | null;
  remote: boolean | null;
  quota_eligible: boolean | null;
  pay_max: number | null;
  education_rank: number | null;
  closing_day: number | null;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" date, as `date - date '1970-01-01'` gives them. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** The facet counts and total of one query. */
export interface Counted {
  total: number;
  facets: VacancyFacets;
  /**
   * How many documents the conditions PostgreSQL's GIN indexes can serve (region, accommodations, required needs,
   * places without remote work) leave: what a page sorted after fetching every match reads (the engine's choice of
   * plan for the page, docs/decisions/017).
   */
  indexed: number;
}

interface Eligibility {
  /** Null: a required need no vacancy offers, so nothing is eligible. */
  needs: number | null;
  limits: number;
  /** Per place id: 1 when the seeker accepts it. */
  reach: Uint8Array;
  wantsRemote: boolean;
}

export class VacancySnapshot {
  private acc = new Int32Array(0);
  private dem = new Int32Array(0);
  private county = new Int32Array(0);
  private prefecture = new Int32Array(0);
  private province = new Int32Array(0);
  private type = new Int32Array(0);
  /** Bit 0: remote; bit 1: quota-eligible. */
  private flags = new Uint8Array(0);
  private payMax = new Int32Array(0);
  private educationRank = new Int32Array(0);
  private closing = new Int32Array(0);
  /**
   * Documents alike in everything a facet counts (accommodations, employment type, prefecture, remote, quota) share a
   * group: a count adds one to its group per match and spreads the groups over the facets at the end.
   */
  private group = new Int32Array(0);
  private readonly groups = new Map<string, number>();
  private readonly groupAcc: number[] = [];
  private readonly groupType: number[] = [];
  private readonly groupPrefecture: number[] = [];
  private readonly groupFlags: number[] = [];
  private readonly accBits = new CodeBits();
  private readonly demBits = new CodeBits();
  private readonly places = new Interner();
  private readonly types = new Interner();
  private n = 0;
  private faithful = true;

  private constructor(readonly generation: number) {}

  /** How many documents were copied. */
  get size(): number {
    return this.n;
  }

  /** False when a document could not be copied faithfully (too many codes, an odd array): the engine then uses SQL. */
  get usable(): boolean {
    return this.faithful && !this.accBits.overflow && !this.demBits.overflow;
  }

  private add(r: Row) {
    if (this.n === this.acc.length) this.grow(Math.max(1024, this.n * 2));
    const i = this.n++;
    if (r.regions_n !== 3 || r.county == null || r.prefecture == null || r.province == null || r.employment_type == null) this.faithful = false;
    this.acc[i] = this.accBits.bits(r.acc ?? "", Number(r.acc_n ?? 0));
    this.dem[i] = this.demBits.bits(r.dem ?? "", Number(r.dem_n ?? 0));
    this.county[i] = this.places.id(r.county ?? "");
    this.prefecture[i] = this.places.id(r.prefecture ?? "");
    this.province[i] = this.places.id(r.province ?? "");
    this.type[i] = this.types.id(r.employment_type ?? "");
    this.flags[i] = (r.remote ? 1 : 0) | (r.quota_eligible ? 2 : 0);
    this.payMax[i] = Number(r.pay_max);
    this.educationRank[i] = Number(r.education_rank);
    this.closing[i] = r.closing_day == null ? NEVER : Number(r.closing_day);
    const key = `${this.acc[i]},${this.type[i]},${this.prefecture[i]},${this.flags[i]}`;
    let g = this.groups.get(key);
    if (g === undefined) {
      g = this.groupAcc.length;
      this.groups.set(key, g);
      this.groupAcc.push(this.acc[i]!);
      this.groupType.push(this.type[i]!);
      this.groupPrefecture.push(this.prefecture[i]!);
      this.groupFlags.push(this.flags[i]!);
    }
    this.group[i] = g;
  }

  /** Resizes every column to `capacity` rows (also to trim them once loaded). */
  private grow(capacity: number) {
    const resize = <T extends Int32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
      const to = make(capacity);
      to.set(from.subarray(0, Math.min(this.n, capacity)));
      return to;
    };
    const int = (n: number) => new Int32Array(n);
    this.acc = resize(this.acc, int);
    this.dem = resize(this.dem, int);
    this.county = resize(this.county, int);
    this.prefecture = resize(this.prefecture, int);
    this.province = resize(this.province, int);
    this.type = resize(this.type, int);
    this.flags = resize(this.flags, (n) => new Uint8Array(n));
    this.payMax = resize(this.payMax, int);
    this.educationRank = resize(this.educationRank, int);
    this.closing = resize(this.closing, int);
    this.group = resize(this.group, int);
  }

  /**
   * Reads every document and the generation in one snapshot (a read-only repeatable-read transaction, or the
   * caller's transaction), through a cursor a few thousand rows at a time, so the rows read never pile up in memory.
   */
  static async load(db: DB): Promise<VacancySnapshot> {
    const read = async (trx: DB) => {
      const g = await sql<{ generation: number | string }>`select generation from search_generation where index_name = 'vacancies'`.execute(trx);
      if (!g.rows.length) throw new Error("search_generation has no row for 'vacancies'");
      const copy = new VacancySnapshot(Number(g.rows[0]!.generation));
      await sql`declare vacancy_snapshot no scroll cursor for ${snapshotSelect()}`.execute(trx);
      for (;;) {
        const rows = (await sql<Row>`fetch ${sql.raw(String(CHUNK))} from vacancy_snapshot`.execute(trx)).rows;
        for (const r of rows) copy.add(r);
        if (rows.length < CHUNK) break;
      }
      await sql`close vacancy_snapshot`.execute(trx);
      copy.grow(copy.n);
      return copy;
    };
    if (db.isTransaction) return read(db);
    return db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute(read);
  }

  private eligibility(e: EligibleFor): Eligibility {
    const reach = new Uint8Array(this.places.values.length);
    for (const code of e.reach) {
      const id = this.places.ids.get(code);
      if (id !== undefined) reach[id] = 1;
    }
    return { needs: this.accBits.known(e.needsRequired), limits: this.demBits.some(e.limits), reach, wantsRemote: e.wantsRemote };
  }

  /** The total and facets of a query without text (the caller checks `text` is absent: text is matched in SQL). */
  count(q: Omit<VacancyQuery, "text" | "sort" | "offset" | "limit">): Counted {
    const facets: VacancyFacets = { accommodations: {}, employmentType: {}, prefecture: {}, remote: 0, quotaEligible: 0 };
    const empty = { total: 0, facets, indexed: 0 };
    const openDay = dayNumber(q.openOn);
    let region = -1;
    if (q.region) {
      const id = this.places.ids.get(q.region);
      if (id === undefined) return empty;
      region = id;
    }
    let accMask = 0;
    if (q.accommodations?.length) {
      const bits = this.accBits.known(q.accommodations);
      if (bits === null) return empty;
      accMask = bits;
    }
    let type = -1;
    if (q.employmentType) {
      const id = this.types.ids.get(q.employmentType);
      if (id === undefined) return empty;
      type = id;
    }
    const flagMask = (q.remote ? 1 : 0) | (q.quotaEligible ? 2 : 0);
    const payMin = q.payMin != null ? Math.trunc(q.payMin) : null;
    const rankMax = q.educationRankMax != null ? Math.trunc(q.educationRankMax) : null;
    const eligible = q.eligibleFor ? this.eligibility(q.eligibleFor) : null;
    if (eligible && eligible.needs === null) return empty;
    const excluded = q.excludeEligibleFor ? this.eligibility(q.excludeEligibleFor) : null;
    // What the indexes narrow to: every chosen accommodation and required need, the region, and the accepted places
    // when remote work does not widen them (an OR with a column no index covers cannot use the regions index).
    const indexedAcc = accMask | (eligible?.needs ?? 0);
    const indexedReach = eligible && !eligible.wantsRemote ? eligible.reach : null;

    const perGroup = new Int32Array(this.groupAcc.length);
    let total = 0;
    let indexed = 0;
    const { acc, dem, county, prefecture, province, type: types, flags, payMax, educationRank, closing, group } = this;
    for (let i = 0; i < this.n; i++) {
      const a = acc[i]!;
      if ((a & indexedAcc) !== indexedAcc) continue;
      if (region >= 0 && county[i] !== region && prefecture[i] !== region && province[i] !== region) continue;
      if (indexedReach && !indexedReach[county[i]!] && !indexedReach[prefecture[i]!] && !indexedReach[province[i]!]) continue;
      indexed++;
      if (closing[i]! < openDay) continue;
      const f = flags[i]!;
      if ((f & flagMask) !== flagMask) continue;
      if (type >= 0 && types[i] !== type) continue;
      if (payMin !== null && payMax[i]! < payMin) continue;
      if (rankMax !== null && educationRank[i]! > rankMax) continue;
      if (eligible && !fits(eligible, a, dem[i]!, county[i]!, prefecture[i]!, province[i]!, f)) continue;
      if (excluded && fits(excluded, a, dem[i]!, county[i]!, prefecture[i]!, province[i]!, f)) continue;
      total++;
      perGroup[group[i]!]!++;
    }
    {
      const accCount = new Int32Array(MAX_CODES);
      const typeCount = new Int32Array(this.types.values.length);
      const placeCount = new Int32Array(this.places.values.length);
      for (let g = 0; g < perGroup.length; g++) {
        const c = perGroup[g]!;
        if (c === 0) continue;
        const f = this.groupFlags[g]!;
        if (f & 1) facets.remote += c;
        if (f & 2) facets.quotaEligible += c;
        typeCount[this.groupType[g]!]! += c;
        placeCount[this.groupPrefecture[g]!]! += c;
        for (let m = this.groupAcc[g]!; m !== 0; m &= m - 1) accCount[31 - Math.clz32(m & -m)]! += c;
      }
      for (let b = 0; b < MAX_CODES; b++) if (accCount[b]) facets.accommodations[this.accBits.codes.values[b]!] = accCount[b]!;
      for (let t = 0; t < typeCount.length; t++) if (typeCount[t]) facets.employmentType[this.types.values[t]!] = typeCount[t]!;
      for (let p = 0; p < placeCount.length; p++) if (placeCount[p]) facets.prefecture[this.places.values[p]!] = placeCount[p]!;
    }
    return { total, facets, indexed };
  }
}

/** Design §5 rule 1 on one copied document: every need offered, no demand among the limits, the place accepted. */
function fits(e: Eligibility, acc: number, dem: number, county: number, prefecture: number, province: number, flags: number): boolean {
  const needs = e.needs;
  if (needs === null || (acc & needs) !== needs) return false;
  if ((dem & e.limits) !== 0) return false;
  if (e.reach[county] || e.reach[prefecture] || e.reach[province]) return true;
  return e.wantsRemote && (flags & 1) === 1;
}
