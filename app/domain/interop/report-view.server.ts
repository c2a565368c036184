/**
 * The dry-run report as the admin's page shows it (issue 18): one page of a run's problems, each value masked where
 * it is (or looks like) an identity number or a phone number — the report is kept whole in the database, but a page
 * never echoes an ID or certificate number in full.
 */
import type { ImportProblem } from "../../../db/schema";
import { maskContact, maskIdentifier } from "../identity";
import { columnForHeader } from "./columns";
import { maskCertificateNumber } from "./registry.server";

export const PROBLEMS_PAGE_SIZE = 50;

/** A long run of digits (with an X check character) anywhere in a value: an identity number in the wrong column. */
const NUMBER_RUN = /[0-9]{6,}[0-9Xx]*/g;

/** A problem's value as it may be shown: identity and phone columns masked, long digit runs elsewhere masked too. */
export function maskProblemValue(column: string | null, value: string | undefined | null): string | null {
  if (value == null || value === "") return null;
  const v = String(value).slice(0, 200);
  // A row number or a limit (duplicates name the earlier row): nobody's number.
  if (/^\d{1,6}$/.test(v)) return v;
  const key = column ? columnForHeader(column) : null;
  if (key === "certificate_number") return maskCertificateNumber(v.trim());
  if (key === "id_number") return maskIdentifier(v.trim());
  if (key === "phone") return v.trim().length >= 7 ? maskContact({ phone: v.trim(), email: null }) : "*".repeat(v.trim().length);
  return v.replace(NUMBER_RUN, (run) => (run.length >= 15 ? (run.length === 20 ? maskCertificateNumber(run) : (maskIdentifier(run) ?? run)) : run));
}

export interface ReportPage {
  problems: { row: number; column: string | null; code: string; value: string | null }[];
  page: number;
  pageCount: number;
}

/** One page of the problems a run's detail carries (the first PROBLEMS_SHOWN of them), values masked. */
export function reportPage(problems: readonly ImportProblem[], requestedPage: number): ReportPage {
  const pageCount = Math.max(1, Math.ceil(problems.length / PROBLEMS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Number.isInteger(requestedPage) ? requestedPage : 1), pageCount);
  return {
    page,
    pageCount,
    problems: problems
      .slice((page - 1) * PROBLEMS_PAGE_SIZE, page * PROBLEMS_PAGE_SIZE)
      .map((p) => ({ row: p.row, column: p.column, code: p.code, value: maskProblemValue(p.column, p.value) })),
  };
}
