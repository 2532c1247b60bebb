import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import Stripe from "stripe";
import { RUN_DIR, SERVER_BIN, rootlineEnv } from "../playwright.config";
import { expect, mailSubjects, signedInAdministrator, test, waitForHydration, waitForMail } from "./support";

// Online top-ups through the real payment adapters: a second Rootline server (the suite's
// shared one has no provider configured, and tests/payments.spec.ts shows that) whose Stripe
// and Razorpay adapters talk HTTP to stand-ins for the providers' APIs (end2end/fake-stripe.mjs,
// end2end/fake-razorpay.mjs). Nothing inside Rootline is mocked: the browser is sent to the
// stand-in's hosted checkout, pays there and comes back; the test then delivers the provider's
// webhook, signed with Stripe's own SDK (Razorpay's documented HMAC for Razorpay), to the
// server's webhook endpoint, as the provider would.

const ONLINE_PORT = Number(process.env.E2E_ONLINE_PORT ?? 3102);
const ONLINE = `http://127.0.0.1:${ONLINE_PORT}`;
const STRIPE_PORT = Number(process.env.E2E_FAKE_STRIPE_PORT ?? 12111);
const RAZORPAY_PORT = Number(process.env.E2E_FAKE_RAZORPAY_PORT ?? 12112);
// The server calls the APIs at 127.0.0.1; the browser's checkout pages are at localhost, another
// site than the portal's 127.0.0.1, as checkout.stripe.com and api.razorpay.com are.
const STRIPE_API = `http://127.0.0.1:${STRIPE_PORT}`;
const RAZORPAY_API = `http://localhost:${RAZORPAY_PORT}`;
const STRIPE_SECRET_KEY = "sk_test_51RootlineE2eFakeStripeSecretKey";
const STRIPE_WEBHOOK_SECRET = "whsec_rootline_e2e_endpoint_secret";
const RAZORPAY_KEY_ID = "rzp_test_RootlineE2e01";
const RAZORPAY_KEY_SECRET = "rootline_e2e_razorpay_key_secret";
const RAZORPAY_WEBHOOK_SECRET = "rootline_e2e_razorpay_webhook_secret";
const DATA_DIR = path.join(RUN_DIR, "online-data");

test.use({ baseURL: ONLINE });

const children: ChildProcess[] = [];

/// Starts `command` with its output in .run/<name>.log; fails if it stops before `ready` answers.
async function start(name: string, command: string, args: string[], env: Record<string, string>, ready: string) {
  mkdirSync(RUN_DIR, { recursive: true });
  const log = path.join(RUN_DIR, `${name}.log`);
  const out = openSync(log, "w");
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", out, out] });
  closeSync(out);
  children.push(child);
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${name} stopped (${exited}):\n${readFileSync(log, "utf8").slice(-3000)}`);
    try {
      if ((await fetch(ready)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer ${ready} within 90 s:\n${readFileSync(log, "utf8").slice(-3000)}`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const here = path.join(__dirname, "..");
  await start(
    "fake-stripe",
    process.execPath,
    [path.join(here, "fake-stripe.mjs")],
    { PORT: String(STRIPE_PORT), STRIPE_SECRET_KEY, PUBLIC_ORIGIN: `http://localhost:${STRIPE_PORT}` },
    `${STRIPE_API}/`,
  );
  await start(
    "fake-razorpay",
    process.execPath,
    [path.join(here, "fake-razorpay.mjs")],
    { PORT: String(RAZORPAY_PORT), RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET },
    `${RAZORPAY_API}/`,
  );
  rmSync(DATA_DIR, { recursive: true, force: true });
  await start(
    "online-server",
    SERVER_BIN,
    ["serve"],
    {
      ...rootlineEnv(ONLINE_PORT, DATA_DIR),
      ROOTLINE_STRIPE_API_BASE: STRIPE_API,
      ROOTLINE_STRIPE_SECRET_KEY: STRIPE_SECRET_KEY,
      ROOTLINE_STRIPE_WEBHOOK_SECRET: STRIPE_WEBHOOK_SECRET,
      ROOTLINE_RAZORPAY_API_BASE: RAZORPAY_API,
      ROOTLINE_RAZORPAY_KEY_ID: RAZORPAY_KEY_ID,
      ROOTLINE_RAZORPAY_KEY_SECRET: RAZORPAY_KEY_SECRET,
      ROOTLINE_RAZORPAY_WEBHOOK_SECRET: RAZORPAY_WEBHOOK_SECRET,
    },
    `${ONLINE}/healthz`,
  );
});

test.afterAll(async () => {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
});

/// Stripe's own Node library, pointed at the stand-in: what the test reads of a session is read
/// the way Stripe's clients read it.
const stripe = new Stripe(STRIPE_SECRET_KEY, { host: "127.0.0.1", port: STRIPE_PORT, protocol: "http", maxNetworkRetries: 0 });

/// A Stripe event about `session`, as Stripe delivers it to a webhook endpoint.
function stripeEvent(type: string, session: object): string {
  return JSON.stringify({
    id: `evt_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2024-06-20",
    created: Math.floor(Date.now() / 1000),
    data: { object: session },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
}

/// `Stripe-Signature` for `payload`, made by Stripe's SDK.
const stripeSignature = (payload: string, secret = STRIPE_WEBHOOK_SECRET, timestamp?: number) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });

/// Posts a webhook to the portal the way the provider's servers do: no cookie, no browser.
async function deliver(provider: "stripe" | "razorpay", body: string, headers: Record<string, string>) {
  const res = await fetch(`${ONLINE}/billing/webhooks/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/// What the stand-in's API was sent, for checking the adapter's requests.
async function received(api: string): Promise<{ method: string; path: string; headers: Record<string, string>; body: any }[]> {
  return (await fetch(`${api}/_fake/requests`)).json();
}

/// The account balance as /billing shows it.
async function expectBalance(page: Page, text: string) {
  await page.goto("/billing");
  await expect(page.getByTestId("account-balance")).toHaveText(text);
}

/// Fills in "Pay online" on /billing/add-credits and presses Pay (once the page is hydrated).
async function payOnline(page: Page, currency: string, amount: string) {
  await page.goto("/billing/add-credits");
  await waitForHydration(page);
  const online = page.getByRole("region", { name: "Pay online" });
  await online.getByLabel(`Amount (${currency})`).fill(amount);
  await online.getByRole("button", { name: "Pay", exact: true }).click();
}

/// The payment the page at /billing/add-credits?payment=<id> shows.
function shownPaymentId(page: Page): number {
  const id = new URL(page.url()).searchParams.get("payment");
  if (!id) throw new Error(`no payment in ${page.url()}`);
  return Number(id);
}

async function expectShown(page: Page, id: number, amount: string, status: string) {
  const shown = page.getByTestId("shown-payment");
  await expect(shown.getByRole("heading", { name: `Payment ${id}` })).toBeVisible();
  await expect(shown).toContainText(amount);
  await expect(shown).toContainText(status);
}

/// The row of payment `id` in "Your payments".
const paymentRow = (page: Page, id: number) =>
  page.getByRole("region", { name: "Your payments" }).getByTestId("payment-row").filter({ has: page.getByRole("link", { name: String(id), exact: true }) });

/// After Pay: the payment's page (a form may not be sent on to another site, so Pay does not
/// redirect there itself), whose "Continue to the payment page" goes to Stripe's checkout.
/// Answers the payment's id and its Checkout Session's.
async function toStripeCheckout(page: Page, amount: string): Promise<{ id: number; session: string }> {
  await expect(page).toHaveURL(new RegExp(`^${ONLINE}/billing/add-credits\\?payment=\\d+$`));
  const id = shownPaymentId(page);
  await expectShown(page, id, amount, "Pending");
  await page.getByRole("link", { name: "Continue to the payment page" }).click();
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${STRIPE_PORT}/c/pay/cs_test_\\w+`));
  return { id, session: new URL(page.url()).pathname.split("/").pop()! };
}

async function recheck(page: Page, id: number) {
  await page.goto("/billing/add-credits");
  await waitForHydration(page);
  const region = page.getByRole("region", { name: "Recheck payment status" });
  await region.getByLabel("Payment ID").fill(String(id));
  await region.getByRole("button", { name: "Recheck" }).click();
  await expect(page).toHaveURL(new RegExp(`/billing/add-credits\\?payment=${id}&rechecked=1$`));
}

const creditedMails = async (email: string) => (await mailSubjects(email)).filter((s) => /^Payment \d+ credited/.test(s));

test("Stripe: pay on the provider's page, credited once by its webhook; forged webhooks refused; recheck credits a payment whose webhook never came", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = await signedInAdministrator(page, "stripe-payer", `Card Payer ${Date.now()}`);
  await page.goto("/billing/add-credits");
  await expect(page.getByRole("region", { name: "Pay online" })).toContainText("You pay on Stripe's page and come back here.");
  await expect(page.getByTestId("online-not-configured")).toHaveCount(0);

  // Pay: by way of the payment's page, the browser goes to the provider's hosted checkout,
  // with what the portal asked for in one Checkout Session.
  const sessionsMade = async () =>
    (await received(STRIPE_API)).filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
  const before = (await sessionsMade()).length;
  await payOnline(page, "USD", "125");
  const { id: paymentId, session: sessionId } = await toStripeCheckout(page, "USD 125.00");
  await expect(page.getByTestId("amount")).toHaveText("$125.00");
  const created = (await sessionsMade()).slice(before);
  expect(created).toHaveLength(1);
  const sent = created[0];
  expect(sent.body.metadata.payment_id).toBe(String(paymentId));
  expect(sent.headers.authorization).toBe(`Bearer ${STRIPE_SECRET_KEY}`);
  expect(sent.headers["idempotency-key"]).toBe(`rootline-payment-${paymentId}`);
  expect(sent.body).toMatchObject({
    mode: "payment",
    client_reference_id: String(paymentId),
    customer_email: email,
    success_url: `${ONLINE}/billing/payments/return?payment=${paymentId}`,
    cancel_url: `${ONLINE}/billing/add-credits?payment=${paymentId}`,
    line_items: [{ quantity: "1", price_data: { currency: "usd", unit_amount: "12500" } }],
  });
  await page.getByRole("button", { name: "Pay" }).click();

  // Back at the portal: the payment waits for Stripe's word; nothing is credited yet.
  await expect(page).toHaveURL(`${ONLINE}/billing/add-credits?payment=${paymentId}`);
  await expectShown(page, paymentId, "USD 125.00", "Pending");
  await expect(page.getByTestId("account-balance")).toHaveText("USD 0.00");

  const paid = await stripe.checkout.sessions.retrieve(sessionId);
  expect(paid.payment_status).toBe("paid");
  const event = stripeEvent("checkout.session.completed", paid);

  // Forged or broken deliveries are refused with 400 and credit nothing: signed with another
  // secret, a body changed after signing, no signature at all, a signature too old to be fresh.
  const forged = [
    { what: "wrong secret", body: event, headers: { "stripe-signature": stripeSignature(event, "whsec_someone_elses_secret") } },
    {
      what: "tampered body",
      body: event.replace('"amount_total":12500', '"amount_total":9999900'),
      headers: { "stripe-signature": stripeSignature(event) },
    },
    { what: "no signature", body: event, headers: {} },
    { what: "garbled signature", body: event, headers: { "stripe-signature": "v1=deadbeef" } },
    {
      what: "ten minutes old",
      body: event,
      headers: { "stripe-signature": stripeSignature(event, STRIPE_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 600) },
    },
  ];
  expect(forged[1].body).not.toBe(event);
  for (const f of forged) {
    expect((await deliver("stripe", f.body, f.headers)).status, f.what).toBe(400);
  }
  await page.goto(`/billing/add-credits?payment=${paymentId}`);
  await expectShown(page, paymentId, "USD 125.00", "Pending");
  await expectBalance(page, "USD 0.00");

  // Stripe's genuine delivery credits the payment.
  const signature = stripeSignature(event);
  const first = await deliver("stripe", event, { "stripe-signature": signature });
  expect(first.status).toBe(200);
  await expectBalance(page, "USD 125.00");
  await page.goto(`/billing/add-credits?payment=${paymentId}`);
  await expectShown(page, paymentId, "USD 125.00", "Credited");
  await expect(paymentRow(page, paymentId)).toContainText("Credited");
  expect((await waitForMail(email, 2)).subject).toBe(`Payment ${paymentId} credited: USD 125.00`);

  // A replay (the same delivery again, and Stripe's own retry with a fresh signature) is
  // answered 200, so Stripe stops retrying, and changes nothing.
  expect((await deliver("stripe", event, { "stripe-signature": signature })).status).toBe(200);
  expect((await deliver("stripe", event, { "stripe-signature": stripeSignature(event) })).status).toBe(200);
  await expectBalance(page, "USD 125.00");

  // A second payment whose webhook never comes: "Recheck payment status" asks Stripe.
  await payOnline(page, "USD", "40");
  const { id: second, session: secondSession } = await toStripeCheckout(page, "USD 40.00");
  expect(second).not.toBe(paymentId);
  await expect(page.getByTestId("amount")).toHaveText("$40.00");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(`${ONLINE}/billing/add-credits?payment=${second}`);
  await expectShown(page, second, "USD 40.00", "Pending");
  await expectBalance(page, "USD 125.00");
  await recheck(page, second);
  await expectShown(page, second, "USD 40.00", "Credited");
  await expect(page.getByTestId("account-balance")).toHaveText("USD 165.00");
  // Once: a second recheck, and the webhook arriving late after all, change nothing.
  await recheck(page, second);
  await expectShown(page, second, "USD 40.00", "Credited");
  const late = stripeEvent("checkout.session.completed", await stripe.checkout.sessions.retrieve(secondSession));
  expect((await deliver("stripe", late, { "stripe-signature": stripeSignature(late) })).status).toBe(200);
  await expectBalance(page, "USD 165.00");

  // A third, abandoned on Stripe's page: back at the portal it is still pending, with the way
  // back to the checkout; a recheck while the session is open changes nothing, and once Stripe
  // expires the session the recheck marks it failed, without crediting.
  await payOnline(page, "USD", "10");
  const { id: abandoned, session: abandonedSession } = await toStripeCheckout(page, "USD 10.00");
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(`${ONLINE}/billing/add-credits?payment=${abandoned}`);
  await expectShown(page, abandoned, "USD 10.00", "Pending");
  await expect(page.getByRole("link", { name: "Continue to the payment page" })).toHaveAttribute(
    "href",
    new RegExp(`^http://localhost:${STRIPE_PORT}/c/pay/${abandonedSession}`),
  );
  await recheck(page, abandoned);
  await expectShown(page, abandoned, "USD 10.00", "Pending");
  await stripe.checkout.sessions.expire(abandonedSession);
  await recheck(page, abandoned);
  await expectShown(page, abandoned, "USD 10.00", "Failed");
  await expect(page.getByRole("link", { name: "Continue to the payment page" })).toHaveCount(0);
  await expectBalance(page, "USD 165.00");

  // One "credited" mail per payment: nothing was credited twice.
  await waitForMail(email, 3);
  await new Promise((r) => setTimeout(r, 1000));
  expect(await creditedMails(email)).toEqual([
    `Payment ${paymentId} credited: USD 125.00`,
    `Payment ${second} credited: USD 40.00`,
  ]);
});


/// Makes the account an address administers pay in INR, as an operator would set it up, by
/// editing this server's SQLite file.
function payInInr(email: string) {
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute(
  "UPDATE accounts SET currency = 'INR' WHERE id IN (SELECT account_id FROM memberships "
  "WHERE user_id = (SELECT id FROM users WHERE email = ?))", (sys.argv[2],)).rowcount
db.commit()
print(n)
`;
  const out = execFileSync("python3", ["-c", script, path.join(DATA_DIR, "rootline.db"), email.toLowerCase()]).toString().trim();
  if (out === "0") throw new Error(`no account for ${email}`);
}

const razorpayAuth = `Basic ${Buffer.from(`${RAZORPAY_KEY_ID}:${RAZORPAY_KEY_SECRET}`).toString("base64")}`;

/// The captured payment of a Razorpay order, read from the API as a client would.
async function razorpayPayment(orderId: string) {
  const res = await fetch(`${RAZORPAY_API}/v1/orders/${orderId}/payments`, { headers: { authorization: razorpayAuth } });
  expect(res.status).toBe(200);
  const collection = await res.json();
  expect(collection.entity).toBe("collection");
  return collection.items.find((p: { status: string }) => p.status === "captured");
}

/// A Razorpay webhook event about a captured payment (payment.captured or order.paid).
async function razorpayEvent(event: "payment.captured" | "order.paid", orderId: string): Promise<string> {
  const payment = await razorpayPayment(orderId);
  const order = await (await fetch(`${RAZORPAY_API}/v1/orders/${orderId}`, { headers: { authorization: razorpayAuth } })).json();
  const payload = event === "order.paid" ? { payment: { entity: payment }, order: { entity: order } } : { payment: { entity: payment } };
  return JSON.stringify({
    entity: "event",
    account_id: "acc_RootlineE2e01",
    event,
    contains: Object.keys(payload),
    payload,
    created_at: Math.floor(Date.now() / 1000),
  });
}

/// `X-Razorpay-Signature`: the hex HMAC-SHA256 of the raw body under the webhook secret.
const razorpaySignature = (body: string, secret = RAZORPAY_WEBHOOK_SECRET) =>
  createHmac("sha256", secret).update(body).digest("hex");

/// From the payment's page on the portal, on to Razorpay's hosted checkout; pays there and
/// comes back; answers the order id.
async function payOnRazorpay(page: Page, id: number, amount: string): Promise<string> {
  await expectShown(page, id, amount, "Pending");
  await page.getByRole("button", { name: "Continue to the payment page" }).click();
  await expect(page).toHaveURL(`${RAZORPAY_API}/v1/checkout/embedded`);
  const orderId = await page.locator('input[name="order_id"]').inputValue();
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(`${ONLINE}/billing/add-credits?payment=${id}`);
  await expectShown(page, id, amount, "Pending");
  return orderId;
}

test("Razorpay: pay on the provider's page, credited once however often its webhooks come; a bad signature is refused; recheck credits the rest", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = await signedInAdministrator(page, "razorpay-payer", `UPI Payer ${Date.now()}`);
  payInInr(email);
  await page.goto("/billing/add-credits");
  await expect(page.getByRole("region", { name: "Pay online" })).toContainText("You pay on Razorpay's page and come back here.");

  // Razorpay's checkout is a form posted to it: Pay makes the order and shows the payment with
  // the button that goes there.
  await payOnline(page, "INR", "500");
  await expect(page).toHaveURL(new RegExp(`^${ONLINE}/billing/add-credits\\?payment=\\d+$`));
  const paymentId = shownPaymentId(page);
  const orderId = await payOnRazorpay(page, paymentId, "INR 500.00");
  const created = (await received(RAZORPAY_API)).filter((r) => r.method === "POST" && r.path === "/v1/orders");
  expect(created.at(-1)!.headers.authorization).toBe(razorpayAuth);
  expect(created.at(-1)!.body).toEqual({
    amount: 50000,
    currency: "INR",
    receipt: `rootline-${paymentId}`,
    notes: { payment_id: String(paymentId) },
  });
  await expectBalance(page, "INR 0.00");

  // A webhook signed with another secret, or whose body changed after signing, is refused.
  const captured = await razorpayEvent("payment.captured", orderId);
  expect((await deliver("razorpay", captured, { "x-razorpay-signature": razorpaySignature(captured, "not_the_webhook_secret") })).status).toBe(400);
  const tampered = captured.replace('"amount":50000', '"amount":5000000');
  expect(tampered).not.toBe(captured);
  expect((await deliver("razorpay", tampered, { "x-razorpay-signature": razorpaySignature(captured) })).status).toBe(400);
  expect((await deliver("razorpay", captured, {})).status).toBe(400);
  await expectBalance(page, "INR 0.00");

  // The genuine payment.captured credits it; order.paid about the same payment, and a replay of
  // either, are answered 200 and change nothing.
  expect((await deliver("razorpay", captured, { "x-razorpay-signature": razorpaySignature(captured) })).status).toBe(200);
  await expectBalance(page, "INR 500.00");
  const orderPaid = await razorpayEvent("order.paid", orderId);
  expect((await deliver("razorpay", orderPaid, { "x-razorpay-signature": razorpaySignature(orderPaid) })).status).toBe(200);
  expect((await deliver("razorpay", captured, { "x-razorpay-signature": razorpaySignature(captured) })).status).toBe(200);
  await expectBalance(page, "INR 500.00");
  await page.goto(`/billing/add-credits?payment=${paymentId}`);
  await expectShown(page, paymentId, "INR 500.00", "Credited");

  // A second payment with no webhook: the recheck asks Razorpay for the order's payments.
  await payOnline(page, "INR", "250");
  await expect(page).toHaveURL(new RegExp(`^${ONLINE}/billing/add-credits\\?payment=\\d+$`));
  const second = shownPaymentId(page);
  await payOnRazorpay(page, second, "INR 250.00");
  await recheck(page, second);
  await expectShown(page, second, "INR 250.00", "Credited");
  await expect(page.getByTestId("account-balance")).toHaveText("INR 750.00");
  await recheck(page, second);
  await expectBalance(page, "INR 750.00");

  await waitForMail(email, 3);
  await new Promise((r) => setTimeout(r, 1000));
  expect(await creditedMails(email)).toEqual([
    `Payment ${paymentId} credited: INR 500.00`,
    `Payment ${second} credited: INR 250.00`,
  ]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Stripe: the plain form reaches the provider's checkout by way of the payment's page, and the recheck credits the payment", async ({ page }) => {
    test.setTimeout(120_000);
    const email = await signedInAdministrator(page, "plain-payer", `Plain Payer ${Date.now()}`);
    await page.goto("/billing/add-credits");
    const online = page.getByRole("region", { name: "Pay online" });
    await online.getByLabel("Amount (USD)").fill("20");
    await online.getByRole("button", { name: "Pay", exact: true }).click();
    const { id } = await toStripeCheckout(page, "USD 20.00");
    await expect(page.getByTestId("amount")).toHaveText("$20.00");
    await page.getByRole("button", { name: "Pay" }).click();
    await expect(page).toHaveURL(`${ONLINE}/billing/add-credits?payment=${id}`);
    await expectShown(page, id, "USD 20.00", "Pending");
    const region = page.getByRole("region", { name: "Recheck payment status" });
    await region.getByLabel("Payment ID").fill(String(id));
    await region.getByRole("button", { name: "Recheck" }).click();
    await expect(page).toHaveURL(new RegExp(`/billing/add-credits\\?payment=${id}&rechecked=1$`));
    await expectShown(page, id, "USD 20.00", "Credited");
    await expectBalance(page, "USD 20.00");
    expect((await waitForMail(email, 2)).subject).toBe(`Payment ${id} credited: USD 20.00`);
  });
});
