import { sql, type Kysely } from "kysely";

// Frozen: never edit after it has run anywhere. Add a new migration instead.
// A service people want to use (issue 15): the easy-read display mode remembered with the account; applicants
// numbered per vacancy ("求职者 07") instead of hex codes; feedback sent from any page, kept for admins; and
// messages between a seeker and their counselor.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("app_user").addColumn("easy_read", "boolean", (c) => c.notNull().defaultTo(false)).execute();

  await db.schema.alterTable("application").addColumn("number", "integer").execute();
  await sql`
    update application a set number = n.number
    from (select id, row_number() over (partition by vacancy_id order by created_at, id) as number from application) n
    where a.id = n.id`.execute(db);
  await sql`alter table application alter column number set not null`.execute(db);
  await sql`create unique index application_number_once on application (vacancy_id, number)`.execute(db);
  // Every insert gets the next number of its vacancy, whoever inserts it (the apply action, events, seeds, tests);
  // two applications racing for one number: the unique index refuses the second, which is retried by its caller.
  await sql`
    create function application_next_number() returns trigger language plpgsql as $$
    begin
      if new.number is null then
        select coalesce(max(number), 0) + 1 into new.number from application where vacancy_id = new.vacancy_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger application_number before insert on application for each row execute function application_next_number()`.execute(db);

  await db.schema
    .createTable("feedback")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('barrier','problem','suggestion','other')`))
    .addColumn("page", "text")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("contact", "text")
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("zh-CN"))
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("new").check(sql`status in ('new','answered','closed')`))
    .addColumn("response", "text")
    .addColumn("handled_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("handled_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index feedback_open on feedback (status, created_at)`.execute(db);

  await db.schema
    .createTable("message")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The thread is the seeker's: a new counselor sees what was said before.
    .addColumn("seeker_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("sender_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("read_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index message_thread on message (seeker_id, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("message").execute();
  await db.schema.dropTable("feedback").execute();
  await sql`drop trigger application_number on application`.execute(db);
  await sql`drop function application_next_number()`.execute(db);
  await sql`drop index application_number_once`.execute(db);
  await db.schema.alterTable("application").dropColumn("number").execute();
  await db.schema.alterTable("app_user").dropColumn("easy_read").execute();
}
