// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { SERVER_ARGS } from "./server-args.mjs";

const BUILD = "build/server/index.js";

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const sources = ["app", "vite.config.ts", "package.json"].filter(existsSync);
const stale = !existsSync(BUILD) || Math.max(...sources.map(newestMtime)) > statSync(BUILD).mtimeMs;
if (stale) {
  console.log("Building the app (first start, or the sources changed)…");
  const r = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, SERVER_ARGS, {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
