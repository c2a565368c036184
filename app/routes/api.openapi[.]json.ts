import { openApiDocument } from "~/domain/api/schemas";

// GET /api/openapi.json — the partner API's OpenAPI 3.1 document, generated from its zod schemas (public).
export function loader() {
  return new Response(JSON.stringify(openApiDocument()), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
