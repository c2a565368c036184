import { getDb } from "../../db/database";
import { cachedDataset, datasetResponse } from "~/domain/opendata/opendata.server";

// Open data (issue 18): public, no sign-in; aggregate figures with small-count suppression, CC BY 4.0 (see /open-data).
export async function loader() {
  return datasetResponse(await cachedDataset(await getDb(), "quota-disclosure"), "json");
}
