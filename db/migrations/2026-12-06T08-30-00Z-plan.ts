import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// The federation's plan (issue 13, decision 012):
// - `employment` records every form the federation counts by (按比例, 集中, 个体/自主创业, 农村种养加, 公益性岗位, 辅助性,
//   灵活), including jobs found off the platform that counselors and admins record: the organization becomes optional
//   (self-employment, or an employer not on the platform named in `employer_name`), with contract length and evidence.
// - `real_name_verification`: each quarterly real-name check (实名制) of a seeker, with what it found.
// - `household` / `household_member`: families, for the zero-employment-family indicator.
// - `organization.provincial_body_kinds`: 省级党政机关 / 残工委成员单位 flags.
// - `plan_target` gains who set it; `stats_snapshot` freezes a quarter's figures; `inspection_note` holds the notes of
//   the annual inspection and the mid-term and final evaluations.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table employment alter column organization_id drop not null`.execute(db);
  await db.schema
    .alterTable("employment")
    .addColumn("form", "text", (c) =>
      c.notNull().defaultTo("proportional").check(sql`form in ('proportional','concentrated','self_employed','rural','public_welfare','auxiliary','flexible')`),
    )
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("platform").check(sql`origin in ('platform','declared','recorded')`))
    .addColumn("employer_name", "text")
    .addColumn("contract_months", "integer", (c) => c.check(sql`contract_months between 0 and 600`))
    .addColumn("evidence", "text", (c) => c.check(sql`evidence in ('contract','social_insurance','business_licence','payroll','visit','other')`))
    .addColumn("evidence_note", "text")
    .addColumn("updated_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`update employment set origin = case when application_id is null then 'declared' else 'platform' end`.execute(db);
  await db.schema
    .alterTable("employment")
    .addCheckConstraint("employment_employer", sql`organization_id is not null or employer_name is not null`)
    .execute();
  await db.schema.createIndex("employment_start_idx").on("employment").columns(["contract_start"]).execute();

  await db.schema
    .createTable("real_name_verification")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("verified_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("verified_on", "date", (c) => c.notNull())
    .addColumn("employment_status", "text", (c) => c.notNull().check(sql`employment_status in ('employed','unemployed','student','unable')`))
    .addColumn("employment_form", "text", (c) =>
      c.check(sql`employment_form in ('proportional','concentrated','self_employed','rural','public_welfare','auxiliary','flexible')`),
    )
    .addColumn("training_needs", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("service_needs", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("real_name_verification_seeker_idx").on("real_name_verification").columns(["seeker_id", "verified_on"]).execute();

  await db.schema
    .createTable("household")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("consent_note", "text", (c) => c.notNull())
    .addColumn("consent_on", "date", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("household_member")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("household_id", "uuid", (c) => c.notNull().references("household.id").onDelete("cascade"))
    // A member who has an account here: employment comes from their records. Others are described by the counselor.
    .addColumn("seeker_id", "uuid", (c) => c.unique().references("app_user.id").onDelete("cascade"))
    .addColumn("name", "text")
    .addColumn("gender", "text", (c) => c.check(sql`gender in ('male','female')`))
    .addColumn("birth_date", "date")
    .addColumn("employed", "boolean")
    .addColumn("relation", "text", (c) => c.notNull().defaultTo("other"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "household_member_who",
      sql`seeker_id is not null or (name is not null and gender is not null and birth_date is not null and employed is not null)`,
    )
    .execute();
  await db.schema.createIndex("household_member_household_idx").on("household_member").columns(["household_id"]).execute();

  await db.schema
    .alterTable("organization")
    .addColumn("provincial_body_kinds", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();

  await db.schema
    .alterTable("plan_target")
    .addColumn("set_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("stats_snapshot")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("quarter", "integer", (c) => c.notNull().check(sql`quarter between 1 and 4`))
    .addColumn("as_of", "date", (c) => c.notNull())
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addColumn("taken_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("taken_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("stats_snapshot_once", ["region_code", "year", "quarter"])
    .execute();

  await db.schema
    .createTable("inspection_note")
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('annual','midterm','final')`))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("inspection_note_pk", ["region_code", "kind", "period"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["inspection_note", "stats_snapshot", "household_member", "household", "real_name_verification"]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable("plan_target").dropColumn("set_by").dropColumn("updated_at").execute();
  await db.schema.alterTable("organization").dropColumn("provincial_body_kinds").execute();
  await db.schema.dropIndex("employment_start_idx").execute();
  await db.deleteFrom("employment").where("organization_id", "is", null).execute();
  await db.schema.alterTable("employment").dropConstraint("employment_employer").execute();
  for (const c of ["form", "origin", "employer_name", "contract_months", "evidence", "evidence_note", "updated_by", "updated_at"]) {
    await db.schema.alterTable("employment").dropColumn(c).execute();
  }
  await sql`alter table employment alter column organization_id set not null`.execute(db);
}
