// Opens an HTML report in the system's headless Chromium, runs axe-core's
// WCAG 2.1 A/AA rules on it and optionally saves a screenshot and an A4 PDF.
// Usage: node check.mjs REPORT.html [SCREENSHOT.png] [PRINT.pdf]
// Prints one JSON line: {"violations": [...], "passes": N, "pages": N}.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const [, , html, screenshot, pdf] = process.argv;
const axe = fs.readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  // No network here: keep Chromium from trying to reach Google at start-up.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  await page.goto("file://" + path.resolve(html));
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  if (screenshot) await page.screenshot({ path: screenshot });
  let pages = 0;
  if (pdf) {
    const bytes = await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true });
    pages = (bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  }
  const violations = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  console.log(JSON.stringify({ violations, passes: result.passes.length, pages }));
} finally {
  await browser.close();
}
