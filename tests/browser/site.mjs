// Opens pages of an `rt webb` site from its folder (file://) in the system's
// headless Chromium: axe-core's WCAG 2.1 A/AA rules, a screenshot, and the
// elements Tab reaches in order. Requests leaving the folder are counted.
// Usage: node site.mjs SITE_DIR SHOT_DIR PAGE... (paths in the site, e.g. index.html)
// Prints one JSON line: {"PAGE": {"violations": [...], "passes": N, "tabs": [...],
//   "filtersShown": bool, "shownAfterFilter": "…"}, ..., "outside": [...]}.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const [, , site, shots, ...pages] = process.argv;
const root = path.resolve(site);
const axe = fs.readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
const result = { outside: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://" + root)) return route.continue();
    result.outside.push(url);
    return route.abort();
  });
  for (const name of pages) {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto("file://" + path.join(root, name));
    const filtersShown = await page.evaluate(() =>
      Array.from(document.querySelectorAll("form.filter")).some((form) => !form.hidden));
    const tabs = [];
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press("Tab");
      tabs.push(await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el.tagName.toLowerCase(), name: el.getAttribute("name"),
                 text: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 60),
                 outline: getComputedStyle(el).outlineStyle };
      }));
    }
    // Axe on the page as a reader finds it, then a screenshot.
    await page.addScriptTag({ content: axe });
    const checked = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
    const shot = path.join(shots, name.replace(/[\/]/g, "_").replace(/\.html$/, ".png"));
    await page.screenshot({ path: shot, fullPage: true });
    let shownAfterFilter = null;
    if (filtersShown) {
      const options = await page.$$eval("form.filter select[name=bedomning] option", (o) => o.map((x) => x.value));
      await page.selectOption("form.filter select[name=bedomning]", options[1]);
      shownAfterFilter = await page.$eval("form.filter .antal", (el) => el.textContent);
    }
    result[name] = {
      violations: checked.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) })),
      passes: checked.passes.length, tabs, filtersShown, shownAfterFilter, errors, screenshot: shot,
    };
    await page.close();
  }
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
