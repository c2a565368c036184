/**
 * Which engine this process searches with, and the in-process drain. With MEILI_HOST set, searches go to
 * Meilisearch and fall back to the Postgres engine (with a logged warning) while it is unreachable; every document
 * is written to both, so the fallback is never behind, and Meilisearch catches up from the outbox when it returns.
 */
import { getDb } from "../db/database";
import type { SearchEngine } from "./engine";
import { FallbackEngine } from "./fallback";
import { MeilisearchEngine } from "./meilisearch/engine";
import { drainOutbox, hasPending, type DrainResult } from "./outbox";
import { PostgresEngine } from "./postgres/engine";

interface SearchState {
  engine: SearchEngine;
  draining: Promise<DrainResult> | null;
  again: boolean;
}

const KEY = Symbol.for("qiancheng.search");
type Holder = { [KEY]?: SearchState };

export function engineFromEnv(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = (l) => console.warn(l)): SearchEngine {
  const postgres = new PostgresEngine(() => getDb());
  if (!env.MEILI_HOST) return postgres;
  const meili = new MeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY, prefix: env.MEILI_INDEX_PREFIX });
  return new FallbackEngine(meili, postgres, log);
}

function state(): SearchState {
  const holder = globalThis as Holder;
  holder[KEY] ??= { engine: engineFromEnv(), draining: null, again: false };
  return holder[KEY];
}

export function getSearchEngine(): SearchEngine {
  return state().engine;
}

/** Replaces the engine (tests, the benchmark). */
export function setSearchEngine(engine: SearchEngine): void {
  const s = state();
  s.engine = engine;
}

/** Starts a drain, or asks the running one to go round again; resolves when the outbox has been drained. */
export function kickDrain(): Promise<DrainResult> {
  const s = state();
  if (s.draining) {
    s.again = true;
    return s.draining;
  }
  const run = async (): Promise<DrainResult> => {
    let result: DrainResult;
    do {
      s.again = false;
      result = await drainOutbox(await getDb(), s.engine);
      if (result.failed) {
        console.warn(`search: indexing failed, will retry: ${String((result.error as Error)?.message ?? result.error)}`);
        break;
      }
    } while (s.again);
    return result;
  };
  s.draining = run().finally(() => {
    s.draining = null;
  });
  return s.draining;
}

/**
 * Before a search: if changes are waiting, drain them (waiting at most `timeoutMs`), so a user who has just saved
 * something sees it in the results.
 */
export async function catchUp(timeoutMs = 2000): Promise<void> {
  const s = state();
  if (!s.draining && !(await hasPending(await getDb()))) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    kickDrain().catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}

/** At start-up: apply the engine's settings, then index whatever the outbox holds (changes a crash left behind). */
export async function startSearch(log: (line: string) => void = console.log): Promise<void> {
  const engine = getSearchEngine();
  try {
    await engine.configure();
  } catch (error) {
    console.warn(`search: could not configure ${engine.name}: ${(error as Error).message}`);
  }
  const result = await kickDrain();
  log(`search: ${engine.name} engine ready (${result.applied} change(s) indexed at start${result.failed ? ", some left to retry" : ""})`);
}
