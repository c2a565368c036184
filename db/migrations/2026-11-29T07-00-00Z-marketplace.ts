import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("seeker_profile")
    .addColumn("user_id", "uuid", (c) => c.primaryKey().references("app_user.id").onDelete("cascade"))
    .addColumn("real_name", "text")
    .addColumn("gender", "text", (c) => c.check(sql`gender in ('male','female')`))
    .addColumn("birth_date", "date")
    .addColumn("id_number", "text", (c) => c.unique())
    .addColumn("certificate_number", "text", (c) => c.unique())
    .addColumn("disability_category", "text", (c) =>
      c.check(sql`disability_category in ('vision','hearing','speech','physical','intellectual','mental','multiple')`),
    )
    .addColumn("disability_grade", "smallint", (c) => c.check(sql`disability_grade between 1 and 4`))
    .addColumn("sensitive_consent_at", "timestamptz")
    .addColumn("household_region_code", "text", (c) => c.references("division.code"))
    .addColumn("current_region_code", "text", (c) => c.references("division.code"))
    .addColumn("residence", "text", (c) => c.check(sql`residence in ('urban','rural')`))
    .addColumn("education", "text")
    .addColumn("graduate_school", "text")
    .addColumn("graduate_major", "text")
    .addColumn("graduation_year", "integer")
    .addColumn("employment_status", "text", (c) => c.notNull().defaultTo("unemployed").check(sql`employment_status in ('unemployed','employed','student')`))
    .addColumn("skills", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("certificates", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("needs_required", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("needs_preferred", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("limits", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("work_types", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("wants_remote", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("place_scope", "text", (c) => c.notNull().defaultTo("prefecture").check(sql`place_scope in ('county','prefecture','province')`))
    .addColumn("preferred_region_codes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("expected_pay_min", "integer")
    .addColumn("zero_employment_family", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("low_income_family", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("discoverable", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("completed_steps", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("seeker_profile_region_idx").on("seeker_profile").column("current_region_code").execute();

  await db.schema
    .createTable("organization")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("uscc", "text", (c) => c.notNull().unique())
    .addColumn("type", "text", (c) =>
      c.notNull().check(sql`type in ('enterprise','public_institution','government','social_organization','individual_business')`),
    )
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("address", "text")
    .addColumn("industry", "text", (c) => c.notNull())
    .addColumn("staff_count", "integer", (c) => c.notNull().check(sql`staff_count >= 0`))
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text")
    .addColumn("contact_email", "text")
    .addColumn("special_statuses", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending','verified','rejected')`))
    .addColumn("rejection_reason", "text")
    .addColumn("reviewed_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("reviewed_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("organization_status_idx").on("organization").columns(["status", "region_code"]).execute();

  await db.schema
    .createTable("organization_member")
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner','recruiter')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("organization_member_pk", ["organization_id", "user_id"])
    .execute();
  await db.schema.createIndex("organization_member_user_idx").on("organization_member").column("user_id").execute();

  await db.schema
    .createTable("organization_invitation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("accepted_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("organization_invitation_contact", sql`phone is not null or email is not null`)
    .execute();

  await db.schema
    .createTable("vacancy")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("employment_type", "text", (c) =>
      c.notNull().check(sql`employment_type in ('full_time','part_time','flexible','auxiliary','public_welfare')`),
    )
    .addColumn("openings", "integer", (c) => c.notNull().check(sql`openings >= 1`))
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("remote", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("pay_min", "integer", (c) => c.notNull().check(sql`pay_min >= 0`))
    .addColumn("pay_max", "integer", (c) => c.notNull())
    .addColumn("education_required", "text", (c) => c.notNull().defaultTo("none"))
    .addColumn("skills", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("hours", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("accommodations", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("demands", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("quota_eligible", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','open','closed','filled')`))
    .addColumn("closing_date", "date")
    .addColumn("published_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("vacancy_pay_order", sql`pay_max >= pay_min`)
    .execute();
  await db.schema.createIndex("vacancy_org_idx").on("vacancy").column("organization_id").execute();
  await db.schema.createIndex("vacancy_open_idx").on("vacancy").columns(["status", "published_at"]).execute();

  await db.schema
    .createTable("application")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("vacancy_id", "uuid", (c) => c.notNull().references("vacancy.id").onDelete("cascade"))
    // Null once the seeker deleted their account: the employer's record stays, anonymized.
    .addColumn("seeker_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo("self").check(sql`source in ('self','referral','invitation','event')`))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("submitted").check(sql`status in ('submitted','viewed','interview','offered','hired','rejected','withdrawn')`),
    )
    .addColumn("note", "text")
    .addColumn("access_requests", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("disclosure", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("application_vacancy_seeker_key", ["vacancy_id", "seeker_id"])
    .execute();
  await db.schema.createIndex("application_seeker_idx").on("application").column("seeker_id").execute();

  await db.schema
    .createTable("application_event")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("application_id", "uuid", (c) => c.notNull().references("application.id").onDelete("cascade"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("message", "text")
    .addColumn("actor_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("application_event_app_idx").on("application_event").columns(["application_id", "at"]).execute();

  await db.schema
    .createTable("employment")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("seeker_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("application_id", "uuid", (c) => c.unique().references("application.id").onDelete("set null"))
    .addColumn("vacancy_id", "uuid", (c) => c.references("vacancy.id").onDelete("set null"))
    .addColumn("contract_start", "date", (c) => c.notNull())
    .addColumn("contract_end", "date")
    .addColumn("social_insurance", "boolean", (c) => c.notNull())
    .addColumn("monthly_pay", "integer", (c) => c.notNull().check(sql`monthly_pay >= 0`))
    // Snapshot for quota counting (grade 1–2 counts double), kept after the seeker's account is gone.
    .addColumn("disability_grade", "smallint")
    .addColumn("ended_on", "date")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("employment_contract_order", sql`contract_end is null or contract_end >= contract_start`)
    .execute();
  await db.schema.createIndex("employment_org_idx").on("employment").column("organization_id").execute();

  await db.schema
    .createTable("notification")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("params", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("link", "text")
    .addColumn("read_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("notification_user_idx").on("notification").columns(["user_id", "read_at", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "notification",
    "employment",
    "application_event",
    "application",
    "vacancy",
    "organization_invitation",
    "organization_member",
    "organization",
    "seeker_profile",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
