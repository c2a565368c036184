/**
 * Training on the profile (issue 14; client-safe): which of one's training certificates are shown on the profile.
 * Messages are message keys (app/i18n/messages/training-profile.ts).
 */
import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of the certificates ticked "show on my profile"; those not ticked are hidden. */
export const certificateVisibilitySchema = z.object({
  shown: z
    .array(z.string())
    .refine((list) => list.every((id) => UUID.test(id)), "trainingProfile.err.unknownCertificate")
    .transform((list) => [...new Set(list.map((id) => id.toLowerCase()))])
    .default([]),
});
export type CertificateVisibilityInput = z.infer<typeof certificateVisibilitySchema>;
