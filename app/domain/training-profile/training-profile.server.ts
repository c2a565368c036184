/**
 * Training on the profile and in matching (issue 14): the seeker's training certificates and which of them are
 * shown, and the certificate names matching counts for a seeker. Certificates are recorded by app/domain/training.
 */
import type { DB } from "../../../db/database";
import type { CertificateKind } from "../../../db/schema";
import type { Result } from "../accounts/accounts.server";
import { requirePermission, type Actor } from "../permissions";
import type { CertificateVisibilityInput } from "./training-profile.schema";

export interface OwnCertificate {
  id: string;
  kind: CertificateKind;
  name: string;
  level: string | null;
  issuer: string;
  issuedOn: string;
  shown: boolean;
}

/**
 * The seeker's own training certificates, newest first. The certificate number is not part of it: the profile
 * page has no use for it, and a number shown nowhere cannot leak from it.
 */
export async function listOwnCertificates(db: DB, actor: Actor): Promise<OwnCertificate[]> {
  requirePermission(actor, "read:seeker_profile", { ownerId: actor.id });
  const rows = await db
    .selectFrom("training_certificate")
    .select(["id", "kind", "name", "level", "issuer", "issued_on", "show_on_profile"])
    .where("seeker_id", "=", actor.id)
    .orderBy("issued_on", "desc")
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, level: r.level, issuer: r.issuer, issuedOn: r.issued_on, shown: r.show_on_profile }));
}

/**
 * Which of the seeker's certificates are shown on their profile (and so count for matching): exactly those ticked.
 * An id that is not one of the seeker's own certificates is refused as a whole, so nothing is saved half.
 */
export async function setShownCertificates(db: DB, actor: Actor, input: CertificateVisibilityInput): Promise<Result<{ shown: number }>> {
  requirePermission(actor, "update:seeker_profile", { ownerId: actor.id });
  return db.transaction().execute(async (trx) => {
    const own = await trx.selectFrom("training_certificate").select("id").where("seeker_id", "=", actor.id).forUpdate().execute();
    const ownIds = new Set(own.map((r) => r.id));
    if (input.shown.some((id) => !ownIds.has(id))) return { ok: false as const, fieldErrors: { shown: ["trainingProfile.err.unknownCertificate"] } };
    const shown = new Set(input.shown);
    for (const id of ownIds) {
      await trx.updateTable("training_certificate").set({ show_on_profile: shown.has(id) }).where("id", "=", id).execute();
    }
    return { ok: true as const, value: { shown: shown.size } };
  });
}

/**
 * The names of the training certificates each seeker shows on their profile — what matching counts as theirs
 * beside the certificates they typed themselves. No access check: callers (the matching use-cases) check first.
 */
export async function shownCertificateNames(db: DB, seekerIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!seekerIds.length) return out;
  const rows = await db
    .selectFrom("training_certificate")
    .select(["seeker_id", "name"])
    .where("seeker_id", "in", [...new Set(seekerIds)])
    .where("show_on_profile", "=", true)
    .orderBy("issued_on")
    .execute();
  for (const r of rows) {
    const list = out.get(r.seeker_id) ?? [];
    if (!list.includes(r.name)) list.push(r.name);
    out.set(r.seeker_id, list);
  }
  return out;
}
