import { describe, expect, it } from "vitest";
import { REGISTRATION_ACCESS_REQUESTS } from "../events/events.schema";
import { accessRequestKey, applySchema, certificateSchema, courseSchema, daysInclusive, outcomeSchema, TRAINING_ACCESS_REQUESTS } from "./courses.schema";

const base = {
  title: "盲人保健按摩培训班",
  kind: "blind_health_massage",
  providerId: "00000000-0000-4000-8000-000000000001",
  startsOn: "2027-03-01",
  endsOn: "2027-03-31",
  mode: "in_person",
  regionCode: "520102",
  venue: "南明区",
  capacity: 20,
};

function errors(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } } }, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
}

describe("course form", () => {
  it("reads a good course, with the subsidy defaulting to 0", () => {
    expect(courseSchema.parse(base)).toMatchObject({ subsidyPerTrainee: 0, arrangements: [], link: "", description: "" });
  });
  it("an in-person course needs its venue, an online one its https link", () => {
    expect(errors(courseSchema, { ...base, venue: "" })).toEqual({ venue: "training.err.venueRequired" });
    expect(errors(courseSchema, { ...base, mode: "online", venue: "" })).toEqual({ link: "training.err.linkRequired" });
    expect(errors(courseSchema, { ...base, mode: "online", link: "http://example.org" })).toEqual({ link: "training.err.urlInvalid" });
  });
  it("the last day is not before the first, a course lasts at most 366 days, dates are real", () => {
    expect(errors(courseSchema, { ...base, endsOn: "2027-02-28" })).toEqual({ endsOn: "training.err.endsBeforeStart" });
    expect(errors(courseSchema, { ...base, endsOn: "2028-03-01" })).toEqual({ endsOn: "training.err.tooLong" });
    expect(errors(courseSchema, { ...base, endsOn: "2028-02-29" })).toEqual({});
    expect(errors(courseSchema, { ...base, startsOn: "2027-02-30" })).toEqual({ startsOn: "training.err.dateInvalid" });
    expect(daysInclusive("2027-03-01", "2027-03-31")).toBe(31);
  });
  it("subsidies are yuan with at most two decimals, within bounds", () => {
    expect(courseSchema.parse({ ...base, subsidyPerTrainee: 1200.5 }).subsidyPerTrainee).toBe(1200.5);
    expect(errors(courseSchema, { ...base, subsidyPerTrainee: 0.001 })).toEqual({ subsidyPerTrainee: "training.err.subsidyInvalid" });
    expect(errors(courseSchema, { ...base, subsidyPerTrainee: -1 })).toEqual({ subsidyPerTrainee: "training.err.subsidyInvalid" });
    expect(errors(courseSchema, { ...base, subsidyPerTrainee: 100_001 })).toEqual({ subsidyPerTrainee: "training.err.subsidyInvalid" });
  });
  it("arrangements come from the events' catalogue only", () => {
    expect(errors(courseSchema, { ...base, arrangements: ["braille_large_print", "free_lunch"] })).toEqual({ "arrangements.1": "training.err.choiceInvalid" });
  });
});

describe("access requests, outcomes, certificates", () => {
  it("a trainee may ask for what event visitors may, and braille or large-print materials", () => {
    expect(TRAINING_ACCESS_REQUESTS).toEqual([...REGISTRATION_ACCESS_REQUESTS, "braille_large_print"]);
    expect(applySchema.parse({ accessRequests: ["braille_large_print", "interpreter"] }).accessRequests).toEqual(["braille_large_print", "interpreter"]);
    expect(errors(applySchema, { accessRequests: ["extra_time"] })).toEqual({ "accessRequests.0": "training.err.choiceInvalid" });
    expect(accessRequestKey("braille_large_print")).toBe("training.request.braille_large_print");
    expect(accessRequestKey("interpreter")).toBe("events.request.interpreter");
  });
  it("a completion needs its date; not completing does not", () => {
    const id = "00000000-0000-4000-8000-000000000002";
    expect(errors(outcomeSchema, { enrolmentId: id, outcome: "completed", attendedDays: 3 })).toEqual({ completedOn: "training.err.completedOnRequired" });
    expect(errors(outcomeSchema, { enrolmentId: id, outcome: "not_completed", attendedDays: 3 })).toEqual({});
    expect(errors(outcomeSchema, { enrolmentId: id, outcome: "completed", attendedDays: -1, completedOn: "2027-03-31" })).toEqual({ attendedDays: "training.err.attendedRequired" });
  });
  it("a certificate has a kind, a name, an issuer and a date; level and number are optional", () => {
    const id = "00000000-0000-4000-8000-000000000002";
    expect(errors(certificateSchema, { enrolmentId: id, kind: "vocational_qualification", name: "保健按摩师", issuer: "人社厅", issuedOn: "2027-04-01" })).toEqual({});
    expect(Object.keys(errors(certificateSchema, { enrolmentId: id }))).toEqual(["kind", "name", "issuer", "issuedOn"]);
  });
});
