import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("division")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_code", "text", (c) => c.references("division.code"))
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('province','prefecture','county')`))
    .execute();
  await db.schema.createIndex("division_parent_idx").on("division").column("parent_code").execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("phone", "text", (c) => c.unique())
    .addColumn("email", "text", (c) => c.unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('seeker','employer','counselor','admin')`))
    .addColumn("display_name", "text")
    .addColumn("region_code", "text", (c) => c.references("division.code"))
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("zh-CN").check(sql`locale in ('zh-CN','en')`))
    .addColumn("large_text", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("high_contrast", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("password_changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("app_user_contact", sql`phone is not null or email is not null`)
    .execute();

  await db.schema
    .createTable("user_session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("user_session_user_idx").on("user_session").column("user_id").execute();

  await db.schema
    .createTable("login_attempt")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('sign_in','register')`))
    .addColumn("account_key", "text")
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("succeeded", "boolean", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("login_attempt_account_idx").on("login_attempt").columns(["account_key", "at"]).execute();
  await db.schema.createIndex("login_attempt_ip_idx").on("login_attempt").columns(["ip", "at"]).execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("actor_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("subject_user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("reason", "text")
    .addColumn("ip", "text")
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("audit_event_subject_idx").on("audit_event").columns(["subject_user_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["audit_event", "login_attempt", "user_session", "app_user", "division"]) {
    await db.schema.dropTable(t).execute();
  }
}
