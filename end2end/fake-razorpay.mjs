// A stand-in for the part of Razorpay that Rootline's Razorpay adapter talks to, answering as
// Razorpay's API reference documents it (razorpay.com/docs/api/orders):
//
// - POST /v1/orders               create an order (JSON; HTTP basic auth, key id and secret)
// - GET  /v1/orders/:id           fetch one
// - GET  /v1/orders/:id/payments  its payments ({"entity": "collection", "count", "items"})
//
// with Razorpay's error bodies ({"error": {"code", "description", "field"?, …}}); plus the
// hosted checkout (razorpay.com/docs/payments/payment-gateway/web-integration/hosted): the form
// Rootline posts to /v1/checkout/embedded opens a page whose "Pay" captures a payment and posts
// razorpay_payment_id, razorpay_order_id and razorpay_signature (the hex HMAC-SHA256 of
// "<order id>|<payment id>" under the key secret) to the form's callback_url, as Razorpay does;
// "Cancel" goes to its cancel_url.
//
// Webhooks are not sent from here: the test posts them itself. GET /_fake/requests lists the
// API calls received (method, path, headers, parsed body).
//
// Environment: PORT (12112), RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET. The checkout form goes to
// Rootline's configured API base: give it as http://localhost:PORT, so the browser's trip to
// the provider is to another site than 127.0.0.1, as to the real api.razorpay.com.
import crypto from "node:crypto";
import http from "node:http";

const PORT = Number(process.env.PORT ?? 12112);
const KEY_ID = process.env.RAZORPAY_KEY_ID ?? "rzp_test_rootlinefake";
const KEY_SECRET = process.env.RAZORPAY_KEY_SECRET ?? "rootline_fake_key_secret";

const orders = new Map();
/** Per order: its payments, and where its checkout sends the customer back. */
const extra = new Map();
const requests = [];

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function randomId(prefix) {
  return prefix + [...crypto.randomBytes(14)].map((b) => ALNUM[b % ALNUM.length]).join("");
}

class RazorpayError extends Error {
  constructor(status, description, field) {
    super(description);
    this.status = status;
    this.body = {
      error: {
        code: "BAD_REQUEST_ERROR",
        description,
        source: status === 401 ? "NA" : "business",
        step: status === 401 ? "NA" : "payment_initiation",
        reason: status === 401 ? "NA" : "input_validation_failed",
        metadata: {},
        ...(field ? { field } : {}),
      },
    };
  }
}

function authorize(req) {
  const header = req.headers.authorization ?? "";
  const [id, secret] = header.startsWith("Basic ")
    ? Buffer.from(header.slice(6), "base64").toString().split(":")
    : [];
  if (id !== KEY_ID || secret !== KEY_SECRET) throw new RazorpayError(401, "Authentication failed");
}

function createOrder(body) {
  let params;
  try {
    params = JSON.parse(body);
  } catch {
    throw new RazorpayError(400, "The request body is not valid JSON");
  }
  const { amount, currency, receipt, notes } = params;
  if (amount === undefined) throw new RazorpayError(400, "The amount field is required.", "amount");
  if (!Number.isInteger(amount)) throw new RazorpayError(400, "The amount must be an integer.", "amount");
  if (currency === undefined) throw new RazorpayError(400, "The currency field is required.", "currency");
  if (!/^[A-Z]{3}$/.test(currency)) throw new RazorpayError(400, "The requested currency is not supported", "currency");
  if (currency === "INR" && amount < 100) throw new RazorpayError(400, "Order amount less than minimum amount allowed", "amount");
  if (receipt !== undefined && (typeof receipt !== "string" || receipt.length > 40)) {
    throw new RazorpayError(400, "The receipt may not be greater than 40 characters.", "receipt");
  }
  if (notes !== undefined) {
    if (typeof notes !== "object" || Array.isArray(notes) || Object.keys(notes).length > 15) {
      throw new RazorpayError(400, "The notes field must be an object of at most 15 keys.", "notes");
    }
    for (const v of Object.values(notes)) {
      if (String(v).length > 256) throw new RazorpayError(400, "A note may not be greater than 256 characters.", "notes");
    }
  }
  const order = {
    id: randomId("order_"),
    entity: "order",
    amount,
    amount_paid: 0,
    amount_due: amount,
    currency,
    receipt: receipt ?? null,
    offer_id: null,
    status: "created",
    attempts: 0,
    notes: notes ?? [],
    created_at: Math.floor(Date.now() / 1000),
  };
  orders.set(order.id, order);
  extra.set(order.id, { payments: [] });
  return order;
}

function find(id) {
  const order = orders.get(id);
  if (!order) throw new RazorpayError(400, "The id provided does not exist", "id");
  return order;
}

function capture(order, email) {
  order.attempts += 1;
  const payment = {
    id: randomId("pay_"),
    entity: "payment",
    amount: order.amount,
    currency: order.currency,
    status: "captured",
    order_id: order.id,
    invoice_id: null,
    international: false,
    method: "upi",
    amount_refunded: 0,
    refund_status: null,
    captured: true,
    description: extra.get(order.id).description ?? null,
    card_id: null,
    bank: null,
    wallet: null,
    vpa: "success@razorpay",
    email: email || "void@razorpay.com",
    contact: "+919000090000",
    notes: order.notes,
    fee: Math.round(order.amount * 0.02),
    tax: Math.round(order.amount * 0.02 * 0.18),
    error_code: null,
    error_description: null,
    error_source: null,
    error_step: null,
    error_reason: null,
    acquirer_data: { rrn: String(crypto.randomInt(1e11, 1e12)) },
    created_at: Math.floor(Date.now() / 1000),
  };
  extra.get(order.id).payments.push(payment);
  order.status = "paid";
  order.amount_paid = order.amount;
  order.amount_due = 0;
  return payment;
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (minor, currency) =>
  new Intl.NumberFormat("en-IN", { style: "currency", currency }).format(minor / 100);

function page(title, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}button{font-size:1.1rem;padding:.5rem 1.5rem}</style>
</head><body>${body}</body></html>`;
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function html(res, status, body) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(body);
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}

function api(req, res, url, raw) {
  requests.push({
    method: req.method,
    path: url.pathname,
    headers: req.headers,
    body: raw ? (() => { try { return JSON.parse(raw); } catch { return raw; } })() : null,
  });
  authorize(req);
  if (req.method === "POST" && url.pathname === "/v1/orders") return send(res, 200, createOrder(raw));
  const m = url.pathname.match(/^\/v1\/orders\/([A-Za-z0-9_]+)(\/payments)?$/);
  if (req.method === "GET" && m) {
    const order = find(m[1]);
    if (!m[2]) return send(res, 200, order);
    const items = extra.get(order.id).payments;
    return send(res, 200, { entity: "collection", count: items.length, items });
  }
  throw new RazorpayError(400, "The requested URL was not found on the server.");
}

/** The hosted checkout: Rootline's form lands here. */
function checkout(res, raw) {
  const form = new URLSearchParams(raw);
  const orderId = form.get("order_id") ?? "";
  const order = orders.get(orderId);
  if (form.get("key_id") !== KEY_ID) return html(res, 400, page("Error", "<h1>Invalid key_id</h1>"));
  if (!order) return html(res, 400, page("Error", "<h1>The id provided does not exist</h1>"));
  if (form.get("amount") !== null && Number(form.get("amount")) !== order.amount) {
    return html(res, 400, page("Error", "<h1>The amount does not match the order's</h1>"));
  }
  if (form.get("currency") !== null && form.get("currency") !== order.currency) {
    return html(res, 400, page("Error", "<h1>The currency does not match the order's</h1>"));
  }
  if (!form.get("callback_url")) return html(res, 400, page("Error", "<h1>callback_url is required</h1>"));
  if (order.status === "paid") return html(res, 200, page("Paid", "<h1>This order is already paid</h1>"));
  const state = extra.get(order.id);
  state.callback_url = form.get("callback_url");
  state.cancel_url = form.get("cancel_url");
  state.description = form.get("description");
  const cancel = state.cancel_url ? `<p><a href="${escape(state.cancel_url)}">Cancel</a></p>` : "";
  html(
    res,
    200,
    page(
      "Razorpay Checkout (test stand-in)",
      `<h1>${escape(form.get("name") ?? "")}: pay <span data-testid="amount">${escape(money(order.amount, order.currency))}</span></h1>
<p>${escape(form.get("description") ?? "")}</p>
<form method="post" action="/v1/checkout/embedded/pay">
<input type="hidden" name="order_id" value="${escape(order.id)}">
<p><label>Email <input name="email" type="email" value="${escape(form.get("prefill[email]") ?? "")}"></label></p>
<p><label>UPI ID <input name="vpa" value="success@razorpay"></label></p>
<button type="submit">Pay</button>
</form>${cancel}`,
    ),
  );
}

/** "Pay": captures a payment and posts the result to the callback, as Razorpay does. */
function pay(res, raw) {
  const form = new URLSearchParams(raw);
  const order = orders.get(form.get("order_id") ?? "");
  const state = order && extra.get(order.id);
  if (!state?.callback_url) return html(res, 400, page("Error", "<h1>No checkout for this order</h1>"));
  if (order.status === "paid") return html(res, 200, page("Paid", "<h1>This order is already paid</h1>"));
  const payment = capture(order, form.get("email"));
  const signature = crypto.createHmac("sha256", KEY_SECRET).update(`${order.id}|${payment.id}`).digest("hex");
  const fields = { razorpay_payment_id: payment.id, razorpay_order_id: order.id, razorpay_signature: signature };
  html(
    res,
    200,
    page(
      "Redirecting",
      `<p>Payment successful. Taking you back…</p>
<form method="post" action="${escape(state.callback_url)}">
${Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${k}" value="${escape(v)}">`).join("\n")}
<button type="submit">Return to the merchant</button>
</form>
<script>document.forms[0].submit();</script>`,
    ),
  );
}

async function handle(req, res) {
  const url = new URL(req.url, `http://127.0.0.1:${PORT}`);
  const raw = await readBody(req);
  if (req.method === "POST" && url.pathname === "/v1/checkout/embedded") return checkout(res, raw);
  if (req.method === "POST" && url.pathname === "/v1/checkout/embedded/pay") return pay(res, raw);
  if (url.pathname.startsWith("/v1/")) {
    try {
      return api(req, res, url, raw);
    } catch (e) {
      if (e instanceof RazorpayError) return send(res, e.status, e.body);
      return send(res, 500, { error: { code: "SERVER_ERROR", description: String(e) } });
    }
  }
  if (url.pathname === "/_fake/requests") return send(res, 200, requests);
  if (url.pathname === "/") {
    res.writeHead(200, { "content-type": "text/plain" });
    return res.end("fake Razorpay ready");
  }
  html(res, 404, page("Not found", "<h1>Not found</h1>"));
}

const serve = (req, res) =>
  handle(req, res).catch((e) => {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(String(e));
  });
// Loopback only, both families: the server calls 127.0.0.1, the browser may resolve localhost to ::1.
http.createServer(serve).listen(PORT, "127.0.0.1");
http.createServer(serve).listen(PORT, "::1").on("error", () => {});
console.log(`fake Razorpay on ${PORT}`);
