/**
 * Meilisearch with the Postgres engine behind it. Writes go to the Postgres engine first, then Meilisearch (a
 * Meilisearch failure fails the write, so the outbox keeps the change until Meilisearch takes it). Searches go to
 * Meilisearch and, when it cannot be reached or errs, to the Postgres engine, with a warning logged at most once a
 * minute. After a failure, searches skip Meilisearch for a short while (a host that drops packets would otherwise
 * cost every search the full request timeout); writes keep trying, so the outbox drain notices when it is back.
 */
import type { DocumentFor, SearchEngine, SearchIndexName, SearchResult, SeekerQuery, VacancyQuery } from "./engine";

export class FallbackEngine implements SearchEngine {
  readonly name: "meilisearch" | "postgres";
  private lastWarning = 0;
  private skipPrimaryUntil = 0;
  /** How long searches go straight to the fallback after Meilisearch failed one. */
  static readonly RETRY_AFTER_MS = 15_000;

  constructor(
    readonly primary: SearchEngine,
    readonly fallback: SearchEngine,
    private readonly log: (line: string) => void = (l) => console.warn(l),
  ) {
    this.name = primary.name;
  }

  private warn(error: unknown) {
    const now = Date.now();
    this.skipPrimaryUntil = now + FallbackEngine.RETRY_AFTER_MS;
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.log(`search: ${this.primary.name} unavailable (${(error as Error)?.message ?? String(error)}); answering from ${this.fallback.name}`);
  }

  async configure(): Promise<void> {
    await this.fallback.configure();
    await this.primary.configure();
  }

  async upsert<I extends SearchIndexName>(index: I, documents: DocumentFor[I][]): Promise<void> {
    await this.fallback.upsert(index, documents);
    await this.primary.upsert(index, documents);
  }

  async delete(index: SearchIndexName, ids: string[]): Promise<void> {
    await this.fallback.delete(index, ids);
    await this.primary.delete(index, ids);
  }

  async reset(index: SearchIndexName): Promise<void> {
    await this.fallback.reset(index);
    await this.primary.reset(index);
  }

  async searchVacancies(query: VacancyQuery): Promise<SearchResult> {
    if (Date.now() < this.skipPrimaryUntil) return this.fallback.searchVacancies(query);
    try {
      return await this.primary.searchVacancies(query);
    } catch (error) {
      this.warn(error);
      return this.fallback.searchVacancies(query);
    }
  }

  async searchSeekers(query: SeekerQuery): Promise<SearchResult> {
    if (Date.now() < this.skipPrimaryUntil) return this.fallback.searchSeekers(query);
    try {
      return await this.primary.searchSeekers(query);
    } catch (error) {
      this.warn(error);
      return this.fallback.searchSeekers(query);
    }
  }
}
