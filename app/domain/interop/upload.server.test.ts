import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveImportFile, sanitizeFileName } from "./upload.server";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "qc-upload-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function upload(parts: { name: string; fileName?: string; body: string | Uint8Array }[]): Request {
  const form = new FormData();
  for (const p of parts) {
    if (p.fileName === undefined) form.append(p.name, typeof p.body === "string" ? p.body : new TextDecoder().decode(p.body));
    else form.append(p.name, new Blob([p.body as BlobPart]), p.fileName);
  }
  return new Request("http://localhost/admin/imports", { method: "POST", body: form });
}

const files = async () => (await readdir(dir)).sort();

describe("receiving an import file", () => {
  it("stores a CSV under a name of its own and returns the uploader's name, sanitized", async () => {
    const before = await files();
    const r = await receiveImportFile(upload([{ name: "x", body: "ignored" }, { name: "file", fileName: "遵义\u0007名单.CSV", body: "姓名\n张三\n" }]), dir);
    expect(r).toMatchObject({ ok: true, fileName: "遵义名单.CSV", size: 14 });
    if (!r.ok) return;
    expect(path.dirname(r.path)).toBe(dir);
    expect(path.basename(r.path)).toMatch(/^[0-9a-f-]{36}\.csv$/);
    expect(await readFile(r.path, "utf8")).toBe("姓名\n张三\n");
    expect((await files()).length).toBe(before.length + 1);
  });

  it("refuses a wrong type, an empty file, no file and a file too big, keeping nothing", async () => {
    const before = await files();
    expect(await receiveImportFile(upload([{ name: "file", fileName: "名单.pdf", body: "%PDF" }]), dir)).toEqual({ ok: false, error: "imports.err.fileType" });
    expect(await receiveImportFile(upload([{ name: "file", fileName: "名单.csv", body: "" }]), dir)).toEqual({ ok: false, error: "imports.err.fileEmpty" });
    expect(await receiveImportFile(upload([{ name: "file", fileName: "", body: "" }]), dir)).toEqual({ ok: false, error: "imports.err.fileRequired" });
    expect(await receiveImportFile(upload([{ name: "other", body: "x" }]), dir)).toEqual({ ok: false, error: "imports.err.fileRequired" });
    expect(await receiveImportFile(upload([{ name: "file", fileName: "大.xlsx", body: new Uint8Array(2048) }]), dir, 1024)).toEqual({ ok: false, error: "imports.err.fileTooBig" });
    expect(await files()).toEqual(before);
  });

  it("refuses a body that is not multipart, or broken multipart", async () => {
    const plain = new Request("http://localhost/admin/imports", { method: "POST", body: new URLSearchParams({ file: "x" }) });
    expect(await receiveImportFile(plain, dir)).toEqual({ ok: false, error: "imports.err.fileRequired" });
    const broken = new Request("http://localhost/admin/imports", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=qc" },
      body: '--qc\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx',
    });
    expect(await receiveImportFile(broken, dir)).toEqual({ ok: false, error: "imports.err.fileUnreadable" });
  });

  it("sanitizes names: last segment, no control or reserved characters, no leading dots, at most 120 characters", () => {
    expect(sanitizeFileName("C:\\Users\\王\\名单.xlsx")).toBe("名单.xlsx");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("..hidden.csv")).toBe("hidden.csv");
    expect(sanitizeFileName("a<b>|c?.csv")).toBe("abc.csv");
    const long = sanitizeFileName(`${"名".repeat(200)}.csv`);
    expect(long.length).toBe(120);
    expect(long.endsWith(".csv")).toBe(true);
  });
});
