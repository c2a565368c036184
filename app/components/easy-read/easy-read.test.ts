import { describe, expect, it } from "vitest";
import { zh } from "~/i18n/messages/easy-read";
import { en } from "~/i18n/messages/en/easy-read";
import type { Translate } from "~/i18n/i18n";
import { counted, eventAction, sentences, vacancyAction, type EventActionInput } from "./easy-read";

describe("vacancyAction", () => {
  it("asks a seeker to apply, a visitor to sign in first, and tells other roles they cannot", () => {
    expect(vacancyAction(true, "seeker")).toBe("apply");
    expect(vacancyAction(true, null)).toBe("signIn");
    expect(vacancyAction(true, "employer")).toBe("otherRole");
    expect(vacancyAction(true, "counselor")).toBe("otherRole");
  });

  it("says a closed job is closed to everyone who has not applied", () => {
    expect(vacancyAction(false, "seeker")).toBe("closed");
    expect(vacancyAction(false, null)).toBe("closed");
    expect(vacancyAction(false, "admin")).toBe("closed");
  });

  it("shows a seeker their application first, also once the job has closed", () => {
    expect(vacancyAction(true, "seeker", true)).toBe("applied");
    expect(vacancyAction(false, "seeker", true)).toBe("applied");
  });
});

describe("eventAction", () => {
  const open: EventActionInput = {
    status: "published",
    ended: false,
    competition: false,
    registrationOpen: true,
    seatsLeft: 10,
    viewer: { role: "seeker", eligible: true, registration: null },
  };

  it("lets an eligible seeker book a place, or join the waiting list when the seats are gone", () => {
    expect(eventAction(open)).toBe("join");
    expect(eventAction({ ...open, seatsLeft: 0 })).toBe("joinWaitlist");
  });

  it("asks a visitor to sign in, and tells a graduate-fair seeker outside the years why they cannot book", () => {
    expect(eventAction({ ...open, viewer: { role: "visitor" } })).toBe("signIn");
    expect(eventAction({ ...open, viewer: { role: "seeker", eligible: false, registration: null } })).toBe("notEligible");
  });

  it("shows a seeker their place or waiting-list spot before whether booking is still open", () => {
    const registered = { role: "seeker" as const, eligible: true, registration: { status: "registered" } };
    const waitlisted = { role: "seeker" as const, eligible: true, registration: { status: "waitlisted" } };
    expect(eventAction({ ...open, viewer: registered })).toBe("registered");
    expect(eventAction({ ...open, registrationOpen: false, viewer: registered })).toBe("registered");
    expect(eventAction({ ...open, ended: true, viewer: waitlisted })).toBe("waitlisted");
  });

  it("says a cancelled, ended or closed event cannot be booked, in that order", () => {
    expect(eventAction({ ...open, status: "cancelled", registrationOpen: false, ended: true })).toBe("cancelled");
    expect(eventAction({ ...open, ended: true, registrationOpen: false })).toBe("ended");
    expect(eventAction({ ...open, registrationOpen: false })).toBe("closed");
    expect(eventAction({ ...open, registrationOpen: false, viewer: { role: "visitor" } })).toBe("closed");
  });

  it("leaves employers' and staff's tools to the full page, and a competition to its own section", () => {
    expect(eventAction({ ...open, viewer: { role: "staff" } })).toBe("staff");
    expect(eventAction({ ...open, viewer: { role: "employer" } })).toBe("employer");
    expect(eventAction({ ...open, competition: true })).toBe("competition");
    expect(eventAction({ ...open, competition: true, viewer: { role: "staff" } })).toBe("staff");
  });
});

describe("easy-read catalog", () => {
  // Easy read writes numbers as digits and never leaves a placeholder unfilled in one language only.
  it("uses the same placeholders in Chinese and English", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect(names(en[key]), key).toEqual(names(zh[key]));
  });
});

describe("sentences", () => {
  it("puts each sentence on its own line, in Chinese and in English", () => {
    expect(sentences("位子满了。您可以报名排队。有人不来，您就可以去。")).toEqual(["位子满了。", "您可以报名排队。", "有人不来，您就可以去。"]);
    expect(sentences("All places are taken. You can join the waiting list.")).toEqual(["All places are taken.", "You can join the waiting list."]);
  });

  it("keeps addresses, amounts and a single sentence whole", () => {
    expect(sentences("For example: name@example.com")).toEqual(["For example: name@example.com"]);
    expect(sentences("每个月 3,200.5 元")).toEqual(["每个月 3,200.5 元"]);
    expect(sentences("您想做什么工作？")).toEqual(["您想做什么工作？"]);
  });
});

describe("counted", () => {
  const t = ((key: string, vars?: Record<string, string | number>) => en[key as keyof typeof en].replace(/\{(\w+)\}/g, (_, n: string) => String(vars?.[n]))) as Translate;

  it("says 1 in the singular and other numbers in the plural", () => {
    expect(counted(t, "easyRead.event.seats", 1, "left")).toBe("1 place left.");
    expect(counted(t, "easyRead.event.seats", 12, "left")).toBe("12 places left.");
    expect(counted(t, "easyRead.search.count", 1)).toBe("We found 1 job.");
    expect(counted(t, "easyRead.search.count", 0)).toBe("We found 0 jobs.");
  });
});
