import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// Special recruitment events (专场招聘会, issue 7): events with their accessible arrangements, participating employers
// with booths and vacancies, seekers' registrations with access requests and the waitlist, interview slots, and the
// event an application came from.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("recruitment_event")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('graduates','general','rural','online')`))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("venue", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("online_url", "text")
    .addColumn("arrangements", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity >= 1`))
    .addColumn("registration_deadline", "timestamptz", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','published','cancelled')`))
    .addColumn("published_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("recruitment_event_times", sql`ends_at > starts_at and registration_deadline <= ends_at`)
    .execute();
  await db.schema.createIndex("recruitment_event_list_idx").on("recruitment_event").columns(["status", "starts_at"]).execute();

  await db.schema
    .createTable("event_employer")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("recruitment_event.id").onDelete("cascade"))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending','approved','rejected','withdrawn')`))
    .addColumn("booth", "text")
    .addColumn("note", "text")
    .addColumn("applied_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("decided_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("event_employer_once", ["event_id", "organization_id"])
    .execute();

  await db.schema
    .createTable("event_employer_vacancy")
    .addColumn("event_employer_id", "uuid", (c) => c.notNull().references("event_employer.id").onDelete("cascade"))
    .addColumn("vacancy_id", "uuid", (c) => c.notNull().references("vacancy.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("event_employer_vacancy_pk", ["event_employer_id", "vacancy_id"])
    .execute();

  await db.schema
    .createTable("event_registration")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The order of arrival: the waitlist is promoted in this order.
    .addColumn("seq", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("event_id", "uuid", (c) => c.notNull().references("recruitment_event.id").onDelete("cascade"))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('registered','waitlisted','cancelled')`))
    .addColumn("access_requests", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("check_in_code", "text", (c) => c.notNull().unique())
    .addColumn("checked_in_at", "timestamptz")
    .addColumn("promoted_at", "timestamptz")
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("event_registration_once", ["event_id", "seeker_id"])
    .execute();
  await db.schema.createIndex("event_registration_queue_idx").on("event_registration").columns(["event_id", "status", "seq"]).execute();

  await db.schema
    .createTable("interview_slot")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_employer_id", "uuid", (c) => c.notNull().references("event_employer.id").onDelete("cascade"))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    // One booking per slot: the column holds it, so a slot can never be booked twice.
    .addColumn("registration_id", "uuid", (c) => c.references("event_registration.id").onDelete("set null"))
    .addColumn("access_requests", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("booked_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("interview_slot_times", sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex("interview_slot_employer_idx").on("interview_slot").columns(["event_employer_id", "starts_at"]).execute();
  await db.schema.createIndex("interview_slot_registration_idx").on("interview_slot").column("registration_id").execute();

  await db.schema.alterTable("application").addColumn("event_id", "uuid", (c) => c.references("recruitment_event.id").onDelete("set null")).execute();
  await db.schema.createIndex("application_event_idx").on("application").column("event_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("application_event_idx").execute();
  await db.schema.alterTable("application").dropColumn("event_id").execute();
  for (const t of ["interview_slot", "event_registration", "event_employer_vacancy", "event_employer", "recruitment_event"]) {
    await db.schema.dropTable(t).execute();
  }
}
