/**
 * Courses that fit the people on a counselor's caseload (issue 14: "counselors see courses that fit the needs and place
 * of the people on their caseload"). Courses belong to app/domain/training, read through its listPublishedCourses.
 */
import { sql } from "kysely";
import type { DB } from "../../../db/database";
import type { TrainingKind } from "../../../db/schema";
import { recordListRead } from "../audit/audit.server";
import { notFound } from "../ids";
import { hasPermission, type Actor } from "../permissions";
import { TRAINING_KINDS } from "../realname/verification.schema";
import { listPublishedCourses } from "../training/courses.server";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { placeName } from "../vacancies/vacancies.server";


export interface FittingCourse {
  id: string;
  title: string;
  kind: TrainingKind;
  startsOn: string;
  endsOn: string;
  online: boolean;
  place: string;
}

export interface PersonCourses {
  seekerId: string;
  name: string;
  needs: TrainingKind[];
  /** The person's prefecture ("520100"), or null when the profile does not say where they live. */
  prefectureCode: string | null;
  place: string | null;
  courses: FittingCourse[];
}

/**
 * For each person on the counselor's own caseload who has said what training they want (on their profile or at the
 * real-name check), the published courses of those kinds still running: in the person's prefecture, or online.
 * Counselors only (404 to anyone else). The page names people with what they want to learn, so the read is
 * audited like the caseload: one row per person shown.
 */
export async function coursesForCaseload(db: DB, actor: Actor, options: { now?: Date; ip?: string | null } = {}): Promise<PersonCourses[]> {
  if (!hasPermission(actor, "update:caseload") || !hasPermission(actor, "read:course")) notFound();
  const people = await db
    .selectFrom("caseload_assignment as a")
    .innerJoin("app_user as u", "u.id", "a.seeker_id")
    .innerJoin("seeker_profile as p", "p.user_id", "u.id")
    .leftJoin("division as d", (j) => j.on((eb) => eb("d.code", "=", eb.fn.coalesce("p.current_region_code", "p.household_region_code"))))
    .leftJoin("division as dp", "dp.code", "d.parent_code")
    .select(["u.id", "u.display_name", "p.real_name", "p.training_needs", "d.code as region_code", "d.name as county", "d.level as county_level", "dp.name as prefecture"])
    .where("a.counselor_id", "=", actor.id)
    .where("a.ended_at", "is", null)
    .where(sql<boolean>`cardinality(p.training_needs) > 0`)
    .execute();
  if (!people.length) return [];
  const wanted = new Set(people.flatMap((p) => p.training_needs));
  const kinds = TRAINING_KINDS.filter((k) => wanted.has(k));
  // The courses of the kinds anyone wants in the caseload's prefectures, and those online anywhere; each person's
  // share is picked below.
  const from = todayInShanghai(options.now);
  const prefectures = [...new Set(people.flatMap((p) => (p.region_code ? [`${p.region_code.slice(0, 4)}00`] : [])))];
  const [near, anywhere] = await Promise.all([
    listPublishedCourses(db, { kinds, regionCodes: prefectures, from, limit: 500 }),
    listPublishedCourses(db, { kinds, from, limit: 500 }),
  ]);
  const courses = [...near, ...anywhere.filter((c) => c.online && !near.some((n) => n.id === c.id))].sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, "zh-CN"),
  );
  const result = people
    .map((p): PersonCourses => {
      const needs = TRAINING_KINDS.filter((k) => p.training_needs.includes(k));
      const prefectureCode = p.region_code ? `${p.region_code.slice(0, 4)}00` : null;
      const fitting = courses.filter(
        (c) => needs.includes(c.kind) && (c.online || (prefectureCode !== null && c.regionCode.slice(0, 4) === prefectureCode.slice(0, 4))),
      );
      return {
        seekerId: p.id,
        name: p.real_name ?? p.display_name ?? "",
        needs,
        prefectureCode,
        place: p.region_code ? placeName(p.county, p.county_level, p.prefecture) : null,
        courses: fitting.map((c) => ({ id: c.id, title: c.title, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn, online: c.online, place: c.place })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.seekerId.localeCompare(b.seekerId));
  await recordListRead(db, {
    actorId: actor.id,
    subjectUserIds: result.map((r) => r.seekerId),
    entity: "caseload_courses",
    entityId: actor.id,
    reason: "caseload",
    ip: options.ip,
  });
  return result;
}
