/**
 * Open data and the national reporting export on the real server (issue 18): the public files' content types,
 * cache headers and licence line, and that no count cell anywhere in them is 1–4; the export's region scoping, the
 * documented headers and its audit row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../fixtures/factories";
import { COLUMNS } from "../../app/domain/interop/columns";
import { startTestServer, type TestServer } from "./harness";

let s: TestServer;
let zunyi: { id: string; cookie: string };
beforeAll(async () => {
  s = await startTestServer();
  const u = await createUser(s.handle.db, { role: "admin", regionCode: "520300", displayName: "遵义市残联（开放数据测试）" });
  zunyi = { id: u.id, cookie: await s.cookieFor(u.id) };
}, 300_000);
afterAll(async () => s?.close());

const COUNT_KEYS = new Set(["value", "numerator", "denominator", "employers", "met", "exempt", "not_met"]);

describe("open data", () => {
  it("explains the datasets, the licence and the suppression on a public page", async () => {
    const r = await fetch(`${s.url}/open-data`);
    expect(r.status).toBe(200);
    const html = await r.text();
    for (const text of ["CC BY 4.0", "/open-data/indicators.csv", "/open-data/quota-disclosure.json", "&lt;5"]) expect(html).toContain(text);
  });

  for (const name of ["indicators", "quota-disclosure"]) {
    it(`serves ${name} as JSON and CSV with the licence, public caching, and no count of 1–4`, async () => {
      const j = await fetch(`${s.url}/open-data/${name}.json`);
      expect(j.status).toBe(200);
      expect(j.headers.get("content-type")).toMatch(/^application\/json/);
      expect(j.headers.get("cache-control")).toBe("public, max-age=3600");
      const d = (await j.json()) as { licence: string; source: string; rows: Record<string, unknown>[]; columns: { key: string }[] };
      expect(d.licence).toBe("CC BY 4.0");
      expect(d.source).toContain("黔程");
      for (const row of d.rows) {
        for (const [k, v] of Object.entries(row)) {
          if (!COUNT_KEYS.has(k)) continue;
          if (k === "value" && row.kind === "rate") continue;
          expect(typeof v === "number" && v >= 1 && v <= 4, `${JSON.stringify(row)} ${k}`).toBe(false);
          if (typeof v === "string") expect(["<5", "x"]).toContain(v);
        }
      }

      const c = await fetch(`${s.url}/open-data/${name}.csv`);
      expect(c.status).toBe(200);
      expect(c.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(c.headers.get("cache-control")).toBe("public, max-age=3600");
      const lines = (await c.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
      expect(lines[0]).toMatch(/^# 许可 License: CC BY 4\.0 /);
      const header = lines[1]!.split(",");
      expect(header).toEqual(d.columns.map((x) => x.key));
      expect(lines.length - 2).toBe(d.rows.length);
      const countColumns = header.map((h, i) => (COUNT_KEYS.has(h) ? i : -1)).filter((i) => i >= 0);
      const kindColumn = header.indexOf("kind");
      for (const line of lines.slice(2)) {
        // No field here holds a comma: the names and codes are plain.
        const cells = line.split(",");
        for (const i of countColumns) {
          if (header[i] === "value" && cells[kindColumn] === "rate") continue;
          expect(/^[1-4]$/.test(cells[i]!), `${line}`).toBe(false);
        }
      }
    }, 300_000);
  }
});

describe("the export for the national reporting", () => {
  const post = (form: Record<string, string>) =>
    fetch(`${s.url}/statistics/national-export/download`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: zunyi.cookie, origin: s.origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });

  it("refuses a 遵义 admin 贵阳's region, and writes nothing", async () => {
    const r = await post({ regionCode: "520100", format: "csv" });
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/statistics/national-export?invalid=region");
    const audit = await s.handle.db.selectFrom("audit_event").select("id").where("actor_id", "=", zunyi.id).where("entity", "=", "national_export").execute();
    expect(audit).toHaveLength(0);
  });

  it("downloads 遵义's people in the documented columns, audited and listed", async () => {
    const r = await post({ regionCode: "520300", format: "csv" });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("cache-control")).toMatch(/no-store/);
    const first = (await r.text()).replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(first).toBe(COLUMNS.map((c) => c.zh).join(","));
    const x = await post({ regionCode: "520302", format: "xlsx" });
    expect(x.status).toBe(200);
    expect(x.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await x.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const page = await (await fetch(`${s.url}/statistics/national-export`, { headers: { cookie: zunyi.cookie } })).text();
    expect(page).toContain("遵义市残联（开放数据测试）");
    expect(page).toContain("XLSX");
  });
});
