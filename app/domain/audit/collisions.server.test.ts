import { describe, expect, it } from "vitest";
import { uniqueIp, useTestDatabase } from "../../../tests/helpers/db";
import { createUser } from "../../../tests/fixtures/factories";
import { freshIdNumber, newSeeker } from "../../../tests/fixtures/seekers";
import type { Actor } from "../permissions";
import { savePersonal } from "../seekers/seekers.server";
import { listIdentifierCollisions } from "./collisions.server";

const t = useTestDatabase();

async function admin(regionCode: string): Promise<Actor> {
  const user = await createUser(t.db, { role: "admin", regionCode });
  return { id: user.id, role: "admin", regionCode };
}

/** A seeker holding an ID number, living in `regionCode` (or nowhere on file). */
async function holder(regionCode: string | null) {
  const s = await newSeeker(t.db);
  const idNumber = freshIdNumber();
  expect((await savePersonal(t.db, s.actor, s.user.id, { realName: "王小明", idNumber })).ok).toBe(true);
  await t.db.updateTable("seeker_profile").set({ current_region_code: regionCode, household_region_code: regionCode }).where("user_id", "=", s.user.id).execute();
  return { ...s, idNumber };
}

/** Another seeker, with no profile yet, tries the holder's number. */
async function collide(idNumber: string) {
  const s = await newSeeker(t.db);
  const ip = uniqueIp();
  expect(await savePersonal(t.db, s.actor, s.user.id, { realName: "李四", idNumber }, { ip })).toEqual({
    ok: false,
    fieldErrors: { idNumber: ["seekers.err.idTaken"] },
  });
  return { ...s, ip };
}

describe("identifier collisions for the federation", () => {
  it("lists collisions in the admin's region, masked, and audits the read", async () => {
    const guiyang = await holder("520102");
    const nowhere = await holder(null);
    const tryGuiyang = await collide(guiyang.idNumber);
    const tryNowhere = await collide(nowhere.idNumber);
    const ours = (list: Awaited<ReturnType<typeof listIdentifierCollisions>>) =>
      list.filter((e) => [tryGuiyang.user.id, tryNowhere.user.id].includes(e.account?.id ?? ""));

    const prefecture = await admin("520100");
    const seen = ours(await listIdentifierCollisions(t.db, prefecture));
    expect(seen).toEqual([
      {
        at: expect.any(Date),
        field: "id_number",
        maskedNumber: `${guiyang.idNumber.slice(0, 4)}**********${guiyang.idNumber.slice(-4)}`,
        account: { id: tryGuiyang.user.id, contact: `${tryGuiyang.user.phone!.slice(0, 3)}****${tryGuiyang.user.phone!.slice(-4)}`, name: expect.any(String), regionName: null },
        ip: tryGuiyang.ip,
        accountTries: 1,
      },
    ]);
    expect(JSON.stringify(seen)).not.toContain(guiyang.idNumber);
    expect(JSON.stringify(seen)).not.toContain(tryGuiyang.user.phone);

    expect(ours(await listIdentifierCollisions(t.db, await admin("520200")))).toEqual([]);
    const province = await admin("520000");
    expect(ours(await listIdentifierCollisions(t.db, province)).map((e) => e.account?.id)).toEqual([tryNowhere.user.id, tryGuiyang.user.id]);

    const reads = await t.db.selectFrom("audit_event").select(["action", "entity"]).where("actor_id", "=", prefecture.id).execute();
    expect(reads).toEqual([{ action: "read", entity: "audit_event" }]);
  });

  it("is for admins only", async () => {
    const s = await newSeeker(t.db);
    await expect(listIdentifierCollisions(t.db, s.actor)).rejects.toBeInstanceOf(Response);
    const counselor = await createUser(t.db, { role: "counselor", regionCode: "520102" });
    await expect(listIdentifierCollisions(t.db, { id: counselor.id, role: "counselor", regionCode: "520102" })).rejects.toBeInstanceOf(Response);
  });
});
