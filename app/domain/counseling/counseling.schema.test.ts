import { describe, expect, it } from "vitest";
import { actionSchema, addDays, addMonths, assignSchema, caseloadHref, checkpointSchema, parseCaseloadQuery, planSchema, referSchema, serviceSchema } from "./counseling.schema";

describe("calendar arithmetic", () => {
  it("adds months, clamping to the last day of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-03-31", 3)).toBe("2026-06-30");
    expect(addMonths("2026-12-01", 1)).toBe("2027-01-01");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-05-15", 12)).toBe("2027-05-15");
  });

  it("adds and subtracts days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-06-15", -30)).toBe("2026-05-16");
  });
});

describe("the caseload's GET form", () => {
  it("reads filters, year, sort and page, ignoring what it cannot read", () => {
    const q = parseCaseloadQuery(new URLSearchParams("q=%20张%20&graduationYear=2026&filter=notEmployed&filter=bogus&filter=overdue&sort=nextDue&page=3"));
    expect(q).toEqual({ q: "张", graduationYear: 2026, filters: ["notEmployed", "overdue"], sort: "nextDue", page: 3 });
    expect(parseCaseloadQuery(new URLSearchParams("graduationYear=abc&sort=drop&page=-1"))).toEqual({
      q: "",
      graduationYear: null,
      filters: [],
      sort: "urgent",
      page: 1,
    });
    expect(parseCaseloadQuery(new URLSearchParams("page=1.5&graduationYear=1900")).page).toBe(1);
  });

  it("writes a link back that parses to the same query, leaving defaults out", () => {
    const q = parseCaseloadQuery(new URLSearchParams("q=李&filter=noContact&filter=zeroEmploymentFamily&sort=lastContact&graduationYear=2025"));
    const href = caseloadHref("/caseload", q, { page: 2 });
    expect(parseCaseloadQuery(new URL(href, "http://x").searchParams)).toEqual({ ...q, page: 2 });
    expect(caseloadHref("/caseload", parseCaseloadQuery(new URLSearchParams()))).toBe("/caseload");
  });
});

describe("form schemas", () => {
  it("an action needs a description, an owner and a real date", () => {
    const r = actionSchema.safeParse({ description: " ", owner: "boss", dueDate: "2026-02-30" });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(["description:counseling.err.actionRequired", "owner:counseling.err.ownerRequired", "dueDate:counseling.err.dateInvalid"]),
    );
    expect(actionSchema.parse({ description: " 去面试 ", owner: "seeker", dueDate: "2026-03-01" })).toEqual({
      description: "去面试",
      owner: "seeker",
      dueDate: "2026-03-01",
    });
  });

  it("plans, services, referrals, checkpoints and assignments reject what they should", () => {
    expect(planSchema.safeParse({ goals: "x".repeat(2001), status: "active" }).success).toBe(false);
    expect(planSchema.parse({ status: "paused" })).toEqual({ goals: "", barriers: "", status: "paused" });
    expect(serviceSchema.safeParse({ type: "chat", serviceDate: "2026-01-01" }).success).toBe(false);
    expect(serviceSchema.safeParse({ type: "career_guidance", serviceDate: "" }).success).toBe(false);
    expect(referSchema.safeParse({ vacancyId: "not-a-uuid" }).success).toBe(false);
    expect(checkpointSchema.safeParse({ stillEmployed: "maybe", contractYearOrMore: "yes" }).success).toBe(false);
    expect(assignSchema.safeParse({ seekerId: crypto.randomUUID(), counselorId: "" }).success).toBe(false);
  });
});
