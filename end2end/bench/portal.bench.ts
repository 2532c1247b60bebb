import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { DB_FILE, signedInAdministrator, test } from "../tests/support";

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

function report(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `${name}: n=${sorted.length} p50=${percentile(sorted, 50).toFixed(1)} ms p95=${percentile(sorted, 95).toFixed(1)} ms min=${sorted[0].toFixed(1)} ms max=${sorted[sorted.length - 1].toFixed(1)} ms`,
  );
}

/// The PostgreSQL database the server uses (scripts/bench-portal.sh with
/// ROOTLINE_BENCH_POSTGRES_URL), or none for the default SQLite file.
const POSTGRES = process.env.ROOTLINE_BENCH_DATABASE_URL;

/// `count` orders for the account of `email`, written straight into the server's database:
/// seven statuses in turn, fifty tags, three minutes apart, one name each
/// (`host<id>.bench-example.com`) — the rows `server/src/bin/bench.rs search` seeds.
function seedOrders(email: string, count: number) {
  if (POSTGRES) {
    const sql = `
WITH who AS (
  SELECT u.id AS user_id, m.account_id, (SELECT g.id FROM groups g WHERE g.account_id = m.account_id ORDER BY g.id LIMIT 1) AS group_id
  FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = :'email')
INSERT INTO orders (account_id, group_id, placed_by, product_id, product_name, product_kind, profile,
  validity_days, price_minor, currency, status, key_source, requester_name, requester_email, requester_phone, tags,
  remarks, tech_name, tech_email, extra_emails, auto_renew, template_values, created_at, updated_at)
SELECT who.account_id, who.group_id, who.user_id, 1, 'DV SSL', 'dv_single', 'tls-dv', 199, 4900, 'USD',
  (ARRAY['on_hold','pending_approval','accepted','in_progress','fulfilled','cancelled','rejected'])[i % 7 + 1],
  'later', 'Bench Requester', :'email', '', 'bench,tag' || (i % 50), '', '', '', '', false, '{}',
  timestamptz '2026-01-01 00:00:00+00' + make_interval(mins => 3 * i),
  timestamptz '2026-01-01 00:00:00+00' + make_interval(mins => 3 * i)
FROM who, generate_series(0, :count - 1) AS i;
INSERT INTO order_names (order_id, position, name)
SELECT o.id, 0, 'host' || o.id || '.bench-example.com' FROM orders o
WHERE o.account_id = (SELECT m.account_id FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = :'email');
-- What autovacuum does after a bulk load: planner statistics, and the visibility map that
-- lets counts read indexes alone.
VACUUM ANALYZE;
SELECT count(*) FROM orders;
`;
    return execFileSync("psql", [POSTGRES, "-qtA", "-v", "ON_ERROR_STOP=1", "-v", `email=${email.toLowerCase()}`, "-v", `count=${count}`], {
      input: sql,
    })
      .toString()
      .trim();
  }
  const script = `
import sqlite3, sys, datetime
db = sqlite3.connect(sys.argv[1])
email, count = sys.argv[2], int(sys.argv[3])
user, account = db.execute("SELECT u.id, m.account_id FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = ?", (email,)).fetchone()
group = db.execute("SELECT id FROM groups WHERE account_id = ? ORDER BY id LIMIT 1", (account,)).fetchone()[0]
start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
statuses = ["on_hold", "pending_approval", "accepted", "in_progress", "fulfilled", "cancelled", "rejected"]
rows = []
for i in range(count):
    at = (start + datetime.timedelta(minutes=3 * i)).isoformat()
    rows.append((account, group, user, 1, "DV SSL", "dv_single", "tls-dv", 199, 4900, "USD", statuses[i % 7],
                 "later", "Bench Requester", email, "", "bench,tag%d" % (i % 50), "", "", "", "", 0, "{}",
                 at, at))
db.executemany("""INSERT INTO orders (account_id, group_id, placed_by, product_id, product_name, product_kind, profile,
  validity_days, price_minor, currency, status, key_source, requester_name, requester_email, requester_phone, tags,
  remarks, tech_name, tech_email, extra_emails, auto_renew, template_values, created_at, updated_at)
  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
ids = [r[0] for r in db.execute("SELECT id FROM orders WHERE account_id = ? ORDER BY id", (account,))]
# The trigram index's triggers fill order_names_search as the names go in.
db.executemany("INSERT INTO order_names (order_id, position, name) VALUES (?, 0, ?)",
               [(oid, "host%d.bench-example.com" % oid) for oid in ids])
db.commit()
print(len(ids))
`;
  return execFileSync("python3", ["-c", script, DB_FILE, email.toLowerCase(), String(count)]).toString().trim();
}

async function timeGet(page: Page, url: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await page.request.get(url);
    await res.body();
    samples.push(performance.now() - t0);
    if (res.status() !== 200) throw new Error(`${url}: ${res.status()}`);
  }
  return samples;
}

test(`order list SSR with 100,000 orders (${POSTGRES ? "PostgreSQL" : "SQLite"}), and key generation in the browser`, async ({ page }) => {
  const email = await signedInAdministrator(page, "bench", "Bench Marks Ltd");
  await page.goto("/groups"); // makes the account's default group, which the orders name
  console.log(`seeded ${seedOrders(email, 100_000)} orders`);
  await timeGet(page, "/orders", 3); // warm up
  // What is timed is the real list: the first page of all 100,000.
  const first = await (await page.request.get("/orders")).text();
  if (!first.includes("100000 orders")) throw new Error("the order list did not render the seeded orders");
  report("GET /orders (first page, SSR)", await timeGet(page, "/orders", 50));
  report("GET /orders?page=5000 (deep page)", await timeGet(page, "/orders?page=5000", 20));
  report("GET /orders?domain=host77777 (search)", await timeGet(page, "/orders?domain=host77777", 20));
  report("GET /orders?status=fulfilled&tag=tag7", await timeGet(page, "/orders?status=fulfilled&tag=tag7", 20));
  // Searches the trigram indexes answer less well: every order matches, or the term is too
  // short to have a trigram (the LIKE scan).
  report("GET /orders?domain=bench-example (all match)", await timeGet(page, "/orders?domain=bench-example", 20));
  report("GET /orders?domain=77 (two characters)", await timeGet(page, "/orders?domain=77", 20));
  if (process.env.ROOTLINE_BENCH_LISTS_ONLY) return;

  // Key + CSR made by the wizard's code in Chromium: from the click to the page saying so.
  await page.goto("/orders/new");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Domain names for the key (one per line)").fill("bench.example.com");
  for (const [label, runs] of [
    ["ECDSA P-256", 20],
    ["RSA 2048", 5],
  ] as const) {
    await page.getByLabel("Key type").selectOption({ label });
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const ms = await page.evaluate(async () => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Generate key and CSR")!;
        const t0 = performance.now();
        button.click();
        // The handler runs synchronously; the notice appears in the same task.
        for (;;) {
          const ready = document.querySelector('[data-testid="key-ready"]');
          if (ready && ready.textContent?.includes("made in this browser")) break;
          await new Promise((r) => setTimeout(r, 0));
        }
        return performance.now() - t0;
      });
      samples.push(ms);
    }
    report(`browser key + CSR, ${label}`, samples);
  }
});
