// A real SMTP server for the tests: accepts every message on SMTP_PORT and lists them as JSON
// on HTTP_PORT (GET /messages?to=<address>), so a test reads its mail like a person would.
import http from "node:http";
import { SMTPServer } from "smtp-server";

const SMTP_PORT = Number(process.env.SMTP_PORT ?? 2525);
const HTTP_PORT = Number(process.env.HTTP_PORT ?? 2580);
const messages = [];

// Rootline sends single-part text/plain mail; decode just what that needs.
function parse(raw) {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers = {};
  for (const line of head.split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  let bytes;
  if (encoding === "base64") bytes = Buffer.from(body.replace(/\s+/g, ""), "base64");
  else if (encoding === "quoted-printable") bytes = decodeQuotedPrintable(body);
  else bytes = Buffer.from(body, "latin1");
  return {
    from: decodeWords(headers["from"] ?? ""),
    subject: decodeWords(headers["subject"] ?? ""),
    text: bytes.toString("utf8").replace(/\r\n/g, "\n"),
  };
}

function decodeQuotedPrintable(s) {
  const soft = s.replace(/=\r\n/g, "");
  const out = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(soft.charCodeAt(i));
  }
  return Buffer.from(out);
}

// RFC 2047 encoded words, as lettre writes non-ASCII subjects and names.
function decodeWords(s) {
  return s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g, (_, _charset, enc, text) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")).toString("utf8"),
    );
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("error", callback);
    stream.on("end", () => {
      try {
        messages.push({
          ...parse(Buffer.concat(chunks).toString("latin1")),
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          receivedAt: new Date().toISOString(),
        });
        callback();
      } catch (e) {
        callback(e);
      }
    });
  },
});
smtp.listen(SMTP_PORT, "127.0.0.1");

http
  .createServer((req, res) => {
    const url = new URL(req.url, `http://127.0.0.1:${HTTP_PORT}`);
    if (url.pathname === "/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      const list = to ? messages.filter((m) => m.to.includes(to)) : messages;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(list));
      return;
    }
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("mail sink ready");
  })
  .listen(HTTP_PORT, "127.0.0.1");

console.log(`mail sink: SMTP on ${SMTP_PORT}, HTTP on ${HTTP_PORT}`);
