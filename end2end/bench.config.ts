import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// Benchmarks: the same servers as the end-to-end tests, the specs in bench/. They print figures
// and assert nothing about speed. Run with scripts/bench-portal.sh.
export default defineConfig({
  ...base,
  testDir: "./bench",
  testMatch: "**/*.bench.ts",
  timeout: 600_000,
});
