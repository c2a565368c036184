/**
 * The Meilisearch engine (design §3): settings as code (settings.ts), documents and queries translated by pure
 * functions (documents.ts, filters.ts, request.ts), and this thin class that sends them.
 *
 * - Every request has a timeout (2 s by default), so an unreachable server fails fast and FallbackEngine answers
 *   from PostgreSQL instead of keeping a page waiting.
 * - Every write waits for its task and throws unless the task succeeded: the outbox deletes a change only once the
 *   engine has taken it, so a write that "went through" but failed inside Meilisearch must not look applied.
 * - Searches return ids (and the text score); the caller loads what a page shows from PostgreSQL.
 * - Until `configure()` has succeeded in this process, every call tries it first: a Meilisearch that was down at
 *   start-up and comes back later would otherwise get its indexes created by the first document added, with no
 *   filterable attributes, and every search would fail over to PostgreSQL until the next restart.
 *
 * Needs Meilisearch ≥ 1.14 (localizedAttributes, typoTolerance.disableOnNumbers).
 */
import { Meilisearch, type EnqueuedTaskPromise, type Index, type SearchResponse, type Task } from "meilisearch";
import type { DocumentFor, SearchEngine, SearchIndexName, SearchResult, SeekerDocument, SeekerQuery, VacancyDocument, VacancyQuery } from "../engine";
import { toMeiliSeeker, toMeiliVacancy } from "./documents";
import { resultFrom, seekerSearchRequest, vacancySearchRequest, type MeiliSearchRequest, type PagedSearchParams } from "./request";
import { PRIMARY_KEY, SETTINGS, indexUid } from "./settings";

export interface MeilisearchEngineOptions {
  host: string;
  apiKey?: string;
  /** Index uids are `${prefix}_vacancies` and `${prefix}_seekers` (default prefix "qiancheng"). */
  prefix?: string;
  /** Timeout of each HTTP request, in milliseconds (default 2000). */
  timeoutMs?: number;
  /** How long a write waits for its task, in milliseconds (default 60000: a reindex batch takes a few seconds). */
  taskTimeoutMs?: number;
}

const INDEXES: readonly SearchIndexName[] = ["vacancies", "seekers"];
const BATCH = 1000;

/** Raised when Meilisearch accepted a write but its task did not succeed. */
export class MeilisearchTaskError extends Error {
  constructor(readonly task: Task) {
    super(`meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? "-"}) ${task.status}${task.error ? `: ${task.error.code}: ${task.error.message}` : ""}`);
    this.name = "MeilisearchTaskError";
  }
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  readonly client: Meilisearch;
  private readonly prefix: string | undefined;
  private readonly taskTimeoutMs: number;
  private configured = false;
  private configuring: Promise<void> | null = null;

  constructor(options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.timeoutMs ?? 2000 });
    this.prefix = options.prefix;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  }

  uid(index: SearchIndexName): string {
    return indexUid(this.prefix, index);
  }

  private index(index: SearchIndexName): Index {
    return this.client.index(this.uid(index));
  }

  /** Waits for an enqueued task and returns it if it succeeded; throws otherwise. */
  private async settle(enqueued: EnqueuedTaskPromise, allow: (task: Task) => boolean = () => false): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: this.taskTimeoutMs });
    if (task.status === "succeeded" || allow(task)) return task;
    throw new MeilisearchTaskError(task);
  }

  async configure(): Promise<void> {
    for (const index of INDEXES) {
      // Creating an index that exists fails its task with index_already_exists: that is the "if missing".
      await this.settle(this.client.createIndex(this.uid(index), { primaryKey: PRIMARY_KEY }), (t) => t.error?.code === "index_already_exists");
      await this.settle(this.index(index).updateSettings(SETTINGS[index]));
    }
    this.configured = true;
  }

  /** Configures once per process, on the first call that needs the indexes (see the top of this file). */
  private async ready(): Promise<void> {
    if (this.configured) return;
    this.configuring ??= this.configure().finally(() => {
      this.configuring = null;
    });
    await this.configuring;
  }

  async upsert<I extends SearchIndexName>(index: I, documents: DocumentFor[I][]): Promise<void> {
    if (!documents.length) return;
    await this.ready();
    const docs =
      index === "vacancies" ? (documents as VacancyDocument[]).map(toMeiliVacancy) : (documents as SeekerDocument[]).map(toMeiliSeeker);
    for (let i = 0; i < docs.length; i += BATCH) {
      // addDocuments replaces whole documents, as the Postgres engine's upsert does.
      await this.settle(this.index(index).addDocuments(docs.slice(i, i + BATCH), { primaryKey: PRIMARY_KEY }));
    }
  }

  async delete(index: SearchIndexName, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.ready();
    for (let i = 0; i < ids.length; i += BATCH) await this.settle(this.index(index).deleteDocuments(ids.slice(i, i + BATCH)));
  }

  async reset(index: SearchIndexName): Promise<void> {
    await this.ready();
    await this.settle(this.index(index).deleteAllDocuments());
  }

  /** Deletes both indexes (tests use a prefix of their own and drop it afterwards). */
  async dropIndexes(): Promise<void> {
    for (const index of INDEXES) await this.settle(this.client.deleteIndex(this.uid(index)), (t) => t.error?.code === "index_not_found");
  }

  private async run(index: SearchIndexName, request: MeiliSearchRequest): Promise<Paged> {
    await this.ready();
    return this.index(index).search<{ id: string }, PagedSearchParams>(request.q, request.params);
  }

  async searchVacancies(query: VacancyQuery): Promise<SearchResult> {
    const request = vacancySearchRequest(query);
    const response = await this.run("vacancies", request);
    return resultFrom(request, paged(response), !!query.facets);
  }

  async searchSeekers(query: SeekerQuery): Promise<SearchResult> {
    const request = seekerSearchRequest(query);
    return resultFrom(request, paged(await this.run("seekers", request)), false);
  }
}

type Paged = SearchResponse<{ id: string }, PagedSearchParams>;

/** A page-mode response has an exact `totalHits`; anything else is a server we do not understand. */
function paged(response: Paged) {
  if (typeof response.totalHits !== "number") throw new Error("meilisearch: a page-mode search answered without totalHits");
  return { hits: response.hits, totalHits: response.totalHits, facetDistribution: response.facetDistribution };
}
