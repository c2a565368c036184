// `npm test`: everything a fresh machine can run — types, a production build, unit, domain and HTTP tests (PGlite,
// or PostgreSQL when DATABASE_URL is set), and the e2e suite in Debian's Chromium with axe.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}.
The e2e tests drive Debian's Chromium (Playwright cannot download browsers here). Install it with:
  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk
or point CHROMIUM_PATH at a Chromium or Chrome binary.`);
  process.exit(1);
}

const steps = [
  ["Type check", "npx", ["tsc", "--noEmit"]],
  // The build comes first: the standing HTTP suites (tests/http) drive it in process.
  ["Production build", "npx", ["remix", "vite:build"]],
  ["Unit, domain and HTTP tests", "npx", ["vitest", "run"]],
  ["End-to-end tests (Chromium + axe)", "npx", ["playwright", "test"]],
];

for (const [title, cmd, args] of steps) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed.`);
    process.exit(r.status ?? 1);
  }
}
console.log("\n✔ All checks passed.");
