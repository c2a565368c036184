import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createUser, createVacancy } from "../../../tests/fixtures/factories";
import { employerWithOrganization } from "../../../tests/fixtures/vacancies";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Result } from "../accounts/accounts.server";
import { applyToVacancy, hireApplicant, moveApplication } from "../applications/applications.server";
import type { Actor } from "../permissions";
import { todayInShanghai } from "../vacancies/vacancies.schema";
import { eventSchema, parseLocalDateTime } from "./events.schema";
import { applyToParticipate, bookSlot, createEvent, decideParticipation, publishSlots, registerForEvent, setEventStatus } from "./events.server";
import { eventReportCsv, eventReportXlsx } from "./report-export.server";

const t = useTestDatabase();

const DAY = 86_400_000;
const EVENT_DAY = todayInShanghai(new Date(Date.now() + 10 * DAY));

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.fieldErrors)}`);
  return r.value;
}

async function actor(role: "admin" | "seeker", regionCode: string | null = null): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

const HEADERS = ["用人单位 Employer", "展位 Booth", "预约面试人数 Registrations", "到场人数 Attendance", "面试场次 Interviews", "申请数 Applications", "录用意向 Offers", "录用人数 Hires"];

/**
 * An event with two approved employers: A has two seekers booked (one checked in) and one hire from the event; B has
 * one booking and nothing else. Seven registered, two checked in in all.
 */
async function eventWithOutcomes() {
  const organizer = await actor("admin", "520100");
  const title = `专场招聘会 ${Math.random().toString(36).slice(2, 9)}`;
  const form = eventSchema.parse({
    title,
    kind: "general",
    startsAt: `${EVENT_DAY}T09:00`,
    endsAt: `${EVENT_DAY}T17:00`,
    registrationDeadline: `${EVENT_DAY}T08:00`,
    regionCode: "520102",
    venue: "南明区人力资源市场",
    capacity: 10,
  });
  const { eventId } = ok(await createEvent(t.db, organizer, form));
  ok(await setEventStatus(t.db, organizer, eventId, "published"));

  const employers = [];
  for (const [name, booth] of [
    [`甲单位${title}`, "A1"],
    [`乙单位${title}`, ""],
  ] as const) {
    const e = await employerWithOrganization(t.db);
    await t.db.updateTable("organization").set({ name }).where("id", "=", e.organization.id).execute();
    const vacancy = await createVacancy(t.db, e.organization.id);
    const { participationId } = ok(await applyToParticipate(t.db, e.actor, eventId, { vacancyIds: [vacancy.id], note: "" }));
    ok(await decideParticipation(t.db, organizer, eventId, { participationId, decision: "approved", booth }));
    ok(await publishSlots(t.db, e.actor, eventId, { startsAt: `${EVENT_DAY}T10:00`, minutes: 30, count: 2 }));
    const slots = await t.db.selectFrom("interview_slot").select("id").where("event_employer_id", "=", participationId).orderBy("starts_at").execute();
    employers.push({ ...e, name, vacancy, slots });
  }
  const [a, b] = employers as [(typeof employers)[0], (typeof employers)[0]];

  const seekers = await Promise.all(Array.from({ length: 7 }, () => actor("seeker")));
  for (const s of seekers) ok(await registerForEvent(t.db, s, eventId, { accessRequests: [] }));
  const [s1, s2, s3] = seekers as [Actor, Actor, Actor];
  ok(await bookSlot(t.db, s1, eventId, a.slots[0]!.id));
  ok(await bookSlot(t.db, s2, eventId, a.slots[1]!.id));
  ok(await bookSlot(t.db, s3, eventId, b.slots[0]!.id));
  // Checked in: set directly (check-in itself is tested in events.server.test.ts).
  await t.db.updateTable("event_registration").set({ checked_in_at: new Date() }).where("event_id", "=", eventId).where("seeker_id", "in", [s1.id, seekers[6]!.id]).execute();

  const during = new Date(parseLocalDateTime(form.startsAt)!.getTime() + 3_600_000);
  const { applicationId } = ok(await applyToVacancy(t.db, s1, a.vacancy.id, { note: "", accessRequests: [], disclosure: [] }, during));
  ok(await moveApplication(t.db, a.actor, applicationId, { to: "offered" }));
  ok(await hireApplicant(t.db, a.actor, applicationId, { contractStart: EVENT_DAY, contractEnd: undefined, socialInsurance: "yes", monthlyPay: 3000 }));
  return { organizer, eventId, title, a, b };
}

describe("the event report as files", () => {
  it("CSV: a byte-order mark, the header, a row per approved employer and the total", async () => {
    const { organizer, eventId, title, a, b } = await eventWithOutcomes();
    const csv = await eventReportCsv(t.db, organizer, eventId);
    expect(csv.title).toBe(title);
    expect(csv.body.startsWith("\uFEFF")).toBe(true);
    const lines = csv.body.slice(1).trimEnd().split("\n");
    expect(lines).toEqual([HEADERS.join(","), `${a.name},A1,2,1,1,1,1,1`, `${b.name},,1,0,0,0,0,0`, "合计 Total,,3,1,1,1,1,1"]);

    await expect(eventReportCsv(t.db, await actor("admin", "520300"), eventId)).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
    await expect(eventReportCsv(t.db, a.actor, eventId)).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
  });

  it("XLSX: a workbook exceljs reads back, with the title, the counts line, the header, the rows and the total", async () => {
    const { organizer, eventId, title, a, b } = await eventWithOutcomes();
    const xlsx = await eventReportXlsx(t.db, organizer, eventId);
    expect(xlsx.title).toBe(title);
    expect(xlsx.body.length).toBeGreaterThan(1000);
    expect(xlsx.body.subarray(0, 2).toString("latin1")).toBe("PK");

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("招聘会报告");
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      [title],
      ["已登记 7 人，候补 0 人，签到 2 人"],
      HEADERS,
      [a.name, "A1", 2, 1, 1, 1, 1, 1],
      [b.name, "", 1, 0, 0, 0, 0, 0],
      ["合计 Total", "", 3, 1, 1, 1, 1, 1],
    ]);

    await expect(eventReportXlsx(t.db, await actor("admin", "520300"), eventId)).rejects.toSatisfy((e: unknown) => e instanceof Response && e.status === 404);
  });
});
