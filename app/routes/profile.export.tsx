import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/database";
import { pageTitle } from "~/components/meta";
import { requirePermission } from "~/domain/permissions";
import { exportPage, type ExportRecord, type ExportSection, type ExportTable, type ExportText } from "~/domain/seekers/export-view.server";
import { requireActor } from "~/http/guards.server";
import { useI18n } from "~/i18n/use-i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "accountUx.export.title");
// The page holds personal data: never cache it.
export const headers = () => ({ "Cache-Control": "no-store" });

/**
 * Everything held about the signed-in account, readable by section (PIPL art. 45), with the same content to download
 * as an XLSX workbook (/profile/export.xlsx) or as JSON (/profile/export.json). Viewing is audited like a download.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  requirePermission(actor, "read:account", { ownerId: actor.id });
  const view = await exportPage(await getDb(), actor, actor.id, context.locale, { ip: context.ip });
  return { view, isSeeker: actor.role === "seeker" };
}

/** Records shown before the rest fold into a disclosure, so long lists (notifications) do not bury what follows. */
const SHOWN = 5;

function Text({ value }: { value: ExportText }) {
  return <span lang={value.lang}>{value.text}</span>;
}

function Fields({ record }: { record: ExportRecord }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 sm:grid-cols-[minmax(0,14rem)_1fr]">
      {record.fields.map((field) => (
        <div key={field.label} className="contents">
          <dt className="font-bold">{field.label}</dt>
          <dd className="mb-2 whitespace-pre-line [overflow-wrap:anywhere] sm:mb-1">
            <Text value={field.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function RecordCard({ record }: { record: ExportRecord }) {
  return (
    <li className="card">
      {record.heading ? (
        <p className="mb-2 font-bold [overflow-wrap:anywhere]">
          <Text value={record.heading} />
        </p>
      ) : null}
      <Fields record={record} />
    </li>
  );
}

function Table({ table, sectionId }: { table: ExportTable; sectionId: string }) {
  const { t } = useI18n();
  const titleId = `${sectionId}-${table.id}-title`;
  const records = table.records;
  const body = !records.length ? (
    <p className="text-muted">{t("accountUx.export.empty")}</p>
  ) : table.layout === "record" ? (
    <div className="card">
      <Fields record={records[0]!} />
    </div>
  ) : (
    <>
      <ul className="grid gap-3">
        {records.slice(0, SHOWN).map((r, i) => (
          <RecordCard key={i} record={r} />
        ))}
      </ul>
      {records.length > SHOWN ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-bold text-link underline">{t("accountUx.export.showAll", { count: records.length - SHOWN })}</summary>
          <ul className="mt-3 grid gap-3">
            {records.slice(SHOWN).map((r, i) => (
              <RecordCard key={i} record={r} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
  return table.title ? (
    <div className="mb-6">
      <h3 id={titleId} className="mb-2 text-lg font-bold">
        {table.title}
        {table.layout === "list" ? <span className="font-normal text-muted">{t("accountUx.export.count", { count: records.length })}</span> : null}
      </h3>
      {body}
    </div>
  ) : (
    <div className="mb-6">{body}</div>
  );
}

function Section({ section }: { section: ExportSection }) {
  const { t } = useI18n();
  const single = section.tables.length === 1 && !section.tables[0]!.title ? section.tables[0]! : null;
  return (
    <section id={section.id} className="mt-8">
      <h2 className="section-title">
        {section.title}
        {single?.layout === "list" ? <span className="font-normal text-muted">{t("accountUx.export.count", { count: single.records.length })}</span> : null}
      </h2>
      {section.intro ? <p className="mb-3">{section.intro}</p> : null}
      {section.tables.map((table) => (
        <Table key={table.id} table={table} sectionId={section.id} />
      ))}
    </section>
  );
}

export default function ExportPage() {
  const { t } = useI18n();
  const { view, isSeeker } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link to={isSeeker ? "/profile" : "/account"}>
          <span aria-hidden="true">← </span>
          {t(isSeeker ? "accountUx.export.backProfile" : "accountUx.export.backAccount")}
        </Link>
      </p>
      <h1 className="page-title">{t("accountUx.export.title")}</h1>
      <p className="lead">{t("accountUx.export.lead")}</p>
      <p className="mb-6">{t("accountUx.export.asOf", { time: view.exportedAt })}</p>

      <h2 className="section-title">{t("accountUx.export.downloads")}</h2>
      <ul className="mb-4 grid gap-4">
        <li>
          <a href="/profile/export.xlsx" download className="button">
            {t("accountUx.export.xlsx")}
          </a>
          <p className="mt-1 text-muted">{t("accountUx.export.xlsx.hint")}</p>
        </li>
        <li>
          <a href="/profile/export.json" download className="button button-secondary">
            {t("accountUx.export.json")}
          </a>
          <p className="mt-1 text-muted">{t("accountUx.export.json.hint")}</p>
        </li>
      </ul>
      <p className="notice">{t("accountUx.export.masked")}</p>

      <nav aria-labelledby="export-contents-title" className="mb-6">
        <h2 id="export-contents-title" className="section-title">
          {t("accountUx.export.contents")}
        </h2>
        <ul className="grid gap-1 sm:grid-cols-2">
          {view.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      {view.sections.map((s) => (
        <Section key={s.id} section={s} />
      ))}

      <p className="mt-8">{t("accountUx.export.rights")}</p>
      <p>
        <Link to="/privacy">{t("accountUx.export.privacyLink")}</Link>
      </p>
    </div>
  );
}
