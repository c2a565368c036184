/**
 * Receiving a real-name data file from the admins' upload form (issue 18). The edge passes the multipart body
 * through unread (server/input-limits.ts UPLOAD_ROUTES), so this is where it is bounded: the one `file` part is
 * written to the import folder as it arrives (never the public folder; a name of our own on disk), at most
 * MAX_IMPORT_FILE_BYTES; every other part, and a file refused, is read and thrown away, so nothing is held in memory.
 */
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "../permissions";
import {
  MaxPartSizeExceededError,
  unstable_createFileUploadHandler,
  unstable_parseMultipartFormData,
  type NodeOnDiskFile,
  type UploadHandler,
} from "@remix-run/node";

export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;
/** What the rest of a refused body may hold before it is no longer read (the edge refuses larger declared bodies). */
const MAX_DISCARDED_BYTES = 200 * 1024 * 1024;
export const IMPORT_FILE_TYPES = [".csv", ".xlsx"] as const;

export type UploadError = "imports.err.fileRequired" | "imports.err.fileType" | "imports.err.fileTooBig" | "imports.err.fileEmpty" | "imports.err.fileUnreadable";
export type Upload = { ok: true; path: string; fileName: string; size: number } | { ok: false; error: UploadError };

/** Where uploaded files are kept until their import ends: IMPORT_DIR, else data/imports under the working directory. */
export function importDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.IMPORT_DIR || "data/imports");
}

/**
 * The name the file had on the uploader's computer, as it is shown and recorded: its last path segment, without
 * control characters, NFC, at most 120 characters (the extension kept). Empty when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? "").normalize("NFC");
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  if (clean.length <= 120) return clean;
  const ext = path.extname(clean).slice(0, 10);
  return clean.slice(0, 120 - ext.length) + ext;
}

function fileType(name: string): (typeof IMPORT_FILE_TYPES)[number] | null {
  const lower = name.toLowerCase();
  return IMPORT_FILE_TYPES.find((t) => lower.endsWith(t)) ?? null;
}

async function discard(data: AsyncIterable<Uint8Array>, budget: { left: number }): Promise<void> {
  for await (const chunk of data) {
    budget.left -= chunk.byteLength;
    if (budget.left < 0) throw new Error("upload: discarded more than the limit");
  }
}

/** Reads and drops a request's body (a refused upload): the connection stays usable and nothing is kept. */
export async function discardBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  try {
    await discard(request.body as unknown as AsyncIterable<Uint8Array>, { left: MAX_DISCARDED_BYTES });
  } catch {
    await request.body.cancel().catch(() => undefined);
  }
}

/**
 * Reads the upload form's body: the `file` part, if it is a CSV or XLSX file of 1 byte to 50 MB, is stored under
 * `directory` and returned; otherwise the reason, as a message key for the form.
 */
export async function receiveImportFile(request: Request, directory = importDirectory(), maxBytes = MAX_IMPORT_FILE_BYTES): Promise<Upload> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "multipart/form-data") {
    await discardBody(request);
    return { ok: false, error: "imports.err.fileRequired" };
  }
  const budget = { left: MAX_DISCARDED_BYTES };
  // Set by the handler as the parts arrive (an object: TypeScript does not follow assignments made in a callback).
  const seen: { stored: { path: string; fileName: string; size: number } | null; error: UploadError | null } = { stored: null, error: null };
  const write = unstable_createFileUploadHandler({
    directory,
    avoidFileConflicts: false,
    maxPartSize: maxBytes,
    file: ({ filename }) => `${randomUUID()}${fileType(filename) ?? ""}`,
  });
  const handler: UploadHandler = async (part) => {
    if (part.name !== "file" || part.filename === undefined || seen.stored || seen.error) {
      await discard(part.data, budget);
      return undefined;
    }
    const fileName = sanitizeFileName(part.filename);
    if (!fileName) seen.error = "imports.err.fileRequired";
    else if (!fileType(fileName)) seen.error = "imports.err.fileType";
    if (seen.error) {
      await discard(part.data, budget);
      return undefined;
    }
    try {
      const file = (await write({ ...part, filename: fileName })) as NodeOnDiskFile | undefined;
      if (!file) seen.error = "imports.err.fileUnreadable";
      else if (file.size === 0) {
        seen.error = "imports.err.fileEmpty";
        await rm(file.getFilePath(), { force: true });
      } else seen.stored = { path: file.getFilePath(), fileName, size: file.size };
    } catch (e) {
      if (!(e instanceof MaxPartSizeExceededError)) throw e;
      // The part written so far is deleted by the handler; the rest of it is read and dropped.
      seen.error = "imports.err.fileTooBig";
      await discard(part.data, budget);
    }
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch {
    // A body that is not multipart after all, cut short or over the limit: nothing is kept.
    if (seen.stored) await rm(seen.stored.path, { force: true });
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, error: seen.error ?? "imports.err.fileUnreadable" };
  }
  if (seen.stored) return { ok: true, ...seen.stored };
  return { ok: false, error: seen.error ?? "imports.err.fileRequired" };
}

/**
 * Whether the actor may upload and import real-name data: admins with a region (the province's, or a prefecture's or
 * county's for its own people; the import rejects rows outside it). Asked before the body is read, so nobody else
 * gets a file written to disk.
 */
export function mayImportPeople(actor: Actor): boolean {
  return actor.role === "admin" && !!actor.regionCode;
}
