import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../../tests/helpers/db";
import { createUser } from "../../../tests/fixtures/factories";
import { actorOf } from "../../../tests/fixtures/vacancies";
import { changeSavedSearch, getSavedSearch, listSavedSearches, saveSearch } from "./saved-searches.server";
import { normalizeQuery, SAVED_SEARCH_LIMIT, saveSearchSchema } from "./saved-searches.schema";

const t = useTestDatabase();
const NOT_FOUND = { status: 404 };

async function seekerActor() {
  return actorOf(await createUser(t.db, { role: "seeker" }));
}

describe("the query string kept", () => {
  it("is what the search page understood, in its order, without the page; show=all is the only 'not just what suits me'", () => {
    expect(normalizeQuery("?page=4&acc=braille&q=客服&acc=bogus&region=520102&show=eligible")).toMatchObject({
      query: "q=%E5%AE%A2%E6%9C%8D&region=520102&acc=braille",
      suitsMe: true,
    });
    expect(normalizeQuery("show=all&remote=1").suitsMe).toBe(false);
    expect(normalizeQuery("")).toMatchObject({ query: "", suitsMe: true });
  });

  it("defaults to a daily alert", () => {
    expect(saveSearchSchema.parse({ query: "q=a" })).toEqual({ query: "q=a", frequency: "daily" });
  });
});

describe("saving and managing", () => {
  it("names a search after its filters in the saver's language, and lists it with its summary", async () => {
    const actor = await seekerActor();
    const zh = await saveSearch(t.db, actor, { query: "q=客服&region=520102&acc=braille&acc=sign_language&page=2", frequency: "daily" }, { locale: "zh-CN" });
    expect(zh).toMatchObject({ ok: true, value: { name: "“客服” · 贵阳市南明区 · 2 项便利" } });
    const en = await saveSearch(t.db, actor, { query: "show=all", frequency: "weekly" }, { locale: "en" });
    expect(en).toMatchObject({ ok: true, value: { name: "all vacancies" } });
    const named = await saveSearch(t.db, actor, { query: "remote=1", frequency: "immediate", name: "远程的" }, { locale: "zh-CN" });
    expect(named).toMatchObject({ ok: true, value: { name: "远程的" } });
    const list = await listSavedSearches(t.db, actor);
    expect(list).toHaveLength(3);
    const first = list.find((s) => s.name.startsWith("“客服”"))!;
    expect(first).toMatchObject({
      query: "q=%E5%AE%A2%E6%9C%8D&region=520102&acc=braille&acc=sign_language",
      frequency: "daily",
      summary: { q: "客服", place: "贵阳市南明区", accommodations: 2, suitsMe: true },
    });
    expect(list.find((s) => s.name === "all vacancies")!.summary.suitsMe).toBe(false);
  });

  it("keeps at most SAVED_SEARCH_LIMIT a person", async () => {
    const actor = await seekerActor();
    for (let i = 0; i < SAVED_SEARCH_LIMIT; i++) {
      const r = await saveSearch(t.db, actor, { query: `q=k${i}`, frequency: "daily" }, { locale: "zh-CN" });
      expect(r.ok).toBe(true);
    }
    const over = await saveSearch(t.db, actor, { query: "q=more", frequency: "daily" }, { locale: "zh-CN" });
    expect(over).toEqual({ ok: false, fieldErrors: { "": ["alerts.err.limit"] } });
  });

  it("changes how often, renames and deletes only the owner's searches; others get 404", async () => {
    const [owner, other] = await Promise.all([seekerActor(), seekerActor()]);
    const r = await saveSearch(t.db, owner, { query: "q=会计", frequency: "daily" }, { locale: "zh-CN" });
    if (!r.ok) throw new Error("not saved");
    const id = r.value.id;
    await expect(changeSavedSearch(t.db, other, { intent: "frequency", id, frequency: "off" })).rejects.toMatchObject(NOT_FOUND);
    await expect(changeSavedSearch(t.db, other, { intent: "rename", id, name: "x" })).rejects.toMatchObject(NOT_FOUND);
    await expect(changeSavedSearch(t.db, other, { intent: "delete", id })).rejects.toMatchObject(NOT_FOUND);
    await expect(getSavedSearch(t.db, other, id)).rejects.toMatchObject(NOT_FOUND);

    await changeSavedSearch(t.db, owner, { intent: "frequency", id, frequency: "off" });
    await changeSavedSearch(t.db, owner, { intent: "rename", id, name: "会计岗位" });
    expect(await getSavedSearch(t.db, owner, id)).toMatchObject({ name: "会计岗位", frequency: "off" });
    await changeSavedSearch(t.db, owner, { intent: "delete", id });
    await expect(getSavedSearch(t.db, owner, id)).rejects.toMatchObject(NOT_FOUND);
    await expect(changeSavedSearch(t.db, owner, { intent: "delete", id })).rejects.toMatchObject(NOT_FOUND);
  });

  it("is for seekers only", async () => {
    for (const role of ["employer", "counselor", "admin"] as const) {
      const actor = actorOf(await createUser(t.db, { role }));
      await expect(saveSearch(t.db, actor, { query: "", frequency: "daily" }, { locale: "zh-CN" })).rejects.toMatchObject(NOT_FOUND);
      await expect(listSavedSearches(t.db, actor)).rejects.toMatchObject(NOT_FOUND);
    }
  });
});
