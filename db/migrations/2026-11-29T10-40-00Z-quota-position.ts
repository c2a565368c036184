import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
//
// The disabled employees an employer declares by hand on its quota page (issue 5): people who are not on the platform's
// employment records but count toward the live quota position. Only what the count needs is kept — kind, grade and
// contract dates, with an optional note (a staff number); names and certificate numbers belong to the annual
// declaration, not here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("quota_position_employee")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('disabled','veteran')`))
    .addColumn("grade", "smallint", (c) => c.notNull().check(sql`grade between 1 and 8`))
    .addColumn("contract_start", "date", (c) => c.notNull())
    .addColumn("contract_end", "date")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("quota_position_employee_contract_order", sql`contract_end is null or contract_end >= contract_start`)
    .addCheckConstraint("quota_position_employee_grade_kind", sql`kind = 'veteran' or grade <= 4`)
    .execute();
  await db.schema.createIndex("quota_position_employee_org_idx").on("quota_position_employee").column("organization_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("quota_position_employee").execute();
}
