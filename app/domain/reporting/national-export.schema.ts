import { z } from "zod";

/** The national reporting export's form: a division code (checked against the admin's region by the use-case) and a format. */
export const nationalExportSchema = z.object({
  regionCode: z.string({ required_error: "nationalExport.err.region" }).regex(/^\d{6}$/, "nationalExport.err.region"),
  format: z.enum(["xlsx", "csv"], { errorMap: () => ({ message: "nationalExport.err.format" }) }),
});
