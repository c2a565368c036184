import { describe, expect, it } from "vitest";
import { checkInSchema, eventSchema, graduateMayRegister, parseLocalDateTime, toLocalDateTime, type EventInput } from "./events.schema";

/** A valid in-person event form; override any field. */
function form(overrides: Partial<Record<keyof EventInput, unknown>> = {}) {
  return {
    title: "2026 届高校残疾人毕业生专场招聘会",
    kind: "general",
    startsAt: "2026-12-05T09:00",
    endsAt: "2026-12-05T17:00",
    registrationDeadline: "2026-12-04T18:00",
    regionCode: "520102",
    venue: "贵阳市南明区人才市场三楼",
    onlineUrl: "",
    arrangements: ["sign_language_interpreters", "step_free_venue"],
    capacity: 200,
    description: "",
    ...overrides,
  };
}

/** The error messages of a failed parse, by field path. */
function errors(input: unknown): Record<string, string[]> {
  const r = eventSchema.safeParse(input);
  if (r.success) return {};
  return r.error.flatten().fieldErrors as Record<string, string[]>;
}

describe("local date-times (read as Beijing time)", () => {
  it("reads a datetime-local value as UTC+8 and writes it back the same", () => {
    const d = parseLocalDateTime("2026-12-05T09:30");
    expect(d?.toISOString()).toBe("2026-12-05T01:30:00.000Z");
    expect(toLocalDateTime(d!)).toBe("2026-12-05T09:30");
    // Before 08:00 in Beijing it is still the previous day in UTC; the round trip keeps the Beijing day.
    const early = parseLocalDateTime("2027-01-01T07:59");
    expect(early?.toISOString()).toBe("2026-12-31T23:59:00.000Z");
    expect(toLocalDateTime(early!)).toBe("2027-01-01T07:59");
    expect(toLocalDateTime(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01T00:00");
    // Surrounding spaces are tolerated, as a form field may carry them.
    expect(parseLocalDateTime(" 2026-12-05T09:30 ")?.toISOString()).toBe("2026-12-05T01:30:00.000Z");
  });

  it("rejects days and times that do not exist, and other shapes", () => {
    for (const bad of ["2026-02-30T10:00", "2026-04-31T10:00", "2027-02-29T10:00", "2026-13-01T10:00", "2026-00-10T10:00", "2026-12-00T10:00", "2026-12-05T24:00", "2026-12-05T09:60", "2026-12-05T9:30", "2026-12-05T09:30:00", "", "1999-12-31T10:00"]) {
      expect(parseLocalDateTime(bad), bad).toBeNull();
    }
    expect(parseLocalDateTime("2028-02-29T10:00")?.toISOString()).toBe("2028-02-29T02:00:00.000Z");
    expect(parseLocalDateTime("2026-12-05T00:00")?.toISOString()).toBe("2026-12-04T16:00:00.000Z");
    expect(parseLocalDateTime("2026-12-05T23:59")?.toISOString()).toBe("2026-12-05T15:59:00.000Z");
    // Typed by hand without a date picker, a space may stand for the T.
    expect(parseLocalDateTime("2026-12-05 09:30")?.toISOString()).toBe("2026-12-05T01:30:00.000Z");
  });
});

describe("the event form", () => {
  it("accepts a complete in-person event and an online one", () => {
    expect(eventSchema.safeParse(form()).success).toBe(true);
    expect(eventSchema.safeParse(form({ kind: "online", venue: "", onlineUrl: "https://meeting.example.cn/abc" })).success).toBe(true);
    // The deadline may be the end itself.
    expect(eventSchema.safeParse(form({ registrationDeadline: "2026-12-05T17:00" })).success).toBe(true);
  });

  it("says which rule each wrong field breaks", () => {
    expect(errors(form({ endsAt: "2026-12-05T08:00" }))).toEqual({ endsAt: ["events.err.endsBeforeStart"] });
    expect(errors(form({ endsAt: "2026-12-05T09:00" }))).toEqual({ endsAt: ["events.err.endsBeforeStart"] });
    expect(errors(form({ registrationDeadline: "2026-12-05T17:01" }))).toEqual({ registrationDeadline: ["events.err.deadlineAfterEnd"] });
    expect(errors(form({ kind: "online", venue: "", onlineUrl: "" }))).toEqual({ onlineUrl: ["events.err.urlRequired"] });
    expect(errors(form({ kind: "online", venue: "", onlineUrl: "http://meeting.example.cn/abc" }))).toEqual({ onlineUrl: ["events.err.urlInvalid"] });
    expect(errors(form({ venue: "  " }))).toEqual({ venue: ["events.err.venueRequired"] });
    expect(errors(form({ kind: "rural", venue: "" }))).toEqual({ venue: ["events.err.venueRequired"] });
    expect(errors(form({ startsAt: "2026-02-30T10:00" }))).toEqual({ startsAt: ["events.err.dateTimeInvalid"] });
    expect(errors(form({ capacity: 0 }))).toEqual({ capacity: ["events.err.capacityRequired"] });
    expect(errors(form({ capacity: 1.5 }))).toEqual({ capacity: ["events.err.capacityRequired"] });
    expect(errors(form({ regionCode: "5201" }))).toEqual({ regionCode: ["events.err.regionRequired"] });
    expect(errors(form({ arrangements: ["free_lunch"] }))).toEqual({ arrangements: ["events.err.choiceInvalid"] });
    expect(errors(form({ title: " " }))).toEqual({ title: ["events.err.titleRequired"] });
  });
});

describe("check-in codes", () => {
  it("are read without spaces, dashes or case, and must be eight base32 letters", () => {
    expect(checkInSchema.parse({ code: " abcd-ef23 " })).toEqual({ code: "ABCDEF23" });
    // 0, 1 and 8 are not in the alphabet: they are read as the letters they look like.
    expect(checkInSchema.parse({ code: "ab0d-1f28" })).toEqual({ code: "ABODIF2B" });
    expect(checkInSchema.safeParse({ code: "ABCDEF29" }).success).toBe(false);
    expect(checkInSchema.safeParse({ code: "ABCDEF2" }).success).toBe(false);
  });
});

describe("who may register for a graduate event", () => {
  it("those graduating in the event's year or the two years before it", () => {
    expect(graduateMayRegister(2026, 2026)).toBe(true);
    expect(graduateMayRegister(2025, 2026)).toBe(true);
    expect(graduateMayRegister(2024, 2026)).toBe(true);
    expect(graduateMayRegister(2023, 2026)).toBe(false);
    expect(graduateMayRegister(2027, 2026)).toBe(false);
    expect(graduateMayRegister(null, 2026)).toBe(false);
  });
});
