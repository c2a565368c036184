import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "server/**/*.test.ts", "tests/http/**/*.test.ts", "search/**/*.test.ts", "tests/search/**/*.test.ts", "tests/unit/**/*.test.ts", "sms/**/*.test.ts", "mail/**/*.test.ts", "jobs/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Domain tests on PostgreSQL share one database: run files one after another there.
    fileParallelism: !process.env.DATABASE_URL,
    setupFiles: ["./tests/setup-console.ts", "./app/i18n/catalogs.server.ts"],
  },
});
