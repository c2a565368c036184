import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, canMove, canMoveAs, movesFor, type ApplicationStatus } from "./status";

// Every legal move, written out by hand; any pair not listed here must be refused.
const LEGAL: Record<ApplicationStatus, ApplicationStatus[]> = {
  submitted: ["viewed", "interview", "offered", "hired", "rejected", "withdrawn"],
  viewed: ["interview", "offered", "hired", "rejected", "withdrawn"],
  interview: ["offered", "hired", "rejected", "withdrawn"],
  offered: ["hired", "rejected", "withdrawn"],
  hired: [],
  rejected: [],
  withdrawn: [],
};

const pairs = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const));

describe("canMove", () => {
  it.each(pairs.filter(([from, to]) => LEGAL[from].includes(to)))("allows %s → %s", (from, to) => {
    expect(canMove(from, to)).toBe(true);
  });

  it.each(pairs.filter(([from, to]) => !LEGAL[from].includes(to)))("refuses %s → %s", (from, to) => {
    expect(canMove(from, to)).toBe(false);
  });

  it("never moves backwards or stays put", () => {
    expect(canMove("interview", "viewed")).toBe(false);
    expect(canMove("offered", "interview")).toBe(false);
    expect(canMove("viewed", "submitted")).toBe(false);
    for (const s of APPLICATION_STATUSES) expect(canMove(s, s)).toBe(false);
  });

  it("treats hired, rejected and withdrawn as final", () => {
    for (const from of ["hired", "rejected", "withdrawn"] as const) {
      for (const to of APPLICATION_STATUSES) expect(canMove(from, to)).toBe(false);
    }
  });
});

describe("who makes which move", () => {
  it("lets the seeker only withdraw, from an open status", () => {
    for (const [from, to] of pairs) {
      expect(canMoveAs("seeker", from, to)).toBe(to === "withdrawn" && LEGAL[from].includes(to));
    }
    expect(movesFor("seeker", "interview")).toEqual(["withdrawn"]);
    expect(movesFor("seeker", "hired")).toEqual([]);
  });

  it("lets the employer move forward or reject, never withdraw for the seeker", () => {
    for (const [from, to] of pairs) {
      expect(canMoveAs("employer", from, to)).toBe(to !== "withdrawn" && LEGAL[from].includes(to));
    }
    expect(movesFor("employer", "submitted")).toEqual(["viewed", "interview", "offered", "hired", "rejected"]);
    expect(movesFor("employer", "interview")).toEqual(["offered", "hired", "rejected"]);
    expect(movesFor("employer", "rejected")).toEqual([]);
  });
});
