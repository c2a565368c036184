import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// Objections to the quota disclosure (issue 12, decision 010): one open objection per person and entry, held by a
// partial unique index so that two submissions at once cannot both be kept; and an index for counting one person's
// objections of the last day (the rate limit).
export async function up(db: Kysely<any>): Promise<void> {
  // Repeated open objections filed before this rule: the earliest stays open, the later ones are closed as repeats
  // (the index could not be built over them).
  await sql`
    update quota_objection x
       set status = 'dismissed',
           resolution = '重复的异议：同一人对同一单位已有一条待处理的异议（系统合并） / Repeated objection: the same person already had an open objection to this entry (merged by the system)',
           resolved_at = now()
     where x.status = 'open'
       and x.user_id is not null
       and exists (
             select 1 from quota_objection y
              where y.entry_id = x.entry_id
                and y.user_id = x.user_id
                and y.status = 'open'
                and (y.created_at, y.id) < (x.created_at, x.id))`.execute(db);
  await sql`create unique index quota_objection_open_once on quota_objection (entry_id, user_id) where status = 'open'`.execute(db);
  await db.schema.createIndex("quota_objection_user_recent_idx").on("quota_objection").columns(["user_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("quota_objection_user_recent_idx").execute();
  await sql`drop index quota_objection_open_once`.execute(db);
}
