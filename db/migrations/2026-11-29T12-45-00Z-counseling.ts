import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// Counseling (issue 6): caseload assignments with their history, the individual plan (一生一策) and its actions,
// service records, referrals, post-placement checkpoints and the plan's targets as data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("caseload_assignment")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("counselor_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("assigned_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("note", "text")
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("ended_at", "timestamptz")
    .addColumn("ended_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .execute();
  // One current counselor per seeker; ended rows are the history.
  await sql`create unique index caseload_assignment_current on caseload_assignment (seeker_id) where ended_at is null`.execute(db);
  await sql`create index caseload_assignment_counselor on caseload_assignment (counselor_id) where ended_at is null`.execute(db);

  await db.schema
    .createTable("individual_plan")
    .addColumn("seeker_id", "uuid", (c) => c.primaryKey().references("app_user.id").onDelete("cascade"))
    .addColumn("goals", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("barriers", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active").check(sql`status in ('active','achieved','paused')`))
    .addColumn("updated_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("plan_action")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("individual_plan.seeker_id").onDelete("cascade"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull().check(sql`owner in ('seeker','counselor','employer','family','other')`))
    .addColumn("due_date", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open','done','dropped')`))
    .addColumn("completed_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("plan_action_seeker_idx").on("plan_action").columns(["seeker_id", "status", "due_date"]).execute();

  await db.schema
    .createTable("service_record")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("counselor_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("type", "text", (c) =>
      c.notNull().check(sql`type in ('job_introduction','career_guidance','training_referral','entrepreneurship','vocational_assessment','follow_up_visit')`),
    )
    .addColumn("service_date", "date", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("service_record_seeker_idx").on("service_record").columns(["seeker_id", "service_date"]).execute();

  await db.schema
    .createTable("referral")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("vacancy_id", "uuid", (c) => c.notNull().references("vacancy.id").onDelete("cascade"))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("counselor_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("message", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending','accepted','declined')`))
    .addColumn("application_id", "uuid", (c) => c.references("application.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("responded_at", "timestamptz")
    .addUniqueConstraint("referral_once", ["vacancy_id", "seeker_id"])
    .execute();
  await db.schema.createIndex("referral_seeker_idx").on("referral").columns(["seeker_id", "status"]).execute();

  // Post-placement follow-up 1, 3, 6 and 12 months after a hire; the due dates are computed from the contract start,
  // a row is written when the checkpoint is recorded.
  await db.schema
    .createTable("employment_checkpoint")
    .addColumn("employment_id", "uuid", (c) => c.notNull().references("employment.id").onDelete("cascade"))
    .addColumn("month", "smallint", (c) => c.notNull().check(sql`month in (1,3,6,12)`))
    .addColumn("still_employed", "boolean", (c) => c.notNull())
    .addColumn("contract_year_or_more", "boolean", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("employment_checkpoint_pk", ["employment_id", "month"])
    .execute();

  // The plan's targets are data (design §2): a new plan period is configuration.
  await db.schema
    .createTable("plan_target")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("period_start", "integer", (c) => c.notNull())
    .addColumn("period_end", "integer", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("target_value", "numeric", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addCheckConstraint("plan_target_period", sql`period_end >= period_start`)
    .addUniqueConstraint("plan_target_once", ["indicator", "period_start", "region_code"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["plan_target", "employment_checkpoint", "referral", "service_record", "plan_action", "individual_plan", "caseload_assignment"]) {
    await db.schema.dropTable(t).execute();
  }
}
