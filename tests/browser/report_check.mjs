// Opens an HTML report in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) and checks what a reader does with it: hover an
// edge to read its quotes, type in the filter box, and nothing loaded from
// anywhere else.  Saves a screenshot of the page into SHOT_DIR.
//
//   node report_check.mjs REPORT.html SHOT_DIR
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [report, shotDir] = process.argv.slice(2);
if (!report || !shotDir) {
  console.error("usage: node report_check.mjs REPORT.html SHOT_DIR");
  process.exit(2);
}
const fail = (msg) => {
  throw new Error(msg);
};
const pass = (msg) => console.log(`ok: ${msg}`);

// Quiet, offline, throwaway: no sandbox as root, no GPU, no calls home.
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// The middle of the edge's first path, in page coordinates: the centre of a
// curve's bounding box is seldom on the curve itself.
async function edgePoint(page, edgeTitle) {
  return page.evaluate((title) => {
    const edge = [...document.querySelectorAll("g.edge")]
      .find((g) => g.querySelector("title")?.textContent === title);
    if (!edge) return null;
    const path = edge.querySelector("path");
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM();
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  }, edgeTitle);
}

// What the browser would show as the tooltip of the element under the
// pointer: the xlink:title of its link, which Graphviz writes.
async function tooltipAt(page, pt) {
  return page.evaluate(({ x, y }) => {
    const hit = document.elementFromPoint(x, y);
    const link = hit?.closest("a");
    return link?.getAttributeNS("http://www.w3.org/1999/xlink", "title") ?? null;
  }, pt);
}

async function checkHover(page) {
  await page.locator("#diagram svg").scrollIntoViewIfNeeded();
  const pt = await edgePoint(page, "north-korea->russia");
  if (!pt) fail("no edge north-korea->russia in the SVG");
  await page.mouse.move(pt.x, pt.y);
  const hovered = await page.evaluate(({ x, y }) => {
    const hit = document.elementFromPoint(x, y);
    return hit?.matches(":hover") ? hit.closest("g.edge")?.querySelector("title")?.textContent : null;
  }, pt);
  if (hovered !== "north-korea->russia") fail(`the pointer hovers ${hovered}, not the edge`);
  const tip = await tooltipAt(page, pt);
  const n = Number(/deploysTroopsTo: (\d+) quotes?/.exec(tip ?? "")?.[1] ?? 0);
  const wants = ["North Korea \u2192 Russia", "\u201C\u2068", "soldiers", "(\u2068examples/0"];
  if (n > 3) wants.push(`and ${n - 3} more`);
  for (const want of wants) {
    if (!n || !tip.includes(want)) fail(`the edge's tooltip lacks "${want}": ${tip}`);
  }
  pass("hovering north-korea->russia shows its quotes and documents");
}

async function visibleRows(page) {
  return page.$$eval("#relations tbody tr", (rows) =>
    rows.filter((r) => !r.hidden).map((r) => r.textContent.toLowerCase()));
}

async function checkFilter(page) {
  const all = await visibleRows(page);
  if (all.length < 10) fail(`only ${all.length} relation rows`);
  await page.locator("#filter").pressSequentially("Kursk");
  const some = await visibleRows(page);
  if (!some.length || some.length >= all.length) fail(`"Kursk" kept ${some.length} of ${all.length} rows`);
  if (!some.every((t) => t.includes("kursk"))) fail("a row without Kursk stayed");
  const count = await page.locator("#count").textContent();
  if (count !== `${some.length} of ${all.length} relations`) fail(`count says "${count}"`);
  await page.locator("#filter").fill("no such words anywhere");
  if ((await visibleRows(page)).length) fail("rows stayed for text found nowhere");
  await page.locator("#filter").fill("");
  if ((await visibleRows(page)).length !== all.length) fail("clearing the box did not restore all rows");
  pass(`typing "Kursk" keeps ${some.length} of ${all.length} rows; clearing restores them`);
}

const profile = mkdtempSync(join(tmpdir(), "cg-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: FLAGS,
  viewport: { width: 1400, height: 1000 },
});
const url = pathToFileURL(resolve(report)).href;
const foreign = [];
let status = 0;
try {
  const page = await context.newPage();
  page.on("request", (r) => { if (r.url() !== url) foreign.push(r.url()); });
  await page.goto(url);
  await checkHover(page);
  await checkFilter(page);
  if (foreign.length) fail(`the report loaded other resources: ${foreign.join(", ")}`);
  pass("nothing loaded but the report itself");
  await page.screenshot({ path: join(shotDir, "report.png"), fullPage: true });
  pass(`screenshot in ${join(shotDir, "report.png")}`);
} catch (e) {
  console.error(`FAIL: ${e.message}`);
  status = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
