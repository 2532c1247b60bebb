import { execFileSync } from "node:child_process";
import type { Browser } from "@playwright/test";
import { expect, signedInOperator } from "./support";

/// An operator grants credits to a customer account, in the operator console, in a browser of
/// their own.
export async function grantCredits(browser: Browser, organization: string, amount: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signedInOperator(page);
  await page.goto("/operator/accounts");
  await page.getByRole("link", { name: `Credits of ${organization}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Credits" })).toBeVisible();
  await page.locator("#grant-amount").fill(amount);
  await page.locator("#grant-remarks").fill("Opening balance for the end-to-end test");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByRole("status")).toContainText("The credits were granted.");
  await context.close();
}

/// The first sheet of a workbook, row by row, each cell in its column ("" for an empty one):
/// read by Python's zipfile and XML parser, as the server's own export tests read theirs.
export function workbookRows(file: string): string[][] {
  const script = `
import json, re, sys, zipfile, xml.etree.ElementTree as ET
m = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(t.text or '' for t in si.iter(m + 't'))
          for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall(m + 'si')]
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).find(m + 'sheetData').findall(m + 'row'):
    cells = []
    for c in row.findall(m + 'c'):
        column = 0
        for letter in re.match('[A-Z]+', c.get('r')).group(0):
            column = column * 26 + ord(letter) - 64
        cells += [''] * (column - 1 - len(cells))
        v = c.find(m + 'v')
        cells.append('' if v is None else shared[int(v.text)] if c.get('t') == 's' else v.text)
    rows.append(cells)
print(json.dumps(rows))
`;
  return JSON.parse(execFileSync("python3", ["-c", script, file]).toString());
}
