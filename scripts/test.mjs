// `npm test`: everything a fresh machine can run — types, unit and domain tests (PGlite, or PostgreSQL when
// DATABASE_URL is set), a production build, and the e2e suite in Debian's Chromium with axe.
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
  ["Unit and domain tests", "npx", ["vitest", "run"]],
  ["Production build", "npx", ["remix", "vite:build"]],
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
