import { signedInAdministrator, test } from "../tests/support";

// Portal pages fetched many times at once with one signed-in session: how many responses never
// finish (no answer within 20 s while the others take milliseconds). A page that never answers
// is a bug (it once failed CI); this counts it. Prints figures; asserts nothing.
//   HAMMER_TOTAL (600) requests, HAMMER_CONC (12) at a time, HAMMER_PATHS (comma-separated;
//   eight portal pages by default).
test("portal pages fetched concurrently: responses that never finish", async ({ page, context, baseURL }) => {
  await signedInAdministrator(page, "hammer", "Hammer Ltd");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const paths = process.env.HAMMER_PATHS?.split(",") ?? [
    "/settings/two-factor", "/users", "/profile", "/domains", "/", "/orders", "/users/new", "/settings/renewals",
  ];
  const total = Number(process.env.HAMMER_TOTAL ?? 600);
  const concurrency = Number(process.env.HAMMER_CONC ?? 12);
  const stalled: string[] = [];
  let done = 0;
  let failed = 0;
  let next = 0;
  const one = async (path: string) => {
    try {
      const r = await fetch(`${baseURL}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(20_000), redirect: "manual" });
      await r.text();
      done++;
    } catch (e) {
      if (e instanceof Error && e.name === "TimeoutError") stalled.push(path);
      else failed++;
    }
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await one(paths[next++ % paths.length]);
    }),
  );
  console.log(`hang: ${done} answered, ${stalled.length} never finished (${stalled.join(", ") || "none"}), ${failed} failed`);
});
