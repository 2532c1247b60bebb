// A stand-in for the part of Stripe that Rootline's Stripe adapter talks to (there is no
// installable stripe-mock here), answering as Stripe's API reference documents it
// (docs.stripe.com/api/checkout/sessions):
//
// - POST /v1/checkout/sessions            create a Checkout Session (form-encoded, bracketed keys)
// - GET  /v1/checkout/sessions/:id        retrieve one
// - POST /v1/checkout/sessions/:id/expire expire an open one
//
// with the secret key as the bearer token (or HTTP basic user), Stripe's error bodies
// ({"error": {"type", "message", "param"?, "code"?}}) and its Idempotency-Key rules; plus the
// hosted checkout page the session's `url` points at, where "Pay" completes the session and
// sends the browser to its `success_url`, and "Cancel" goes back to its `cancel_url`.
//
// Webhooks are not sent from here: the test posts them itself, signed with Stripe's own SDK.
// GET /_fake/requests lists the API calls received (method, path, headers, parsed body), so a
// test can check what the adapter sent.
//
// Environment: PORT (12111), STRIPE_SECRET_KEY, PUBLIC_ORIGIN (the address the browser uses
// for the checkout page; default http://localhost:PORT, another site than 127.0.0.1 as the real
// checkout.stripe.com is).
import crypto from "node:crypto";
import http from "node:http";
import qs from "qs";

const PORT = Number(process.env.PORT ?? 12111);
const SECRET_KEY = process.env.STRIPE_SECRET_KEY ?? "sk_test_rootline_fake";
const PUBLIC_ORIGIN = process.env.PUBLIC_ORIGIN ?? `http://localhost:${PORT}`;

const sessions = new Map();
/** Idempotency-Key → { body, status, answer } of the first request made with it. */
const idempotent = new Map();
const requests = [];

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function randomId(prefix, length) {
  const bytes = crypto.randomBytes(length);
  return prefix + [...bytes].map((b) => ALNUM[b % ALNUM.length]).join("");
}

/** Stripe's smallest charge per currency (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const MINIMUM = { usd: 50, eur: 50, inr: 50, gbp: 30 };
const ZERO_DECIMAL = new Set(["jpy", "krw", "vnd"]);

class StripeError extends Error {
  constructor(status, type, message, extra = {}) {
    super(message);
    this.status = status;
    this.body = { error: { type, message, ...extra } };
  }
}

const invalid = (message, param, code) =>
  new StripeError(400, "invalid_request_error", message, { ...(param ? { param } : {}), ...(code ? { code } : {}) });

function authorize(req) {
  const header = req.headers.authorization ?? "";
  let key = "";
  if (header.startsWith("Bearer ")) key = header.slice(7).trim();
  else if (header.startsWith("Basic ")) key = Buffer.from(header.slice(6), "base64").toString().split(":")[0];
  if (!key) {
    throw new StripeError(
      401,
      "invalid_request_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (key !== SECRET_KEY) {
    throw new StripeError(401, "invalid_request_error", `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`);
  }
}

const integer = (value, param) => {
  if (typeof value !== "string" || !/^\d+$/.test(value)) throw invalid(`Invalid integer: ${value}`, param);
  return Number(value);
};

function createSession(params) {
  const mode = params.mode;
  if (!mode) throw invalid("Missing required param: mode.", "mode", "parameter_missing");
  if (!["payment", "setup", "subscription"].includes(mode)) {
    throw invalid(`Invalid mode: must be one of payment, setup, or subscription`, "mode");
  }
  if (mode !== "payment") throw invalid("This stand-in only implements mode=payment.", "mode");
  for (const param of ["success_url", "cancel_url"]) {
    if (params[param] !== undefined) {
      try {
        new URL(params[param]);
      } catch {
        throw invalid(`Not a valid URL`, param, "url_invalid");
      }
    }
  }
  const items = params.line_items;
  if (!Array.isArray(items) || items.length === 0) {
    throw invalid("You must provide at least one line item in `payment` mode.", "line_items", "parameter_missing");
  }
  let currency = null;
  let total = 0;
  const lineItems = items.map((item, i) => {
    const at = `line_items[${i}]`;
    if (item.quantity === undefined) throw invalid("Missing required param: quantity.", `${at}[quantity]`, "parameter_missing");
    const quantity = integer(item.quantity, `${at}[quantity]`);
    if (quantity < 1) throw invalid("Quantity must be at least 1.", `${at}[quantity]`);
    const price = item.price_data;
    if (item.price !== undefined) throw invalid("This stand-in only implements price_data.", `${at}[price]`);
    if (!price) throw invalid("You must specify either `price` or `price_data` in each line item.", at, "parameter_missing");
    if (!price.currency) throw invalid("Missing required param: currency.", `${at}[price_data][currency]`, "parameter_missing");
    const c = price.currency.toLowerCase();
    if (!/^[a-z]{3}$/.test(c)) throw invalid(`Invalid currency: ${price.currency}.`, `${at}[price_data][currency]`);
    if (currency && c !== currency) throw invalid("All line items must use the same currency.", `${at}[price_data][currency]`);
    currency = c;
    if (price.unit_amount === undefined) throw invalid("Missing required param: unit_amount.", `${at}[price_data][unit_amount]`, "parameter_missing");
    const unit = integer(price.unit_amount, `${at}[price_data][unit_amount]`);
    if (!price.product && !price.product_data) {
      throw invalid("You must specify either `product` or `product_data`.", `${at}[price_data]`, "parameter_missing");
    }
    if (price.product_data && !price.product_data.name) {
      throw invalid("Missing required param: name.", `${at}[price_data][product_data][name]`, "parameter_missing");
    }
    total += unit * quantity;
    return { quantity, currency: c, unit_amount: unit, name: price.product_data?.name ?? price.product };
  });
  const minimum = MINIMUM[currency] ?? (ZERO_DECIMAL.has(currency) ? 1 : 50);
  if (total < minimum) {
    throw invalid(
      `The Checkout Session's total amount due must add up to at least ${(minimum / 100).toFixed(2)} ${currency}`,
      "line_items",
      "amount_too_small",
    );
  }
  if (params.metadata !== undefined && (typeof params.metadata !== "object" || Array.isArray(params.metadata))) {
    throw invalid("Invalid object", "metadata");
  }
  if (params.client_reference_id !== undefined && String(params.client_reference_id).length > 200) {
    throw invalid("client_reference_id must be at most 200 characters.", "client_reference_id");
  }
  const id = randomId("cs_test_", 58);
  const created = Math.floor(Date.now() / 1000);
  const session = {
    id,
    object: "checkout.session",
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, status: null },
    billing_address_collection: null,
    cancel_url: params.cancel_url ?? null,
    client_reference_id: params.client_reference_id ?? null,
    client_secret: null,
    consent: null,
    consent_collection: null,
    created,
    currency,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_creation: "if_required",
    customer_details: params.customer_email ? { address: null, email: params.customer_email, name: null, phone: null, tax_exempt: "none", tax_ids: [] } : null,
    customer_email: params.customer_email ?? null,
    expires_at: created + 24 * 3600,
    invoice: null,
    invoice_creation: { enabled: false, invoice_data: {} },
    livemode: false,
    locale: params.locale ?? null,
    metadata: params.metadata ?? {},
    mode,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_options: {},
    payment_method_types: ["card"],
    payment_status: "unpaid",
    phone_number_collection: { enabled: false },
    recovered_from: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_details: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: params.success_url ?? null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: `${PUBLIC_ORIGIN}/c/pay/${id}#fidkdWxOYHwnPyd1blpxYHZxWjA0`,
  };
  // Kept beside the session, never returned by the API (Stripe's line items are a sub-resource).
  sessions.set(id, { session, lineItems });
  return session;
}

function find(id) {
  const found = sessions.get(id);
  if (!found) {
    throw new StripeError(404, "invalid_request_error", `No such checkout.session: '${id}'`, { param: "session", code: "resource_missing" });
  }
  return found;
}

function complete(session) {
  session.status = "complete";
  session.payment_status = "paid";
  session.payment_intent = randomId("pi_", 24);
  session.url = null;
  if (!session.customer_details) {
    session.customer_details = { address: null, email: "customer@example.com", name: null, phone: null, tax_exempt: "none", tax_ids: [] };
  }
}

function expire(session) {
  if (session.status !== "open") {
    throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`, undefined, "checkout_session_not_open");
  }
  session.status = "expired";
  session.url = null;
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function money(minor, currency) {
  const digits = ZERO_DECIMAL.has(currency) ? 0 : 2;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(minor / 10 ** digits);
}

function page(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}button{font-size:1.1rem;padding:.5rem 1.5rem}</style>
</head><body>${body}</body></html>`;
}

function checkoutPage({ session, lineItems }) {
  if (session.status === "complete") {
    return page("Payment complete", `<h1>Payment complete</h1><p>This Checkout Session is already paid.</p>`);
  }
  if (session.status === "expired") {
    return page("Session expired", `<h1>This Checkout Session is no longer active</h1>`);
  }
  const items = lineItems
    .map((l) => `<li>${escape(l.name)} × ${l.quantity}: ${escape(money(l.unit_amount * l.quantity, l.currency))}</li>`)
    .join("");
  const cancel = session.cancel_url ? `<p><a href="${escape(session.cancel_url)}">Cancel</a></p>` : "";
  return page(
    "Stripe Checkout (test stand-in)",
    `<h1>Pay <span data-testid="amount">${escape(money(session.amount_total, session.currency))}</span></h1>
<ul>${items}</ul>
<form method="post" action="/c/pay/${escape(session.id)}/confirm">
<p><label>Email <input name="email" type="email" value="${escape(session.customer_email ?? "")}"></label></p>
<p><label>Card number <input name="card" value="4242 4242 4242 4242"></label></p>
<button type="submit">Pay</button>
</form>${cancel}`,
  );
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", "request-id": randomId("req_", 14), ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

async function api(req, res, url, raw) {
  const params = qs.parse(raw, { depth: 10, arrayLimit: 100 });
  requests.push({ method: req.method, path: url.pathname, headers: req.headers, body: params });
  authorize(req);
  const m = url.pathname.match(/^\/v1\/checkout\/sessions(?:\/([A-Za-z0-9_]+)(\/expire)?)?$/);
  if (!m) throw new StripeError(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${url.pathname}).`);
  const [, id, action] = m;
  if (req.method === "POST" && !id) {
    const key = req.headers["idempotency-key"];
    if (key && idempotent.has(key)) {
      const first = idempotent.get(key);
      if (first.body !== raw) {
        throw new StripeError(
          400,
          "idempotency_error",
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      return send(res, first.status, first.answer, { "idempotent-replayed": "true", "idempotency-key": key });
    }
    const answer = JSON.stringify(createSession(params));
    if (key) idempotent.set(key, { body: raw, status: 200, answer });
    return send(res, 200, answer, key ? { "idempotency-key": key } : {});
  }
  if (req.method === "GET" && id && !action) return send(res, 200, find(id).session);
  if (req.method === "POST" && id && action) {
    const found = find(id);
    expire(found.session);
    return send(res, 200, found.session);
  }
  throw new StripeError(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${url.pathname}).`);
}

async function handle(req, res) {
  const url = new URL(req.url, `http://127.0.0.1:${PORT}`);
  const raw = await readBody(req);
  if (url.pathname.startsWith("/v1/")) {
    try {
      await api(req, res, url, raw);
    } catch (e) {
      if (e instanceof StripeError) send(res, e.status, e.body);
      else send(res, 500, { error: { type: "api_error", message: String(e) } });
    }
    return;
  }
  if (url.pathname === "/_fake/requests") return send(res, 200, requests);
  if (url.pathname === "/") {
    res.writeHead(200, { "content-type": "text/plain" });
    return res.end("fake Stripe ready");
  }
  const pay = url.pathname.match(/^\/c\/pay\/([A-Za-z0-9_]+)(\/confirm)?$/);
  const found = pay && sessions.get(pay[1]);
  if (!found) {
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    return res.end(page("Not found", "<h1>Something went wrong</h1><p>This Checkout Session does not exist.</p>"));
  }
  if (req.method === "GET" && !pay[2]) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(checkoutPage(found));
  }
  if (req.method === "POST" && pay[2] && found.session.status === "open") {
    complete(found.session);
    const to = found.session.success_url?.replaceAll("{CHECKOUT_SESSION_ID}", found.session.id);
    if (to) {
      res.writeHead(303, { location: to });
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(page("Thanks", "<h1>Thanks for your payment</h1>"));
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(checkoutPage(found));
}

const serve = (req, res) =>
  handle(req, res).catch((e) => {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(String(e));
  });
// Loopback only, both families: the server calls 127.0.0.1, the browser may resolve localhost to ::1.
http.createServer(serve).listen(PORT, "127.0.0.1");
http.createServer(serve).listen(PORT, "::1").on("error", () => {});
console.log(`fake Stripe on ${PORT} (checkout pages at ${PUBLIC_ORIGIN})`);
