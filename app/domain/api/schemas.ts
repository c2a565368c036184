/**
 * The partner API's contract (issue 18): zod schemas of every query and answer of `/api/v1/…`, used twice — the
 * routes parse their answers with them (what is not in the schema does not leave the server), and the OpenAPI 3.1
 * document at `/api/openapi.json` is generated from them (@asteasolutions/zod-to-openapi). docs/api.md describes the
 * same endpoints for people.
 */
import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { RECORDED_INDICATORS } from "../statistics/contract";
import { API_SCOPES } from "./tokens.schema";

extendZodWithOpenApi(z);

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;

const EMPLOYMENT_TYPES = [
  "full_time",
  "part_time",
  "flexible",
  "auxiliary",
  "public_welfare",
] as const;
const EVENT_KINDS = [
  "graduates",
  "general",
  "rural",
  "online",
  "competition",
] as const;

const regionCode = z
  .string()
  .regex(/^\d{6}$/)
  .openapi({
    description: "A division code (GB/T 2260), six digits",
    example: "520100",
  });
const dateTime = z
  .string()
  .datetime({ offset: true })
  .openapi({ format: "date-time", example: "2026-12-01T08:00:00.000Z" });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ format: "date", example: "2026-12-31" });
const uuid = z.string().uuid().openapi({ format: "uuid" });

// -------------------------------------------------------------------------------------------------------------
// Queries (what the routes accept; anything else is a 400)

const pageParams = {
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(1)
    .openapi({ description: "Page number, from 1", example: 1 }),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX)
    .default(PAGE_SIZE_DEFAULT)
    .openapi({
      description: `Items per page (at most ${PAGE_SIZE_MAX})`,
      example: PAGE_SIZE_DEFAULT,
    }),
};

export const vacancyQuerySchema = z
  .object({
    region: regionCode
      .optional()
      .openapi({
        description:
          "Only vacancies in this division or below it (a prefecture's code includes its counties)",
      }),
    accommodations: z
      .string()
      .regex(/^[a-z_]+(,[a-z_]+)*$/)
      .optional()
      .openapi({
        description:
          "Comma-separated accommodation codes; a vacancy must offer all of them",
        example: "step_free,screen_reader",
      }),
    updatedSince: dateTime
      .optional()
      .openapi({
        description:
          "Only vacancies changed at or after this instant (for incremental copies)",
      }),
    ...pageParams,
  })
  .strict()
  .openapi("VacancyQuery");

export const eventQuerySchema = z
  .object({
    region: regionCode
      .optional()
      .openapi({
        description: "Only events held in this division or below it",
      }),
    from: day
      .optional()
      .openapi({
        description:
          "Only events ending on or after this day (default: today, Asia/Shanghai)",
      }),
    ...pageParams,
  })
  .strict()
  .openapi("EventQuery");

export const statisticsQuerySchema = z
  .object({
    region: regionCode
      .optional()
      .openapi({
        description:
          "The region; default: the token's region. Must lie within the token's region (403 otherwise)",
      }),
    year: z.coerce
      .number()
      .int()
      .min(2016)
      .max(2100)
      .optional()
      .openapi({
        description: "A calendar year; default: this year",
        example: 2026,
      }),
  })
  .strict()
  .openapi("StatisticsQuery");

export const idParamsSchema = z.object({
  id: uuid.openapi({ param: { name: "id", in: "path" } }),
});

// -------------------------------------------------------------------------------------------------------------
// Answers

const region = z
  .object({ code: regionCode, name: z.string().openapi({ example: "贵阳市" }) })
  .openapi("Region");

const pageMeta = {
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
};

// The detail's fields are spelt out again rather than `.extend`ed: an extended registered schema becomes `allOf` of
// the two in the document, which no answer can satisfy when both forbid additional properties.
const vacancySummaryShape = {
  id: uuid,
  title: z.string(),
  organization: z
    .object({ name: z.string(), type: z.string() })
    .openapi({ description: "The employer (a verified organization)" }),
  region,
  place: z
    .string()
    .openapi({
      description: "The county and prefecture, in words",
      example: "贵阳市云岩区",
    }),
  remote: z.boolean(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  openings: z.number().int(),
  payMin: z.number().openapi({ description: "Monthly pay, yuan" }),
  payMax: z.number(),
  accommodations: z
    .array(z.string())
    .openapi({ description: "Accommodation codes the employer offers" }),
  demands: z
    .array(z.string())
    .openapi({ description: "What the work demands (codes)" }),
  quotaEligible: z
    .boolean()
    .openapi({
      description: "Counts towards the employer's disability employment quota",
    }),
  status: z.enum(["open", "closed", "filled"]),
  closingDate: day.nullable(),
  publishedAt: dateTime.nullable(),
  updatedAt: dateTime,
  url: z
    .string()
    .openapi({
      description: "The vacancy's public page",
      example: "/vacancies/2a0c…",
    }),
};

export const vacancySummarySchema = z
  .object(vacancySummaryShape)
  .strict()
  .openapi("VacancySummary");

export const vacancySchema = z
  .object({
    ...vacancySummaryShape,
    description: z.string(),
    category: z.string(),
    address: z.string().openapi({ description: "The workplace's address" }),
    hours: z.string(),
    educationRequired: z.string(),
    skills: z.array(z.string()),
    requiredCertificates: z.array(z.string()),
  })
  .strict()
  .openapi("Vacancy");

export const vacancyListSchema = z
  .object({ ...pageMeta, results: z.array(vacancySummarySchema) })
  .strict()
  .openapi("VacancyList");

export const eventSchema = z
  .object({
    id: uuid,
    title: z.string(),
    kind: z.enum(EVENT_KINDS),
    startsAt: dateTime,
    endsAt: dateTime,
    registrationDeadline: dateTime,
    region,
    place: z.string(),
    venue: z.string(),
    onlineUrl: z.string().nullable(),
    arrangements: z
      .array(z.string())
      .openapi({
        description: "Accessibility arrangements at the event (codes)",
      }),
    capacity: z.number().int(),
    description: z.string(),
    publishedAt: dateTime.nullable(),
    updatedAt: dateTime,
    url: z.string(),
  })
  .strict()
  .openapi("Event");

export const eventListSchema = z
  .object({ ...pageMeta, results: z.array(eventSchema) })
  .strict()
  .openapi("EventList");

const indicatorSchema = z
  .object({
    code: z.enum(RECORDED_INDICATORS),
    name: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    kind: z.enum(["count", "rate"]),
    target: z
      .number()
      .nullable()
      .openapi({
        description:
          "Null when no target is set; rates are fractions (0.6 = 60%)",
      }),
    actual: z.number().nullable(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    expectedByNow: z.number().nullable(),
    shareDone: z.number().nullable(),
    status: z.enum(["done", "on_track", "behind", "no_target", "not_recorded"]),
    breakdown: z
      .array(z.object({ key: z.string(), value: z.number() }).strict())
      .optional(),
  })
  .strict()
  .openapi("Indicator");

export const statisticsSchema = z
  .object({
    region,
    year: z.number().int(),
    asOf: day,
    indicators: z.array(indicatorSchema),
    subRegions: z.array(
      z
        .object({
          region,
          actuals: z
            .record(z.string(), z.number().nullable())
            .openapi({ description: "Actual per indicator code" }),
        })
        .strict()
    ),
  })
  .strict()
  .openapi("Statistics");

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: "about:blank" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z
      .enum([
        "unauthorized",
        "forbidden_scope",
        "region_not_allowed",
        "rate_limited",
        "invalid_parameters",
        "not_found",
      ])
      .openapi({ description: "What went wrong, for programs" }),
    parameters: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          "invalid_parameters: the parameters that could not be read",
      }),
    requiredScope: z
      .enum(API_SCOPES as unknown as [string, ...string[]])
      .optional(),
  })
  .strict()
  .openapi("Problem", {
    description: "RFC 9457 problem details (application/problem+json)",
  });

export type Problem = z.infer<typeof problemSchema>;
export type VacancyJson = z.infer<typeof vacancySchema>;
export type VacancySummaryJson = z.infer<typeof vacancySummarySchema>;
export type EventJson = z.infer<typeof eventSchema>;
export type StatisticsJson = z.infer<typeof statisticsSchema>;

// -------------------------------------------------------------------------------------------------------------
// The document

const rateLimitHeaders = {
  "RateLimit-Limit": {
    description: "Requests allowed per minute for this token",
    schema: { type: "integer" as const },
  },
  "RateLimit-Remaining": {
    description: "Requests left in this minute's window",
    schema: { type: "integer" as const },
  },
  "RateLimit-Reset": {
    description: "Seconds until the window resets",
    schema: { type: "integer" as const },
  },
};

function problem(
  description: string,
  extraHeaders: Record<
    string,
    { description: string; schema: { type: "integer" | "string" } }
  > = {}
) {
  return {
    description,
    headers: extraHeaders,
    content: { "application/problem+json": { schema: problemSchema } },
  };
}

const COMMON_ERRORS = {
  401: problem(
    "No token, or a token that is malformed, unknown, expired or revoked",
    {
      "WWW-Authenticate": {
        description: 'Bearer realm="qiancheng"',
        schema: { type: "string" },
      },
    }
  ),
  403: problem("The token lacks the scope this endpoint needs"),
  429: problem("Too many requests for this token in this minute", {
    "Retry-After": {
      description: "Seconds to wait",
      schema: { type: "integer" },
    },
    ...rateLimitHeaders,
  }),
};

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "A partner token (`qc_…`) created by a federation admin at /admin/api-tokens",
  });
  registry.register("Problem", problemSchema);
  const security = [{ bearer: [] }];
  registry.registerPath({
    method: "get",
    path: "/api/v1/vacancies",
    operationId: "listVacancies",
    summary: "Open vacancies",
    description:
      "Open vacancies of verified employers whose closing date has not passed, most recently changed first. Scope `vacancies:read`.",
    security,
    request: { query: vacancyQuerySchema },
    responses: {
      200: {
        description: "A page of vacancies",
        headers: rateLimitHeaders,
        content: { "application/json": { schema: vacancyListSchema } },
      },
      400: problem("A parameter could not be read (named in `parameters`)"),
      ...COMMON_ERRORS,
      404: problem("The page is past the last one"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/vacancies/{id}",
    operationId: "getVacancy",
    summary: "One vacancy",
    description:
      "A published vacancy of a verified employer (open, closed or filled). Scope `vacancies:read`.",
    security,
    request: { params: idParamsSchema },
    responses: {
      200: {
        description: "The vacancy",
        headers: rateLimitHeaders,
        content: { "application/json": { schema: vacancySchema } },
      },
      ...COMMON_ERRORS,
      404: problem("No such published vacancy"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/events",
    operationId: "listEvents",
    summary: "Published recruitment events",
    description:
      "Published events ending on or after `from`, soonest first. Scope `events:read`.",
    security,
    request: { query: eventQuerySchema },
    responses: {
      200: {
        description: "A page of events",
        headers: rateLimitHeaders,
        content: { "application/json": { schema: eventListSchema } },
      },
      400: problem("A parameter could not be read (named in `parameters`)"),
      ...COMMON_ERRORS,
      404: problem("The page is past the last one"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/statistics/indicators",
    operationId: "getIndicators",
    summary: "The plan's indicators for a region and year",
    description:
      "The indicators of the disability employment plan for one region (the token's by default) and one calendar year, with the actuals of the regions directly under it. Scope `statistics:read`; the region must lie within the token's region.",
    security,
    request: { query: statisticsQuerySchema },
    responses: {
      200: {
        description: "The indicators",
        headers: rateLimitHeaders,
        content: { "application/json": { schema: statisticsSchema } },
      },
      400: problem(
        "A parameter could not be read, or the region does not exist"
      ),
      ...COMMON_ERRORS,
      403: problem(
        "The token lacks `statistics:read`, or the region lies outside the token's region"
      ),
    },
  });
  return registry;
}

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | null = null;

/** The OpenAPI 3.1 document (built once per process). */
export function openApiDocument() {
  cached ??= new OpenApiGeneratorV31(
    buildRegistry().definitions
  ).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "黔程 Qiancheng partner API",
      version: "1.0.0",
      description:
        "Read access for partners of the Guizhou disability federation: open vacancies, recruitment events and the plan's statistics. Tokens are created by federation admins; see docs/api.md.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
  });
  return cached;
}
