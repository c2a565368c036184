import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUser } from "../../../tests/fixtures/factories";
import { certificateFor, freshIdNumber } from "../../../tests/fixtures/seekers";
import { useTestDatabase } from "../../../tests/helpers/db";
import type { Actor } from "../permissions";
import { maskCertificateNumber, REGISTRY_PAGE_SIZE, unregisteredPeople } from "./registry.server";

const t = useTestDatabase();

async function actor(role: "seeker" | "employer" | "counselor" | "admin", regionCode: string | null = null): Promise<Actor> {
  const u = await createUser(t.db, { role, regionCode });
  return { id: u.id, role, regionCode };
}

async function outcome(p: Promise<unknown>): Promise<string | number> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof Response ? e.status : String(e);
  }
}

/** A person of the real-name system, as an import would have stored them. */
async function person(regionCode: string, overrides: { userId?: string | null; name?: string } = {}) {
  const idNumber = freshIdNumber({ region: regionCode });
  const certificate = certificateFor(idNumber, "physical", 2);
  const row = await t.db
    .insertInto("registry_person")
    .values({
      certificate_number: certificate,
      id_number: idNumber,
      real_name: overrides.name ?? `测试${randomUUID().slice(0, 6)}`,
      gender: "female",
      disability_category: "physical",
      disability_grade: 2,
      region_code: regionCode,
      residence: "rural",
      employment_status: "unemployed",
      employment_form: null,
      needs: ["step_free_access", "flexible_hours"],
      row_hash: randomUUID(),
      user_id: overrides.userId ?? null,
    })
    .returning(["id", "real_name", "certificate_number"])
    .executeTakeFirstOrThrow();
  return row;
}

describe("maskCertificateNumber", () => {
  it("hides the middle digits and the category and grade digits of a 残疾人证号", () => {
    expect(maskCertificateNumber("52030219900101123X42")).toBe("5203**********123X**");
    expect(maskCertificateNumber("52030219900101123X42")).not.toContain("42");
  });
  it("masks anything else with the usual first four and last four", () => {
    expect(maskCertificateNumber("520302199001011234")).toBe("5203**********1234");
    expect(maskCertificateNumber("123")).toBe("***");
  });
});

describe("unregistered people of the region (assignment page)", () => {
  it("shows a counselor of 遵义 遵义's people and not 贵阳's; a county filter narrows it", async () => {
    const zunyi = await person("520302");
    const zunyiOther = await person("520303");
    const guiyang = await person("520102");
    const counselor = await actor("counselor", "520300");
    const page = await unregisteredPeople(t.db, counselor);
    const ids = page.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([zunyi.id, zunyiOther.id]));
    expect(ids).not.toContain(guiyang.id);
    expect(page.items.every((i) => i.regionCode.startsWith("5203"))).toBe(true);
    expect(page.counties.map((c) => c.code)).toContain("520302");
    expect(page.counties.every((c) => c.code.startsWith("5203"))).toBe(true);

    const county = await unregisteredPeople(t.db, counselor, { county: "520302" });
    expect(county.county).toBe("520302");
    expect(county.items.map((i) => i.id)).toContain(zunyi.id);
    expect(county.items.map((i) => i.id)).not.toContain(zunyiOther.id);
    expect(county.total).toBeLessThan(page.total);

    // A county of another region is not a filter: the list stays the counselor's region's.
    const foreign = await unregisteredPeople(t.db, counselor, { county: "520102" });
    expect(foreign.county).toBeNull();
    expect(foreign.items.map((i) => i.id)).not.toContain(guiyang.id);
  });

  it("shows a province admin every region's people; a counselor of 贵阳 not 遵义's", async () => {
    const zunyi = await person("520302");
    const guiyang = await person("520102");
    const province = await unregisteredPeople(t.db, await actor("admin", "520000"));
    expect(province.items.map((i) => i.id)).toEqual(expect.arrayContaining([zunyi.id, guiyang.id]));
    const gy = await unregisteredPeople(t.db, await actor("counselor", "520100"));
    expect(gy.items.map((i) => i.id)).toContain(guiyang.id);
    expect(gy.items.map((i) => i.id)).not.toContain(zunyi.id);
  });

  it("leaves out people linked to an account, shows no disability details and masks the certificate number", async () => {
    const seeker = await createUser(t.db, { role: "seeker" });
    const linked = await person("520302", { userId: seeker.id });
    const open = await person("520302");
    const page = await unregisteredPeople(t.db, await actor("counselor", "520300"), { county: "520302" });
    expect(page.items.map((i) => i.id)).not.toContain(linked.id);
    const shown = page.items.find((i) => i.id === open.id)!;
    expect(shown.name).toBe(open.real_name);
    expect(shown.certificateMasked).toBe(maskCertificateNumber(open.certificate_number));
    expect(shown.certificateMasked).not.toContain(open.certificate_number.slice(4, 14));
    expect(shown.needs).toEqual(["step_free_access", "flexible_hours"]);
    expect(shown.employmentStatus).toBe("unemployed");
    expect(Object.keys(shown)).not.toEqual(expect.arrayContaining(["disabilityCategory"]));
    expect(JSON.stringify(page)).not.toContain(open.certificate_number);
    expect(JSON.stringify(page)).not.toMatch(/physical|disability/);
  });

  it("records the read: one audit row per person shown, none for people on other pages", async () => {
    for (let i = 0; i < REGISTRY_PAGE_SIZE + 2; i++) await person("522301");
    const admin = await actor("admin", "522300");
    const page1 = await unregisteredPeople(t.db, admin, { ip: "203.0.113.9" });
    expect(page1.items).toHaveLength(REGISTRY_PAGE_SIZE);
    const rows = await t.db.selectFrom("audit_event").select(["entity", "entity_id", "action", "subject_user_id", "ip"]).where("actor_id", "=", admin.id).execute();
    expect(rows).toHaveLength(REGISTRY_PAGE_SIZE);
    expect(new Set(rows.map((r) => r.entity_id))).toEqual(new Set(page1.items.map((i) => i.id)));
    expect(rows.every((r) => r.entity === "registry_person" && r.action === "read" && r.subject_user_id === null && r.ip === "203.0.113.9")).toBe(true);
    const page2 = await unregisteredPeople(t.db, admin, { page: 2 });
    expect(page2.page).toBe(2);
    const first = new Set(page1.items.map((i) => i.id));
    expect(page2.items.length).toBeGreaterThan(0);
    expect(page2.items.some((i) => first.has(i.id))).toBe(false);
  });

  it("writes no audit row for an empty page", async () => {
    // A county nobody here imports into: its counselor's page shows nobody (or, on a shared database, only those it shows).
    const empty = await actor("counselor", "520326");
    await person("520302");
    const page = await unregisteredPeople(t.db, empty);
    const n = await t.db.selectFrom("audit_event").select((eb) => eb.fn.countAll<number>().as("n")).where("actor_id", "=", empty.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(page.items.length);
  });

  it("refuses seekers, employers and staff without a region (404)", async () => {
    expect(await outcome(unregisteredPeople(t.db, await actor("seeker")))).toBe(404);
    expect(await outcome(unregisteredPeople(t.db, await actor("employer")))).toBe(404);
    expect(await outcome(unregisteredPeople(t.db, await actor("counselor", null)))).toBe(404);
  });
});
