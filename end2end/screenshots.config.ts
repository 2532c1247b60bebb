import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The screenshots of the README's tour and the user guide: the same servers as the end-to-end
// tests, the walk in tour/. Writes docs/screenshots/*.png. Run with scripts/screenshots.sh.
export default defineConfig({
  ...base,
  testDir: "./tour",
  testMatch: "**/*.tour.ts",
  timeout: 300_000,
});
