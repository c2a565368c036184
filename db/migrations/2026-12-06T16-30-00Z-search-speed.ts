import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
//
// Search speed (issue 16, docs/decisions/017). `search_generation` counts the statements that changed an index's
// table, whoever ran them: the Postgres engine keeps an in-process copy of the vacancy documents' filter and facet
// fields (search/postgres/vacancy-snapshot.ts) and uses it, and its cached facets, only while the generation it was
// read with is still the current one — so no count is older than the last committed write, from any process.
//
// One GIN index over the text, the regions and the accommodations, in place of the text's own: a text search with
// a region or accommodations is then one index scan that skips through the rarest term's entries, where a bitmap of
// every entry of each term was built and the bitmaps intersected (a common accommodation has a quarter of all
// vacancies; at four times the plan's size that was ~20 ms of a 30 ms text search). The small per-column indexes of
// regions and accommodations stay: without text the planner costs this bigger index too high and scans the table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index vacancy_search_filters_idx on vacancy_search using gin (tsv, regions, accommodations)`.execute(db);
  await sql`drop index vacancy_search_tsv_idx`.execute(db);

  await sql`
    create table search_generation (
      index_name text primary key check (index_name in ('vacancies', 'seekers')),
      generation bigint not null default 0
    )`.execute(db);
  await sql`insert into search_generation (index_name) values ('vacancies'), ('seekers')`.execute(db);
  // Once per statement (a batch of 500 documents is one bump), at the end of it, in its transaction.
  await sql`
    create function search_generation_bump() returns trigger language plpgsql as $$
    begin
      update search_generation set generation = generation + 1 where index_name = tg_argv[0];
      return null;
    end $$`.execute(db);
  await sql`
    create trigger vacancy_search_generation after insert or update or delete or truncate on vacancy_search
    for each statement execute function search_generation_bump('vacancies')`.execute(db);
  await sql`
    create trigger seeker_search_generation after insert or update or delete or truncate on seeker_search
    for each statement execute function search_generation_bump('seekers')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger seeker_search_generation on seeker_search`.execute(db);
  await sql`drop trigger vacancy_search_generation on vacancy_search`.execute(db);
  await sql`drop function search_generation_bump()`.execute(db);
  await sql`drop table search_generation`.execute(db);
  await sql`create index vacancy_search_tsv_idx on vacancy_search using gin (tsv)`.execute(db);
  await sql`drop index vacancy_search_filters_idx`.execute(db);
}
