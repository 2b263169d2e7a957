// Browser test of the web console: Debian's Chromium driven by playwright-core (no browser
// download). Usage: node console.mjs CONSOLE_URL PLATE SCREENSHOT_DIR
// Opens the console of a running demo, sees the live feed update, searches PLATE, opens its page,
// and saves screenshots. Prints one JSON line with what it saw; exits non-zero on any failure.
import { chromium } from 'playwright-core';

const [url, plate, shots] = process.argv.slice(2);
if (!url || !plate || !shots) {
  console.error('usage: node console.mjs CONSOLE_URL PLATE SCREENSHOT_DIR');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const seen = {};
const failures = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => failures.push('page error: ' + e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('conn').textContent === 'live', null, { timeout: 30_000 });
  await page.waitForSelector('#feed tbody tr', { timeout: 60_000 });
  const count = async () => Number(await page.textContent('#feed-count'));
  seen.feedAtStart = await count();
  await page.waitForFunction((n) => Number(document.getElementById('feed-count').textContent) > n, seen.feedAtStart,
    { timeout: 120_000, polling: 500 });
  seen.feedAfterUpdate = await count();
  seen.feedPlates = await page.$$eval('#feed tbody tr', (rows) => rows.map((r) => r.dataset.plate));
  seen.alerts = await page.$$eval('#alerts tbody tr', (rows) => rows.length);
  await page.screenshot({ path: `${shots}/console-live.png`, fullPage: true });

  await page.click('nav a[data-panel="search"]');
  await page.fill('#q', plate);
  await page.selectOption('#mode', 'fuzzy');
  await page.click('#search-form button');
  await page.waitForSelector(`#results tbody tr[data-plate="${plate}"]`, { timeout: 30_000 });
  seen.searchSummary = await page.textContent('#search-summary');
  await page.screenshot({ path: `${shots}/console-search.png`, fullPage: true });

  await page.click(`#results tbody tr[data-plate="${plate}"] a.plate`);
  await page.waitForSelector('#panel-plate:not([hidden]) #history tbody tr', { timeout: 30_000 });
  seen.plateTitle = await page.textContent('#plate-title');
  seen.historyRows = await page.$$eval('#history tbody tr', (rows) => rows.length);
  seen.latest = await page.textContent('#plate-latest');
  await page.waitForSelector('#plate-crop:not([hidden])', { timeout: 15_000 }).catch(() => { seen.cropShown = false; });
  if (seen.cropShown !== false) seen.cropShown = true;
  await page.screenshot({ path: `${shots}/console-plate.png`, fullPage: true });
  if (seen.plateTitle !== plate) failures.push(`plate page shows ${seen.plateTitle}, not ${plate}`);
} catch (e) {
  failures.push(e.message);
} finally {
  await browser.close();
}
console.log(JSON.stringify({ ok: failures.length === 0, failures, seen }));
process.exit(failures.length === 0 ? 0 : 1);
