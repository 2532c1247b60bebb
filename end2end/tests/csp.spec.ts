import { BASE, expect, signedInAdministrator, test, waitForHydration } from "./support";

/// The `'nonce-…'` value of a Content-Security-Policy header.
function nonceOf(csp: string): string {
  const match = csp.match(/'nonce-([A-Za-z0-9+/_=-]+)'/);
  if (!match) throw new Error(`no nonce in ${csp}`);
  return match[1];
}

test("every response carries the security headers, each page its own nonce", async ({ request }) => {
  // A page that loads the bundle (the sign-in page itself is plain HTML, with no script).
  const first = await request.get(`${BASE}/sign-in/passkey`);
  const second = await request.get(`${BASE}/sign-in/passkey`);
  const csp = first.headers()["content-security-policy"];
  expect(csp).toContain("script-src 'self' 'nonce-");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(nonceOf(csp)).not.toEqual(nonceOf(second.headers()["content-security-policy"]));
  expect(await first.text()).toContain(`nonce="${nonceOf(csp)}"`);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["referrer-policy"]).toBe("same-origin");
  expect(first.headers()["cache-control"]).toBe("no-store");
  for (const path of ["/sign-in", "/acme/directory", "/api/v1/openapi.json", "/api/v1/docs", "/pkg/rootline.css"]) {
    const res = await request.get(`${BASE}${path}`);
    expect(res.headers()["content-security-policy"], path).toContain("default-src 'self'");
    expect(res.headers()["x-frame-options"], path).toBe("DENY");
  }
  const sheet = await request.get(`${BASE}/pkg/rootline.css`);
  expect(sheet.ok()).toBeTruthy();
  expect(sheet.headers()["cache-control"]).toBe("no-cache");

  // A page with an island names the bundle's folder, named after its content's hash, to its
  // script, which loads the main module, its wasm and the chunk loader from there; all are
  // cached for a year and served pre-compressed in the encoding the browser accepts. (The page
  // a confirmation mail links to has an island for everyone.)
  const html = await (await request.get(`${BASE}/dcv/confirm/example.com/no-such-value`)).text();
  const folder = html.match(/"(pkg\/[0-9a-f]{16})"/)?.[1];
  expect(folder, html.slice(0, 3000)).toBeTruthy();
  const hashed = ["rootline.js", "rootline.wasm", "__wasm_split.______________________.js"].map((f) => `/${folder}/${f}`);
  for (const path of hashed) {
    for (const encoding of ["br", "gzip"]) {
      const res = await request.get(`${BASE}${path}`, { headers: { "accept-encoding": encoding } });
      expect(res.ok(), path).toBeTruthy();
      expect(res.headers()["content-encoding"], `${path} (${encoding})`).toBe(encoding);
      expect(res.headers()["cache-control"], path).toBe("public, max-age=31536000, immutable");
    }
  }
});

test("with the policy enforced the page hydrates and its wasm-driven buttons work", async ({ page }) => {
  // The order wizard's steps are client-side only: "Next" works only if the wasm runs.
  await signedInAdministrator(page, "csp", "Policy Enforced Ltd");
  // Its code comes in one pack of chunks, not chunk by chunk.
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const response = await page.goto("/orders/new");
  const nonce = nonceOf(response!.headers()["content-security-policy"]);
  await waitForHydration(page);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  // The hydration script ran with the response's nonce (the DOM hides the attribute's value,
  // the property keeps it).
  const scriptNonces = await page.evaluate(() =>
    Array.from(document.querySelectorAll("script")).map((s) => s.nonce),
  );
  expect(scriptNonces.length).toBeGreaterThan(0);
  for (const n of scriptNonces) expect(n).toBe(nonce);

  await expect(page.getByRole("heading", { level: 2, name: "Product & validity" })).toBeVisible();
  await expect(page.getByTestId("live-price")).toContainText(/USD \d+\.\d\d/);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Requester" })).toBeVisible();
  // Any violation on the way was a console error, which fails the test (support.ts).
  expect(fetched.filter((p) => /\/pack\/steps$/.test(p))).toHaveLength(1);
  expect(fetched.filter((p) => /\/(chunk_\d+|split_\w+)\.wasm$/.test(p))).toEqual([]);
});

test("the pages a new visitor opens first are plain HTML: no wasm and no script file is fetched", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => {
    if (/\.(wasm|m?js)(\?|$)/.test(r.url())) fetched.push(r.url());
  });
  for (const path of ["/sign-in", "/sign-up", "/track/no-such-token-0000000000000000000000000000000", "/sign-up/check-email"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("html[data-static]"), path).toHaveCount(1);
    await expect(page.locator("html[data-hydrated]"), path).toHaveCount(0);
  }
  expect(fetched).toEqual([]);
  // A page with an island (the button a confirmation mail leads to) gets the bundle.
  await page.goto("/dcv/confirm/example.com/no-such-value");
  await waitForHydration(page);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  expect(fetched.some((u) => u.endsWith(".wasm"))).toBe(true);
});

test("a page a refused post without script came back to hydrates its island with the same error", async ({ page, browser }) => {
  // The refusal, posted without script: the server sends the browser back with the error in
  // the address, and renders the island's form with it.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto("/dcv/confirm/example.com/no-such-value");
  await plain.getByRole("button", { name: "Confirm" }).click();
  await expect(plain).toHaveURL(/__err=/);
  const refused = plain.url();
  await expect(plain.getByRole("alert")).toBeVisible();
  await noJs.close();
  // The same page with script: the island's action starts from that error too, so hydration
  // finds the markup it renders (it used to panic) and the error stays shown.
  await page.goto(refused);
  await waitForHydration(page);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await expect(page.getByRole("alert")).toBeVisible();
});
