import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// The plan's programmes (issue 14, decision 013): designations of organizations (training bases, demonstration sites,
// poverty-alleviation/start-up bases, auxiliary-employment institutions, blind-massage institutions, cultural-creative
// bases) with their support; courses, enrolments, certificates and subsidies; training needs and the poor-household
// flag on the profile; entrepreneurs' businesses with support and yearly checks; skills competitions as an event kind
// with categories, entrants, a judges' pool and results; staff training records; vocational capability assessments.
const TRAINING_KINDS = sql`('urban_vocational','rural_practical','blind_health_massage','blind_medical_massage','entrepreneurship','online_remote','continuing_education')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("designation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('training_base','concentrated_demo','poverty_startup_base','auxiliary','auxiliary_demo','blind_massage_health','blind_massage_medical','cultural_creative')`,
        ),
    )
    .addColumn("decision_number", "text", (c) => c.notNull())
    .addColumn("decision_date", "date", (c) => c.notNull())
    .addColumn("valid_from", "date", (c) => c.notNull())
    .addColumn("valid_to", "date")
    .addColumn("designated_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("revoked_on", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("designation_period", sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  await db.schema.createIndex("designation_org_idx").on("designation").columns(["organization_id", "kind"]).execute();

  await db.schema
    .createTable("institution_support")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("designation_id", "uuid", (c) => c.notNull().references("designation.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('premises','utilities','startup_funds','equipment','post_subsidy','social_insurance_subsidy')`),
    )
    .addColumn("amount", sql`numeric(14,2)`, (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn("support_date", "date", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("course")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("provider_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("restrict"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ${TRAINING_KINDS}`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("online", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("venue", "text")
    .addColumn("link", "text")
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("arrangements", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity >= 1`))
    .addColumn("subsidy_per_trainee", sql`numeric(12,2)`, (c) => c.notNull().defaultTo(0).check(sql`subsidy_per_trainee >= 0`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','published','cancelled')`))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("course_dates", sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex("course_region_idx").on("course").columns(["region_code", "starts_on"]).execute();

  await db.schema
    .createTable("course_enrolment")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("course_id", "uuid", (c) => c.notNull().references("course.id").onDelete("cascade"))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("seq", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('enrolled','waitlisted','cancelled','completed','not_completed')`),
    )
    .addColumn("access_requests", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("access_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("enrolled_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("service_record_id", "uuid", (c) => c.references("service_record.id").onDelete("set null"))
    .addColumn("attended_days", "integer", (c) => c.check(sql`attended_days >= 0`))
    .addColumn("completed_on", "date")
    .addColumn("outcome_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("course_enrolment_once", ["course_id", "seeker_id"])
    .execute();

  await db.schema
    .createTable("training_certificate")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("enrolment_id", "uuid", (c) => c.unique().references("course_enrolment.id").onDelete("set null"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('vocational_qualification','skill_level','special_operation','training_completion','other')`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text")
    .addColumn("number", "text")
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("issued_on", "date", (c) => c.notNull())
    .addColumn("show_on_profile", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("recorded_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("training_certificate_seeker_idx").on("training_certificate").columns(["seeker_id"]).execute();

  await db.schema
    .createTable("training_subsidy")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("enrolment_id", "uuid", (c) => c.notNull().unique().references("course_enrolment.id").onDelete("cascade"))
    .addColumn("amount", sql`numeric(12,2)`, (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn("paid_on", "date")
    .addColumn("recorded_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable("seeker_profile")
    .addColumn("training_needs", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("poor_household", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("poor_household_consent_at", "timestamptz")
    .execute();
  await db.schema
    .alterTable("vacancy")
    .addColumn("required_certificates", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();

  await db.schema
    .createTable("business")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('individual_business','cooperative','online_shop','family_workshop','other')`),
    )
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("started_on", "date", (c) => c.notNull())
    .addColumn("registration_number", "text")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("business_owner")
    .addColumn("business_id", "uuid", (c) => c.notNull().references("business.id").onDelete("cascade"))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("business_owner_pk", ["business_id", "seeker_id"])
    .execute();
  await db.schema
    .createTable("business_support")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("business_id", "uuid", (c) => c.notNull().references("business.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('startup_subsidy','guaranteed_loan','loan_interest_subsidy','incubation')`),
    )
    .addColumn("amount", sql`numeric(14,2)`, (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn("support_date", "date", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("business_check")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("business_id", "uuid", (c) => c.notNull().references("business.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("running", "boolean", (c) => c.notNull())
    .addColumn("employs_others", "integer", (c) => c.notNull().defaultTo(0).check(sql`employs_others >= 0`))
    .addColumn("checked_on", "date", (c) => c.notNull())
    .addColumn("checked_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addUniqueConstraint("business_check_once", ["business_id", "year"])
    .execute();

  await sql`alter table recruitment_event drop constraint recruitment_event_kind_check`.execute(db);
  await db.schema
    .alterTable("recruitment_event")
    .addCheckConstraint("recruitment_event_kind_check", sql`kind in ('graduates','general','rural','online','competition')`)
    .execute();
  await db.schema
    .createTable("competition_category")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("event_id", "uuid", (c) => c.notNull().references("recruitment_event.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("competition_entry")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("category_id", "uuid", (c) => c.notNull().references("competition_category.id").onDelete("cascade"))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("entered").check(sql`status in ('entered','withdrawn')`))
    .addColumn("access_requests", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("score", sql`numeric(6,2)`)
    .addColumn("rank", "integer", (c) => c.check(sql`rank >= 1`))
    .addColumn("award", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("competition_entry_once", ["category_id", "seeker_id"])
    .execute();
  await db.schema
    .createTable("judge")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("organization", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("specialities", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("judge_assignment")
    .addColumn("category_id", "uuid", (c) => c.notNull().references("competition_category.id").onDelete("cascade"))
    .addColumn("judge_id", "uuid", (c) => c.notNull().references("judge.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("judge_assignment_pk", ["category_id", "judge_id"])
    .execute();

  await db.schema
    .createTable("staff_training")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // A counselor with an account, or a community instructor described by name.
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('counselor','community_instructor')`))
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("course", "text", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("trained_on", "date", (c) => c.notNull())
    .addColumn("hours", sql`numeric(6,1)`, (c) => c.notNull().check(sql`hours > 0`))
    .addColumn("recorded_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("capability_assessment")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("counselor_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("assessed_on", "date", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("recommendations", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "capability_assessment",
    "staff_training",
    "judge_assignment",
    "judge",
    "competition_entry",
    "competition_category",
    "business_check",
    "business_support",
    "business_owner",
    "business",
    "training_subsidy",
    "training_certificate",
    "course_enrolment",
    "course",
    "institution_support",
    "designation",
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.deleteFrom("recruitment_event").where("kind", "=", "competition").execute();
  await sql`alter table recruitment_event drop constraint recruitment_event_kind_check`.execute(db);
  await db.schema.alterTable("recruitment_event").addCheckConstraint("recruitment_event_kind_check", sql`kind in ('graduates','general','rural','online')`).execute();
  await db.schema.alterTable("vacancy").dropColumn("required_certificates").execute();
  await db.schema.alterTable("seeker_profile").dropColumn("training_needs").dropColumn("poor_household").dropColumn("poor_household_consent_at").execute();
}
