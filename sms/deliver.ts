// Work in progress (helper "sms"): the final signature; the body follows shortly.
import type { Selectable } from "kysely";
import type { DeliveryTable } from "../db/schema";
import type { JobContext } from "../jobs/queue";

export async function deliverSms(context: JobContext, delivery: Selectable<DeliveryTable>): Promise<"sent" | "held"> {
  void context;
  void delivery;
  throw new Error("deliverSms: not implemented yet");
}
