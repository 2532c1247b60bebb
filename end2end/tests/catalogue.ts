// The Polish catalogue as patterns, for tests that check a page shows only catalogue text.
// Files are read with Fluent's own parser (@fluent/syntax), so the test understands exactly
// what the portal's loader understands.
import * as fs from "fs";
import * as path from "path";
import {
  parse,
  Message,
  Pattern,
  Placeable,
  SelectExpression,
  StringLiteral,
  TextElement,
} from "@fluent/syntax";

const LOCALES = path.join(__dirname, "..", "..", "app", "locales");

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/// A message's text as a regular expression: its words as they are, a plural or other choice
/// as the alternatives it offers, every argument as "some text".
function patternSource(pattern: Pattern): string {
  return pattern.elements
    .map((e) => {
      if (e instanceof TextElement) return escape(e.value);
      const expression = (e as Placeable).expression;
      if (expression instanceof StringLiteral) return escape(expression.parse().value);
      if (expression instanceof SelectExpression) {
        return `(?:${expression.variants.map((v) => patternSource(v.value)).join("|")})`;
      }
      return ".+?";
    })
    .join("")
    .replace(/\s+/g, "\\s+");
}

/// Every message of `lang` as a pattern source.
export function catalogue(lang: string): string[] {
  const dir = path.join(LOCALES, lang);
  const sources: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    const resource = parse(fs.readFileSync(path.join(dir, file), "utf8"), {});
    for (const entry of resource.body) {
      if (!(entry instanceof Message) || !entry.value) continue;
      const source = patternSource(entry.value);
      // A message that is all arguments would match any text at all.
      if (/[\p{L}]/u.test(source.replace(/\.\+\?/g, ""))) sources.push(source);
    }
  }
  return sources;
}

/// What a page may show besides catalogue text: numbers, dates, ids and punctuation, money,
/// e-mail addresses, domain names and addresses, and the data the test itself entered.
const DATA =
  /^[\d\s.,:;\-\/#+·—–()%*]+$|^[^\s@]+@[^\s@]+$|^(?:USD|INR|EUR)(?: -?[\d.,]+)?$|^-?[\d\s,]+\s(?:USD|INR|EUR)$|^[\d-]+ [\d:]+ UTC$|^[\d.]+, [\d:]+ UTC$|^(?:[a-z0-9-]+\.)+[a-z]{2,}$|^https?:\/\/\S+$/;

/// The texts (trimmed text nodes, and the labels a screen reader reads) that are neither
/// whole catalogue messages, nor runs of them, nor data.
export function foreignTexts(texts: string[], lang: string, data: string[]): string[] {
  const messages = catalogue(lang);
  const known = [...messages, ...data.map(escape)]
    .sort((a, b) => b.length - a.length)
    .join("|");
  const run = new RegExp(`^(?:\\s*(?:${known}|[\\d.,:;\\-\\/#+·—–()%*]+)\\s*)+$`, "u");
  return [...new Set(texts)].filter((t) => !DATA.test(t) && !run.test(t));
}
