import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// Abuse limits (issue 12): `login_attempt` also counts attempts to save a profile identifier (ID or certificate
// number) that belongs to another account, and says why a registration was refused, so refusals that reveal a
// taken phone or email can have their own, stricter limit. Collisions are listed for the federation from
// `audit_event`, so that list gets a small partial index.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table login_attempt drop constraint login_attempt_kind_check`.execute(db);
  await db.schema
    .alterTable("login_attempt")
    .addCheckConstraint("login_attempt_kind_check", sql`kind in ('sign_in','register','profile_identifier')`)
    .execute();
  await db.schema.alterTable("login_attempt").addColumn("detail", "text").execute();
  await sql`create index audit_event_collision_idx on audit_event (at) where action = 'collision'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_event_collision_idx`.execute(db);
  await db.deleteFrom("login_attempt").where("kind", "=", "profile_identifier").execute();
  await db.schema.alterTable("login_attempt").dropColumn("detail").execute();
  await sql`alter table login_attempt drop constraint login_attempt_kind_check`.execute(db);
  await db.schema.alterTable("login_attempt").addCheckConstraint("login_attempt_kind_check", sql`kind in ('sign_in','register')`).execute();
}
