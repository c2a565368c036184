/**
 * The accommodations grouped by the need they meet (issue 15): the vacancy form shows one fieldset per group, so an
 * employer looks for "what helps a wheelchair user" or "what helps a deaf person" instead of reading 21 boxes.
 * Every accommodation code is in exactly one group (accommodation-groups.test.ts). Client-safe.
 *
 * Where a code could sit in two groups the employer's question decides: sign language is how a deaf colleague is
 * spoken with (沟通), captions and the hearing loop are what lets a hard-of-hearing person hear (听力); commuting
 * transport and the dormitory are about getting there and living there without barriers (行动); rest breaks and a
 * quiet workspace are the adjustments people with mental-health conditions ask for most (精神/心理).
 */
import type { AccommodationCode, Term } from "../catalog";

export interface AccommodationGroup extends Term {
  members: readonly AccommodationCode[];
}

function groups<const C extends string>(list: readonly (AccommodationGroup & { code: C })[]) {
  return list;
}

export const ACCOMMODATION_GROUPS = groups([
  {
    code: "mobility",
    zh: "行动",
    en: "Mobility",
    explainZh: "方便轮椅使用者和行动不便的人到达、进出和使用工作场所。",
    explainEn: "Getting to, into and around the workplace for wheelchair users and people who move with difficulty.",
    members: ["step_free_access", "accessible_toilet", "elevator", "accessible_parking", "accessible_transport", "accessible_dormitory", "ergonomic_equipment"],
  },
  {
    code: "vision",
    zh: "视力",
    en: "Vision",
    explainZh: "方便盲人和低视力的人阅读和使用电脑。",
    explainEn: "Reading and using a computer for blind and partially sighted people.",
    members: ["screen_reader", "screen_magnifier", "braille"],
  },
  {
    code: "hearing",
    zh: "听力",
    en: "Hearing",
    explainZh: "方便听力障碍的人听清会议和培训。",
    explainEn: "Following meetings and training for deaf and hard-of-hearing people.",
    members: ["captions", "hearing_loop"],
  },
  {
    code: "communication",
    zh: "沟通",
    en: "Communication",
    explainZh: "方便聋人和言语障碍的人与同事沟通。",
    explainEn: "Talking with colleagues for deaf people and people with speech impairments.",
    members: ["sign_language", "text_communication"],
  },
  {
    code: "cognition",
    zh: "理解和学习",
    en: "Understanding and learning",
    explainZh: "方便智力障碍和学习困难的人学会并做好工作。",
    explainEn: "Learning and doing the job for people with intellectual disabilities or learning difficulties.",
    members: ["simple_instructions", "job_coach"],
  },
  {
    code: "mental_health",
    zh: "精神和心理",
    en: "Mental health",
    explainZh: "帮助有精神或心理健康问题的人保持稳定。",
    explainEn: "Staying well at work for people with mental-health conditions.",
    members: ["quiet_workspace", "rest_breaks"],
  },
  {
    code: "time_and_place",
    zh: "时间和地点",
    en: "Time and place",
    explainZh: "工作时间和地点可以按身体情况安排。",
    explainEn: "When and where the work is done, arranged around health and treatment.",
    members: ["flexible_hours", "part_time", "remote_work"],
  },
] as const);

export type AccommodationGroupCode = (typeof ACCOMMODATION_GROUPS)[number]["code"];

/** The group an accommodation code belongs to (undefined for a code the catalog does not have). */
export function accommodationGroupOf(code: string): AccommodationGroupCode | undefined {
  return ACCOMMODATION_GROUPS.find((g) => (g.members as readonly string[]).includes(code))?.code;
}
