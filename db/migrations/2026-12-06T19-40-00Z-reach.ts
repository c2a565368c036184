import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// Reaching people where they are (issue 17): saved searches and their alerts, the channels each person chose per
// topic, every email and SMS sent (or held, or failed), phone numbers verified by a code, and the embedded
// database's job table (on PostgreSQL, pg-boss keeps its own schema).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("app_user").addColumn("phone_verified_at", "timestamptz").execute();
  // Counselors opt in to alerts for new vacancies that suit people on their caseload.
  await db.schema.alterTable("app_user").addColumn("caseload_alerts", "boolean", (c) => c.notNull().defaultTo(false)).execute();

  await db.schema
    .createTable("saved_search")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    // The search's query string as the search page writes it (parseSearchParams reads it back), without page.
    .addColumn("query", "text", (c) => c.notNull())
    .addColumn("suits_me", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("frequency", "text", (c) => c.notNull().defaultTo("daily").check(sql`frequency in ('immediate','daily','weekly','off')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index saved_search_user on saved_search (user_id)`.execute(db);

  // One row per vacancy and saved search (or, for a counselor, per vacancy and person on the caseload): never twice.
  await db.schema
    .createTable("vacancy_alert")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("saved_search_id", "uuid", (c) => c.references("saved_search.id").onDelete("cascade"))
    .addColumn("seeker_id", "uuid", (c) => c.references("app_user.id").onDelete("cascade"))
    .addColumn("vacancy_id", "uuid", (c) => c.notNull().references("vacancy.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // When it went out (immediately, or in a digest); null while it waits for the next digest.
    .addColumn("sent_at", "timestamptz")
    .addCheckConstraint("vacancy_alert_source", sql`(saved_search_id is null) <> (seeker_id is null)`)
    .execute();
  await sql`create unique index vacancy_alert_once_search on vacancy_alert (saved_search_id, vacancy_id) where saved_search_id is not null`.execute(db);
  await sql`create unique index vacancy_alert_once_caseload on vacancy_alert (user_id, seeker_id, vacancy_id) where seeker_id is not null`.execute(db);
  await sql`create index vacancy_alert_pending on vacancy_alert (user_id, created_at) where sent_at is null`.execute(db);

  // Channels beyond the site, per topic; no row: the defaults in app/domain/notifications/channels.ts.
  await db.schema
    .createTable("notification_preference")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("topic", "text", (c) => c.notNull().check(sql`topic in ('applications','invitations','interviews','alerts','messages')`))
    .addColumn("email", "boolean", (c) => c.notNull())
    .addColumn("sms", "boolean", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("notification_preference_pk", ["user_id", "topic"])
    .execute();

  // Every message sent beyond the site: what, to whom, and what became of it.
  await db.schema
    .createTable("delivery")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("notification_id", "bigint", (c) => c.references("notification.id").onDelete("set null"))
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('email','sms')`))
    .addColumn("topic", "text", (c) => c.notNull())
    // The template: a notification kind, 'alert.immediate', 'alert.digest' or 'phone.code'.
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("params", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("link", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued").check(sql`status in ('queued','held','sent','failed','skipped')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("sent_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index delivery_user on delivery (user_id, created_at)`.execute(db);
  await sql`create index delivery_status on delivery (status, created_at)`.execute(db);

  await db.schema
    .createTable("phone_verification")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('register','phone')`))
    // SHA-256 of the code, hex: the code itself is never stored.
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("verified_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index phone_verification_phone on phone_verification (phone, created_at)`.execute(db);

  // The embedded database's jobs (jobs/in-process.ts). The same definitions run on pg-boss on PostgreSQL.
  await db.schema
    .createTable("job")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("data", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("state", "text", (c) => c.notNull().defaultTo("created").check(sql`state in ('created','retry','active','completed','failed','cancelled')`))
    .addColumn("retry_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("retry_limit", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("retry_delay", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("retry_backoff", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("singleton_key", "text")
    .addColumn("start_after", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("started_at", "timestamptz")
    .addColumn("completed_at", "timestamptz")
    .addColumn("output", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index job_due on job (start_after) where state in ('created','retry')`.execute(db);
  await sql`create unique index job_singleton on job (name, singleton_key) where singleton_key is not null and state in ('created','retry','active')`.execute(db);
  await sql`create index job_failed on job (created_at) where state = 'failed'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["job", "phone_verification", "delivery", "notification_preference", "vacancy_alert", "saved_search"]) await db.schema.dropTable(t).execute();
  await db.schema.alterTable("app_user").dropColumn("caseload_alerts").execute();
  await db.schema.alterTable("app_user").dropColumn("phone_verified_at").execute();
}
