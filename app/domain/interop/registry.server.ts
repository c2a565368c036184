/**
 * The people of the national real-name system imported here (issue 18) who have no account yet, as counselors and
 * admins of their region see them on the assignment page. They are not seekers: nobody has asked them, so they are
 * never contacted, matched or assigned from here — they are shown so the region's staff know who is there.
 *
 * What is shown follows the rules for lists of people (decisions 007 and 012): a name, the place, employment status
 * and form, and the needs the file recorded; never disability category or grade, and the certificate number only
 * masked (maskCertificateNumber). Each page is a read of the people on it, audited one row per person shown.
 */
import type { DB } from "../../../db/database";
import type { EmploymentForm, RegistryEmploymentStatus } from "../../../db/schema";
import { maskIdentifier } from "../identity";
import { isWithinRegion, regionPrefix, requirePermission, type Actor } from "../permissions";

export const REGISTRY_PAGE_SIZE = 20;

export interface UnregisteredPerson {
  id: string;
  name: string;
  /** The certificate number with everything but its first four and its ID part's last four characters hidden. */
  certificateMasked: string;
  regionCode: string;
  regionName: string | null;
  employmentStatus: RegistryEmploymentStatus;
  employmentForm: EmploymentForm | null;
  needs: string[];
}

export interface UnregisteredPeoplePage {
  items: UnregisteredPerson[];
  total: number;
  page: number;
  pageCount: number;
  /** The county filter in force (a county within the actor's region), or null for the whole region. */
  county: string | null;
  /** Counties within the actor's region, for the filter. */
  counties: { code: string; name: string }[];
}

/**
 * A 残疾人证号 is the 18-character ID number followed by the category and grade digits, so the usual mask (last four
 * shown) would show the disability: the last two characters are hidden too. 52030219900101123X21 → 5203**********123X**.
 */
export function maskCertificateNumber(value: string): string {
  if (value.length === 20) return `${maskIdentifier(value.slice(0, 18))}**`;
  return maskIdentifier(value) ?? "";
}

/**
 * One page of the actor's region's imported people without an account (`user_id` null), newest import first,
 * optionally within one county of the region. A county outside the region (or not a county) is ignored: the list
 * is then the whole region's. Only staff who may assign within their region see it (counselors and admins).
 */
export async function unregisteredPeople(
  db: DB,
  actor: Actor,
  options: { county?: string | null; page?: number; ip?: string | null } = {},
): Promise<UnregisteredPeoplePage> {
  requirePermission(actor, "assign:caseload", { regionCode: actor.regionCode });
  const scope = actor.regionCode!;
  const counties = (
    await db
      .selectFrom("division")
      .select(["code", "name"])
      .where("level", "=", "county")
      .where("code", "like", `${regionPrefix(scope)}%`)
      .orderBy("code")
      .execute()
  ).map((d) => ({ code: d.code, name: d.name }));
  const county = options.county && counties.some((c) => c.code === options.county) && isWithinRegion(scope, options.county) ? options.county : null;
  const base = db
    .selectFrom("registry_person as r")
    .where("r.user_id", "is", null)
    .where("r.region_code", "like", `${regionPrefix(county ?? scope)}%`);
  const count = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const total = Number(count.n);
  const pageCount = Math.max(1, Math.ceil(total / REGISTRY_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount);
  const rows = await base
    .leftJoin("division as d", "d.code", "r.region_code")
    .select([
      "r.id",
      "r.real_name",
      "r.certificate_number",
      "r.region_code",
      "d.name as region_name",
      "r.employment_status",
      "r.employment_form",
      "r.needs",
    ])
    .orderBy("r.updated_at", "desc")
    .orderBy("r.id")
    .limit(REGISTRY_PAGE_SIZE)
    .offset((page - 1) * REGISTRY_PAGE_SIZE)
    .execute();
  await recordRegistryListRead(db, actor, rows.map((r) => r.id), scope, options.ip ?? null);
  return {
    total,
    page,
    pageCount,
    county,
    counties,
    items: rows.map((r) => ({
      id: r.id,
      name: r.real_name,
      certificateMasked: maskCertificateNumber(r.certificate_number),
      regionCode: r.region_code,
      regionName: r.region_name,
      employmentStatus: r.employment_status,
      employmentForm: r.employment_form,
      needs: r.needs ?? [],
    })),
  };
}

/**
 * The read of a page of registry people, one audit row per person shown (as recordListRead does for accounts).
 * These people have no account, so `subject_user_id` cannot name them (recordListRead skips rows without one):
 * each row names the person by `entity` registry_person and their id, and the list it was part of in `reason`.
 * When one of them registers and is linked, their registry id leads to these rows.
 */
async function recordRegistryListRead(db: DB, actor: Actor, personIds: readonly string[], scope: string, ip: string | null): Promise<void> {
  if (!personIds.length) return;
  await db
    .insertInto("audit_event")
    .values(
      personIds.map((id) => ({
        actor_id: actor.id,
        subject_user_id: null,
        action: "read",
        entity: "registry_person",
        entity_id: id,
        reason: `assignment page: unregistered people of ${scope}`,
        ip,
      })),
    )
    .execute();
}
