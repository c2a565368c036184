import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// Working with the systems that already exist (issue 18): people of the national real-name system imported from its
// files (not accounts: nobody is made discoverable or contacted until they register and consent), each import's run
// with its dry-run report and progress, and the partner API's tokens.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("import_run")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("file_name", "text", (c) => c.notNull())
    // Where the uploaded file is kept until the import ends (the CLI: the path it was given).
    .addColumn("file_path", "text", (c) => c.notNull())
    .addColumn("file_sha256", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull().check(sql`format in ('csv','xlsx')`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("checking").check(sql`status in ('checking','checked','importing','completed','failed','cancelled')`))
    .addColumn("total_rows", "integer", (c) => c.notNull().defaultTo(0))
    // Rows done so far (an interrupted import resumes after the last committed batch).
    .addColumn("done_rows", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("unchanged_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("rejected_count", "integer", (c) => c.notNull().defaultTo(0))
    // The dry run's problems: [{ row, column, code, value? }].
    .addColumn("report", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("started_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("registry_person")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("certificate_number", "text", (c) => c.notNull().unique())
    .addColumn("id_number", "text", (c) => c.notNull())
    .addColumn("real_name", "text", (c) => c.notNull())
    .addColumn("gender", "text", (c) => c.check(sql`gender in ('male','female')`))
    .addColumn("birth_date", "date")
    .addColumn("disability_category", "text", (c) => c.notNull())
    .addColumn("disability_grade", "integer", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull().references("division.code"))
    .addColumn("residence", "text", (c) => c.check(sql`residence in ('urban','rural')`))
    .addColumn("education", "text")
    .addColumn("employment_status", "text", (c) => c.notNull().check(sql`employment_status in ('employed','unemployed','student','unable','retired')`))
    .addColumn("employment_form", "text")
    .addColumn("employer_name", "text")
    .addColumn("training", "text")
    .addColumn("needs", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("phone", "text")
    // SHA-256 of the row's normalized values: a second import of the same row changes nothing.
    .addColumn("row_hash", "text", (c) => c.notNull())
    .addColumn("import_run_id", "uuid", (c) => c.references("import_run.id").onDelete("set null"))
    // Set when a registered seeker with this certificate number has consented: from then on the profile leads.
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index registry_person_region on registry_person (region_code)`.execute(db);
  await sql`create index registry_person_id_number on registry_person (id_number)`.execute(db);

  await db.schema
    .createTable("api_token")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    // SHA-256 of the token, hex: the token itself is shown once, at creation.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    // 'vacancies:read', 'events:read', 'statistics:read'.
    .addColumn("scopes", sql`text[]`, (c) => c.notNull())
    // Statistics are read for this region (and the divisions under it) only; null: the whole province.
    .addColumn("region_code", "text", (c) => c.references("division.code"))
    .addColumn("rate_limit_per_minute", "integer", (c) => c.notNull().defaultTo(60))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .addColumn("last_used_at", "timestamptz")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["api_token", "registry_person", "import_run"]) await db.schema.dropTable(t).execute();
}
