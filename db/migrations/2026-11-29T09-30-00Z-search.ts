import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
//
// Search (design §3): the Postgres engine's two document tables, the outbox that feeds every engine, and the
// triggers that write an outbox row in the same transaction as any change to a searchable thing. Triggers (not
// calls in each use-case) so that no write path — a use-case, the seed, a console fix — can forget to enqueue.
// Invitations to apply (an employer inviting a discoverable seeker) arrive here too.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table search_outbox (
      id bigserial primary key,
      index_name text not null check (index_name in ('vacancies', 'seekers')),
      entity_id uuid not null,
      claimed_until timestamptz,
      attempts integer not null default 0,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create function search_enqueue_vacancy() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        insert into search_outbox (index_name, entity_id) values ('vacancies', old.id);
      else
        insert into search_outbox (index_name, entity_id) values ('vacancies', new.id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger vacancy_search_outbox after insert or update or delete on vacancy
    for each row execute function search_enqueue_vacancy()`.execute(db);

  // A vacancy's document carries its organization's name and depends on its verification.
  await sql`
    create function search_enqueue_organization() returns trigger language plpgsql as $$
    begin
      if new.name is distinct from old.name or new.status is distinct from old.status then
        insert into search_outbox (index_name, entity_id)
          select 'vacancies', v.id from vacancy v where v.organization_id = new.id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger organization_search_outbox after update on organization
    for each row execute function search_enqueue_organization()`.execute(db);

  await sql`
    create function search_enqueue_seeker() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        insert into search_outbox (index_name, entity_id) values ('seekers', old.user_id);
      else
        insert into search_outbox (index_name, entity_id) values ('seekers', new.user_id);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger seeker_search_outbox after insert or update or delete on seeker_profile
    for each row execute function search_enqueue_seeker()`.execute(db);

  await sql`
    create table vacancy_search (
      vacancy_id uuid primary key,
      organization_id uuid not null,
      tsv tsvector not null,
      regions text[] not null,
      accommodations text[] not null,
      demands text[] not null,
      employment_type text not null,
      education_rank integer not null,
      remote boolean not null,
      quota_eligible boolean not null,
      pay_min integer not null,
      pay_max integer not null,
      closing_date date,
      published_at timestamptz
    )`.execute(db);
  await sql`create index vacancy_search_tsv_idx on vacancy_search using gin (tsv)`.execute(db);
  await sql`create index vacancy_search_regions_idx on vacancy_search using gin (regions)`.execute(db);
  await sql`create index vacancy_search_acc_idx on vacancy_search using gin (accommodations)`.execute(db);
  await sql`create index vacancy_search_published_idx on vacancy_search (published_at desc, vacancy_id desc)`.execute(db);
  await sql`create index vacancy_search_pay_idx on vacancy_search (pay_max desc, vacancy_id desc)`.execute(db);

  await sql`
    create table seeker_search (
      user_id uuid primary key,
      tsv tsvector not null,
      region_code text,
      reach text[] not null,
      wants_remote boolean not null,
      needs text[] not null,
      needs_preferred text[] not null,
      limits text[] not null,
      skills text[] not null,
      education text,
      education_rank integer not null,
      graduation_year integer,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index seeker_search_tsv_idx on seeker_search using gin (tsv)`.execute(db);
  await sql`create index seeker_search_reach_idx on seeker_search using gin (reach)`.execute(db);
  await sql`create index seeker_search_updated_idx on seeker_search (updated_at desc, user_id desc)`.execute(db);

  await db.schema
    .createTable("vacancy_invitation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("vacancy_id", "uuid", (c) => c.notNull().references("vacancy.id").onDelete("cascade"))
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("invited_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("message", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending','accepted','declined')`))
    .addColumn("application_id", "uuid", (c) => c.references("application.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("responded_at", "timestamptz")
    .addUniqueConstraint("vacancy_invitation_once", ["vacancy_id", "seeker_id"])
    .execute();
  await db.schema.createIndex("vacancy_invitation_seeker_idx").on("vacancy_invitation").columns(["seeker_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("vacancy_invitation").execute();
  await sql`drop table seeker_search`.execute(db);
  await sql`drop table vacancy_search`.execute(db);
  await sql`drop trigger seeker_search_outbox on seeker_profile`.execute(db);
  await sql`drop trigger organization_search_outbox on organization`.execute(db);
  await sql`drop trigger vacancy_search_outbox on vacancy`.execute(db);
  await sql`drop function search_enqueue_seeker()`.execute(db);
  await sql`drop function search_enqueue_organization()`.execute(db);
  await sql`drop function search_enqueue_vacancy()`.execute(db);
  await sql`drop table search_outbox`.execute(db);
}
