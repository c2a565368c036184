/** Provincial bodies (issue 13; client-safe): the flags an admin sets on an organization. */
import { z } from "zod";
import type { ProvincialBodyKind } from "../../../db/schema";

/** 省级党政机关 (a provincial Party or government body) and 残工委成员单位 (a member unit of the disability working committee). */
export const PROVINCIAL_BODY_KINDS = ["party_government", "committee_member"] as const satisfies readonly ProvincialBodyKind[];

export const provincialBodySchema = z.object({
  organizationId: z.string({ required_error: "realname.err.organizationGone" }).uuid("realname.err.organizationGone"),
  kinds: z.array(z.enum(PROVINCIAL_BODY_KINDS, { errorMap: () => ({ message: "realname.err.choiceInvalid" }) })).default([]),
});
export type ProvincialBodyInput = z.infer<typeof provincialBodySchema>;

/** Where "employs at least one disabled person" comes from. */
export type EmployingSource = "declaration" | "records" | "both";
