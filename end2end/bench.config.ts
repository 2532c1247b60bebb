import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// Benchmarks: the same servers as the end-to-end tests, the specs in bench/. They print figures
// and assert nothing about speed. Run with scripts/bench-portal.sh.
// ROOTLINE_BENCH_DATABASE_URL (set by the script from ROOTLINE_BENCH_POSTGRES_URL) points the
// server at a PostgreSQL database instead of its SQLite file.
const database = process.env.ROOTLINE_BENCH_DATABASE_URL;
const servers = Array.isArray(base.webServer) ? base.webServer : base.webServer ? [base.webServer] : [];

export default defineConfig({
  ...base,
  testDir: "./bench",
  testMatch: "**/*.bench.ts",
  timeout: 600_000,
  webServer: servers.map((server) =>
    database && server.command.endsWith(" serve")
      ? { ...server, env: { ...server.env, ROOTLINE_DATABASE_URL: database } }
      : server,
  ),
});
