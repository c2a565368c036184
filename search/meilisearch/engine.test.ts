/**
 * The Meilisearch engine against a stand-in HTTP server that answers like Meilisearch's REST API (enqueued tasks,
 * task polling, search responses). No Meilisearch server can run here; this checks what the engine sends, that it
 * waits for every task and fails when a task fails, and how it reads answers. What Meilisearch itself does with the
 * requests is covered by engine.integration.test.ts when MEILI_HOST is set.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SeekerDocument, VacancyDocument } from "../engine";
import { MeilisearchEngine, MeilisearchTaskError } from "./engine";
import { toMeiliVacancy } from "./documents";
import { vacancyFilter } from "./filters";
import { SEEKER_SETTINGS, VACANCY_SETTINGS } from "./settings";

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

interface TaskOutcome {
  status: "succeeded" | "failed";
  error?: { code: string; message: string };
}

class FakeMeilisearch {
  readonly requests: Recorded[] = [];
  private tasks = new Map<number, { type: string; indexUid: string | null; outcome: TaskOutcome }>();
  private nextTask = 1;
  /** Decides the outcome of each enqueued task (by type and index). */
  outcome: (type: string, indexUid: string | null) => TaskOutcome = () => ({ status: "succeeded" });
  search: (indexUid: string, body: Record<string, unknown>) => unknown = () => ({ hits: [], totalHits: 0, page: 1, hitsPerPage: 20, totalPages: 0 });
  server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  writes(): Recorded[] {
    return this.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("/search"));
  }

  private enqueue(res: ServerResponse, type: string, indexUid: string | null) {
    const taskUid = this.nextTask++;
    this.tasks.set(taskUid, { type, indexUid, outcome: this.outcome(type, indexUid) });
    this.send(res, 202, { taskUid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() });
  }

  private send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    this.requests.push({ method, path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined, authorization: req.headers.authorization });
    const parts = url.pathname.split("/").filter(Boolean);
    if (method === "GET" && parts[0] === "tasks") {
      const uid = Number(parts[1]);
      const t = this.tasks.get(uid);
      if (!t) return this.send(res, 404, { message: "task not found", code: "task_not_found", type: "invalid_request", link: "" });
      return this.send(res, 200, {
        uid,
        batchUid: uid,
        indexUid: t.indexUid,
        status: t.outcome.status,
        type: t.type,
        canceledBy: null,
        details: {},
        error: t.outcome.error ? { ...t.outcome.error, type: "invalid_request", link: "" } : null,
        duration: "PT0.001S",
        enqueuedAt: new Date().toISOString(),
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
      });
    }
    if (method === "POST" && url.pathname === "/indexes") return this.enqueue(res, "indexCreation", (JSON.parse(text) as { uid: string }).uid);
    const uid = parts[1] ?? null;
    if (parts[0] === "indexes" && uid) {
      const rest = parts.slice(2).join("/");
      if (method === "PATCH" && rest === "settings") return this.enqueue(res, "settingsUpdate", uid);
      if (method === "POST" && rest === "documents") return this.enqueue(res, "documentAdditionOrUpdate", uid);
      if (method === "POST" && rest === "documents/delete-batch") return this.enqueue(res, "documentDeletion", uid);
      if (method === "DELETE" && rest === "documents") return this.enqueue(res, "documentDeletion", uid);
      if (method === "DELETE" && rest === "") return this.enqueue(res, "indexDeletion", uid);
      if (method === "POST" && rest === "search") return this.send(res, 200, this.search(uid, JSON.parse(text) as Record<string, unknown>));
    }
    this.send(res, 404, { message: "not found", code: "not_found", type: "invalid_request", link: "" });
  }
}

const vacancy = (id: string): VacancyDocument => ({
  id,
  organizationId: "00000000-0000-4000-8000-0000000000aa",
  title: "软件工程师",
  keywords: "",
  organization: "单位",
  description: "",
  county: "520102",
  prefecture: "520100",
  province: "520000",
  accommodations: ["elevator"],
  demands: [],
  employmentType: "full_time",
  educationRank: 0,
  remote: false,
  quotaEligible: true,
  payMin: 3000,
  payMax: 5000,
  closingDate: null,
  publishedAt: new Date("2026-11-01T00:00:00Z"),
});

const seeker: SeekerDocument = {
  id: "00000000-0000-4000-8000-0000000000bb",
  regionCode: "520102",
  reach: ["520100"],
  wantsRemote: false,
  needs: [],
  needsPreferred: [],
  limits: [],
  skills: ["Excel"],
  education: null,
  educationRank: 0,
  major: null,
  graduationYear: null,
  updatedAt: new Date("2026-11-01T00:00:00Z"),
};

describe("MeilisearchEngine (against a stand-in server)", () => {
  const fake = new FakeMeilisearch();
  let host = "";
  let engine: MeilisearchEngine;

  beforeAll(async () => {
    host = await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  afterEach(() => {
    fake.requests.length = 0;
    fake.outcome = () => ({ status: "succeeded" });
  });

  const make = (prefix = "qc_unit") => (engine = new MeilisearchEngine({ host, apiKey: "secret-key", prefix, timeoutMs: 1000, taskTimeoutMs: 2000 }));
  /** An engine whose start-up configure has run; only what follows is recorded. */
  const ready = async (prefix?: string) => {
    make(prefix);
    await engine.configure();
    fake.requests.length = 0;
  };

  it("configure creates both indexes with the id as primary key and applies the settings, waiting for each task", async () => {
    make();
    await engine.configure();
    const w = fake.writes();
    expect(w.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /indexes",
      "PATCH /indexes/qc_unit_vacancies/settings",
      "POST /indexes",
      "PATCH /indexes/qc_unit_seekers/settings",
    ]);
    expect(w[0]!.body).toEqual({ uid: "qc_unit_vacancies", primaryKey: "id" });
    expect(w[1]!.body).toEqual(JSON.parse(JSON.stringify(VACANCY_SETTINGS)));
    expect(w[3]!.body).toEqual(JSON.parse(JSON.stringify(SEEKER_SETTINGS)));
    // Each of the four tasks was polled before the next request.
    expect(fake.requests.filter((r) => r.method === "GET" && r.path.startsWith("/tasks/")).length).toBeGreaterThanOrEqual(4);
    expect(fake.requests.every((r) => r.authorization === "Bearer secret-key")).toBe(true);
  });

  it("configure is safe to repeat: an index that already exists is not an error", async () => {
    make();
    fake.outcome = (type) => (type === "indexCreation" ? { status: "failed", error: { code: "index_already_exists", message: "exists" } } : { status: "succeeded" });
    await expect(engine.configure()).resolves.toBeUndefined();
  });

  it("configure fails when the settings are refused", async () => {
    make();
    fake.outcome = (type) => (type === "settingsUpdate" ? { status: "failed", error: { code: "invalid_settings_ranking_rules", message: "bad rule" } } : { status: "succeeded" });
    await expect(engine.configure()).rejects.toThrow(/invalid_settings_ranking_rules: bad rule/);
  });

  it("upsert sends flat documents with the primary key, in batches of 1000, each task awaited", async () => {
    await ready("qc_prefix");
    const docs = Array.from({ length: 2001 }, (_, i) => vacancy(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`));
    await engine.upsert("vacancies", docs);
    const adds = fake.writes();
    expect(adds.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill("POST /indexes/qc_prefix_vacancies/documents"));
    expect(adds.map((r) => (r.body as unknown[]).length)).toEqual([1000, 1000, 1]);
    expect(adds[0]!.query.get("primaryKey")).toBe("id");
    expect((adds[0]!.body as unknown[])[0]).toEqual(JSON.parse(JSON.stringify(toMeiliVacancy(docs[0]!))));
  });

  it("upsert of seekers goes to the seekers index, and nothing is sent for no documents", async () => {
    await ready();
    await engine.upsert("seekers", []);
    expect(fake.requests).toEqual([]);
    await engine.upsert("seekers", [seeker]);
    const [add] = fake.writes();
    expect(add!.path).toBe("/indexes/qc_unit_seekers/documents");
    expect((add!.body as Array<Record<string, unknown>>)[0]).toMatchObject({ id: seeker.id, skills: ["Excel"], updated_at: seeker.updatedAt.getTime() });
  });

  it("a write whose task fails throws, so the outbox keeps the change", async () => {
    await ready();
    fake.outcome = () => ({ status: "failed", error: { code: "invalid_document_id", message: "bad id" } });
    const error = await engine.upsert("vacancies", [vacancy("x")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchTaskError);
    expect(String((error as Error).message)).toMatch(/documentAdditionOrUpdate on qc_unit_vacancies\) failed: invalid_document_id: bad id/);
    await expect(engine.delete("vacancies", ["x"])).rejects.toBeInstanceOf(MeilisearchTaskError);
    await expect(engine.reset("seekers")).rejects.toBeInstanceOf(MeilisearchTaskError);
  });

  it("configures itself before the first call when start-up configure failed (Meilisearch came up later)", async () => {
    make();
    fake.outcome = () => ({ status: "failed", error: { code: "internal", message: "starting" } });
    await expect(engine.configure()).rejects.toThrow(/internal: starting/);
    fake.outcome = () => ({ status: "succeeded" });
    fake.requests.length = 0;
    await engine.upsert("vacancies", [vacancy("00000000-0000-4000-8000-000000000001")]);
    expect(fake.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /indexes",
      "PATCH /indexes/qc_unit_vacancies/settings",
      "POST /indexes",
      "PATCH /indexes/qc_unit_seekers/settings",
      "POST /indexes/qc_unit_vacancies/documents",
    ]);
    // Once is enough.
    fake.requests.length = 0;
    await engine.upsert("vacancies", [vacancy("00000000-0000-4000-8000-000000000002")]);
    await engine.searchVacancies({ openOn: "2026-11-29", sort: "newest", offset: 0, limit: 20 });
    expect(fake.requests.filter((r) => r.path === "/indexes" || r.path.endsWith("/settings"))).toEqual([]);
  });

  it("delete sends the ids, reset empties the index", async () => {
    await ready();
    await engine.delete("vacancies", []);
    expect(fake.requests).toEqual([]);
    await engine.delete("vacancies", ["a", "b"]);
    await engine.reset("seekers");
    const w = fake.writes();
    expect(w.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /indexes/qc_unit_vacancies/documents/delete-batch", "DELETE /indexes/qc_unit_seekers/documents"]);
    expect(w[0]!.body).toEqual(["a", "b"]);
  });

  it("searchVacancies sends the translated request and reads ids, scores, the exact total and facets", async () => {
    await ready();
    let sent: Record<string, unknown> = {};
    fake.search = (_uid, body) => {
      sent = body;
      return {
        hits: [
          { id: "v1", _rankingScore: 0.93 },
          { id: "v2", _rankingScore: 0.5 },
        ],
        query: body.q,
        processingTimeMs: 1,
        page: 1,
        hitsPerPage: 2,
        totalPages: 4,
        totalHits: 7,
        facetDistribution: { accommodations: { elevator: 7 }, employment_type: { full_time: 7 }, prefecture: { "520100": 7 }, remote: { false: 7 }, quota_eligible: { true: 5, false: 2 } },
      };
    };
    const query = { text: "工程师", openOn: "2026-11-29", region: "520100", sort: "relevance" as const, offset: 0, limit: 2, facets: true };
    const result = await engine.searchVacancies(query);
    expect(fake.requests.at(-1)!.path).toBe("/indexes/qc_unit_vacancies/search");
    expect(sent).toMatchObject({
      q: "工程师",
      filter: vacancyFilter(query),
      page: 1,
      hitsPerPage: 2,
      showRankingScore: true,
      matchingStrategy: "all",
      attributesToRetrieve: ["id"],
      facets: ["accommodations", "employment_type", "prefecture", "remote", "quota_eligible"],
    });
    expect(sent).not.toHaveProperty("offset");
    expect(sent).not.toHaveProperty("limit");
    expect(result).toEqual({
      total: 7,
      hits: [
        { id: "v1", textScore: 0.93 },
        { id: "v2", textScore: 0.5 },
      ],
      facets: { accommodations: { elevator: 7 }, employmentType: { full_time: 7 }, prefecture: { "520100": 7 }, remote: 0, quotaEligible: 5 },
    });
  });

  it("searchSeekers filters by the vacancy and returns ids", async () => {
    await ready();
    let sent: Record<string, unknown> = {};
    fake.search = (_uid, body) => {
      sent = body;
      return { hits: [{ id: seeker.id }], page: 1, hitsPerPage: 10, totalPages: 1, totalHits: 1, processingTimeMs: 0, query: "" };
    };
    const result = await engine.searchSeekers({ candidatesOf: { county: "520102", remote: false, accommodations: [], demands: [] }, offset: 0, limit: 10 });
    expect(fake.requests.at(-1)!.path).toBe("/indexes/qc_unit_seekers/search");
    expect(sent.q).toBeNull();
    expect(String(sent.filter)).toContain('reach IN ["520102", "520100", "520000"]');
    expect(result).toEqual({ total: 1, hits: [{ id: seeker.id, textScore: 0 }] });
  });

  it("refuses an answer without an exact total rather than report a wrong count", async () => {
    await ready();
    fake.search = () => ({ hits: [], estimatedTotalHits: 3, offset: 0, limit: 20, processingTimeMs: 0, query: "" });
    await expect(engine.searchVacancies({ openOn: "2026-11-29", sort: "newest", offset: 0, limit: 20 })).rejects.toThrow(/totalHits/);
  });
});

describe("MeilisearchEngine timeouts", () => {
  it("gives up on a server that accepts connections but never answers, within the request timeout", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer(() => {
      // Never respond.
    });
    silent.on("connection", (s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const engine = new MeilisearchEngine({ host: `http://127.0.0.1:${port}`, timeoutMs: 300 });
      const started = Date.now();
      await expect(engine.searchVacancies({ openOn: "2026-11-29", sort: "newest", offset: 0, limit: 20 })).rejects.toThrow();
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(250);
      expect(took).toBeLessThan(3000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("defaults to a 2 second request timeout", () => {
    const engine = new MeilisearchEngine({ host: "http://127.0.0.1:1" });
    expect(engine.client.config.timeout).toBe(2000);
    expect(engine.uid("vacancies")).toBe("qiancheng_vacancies");
    expect(engine.uid("seekers")).toBe("qiancheng_seekers");
  });
});
