import type { Browser, BrowserContext } from "@playwright/test";
import { PORT } from "../playwright.config";
import { signedInAdministrator, test } from "../tests/support";

// What a new visitor downloads: each route opened in a fresh browser context (empty cache),
// the wasm and JavaScript bytes as transferred (compressed, as served, headers included), and
// beside them the language catalogue a hydrated page fetches before it hydrates (text, not
// code, but bytes the visitor waits for all the same),
// and the time to interactive of the sign-in page on a slow connection. Prints figures;
// asserts nothing about them.

const PUBLIC = ["/sign-in", "/sign-up", "/track/no-such-token-0000000000000000000000000000000", "/sign-in/passkey"];
const SIGNED_IN = ["/", "/orders", "/orders/new", "/orders/smime/new", "/domains", "/billing", "/users", "/profile"];
// Browsers offer passkeys only on the origin the server names for them (localhost in the
// tests), where these pages have their passkey islands too.
const PASSKEY_ORIGIN = `http://localhost:${PORT}`;
const WITH_PASSKEYS = ["/sign-in/passkey", "/profile"];

type Transfer = { wasm: number; js: number; catalogue: number };

/// A new page of `ctx` with the cache off, and what the network layer receives from now on:
/// each request's URL and its bytes as transferred.
async function watchedPage(ctx: BrowserContext) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  return { page, urls, sizes };
}

/// Opens `path` in `ctx` and sums what the network layer received for wasm and script files.
async function transferred(ctx: BrowserContext, path: string): Promise<Transfer> {
  const { page, urls, sizes } = await watchedPage(ctx);
  await page.goto(path);
  // A hydrated page, or a plain HTML one (the server marks it, and it fetches no bundle).
  await page.locator("html[data-hydrated], html[data-static]").waitFor({ state: "attached", timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  const total: Transfer = { wasm: 0, js: 0, catalogue: 0 };
  for (const [id, url] of urls) {
    const size = sizes.get(id) ?? 0;
    // A pack is the wasm chunks of the page's lazy islands in one download.
    if (/\.wasm(\?|$)/.test(url) || /\/pack\/[a-z0-9_+]+$/.test(url)) total.wasm += size;
    else if (/\.m?js(\?|$)/.test(url)) total.js += size;
    else if (/\/catalogue-[a-z]+\.ftl(\?|$)/.test(url)) total.catalogue += size;
  }
  await page.close();
  return total;
}

/// Time from navigation to `html[data-hydrated]` at 1.6 Mbit/s down, 750 kbit/s up, 150 ms
/// round trip (Chromium's network emulation), in a fresh context each run. A plain HTML page
/// (`html[data-static]`: its forms post without script) is interactive once the document and
/// its stylesheet have loaded, which is the `load` event.
async function timeToInteractive(browser: Browser, path: string): Promise<number> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await page.goto(path, { waitUntil: "commit" });
  // performance.now() counts from the navigation's start; read in the first frame that
  // finds the page hydrated.
  const at = (await (
    await page.waitForFunction(
      () =>
        (document.documentElement.hasAttribute("data-hydrated") ||
          (document.documentElement.hasAttribute("data-static") && document.readyState === "complete")) &&
        performance.now(),
      undefined,
      { polling: "raf", timeout: 120_000 },
    )
  ).jsonValue()) as number;
  await ctx.close();
  return at;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/// What the page with the mail's DCV confirmation (one small lazy island) fetched besides its
/// pack, and each lazy island's pack as the browser receives it.
async function lazyIslandCosts(browser: Browser): Promise<{ base: number; packs: [string, number][] }> {
  const ctx = await browser.newContext();
  const { page, urls, sizes } = await watchedPage(ctx);
  await page.goto("/dcv/confirm/example.com/no-such-value");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  let base = 0;
  for (const [id, url] of urls) if (/\.(wasm|m?js)(\?|$)/.test(url)) base += sizes.get(id) ?? 0;
  const folder = (await page.content()).match(/"(pkg\/[0-9a-f]{16})"/)![1];
  const manifest: Record<string, string[]> = await (await page.request.get(`/${folder}/__wasm_split_manifest.json`)).json();
  const names = Object.keys(manifest)
    .map((key) => key.match(/^(.+)_loader_\d+$/)?.[1])
    .filter((n): n is string => !!n)
    .sort();
  const packs: [string, number][] = [];
  for (const name of names) {
    urls.clear();
    sizes.clear();
    await page.evaluate((u) => fetch(u).then((r) => r.arrayBuffer()), `/${folder}/pack/${name}`);
    await page.waitForLoadState("networkidle");
    let bytes = 0;
    for (const [id, url] of urls) if (url.includes("/pack/")) bytes += sizes.get(id) ?? 0;
    packs.push([name, bytes]);
  }
  await ctx.close();
  return { base, packs };
}

test("bytes of wasm and JavaScript per route for a new visitor, and the sign-in page's time to interactive", async ({
  page,
  browser,
  context,
}) => {
  await signedInAdministrator(page, "bundle", "Bundle Bytes Ltd");
  const cookies = await context.cookies();
  const rows: string[] = [
    "| Route | wasm (kB) | JS (kB) | total (kB) | catalogue (kB) |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const path of [...PUBLIC, ...SIGNED_IN]) {
    const ctx = await browser.newContext();
    if (SIGNED_IN.includes(path)) await ctx.addCookies(cookies);
    const t = await transferred(ctx, path);
    await ctx.close();
    const shown = path.startsWith("/track/") ? "/track/:token" : path;
    rows.push(`| \`${shown}\` | ${kb(t.wasm)} | ${kb(t.js)} | ${kb(t.wasm + t.js)} | ${kb(t.catalogue)} |`);
  }
  for (const path of WITH_PASSKEYS) {
    const ctx = await browser.newContext();
    if (SIGNED_IN.includes(path)) await ctx.addCookies(cookies.map((c) => ({ ...c, domain: "localhost" })));
    const t = await transferred(ctx, `${PASSKEY_ORIGIN}${path}`);
    await ctx.close();
    rows.push(`| \`${path}\` (passkeys on) | ${kb(t.wasm)} | ${kb(t.js)} | ${kb(t.wasm + t.js)} | ${kb(t.catalogue)} |`);
  }
  console.log(`bundle: transferred per route (new visitor, compressed as served)\n${rows.join("\n")}`);

  // Every lazy island, whichever route has it: the main module and scripts (as the first
  // route with an island above fetched them) plus the island's pack of chunks.
  const islands = await lazyIslandCosts(browser);
  console.log(
    `bundle: each lazy island's page (main module and scripts ${kb(islands.base)} kB, plus its pack)\n` +
      ["| Island | pack (kB) | page total (kB) |", "|---|---:|---:|"]
        .concat(islands.packs.map(([name, bytes]) => `| \`${name}\` | ${kb(bytes)} | ${kb(islands.base + bytes)} |`))
        .join("\n"),
  );

  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await timeToInteractive(browser, "/sign-in"));
  runs.sort((a, b) => a - b);
  console.log(
    `bundle: sign-in time to interactive at 1.6 Mbit/s, 150 ms RTT: median ${(runs[1] / 1000).toFixed(2)} s (runs ${runs.map((r) => (r / 1000).toFixed(2)).join(", ")} s)`,
  );
});
