import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
//
// Quota and levy (design §6, quota-rules.md): rule parameters set by the federation, the employer's inputs for the
// live position, annual declarations with their disabled employees, and the public disclosure with objections.
// Figures that must stay exact (staff averages, ratios, salaries) are stored as numeric, never float.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rule_parameter")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`name in ('ratio','local_average_wage','minimum_wage')`))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("value", sql`numeric(14,4)`, (c) => c.notNull().check(sql`value >= 0`))
    .addColumn("note", "text")
    .addColumn("set_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("set_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("rule_parameter_name_year", ["name", "year"])
    .execute();

  await db.schema
    .createTable("quota_position_input")
    .addColumn("organization_id", "uuid", (c) => c.primaryKey().references("organization.id").onDelete("cascade"))
    .addColumn("staff_count", sql`numeric(12,4)`)
    .addColumn("average_salary", sql`numeric(14,2)`)
    .addColumn("updated_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("quota_declaration")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("levy_year", "integer", (c) => c.notNull())
    .addColumn("monthly_staff", sql`integer[]`, (c) => c.notNull().check(sql`cardinality(monthly_staff) = 12`))
    .addColumn("salary_total", sql`numeric(16,2)`, (c) => c.notNull().check(sql`salary_total >= 0`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','submitted','approved','returned')`))
    .addColumn("return_reason", "text")
    .addColumn("result", "jsonb")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("reviewed_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("reviewed_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("quota_declaration_once", ["organization_id", "levy_year"])
    .execute();
  await db.schema.createIndex("quota_declaration_status_idx").on("quota_declaration").columns(["levy_year", "status"]).execute();

  await db.schema
    .createTable("quota_declaration_employee")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("declaration_id", "uuid", (c) => c.notNull().references("quota_declaration.id").onDelete("cascade"))
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('disabled','veteran')`))
    .addColumn("certificate_number", "text", (c) => c.notNull())
    .addColumn("grade", "smallint", (c) => c.notNull().check(sql`grade between 1 and 8`))
    .addColumn("contract_start", "date", (c) => c.notNull())
    .addColumn("contract_end", "date")
    .addColumn("insurance_months", "smallint", (c) => c.notNull().check(sql`insurance_months between 1 and 12`))
    .addColumn("monthly_pay", "integer", (c) => c.notNull().check(sql`monthly_pay >= 0`))
    .addColumn("employment_id", "uuid", (c) => c.references("employment.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("quota_declaration_employee_decl_idx").on("quota_declaration_employee").column("declaration_id").execute();
  await db.schema.createIndex("quota_declaration_employee_cert_idx").on("quota_declaration_employee").column("certificate_number").execute();

  await db.schema
    .createTable("quota_disclosure")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("levy_year", "integer", (c) => c.notNull().unique())
    .addColumn("published_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("objections_until", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("quota_disclosure_entry")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("disclosure_id", "uuid", (c) => c.notNull().references("quota_disclosure.id").onDelete("cascade"))
    .addColumn("declaration_id", "uuid", (c) => c.references("quota_declaration.id").onDelete("set null"))
    .addColumn("organization_id", "uuid", (c) => c.references("organization.id").onDelete("set null"))
    .addColumn("organization_name", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("staff_count", "text", (c) => c.notNull())
    .addColumn("required_count", "text", (c) => c.notNull())
    .addColumn("counted_disabled", "text", (c) => c.notNull())
    .addColumn("met", "boolean", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("quota_disclosure_entry_disclosure_idx").on("quota_disclosure_entry").column("disclosure_id").execute();

  await db.schema
    .createTable("quota_objection")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("entry_id", "uuid", (c) => c.notNull().references("quota_disclosure_entry.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open','upheld','dismissed')`))
    .addColumn("resolution", "text")
    .addColumn("resolved_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("resolved_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("quota_objection_entry_idx").on("quota_objection").columns(["entry_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["quota_objection", "quota_disclosure_entry", "quota_disclosure", "quota_declaration_employee", "quota_declaration", "quota_position_input", "rule_parameter"]) {
    await db.schema.dropTable(t).execute();
  }
}
