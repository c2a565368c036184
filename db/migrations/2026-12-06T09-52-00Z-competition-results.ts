import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// Skills competitions (issue 14): a category's results are shown to the public only once its organizer publishes
// them, so results typed in one by one are never seen half done; and a rank is held once within a category.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("competition_category").addColumn("results_published_at", "timestamptz").execute();
  await sql`create unique index competition_entry_rank_once on competition_entry (category_id, rank) where rank is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index competition_entry_rank_once`.execute(db);
  await db.schema.alterTable("competition_category").dropColumn("results_published_at").execute();
}
