import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BASE, expect, serverCli, test } from "./support";

test("the hierarchy the server made at its first start is served at /ca/<name>.crt and verifies with OpenSSL", async ({
  request,
}) => {
  // The suite's server runs with software keys, so it created the hierarchy when it started:
  // `server ca init` finds every CA there and creates nothing.
  const out = serverCli("ca", "init");
  for (const name of ["root", "tls", "smime", "client", "codesign", "docsign"]) {
    expect(out).toMatch(new RegExp(`exists\\s+${name}\\b`));
  }
  expect(out).not.toContain("created");

  const dir = mkdtempSync(path.join(tmpdir(), "rootline-ca-"));
  for (const name of ["root", "tls", "smime", "client", "codesign", "docsign"]) {
    const res = await request.get(`/ca/${name}.crt`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/x-pem-file");
    const pem = await res.text();
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    writeFileSync(path.join(dir, `${name}.pem`), pem);
  }
  for (const name of ["tls", "smime", "client", "codesign", "docsign"]) {
    const verified = execFileSync("openssl", ["verify", "-x509_strict", "-CAfile", "root.pem", `${name}.pem`], {
      cwd: dir,
    }).toString();
    expect(verified.trim()).toBe(`${name}.pem: OK`);
  }

  writeFileSync(
    path.join(dir, "cas.pem"),
    ["root", "tls"].map((n) => readFileSync(path.join(dir, `${n}.pem`), "utf8")).join(""),
  );
  for (const name of ["root", "tls"]) {
    const crl = await request.get(`/crl/${name}.crl`);
    expect(crl.status()).toBe(200);
    expect(crl.headers()["content-type"]).toBe("application/pkix-crl");
    writeFileSync(path.join(dir, `${name}.crl`), await crl.body());
    const text = execFileSync("openssl", ["crl", "-inform", "DER", "-in", `${name}.crl`, "-noout", "-CAfile", "cas.pem", "-text"], {
      cwd: dir,
    }).toString();
    expect(text).toContain("Next Update");
  }
  expect((await request.get("/crl/unknown.crl")).status()).toBe(404);

  expect((await request.get("/ca/unknown.crt")).status()).toBe(404);
  expect((await request.get("/ca/root.pem")).status()).toBe(404);
  expect(() => serverCli("ca", "init", "--key-type", "rsa1024")).toThrow(/not one of p256, p384, rsa3072, rsa4096/);
});

test("openssl ocsp against the running server sees a certificate good, then revoked by another process", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-ocsp-"));
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir }).toString();
  run("openssl", [
    "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
    "-keyout", "key.pem", "-out", "req.csr", "-subj", "/CN=www.example.com",
    "-addext", "subjectAltName=DNS:www.example.com",
  ]);
  const issued = serverCli("ca", "issue", "--profile", "tls-dv", "--csr", path.join(dir, "req.csr"), "--out", path.join(dir, "chain.pem"));
  const serial = issued.match(/issued serial ([0-9a-f]+)/)?.[1];
  expect(serial, issued).toBeTruthy();
  const chain = readFileSync(path.join(dir, "chain.pem"), "utf8");
  const [leaf, tls] = chain.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "leaf.pem"), leaf);
  writeFileSync(path.join(dir, "tls.pem"), tls);
  const root = execFileSync("curl", ["-s", `${BASE}/ca/root.crt`]).toString();
  writeFileSync(path.join(dir, "cas.pem"), root + tls);

  const ask = () =>
    execFileSync("openssl", ["ocsp", "-issuer", "tls.pem", "-cert", "leaf.pem", "-no_nonce", "-url", `${BASE}/ocsp`, "-CAfile", "cas.pem"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
  expect(ask()).toContain("leaf.pem: good");
  serverCli("ca", "revoke", "--serial", serial!, "--reason", "keyCompromise");
  // The server keeps signed answers; another process's revocation reaches it within a second.
  await new Promise((r) => setTimeout(r, 1100));
  const after = ask();
  expect(after).toContain("leaf.pem: revoked");
  expect(after).toContain("Reason: keyCompromise");
});
