/** Ids in URLs and forms: anything that is not a UUID names nothing, so it answers 404 like a missing row. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

export function requireUuid(id: string | null | undefined): asserts id is string {
  if (!id || !UUID_RE.test(id)) notFound();
}
