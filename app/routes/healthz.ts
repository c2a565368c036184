import { sql } from "kysely";
import { getDatabase } from "../../db/database";

/** Liveness and database state, as JSON, for load balancers and monitors. */
export async function loader() {
  const started = performance.now();
  try {
    const { db, kind } = await getDatabase();
    const row = await db
      .selectFrom("kysely_migration" as never)
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirst();
    const body = {
      status: "ok",
      database: { kind, ok: true, migrations: Number((row as { n?: number } | undefined)?.n ?? 0), latencyMs: Math.round(performance.now() - started) },
    };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return Response.json(
      { status: "error", database: { ok: false, error: e instanceof Error ? e.message : String(e) } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
