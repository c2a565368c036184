// Serves the built app for the e2e tests on a throwaway PGlite database.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SERVER_ARGS } from "./server-args.mjs";

const dir = mkdtempSync(join(tmpdir(), "qiancheng-e2e-"));
const child = spawn(process.execPath, SERVER_ARGS, {
  stdio: "inherit",
    // Every test registers from 127.0.0.1: more than one address's hourly registrations.
  env: { ...process.env, NODE_ENV: "production", PGLITE_DIR: join(dir, "pglite"), DATABASE_URL: "", REGISTRATIONS_PER_ADDRESS_HOUR: "1000", JOB_POLL_MS: process.env.JOB_POLL_MS || "200",
    // Saved-search digests every few seconds instead of at 08:30 Shanghai (tests/e2e/alerts.spec.ts).
    ALERT_DIGEST_EVERY_SECONDS: process.env.ALERT_DIGEST_EVERY_SECONDS || "3" },
});
function stop(signal) {
  child.kill(signal);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
