import { execFileSync } from "node:child_process";
import { PORT } from "../playwright.config";
import { expect, signedInAdministrator, test, waitForHydration } from "./support";

test("an administrator makes an access key shown once, the API answers it, and revoking it shuts it out", async ({
  page,
}) => {
  const email = await signedInAdministrator(page, "restapi", "Pipeline Works Ltd");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "REST APIs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "REST APIs" })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByText("No access keys yet.")).toBeVisible();

  // A key without a description is refused beside the field, and nothing is made.
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByLabel("Description")).toHaveJSProperty("validity.valueMissing", true);

  // The only user is the administrator, chosen by default.
  await expect(page.getByLabel("Acts as")).toContainText(email);
  await page.getByLabel("Description").fill("Deploy pipeline");
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toContainText("shown only this once");
  const key = await page.getByRole("textbox", { name: "Access key", exact: true }).inputValue();
  expect(key).toMatch(/^rlk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  const keys = page.getByRole("table", { name: "Access keys" });
  await expect(keys).toContainText("Deploy pipeline");
  await expect(keys).not.toContainText(key.split("_").pop()!);

  // The key works against the API, with no browser session.
  const api = await page.request.fetch("/api/v1/orders", {
    headers: { Authorization: `Bearer ${key}`, Cookie: "" },
  });
  expect(api.status()).toBe(200);
  expect((await api.json()).total).toBe(0);

  // The OpenAPI document holds: every documented operation answers what it documents.
  const schemathesis = (args: string[]) => {
    try {
      return execFileSync("schemathesis", args, { stdio: "pipe", timeout: 240_000 }).toString();
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`schemathesis found problems:\n${err.stdout?.toString()}\n${err.stderr?.toString()}`);
    }
  };
  const out = schemathesis(
    [
      "run",
      `http://127.0.0.1:${PORT}/api/v1/openapi.json`,
      "--url",
      `http://127.0.0.1:${PORT}`,
      "--header",
      `Authorization: Bearer ${key}`,
      "--checks",
      "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
      "--max-examples",
      "8",
      "--no-color",
    ],
  );
  expect(out).not.toMatch(/FAILURES|Failed checks/);

  // Gone after a reload: only its public id remains.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  const row = keys.getByRole("row").filter({ hasText: "Deploy pipeline" });
  await expect(row).toContainText("Active");

  await row.getByLabel("Yes, revoke").check();
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status")).toContainText("revoked");
  await expect(keys.getByRole("row").filter({ hasText: "Deploy pipeline" })).toContainText("Revoked");
  const refused = await page.request.fetch("/api/v1/orders", {
    headers: { Authorization: `Bearer ${key}`, Cookie: "" },
  });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});
