import { describe, expect, it } from "vitest";
import { can, GRANTS, hasPermission, isWithinRegion, requirePermission, type Actor } from "./permissions";

const seeker: Actor = { id: "s1", role: "seeker", regionCode: null };
const employer: Actor = { id: "e1", role: "employer", regionCode: null, organizationIds: ["orgA"] };
const counselor: Actor = { id: "c1", role: "counselor", regionCode: "520100" };
const provinceAdmin: Actor = { id: "a1", role: "admin", regionCode: "520000" };
const countyAdmin: Actor = { id: "a2", role: "admin", regionCode: "520102" };

describe("permissions", () => {
  it("every grant is a well-formed action:entity:scope string", () => {
    for (const list of Object.values(GRANTS)) {
      for (const p of list) expect(p).toMatch(/^[a-z]+:[a-z_]+:(own|org|assigned|region|any)$/);
    }
  });

  it("own: a seeker reads their own profile but not another's", () => {
    expect(can(seeker, "read:seeker_profile", { ownerId: "s1" })).toBe(true);
    expect(can(seeker, "read:seeker_profile", { ownerId: "s2" })).toBe(false);
    expect(can(seeker, "read:seeker_profile", {})).toBe(false);
  });

  it("org: an employer acts on their organization's vacancies only", () => {
    expect(can(employer, "update:vacancy", { organizationId: "orgA" })).toBe(true);
    expect(can(employer, "update:vacancy", { organizationId: "orgB" })).toBe(false);
    expect(can(employer, "read:application", { organizationId: "orgB" })).toBe(false);
  });

  it("assigned: a counselor reads only profiles on their caseload", () => {
    expect(can(counselor, "read:seeker_profile", { assignedCounselorIds: ["c1"] })).toBe(true);
    expect(can(counselor, "read:seeker_profile", { assignedCounselorIds: ["c2"] })).toBe(false);
    // Being in the same region is not enough to read a full profile.
    expect(can(counselor, "read:seeker_profile", { regionCode: "520102" })).toBe(false);
  });

  it("region: an admin acts within their division and below it", () => {
    expect(can(provinceAdmin, "create:staff_account", { regionCode: "522701" })).toBe(true);
    expect(can(countyAdmin, "create:staff_account", { regionCode: "520102" })).toBe(true);
    expect(can(countyAdmin, "create:staff_account", { regionCode: "520103" })).toBe(false);
    expect(can(countyAdmin, "create:staff_account", { regionCode: "520000" })).toBe(false);
  });

  it("any: everyone with the grant, whatever the target", () => {
    expect(can(seeker, "read:vacancy", {})).toBe(true);
    expect(can(null, "read:vacancy", {})).toBe(false);
  });

  it("roles never hold what they were not granted", () => {
    expect(can(seeker, "create:staff_account", { regionCode: "520000" })).toBe(false);
    expect(can(employer, "verify:organization", { regionCode: "520100" })).toBe(false);
    expect(hasPermission(counselor, "create:staff_account")).toBe(false);
    expect(hasPermission(provinceAdmin, "create:staff_account")).toBe(true);
  });

  it("isWithinRegion follows division codes", () => {
    expect(isWithinRegion("520000", "520100")).toBe(true);
    expect(isWithinRegion("520100", "520102")).toBe(true);
    expect(isWithinRegion("522300", "522301")).toBe(true);
    expect(isWithinRegion("520100", "520200")).toBe(false);
    expect(isWithinRegion("520100", "520100")).toBe(true);
    expect(isWithinRegion(null, "520100")).toBe(false);
    expect(isWithinRegion("520100", "bogus")).toBe(false);
  });

  it("requirePermission throws a 404 response when denied", () => {
    expect(() => requirePermission(seeker, "read:seeker_profile", { ownerId: "s2" })).toThrow(Response);
    try {
      requirePermission(seeker, "read:seeker_profile", { ownerId: "s2" });
    } catch (e) {
      expect((e as Response).status).toBe(404);
    }
    expect(() => requirePermission(seeker, "read:seeker_profile", { ownerId: "s1" })).not.toThrow();
  });
});
