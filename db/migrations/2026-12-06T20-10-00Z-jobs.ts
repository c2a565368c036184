import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// The embedded database's job queue (jobs/in-process.ts, decision 018): finding jobs a crashed process left
// 'active', and pruning finished jobs, without reading the whole table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index job_active on job (started_at) where state = 'active'`.execute(db);
  await sql`create index job_finished on job (completed_at) where state in ('completed','cancelled','failed')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index job_finished`.execute(db);
  await sql`drop index job_active`.execute(db);
}
