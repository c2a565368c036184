/**
 * The export for the national reporting (issue 18): a region's people in the documented columns of
 * app/domain/interop/columns.ts (what the import reads), with their employment records, training and services —
 * official reporting by the federation, for admins of the region (read:statistics, the plan's figures' permission).
 *
 * Who is in it: the people of the real-name registry imported into the region (registry_person) not yet linked to
 * an account, and registered seekers of the region (current region, else household region) who gave their consent to
 * sensitive data (sensitive_consent_at) and have the registry's identifying fields (name, ID and certificate numbers,
 * category and grade) — for them the profile leads, as for a linked registry row.
 *
 * XLSX: one sheet per kind (people, employment, training, services), written by exceljs' streaming writer. CSV: the
 * people file only (its columns carry the employment status, form and employer). Rows are read in batches of
 * BATCH by key, so a large region never sits in memory whole.
 *
 * Every export is audited before the file is written: one `export` row (entity national_export, entity id the
 * region, reason a JSON of format and row counts), and one `read` row per registered seeker in it (their own access
 * log shows the export), as list reads are.
 */
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import { recordAudit, recordListRead } from "../audit/audit.server";
import { COLUMNS, exportRow, type RegistryPersonValues } from "../interop/columns";
import { isWithinRegion, regionPrefix, requirePermission, type Actor } from "../permissions";
import { safeCell } from "../spreadsheet";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import type { DisabilityCategory, EmploymentForm, RegistryEmploymentStatus } from "../../../db/schema";

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const AUDIT_ENTITY = "national_export";
const BATCH = 1000;

export const PEOPLE_HEADERS = COLUMNS.map((c) => c.zh);
export const EMPLOYMENT_HEADERS = ["残疾人证号", "姓名", "就业单位", "就业形式", "合同开始日期", "合同结束日期", "终止日期", "缴纳社会保险", "月工资（元）"];
export const TRAINING_HEADERS = ["残疾人证号", "姓名", "课程", "培训类别", "状态", "结业日期"];
export const SERVICE_HEADERS = ["残疾人证号", "姓名", "服务类型", "服务日期"];

const FORM_ZH: Record<EmploymentForm, string> = {
  proportional: "按比例就业",
  concentrated: "集中就业",
  self_employed: "个体就业/自主创业",
  rural: "农村种养加",
  public_welfare: "公益性岗位",
  auxiliary: "辅助性就业",
  flexible: "灵活就业",
};

/** The region's place test for a seeker profile aliased `p`. */
function seekerInRegion(prefix: string) {
  return sql<boolean>`coalesce(p.current_region_code, p.household_region_code) like ${`${prefix}%`}`;
}

function consentedSeekers(db: DB, prefix: string) {
  return db
    .selectFrom("seeker_profile as p")
    .innerJoin("app_user as u", "u.id", "p.user_id")
    .where("p.sensitive_consent_at", "is not", null)
    .where("p.certificate_number", "is not", null)
    .where("p.id_number", "is not", null)
    .where("p.real_name", "is not", null)
    .where("p.disability_category", "is not", null)
    .where("p.disability_grade", "is not", null)
    .where(seekerInRegion(prefix));
}

function registryPeople(db: DB, prefix: string) {
  return db.selectFrom("registry_person as r").where("r.user_id", "is", null).where("r.region_code", "like", `${prefix}%`);
}

export interface ExportCounts {
  registry: number;
  seekers: number;
  employment: number;
  training: number;
  services: number;
}

export async function exportCounts(db: DB, regionCode: string): Promise<ExportCounts> {
  const prefix = regionPrefix(regionCode);
  const n = (r: { n: string | number | bigint } | undefined) => Number(r?.n ?? 0);
  const registry = n(await registryPeople(db, prefix).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst());
  const seekers = n(await consentedSeekers(db, prefix).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst());
  const ids = consentedSeekers(db, prefix).select("p.user_id");
  const employment = n(await db.selectFrom("employment").where("seeker_id", "in", ids).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst());
  const training = n(await db.selectFrom("course_enrolment").where("seeker_id", "in", ids).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst());
  const services = n(await db.selectFrom("service_record").where("seeker_id", "in", ids).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst());
  return { registry, seekers, employment, training, services };
}

/** Registry people, then consented seekers, as the documented columns' values; in batches by key. */
async function* people(db: DB, prefix: string, today: string): AsyncGenerator<{ values: RegistryPersonValues; userId: string | null }> {
  let after = "";
  for (;;) {
    const rows = await registryPeople(db, prefix).selectAll("r").where("r.certificate_number", ">", after).orderBy("r.certificate_number").limit(BATCH).execute();
    for (const r of rows) {
      yield {
        userId: null,
        values: {
          real_name: r.real_name,
          certificate_number: r.certificate_number,
          id_number: r.id_number,
          gender: r.gender,
          birth_date: r.birth_date ? String(r.birth_date).slice(0, 10) : null,
          disability_category: r.disability_category,
          disability_grade: r.disability_grade,
          region_code: r.region_code,
          residence: r.residence,
          education: r.education,
          employment_status: r.employment_status,
          employment_form: r.employment_form,
          employer_name: r.employer_name,
          training: r.training,
          needs: r.needs ?? [],
          phone: r.phone,
        },
      };
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.certificate_number;
  }
  let afterId = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await consentedSeekers(db, prefix)
      .select([
        "p.user_id",
        "p.real_name",
        "p.certificate_number",
        "p.id_number",
        "p.gender",
        "p.birth_date",
        "p.disability_category",
        "p.disability_grade",
        "p.residence",
        "p.education",
        "p.needs_required",
        "u.phone",
        sql<string>`coalesce(p.current_region_code, p.household_region_code)`.as("region_code"),
        // The job held today, if any: the latest started, not ended, not past its contract end.
        sql<{ form: EmploymentForm; employer: string | null } | null>`(select json_build_object('form', e.form, 'employer', coalesce(o.name, e.employer_name))
          from employment e left join organization o on o.id = e.organization_id
          where e.seeker_id = p.user_id and e.contract_start <= ${today}::date and (e.ended_on is null or e.ended_on > ${today}::date)
            and (e.contract_end is null or e.contract_end >= ${today}::date)
          order by e.contract_start desc limit 1)`.as("job"),
        sql<string | null>`(select string_agg(c.title, '；' order by ce.completed_on) from course_enrolment ce join course c on c.id = ce.course_id
          where ce.seeker_id = p.user_id and ce.status = 'completed')`.as("courses"),
      ])
      .where("p.user_id", ">", afterId)
      .orderBy("p.user_id")
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const job = typeof r.job === "string" ? (JSON.parse(r.job) as { form: EmploymentForm; employer: string | null }) : r.job;
      yield {
        userId: r.user_id,
        values: {
          real_name: r.real_name!,
          certificate_number: r.certificate_number!,
          id_number: r.id_number!,
          gender: r.gender,
          birth_date: r.birth_date ? String(r.birth_date).slice(0, 10) : null,
          disability_category: r.disability_category as DisabilityCategory,
          disability_grade: r.disability_grade!,
          region_code: r.region_code,
          residence: r.residence,
          education: r.education,
          employment_status: (job ? "employed" : "unemployed") as RegistryEmploymentStatus,
          employment_form: job?.form ?? null,
          employer_name: job?.employer ?? null,
          training: r.courses,
          needs: r.needs_required ?? [],
          phone: r.phone,
        },
      };
    }
    if (rows.length < BATCH) break;
    afterId = rows[rows.length - 1]!.user_id;
  }
}

/** The seekers' records of one kind, in batches by key. */
async function* records(db: DB, prefix: string, kind: "employment" | "training" | "services"): AsyncGenerator<(string | number)[]> {
  let after = "00000000-0000-0000-0000-000000000000";
  const d = (v: unknown) => (v ? String(v instanceof Date ? v.toISOString() : v).slice(0, 10) : "");
  for (;;) {
    const base = consentedSeekers(db, prefix).select(["p.certificate_number", "p.real_name"]);
    let rows: { id: string; cells: (string | number)[] }[];
    if (kind === "employment") {
      const r = await base
        .innerJoin("employment as e", "e.seeker_id", "p.user_id")
        .leftJoin("organization as o", "o.id", "e.organization_id")
        .select(["e.id", "e.form", "e.contract_start", "e.contract_end", "e.ended_on", "e.social_insurance", "e.monthly_pay", sql<string | null>`coalesce(o.name, e.employer_name)`.as("employer")])
        .where("e.id", ">", after)
        .orderBy("e.id")
        .limit(BATCH)
        .execute();
      rows = r.map((x) => ({
        id: x.id,
        cells: [x.certificate_number!, x.real_name!, x.employer ?? "", FORM_ZH[x.form] ?? x.form, d(x.contract_start), d(x.contract_end), d(x.ended_on), x.social_insurance ? "是" : "否", x.monthly_pay],
      }));
    } else if (kind === "training") {
      const r = await base
        .innerJoin("course_enrolment as ce", "ce.seeker_id", "p.user_id")
        .innerJoin("course as c", "c.id", "ce.course_id")
        .select(["ce.id", "c.title", "c.kind", "ce.status", "ce.completed_on"])
        .where("ce.id", ">", after)
        .orderBy("ce.id")
        .limit(BATCH)
        .execute();
      rows = r.map((x) => ({ id: x.id, cells: [x.certificate_number!, x.real_name!, x.title, x.kind, x.status, d(x.completed_on)] }));
    } else {
      const r = await base
        .innerJoin("service_record as s", "s.seeker_id", "p.user_id")
        .select(["s.id", "s.type", "s.service_date"])
        .where("s.id", ">", after)
        .orderBy("s.id")
        .limit(BATCH)
        .execute();
      rows = r.map((x) => ({ id: x.id, cells: [x.certificate_number!, x.real_name!, x.type, d(x.service_date)] }));
    }
    for (const r of rows) yield r.cells.map((c) => safeCell(c));
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.id;
  }
}

export interface NationalExport {
  fileName: string;
  contentType: string;
  counts: ExportCounts;
  /** The file, written as it is read. */
  body: ReadableStream<Uint8Array>;
}

/**
 * Checks the admin's permission for the region (404 otherwise), audits the export, then returns the file as a
 * stream. `regionCode` must be a division within the admin's own region.
 */
export async function nationalExport(db: DB, actor: Actor, input: { regionCode: string; format: ExportFormat; ip?: string | null }): Promise<NationalExport> {
  requirePermission(actor, "read:statistics", { regionCode: input.regionCode });
  if (!isWithinRegion(actor.regionCode, input.regionCode)) throw new Response("Not Found", { status: 404 });
  const prefix = regionPrefix(input.regionCode);
  const counts = await exportCounts(db, input.regionCode);
  const seekerIds = (await consentedSeekers(db, prefix).select("p.user_id").execute()).map((r) => r.user_id);
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, {
      actorId: actor.id,
      subjectUserId: null,
      action: "export",
      entity: AUDIT_ENTITY,
      entityId: input.regionCode,
      reason: JSON.stringify({ format: input.format, people: counts.registry + counts.seekers, ...counts }),
      ip: input.ip ?? null,
    });
    for (let i = 0; i < seekerIds.length; i += BATCH) {
      await recordListRead(trx, { actorId: actor.id, subjectUserIds: seekerIds.slice(i, i + BATCH), entity: AUDIT_ENTITY, entityId: input.regionCode, reason: "national_reporting", ip: input.ip });
    }
  });
  const today = todayInShanghai();
  const stamp = `${input.regionCode}-${today}`;
  if (input.format === "csv") {
    const body = Readable.from(bytes(csvLines(db, prefix, today)));
    return { fileName: `national-export-${stamp}.csv`, contentType: "text/csv; charset=utf-8", counts, body: Readable.toWeb(body) as ReadableStream<Uint8Array> };
  }
  const out = new PassThrough();
  void writeXlsx(db, prefix, today, out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return {
    fileName: `national-export-${stamp}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    counts,
    body: Readable.toWeb(out) as ReadableStream<Uint8Array>,
  };
}

async function* bytes(lines: AsyncGenerator<string>): AsyncGenerator<Buffer> {
  for await (const l of lines) yield Buffer.from(l, "utf8");
}

function csvField(v: string | number): string {
  const s = String(safeCell(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The people file: UTF-8 with a byte-order mark, the documented Chinese headers, one row per person. */
async function* csvLines(db: DB, prefix: string, today: string): AsyncGenerator<string> {
  yield `\uFEFF${PEOPLE_HEADERS.map(csvField).join(",")}\r\n`;
  let chunk: string[] = [];
  for await (const p of people(db, prefix, today)) {
    chunk.push(exportRow(p.values).map(csvField).join(","));
    if (chunk.length >= 200) {
      yield `${chunk.join("\r\n")}\r\n`;
      chunk = [];
    }
  }
  if (chunk.length) yield `${chunk.join("\r\n")}\r\n`;
}

async function writeXlsx(db: DB, prefix: string, today: string, out: PassThrough): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  book.creator = "黔程 Qiancheng";
  const sheet = (name: string, headers: string[]) => {
    const s = book.addWorksheet(name);
    s.addRow(headers).commit();
    return s;
  };
  const ppl = sheet("人员 People", PEOPLE_HEADERS);
  for await (const p of people(db, prefix, today)) ppl.addRow(exportRow(p.values).map((c) => safeCell(c))).commit();
  ppl.commit();
  for (const [name, headers, kind] of [
    ["就业记录 Employment", EMPLOYMENT_HEADERS, "employment"],
    ["培训 Training", TRAINING_HEADERS, "training"],
    ["服务 Services", SERVICE_HEADERS, "services"],
  ] as const) {
    const s = sheet(name, [...headers]);
    for await (const cells of records(db, prefix, kind)) s.addRow(cells).commit();
    s.commit();
  }
  await book.commit();
}

export interface RecentExport {
  at: Date;
  actorName: string | null;
  regionCode: string;
  regionName: string | null;
  format: string;
  people: number;
}

/** The exports of regions within the admin's own, newest first (from the audit log). */
export async function recentExports(db: DB, actor: Actor, limit = 20): Promise<RecentExport[]> {
  requirePermission(actor, "read:statistics", { regionCode: actor.regionCode });
  const rows = await db
    .selectFrom("audit_event as a")
    .leftJoin("app_user as u", "u.id", "a.actor_id")
    .leftJoin("division as d", "d.code", "a.entity_id")
    .select(["a.at", "u.display_name", "a.entity_id", "d.name", "a.reason"])
    .where("a.entity", "=", AUDIT_ENTITY)
    .where("a.action", "=", "export")
    .where("a.entity_id", "like", `${regionPrefix(actor.regionCode!)}%`)
    .orderBy("a.at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => {
    let info: { format?: string; people?: number } = {};
    try {
      info = JSON.parse(r.reason ?? "{}") as typeof info;
    } catch {
      info = {};
    }
    return { at: r.at, actorName: r.display_name, regionCode: r.entity_id ?? "", regionName: r.name, format: info.format ?? "", people: info.people ?? 0 };
  });
}
