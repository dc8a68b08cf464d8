// Browser benchmark (not a test): drops a PEM bundle of N certificates on the built page
// (dist/) in headless Chromium and measures until every card is rendered.
//
//   node bench.mjs BUNDLE.pem        (scripts/bench.sh makes the bundle and runs this)
//
// Prints the median of 3 runs, each in a fresh page: reading the file, parsing,
// validating every chain in WebAssembly, and rendering the cards.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.KYSO_DIST || join(here, '..', '..', 'dist'));
const bundle = resolve(process.argv[2] || '');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

const server = createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dist, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dist + sep) || !(await stat(file)).isFile()) throw new Error('404');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(await readFile(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const expected = (await readFile(bundle, 'latin1')).split('-----BEGIN CERTIFICATE-----').length - 1;

const scratch = await mkdtemp(join(tmpdir(), 'kyso-bench-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
for (let run = 0; run < 3; run++) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(origin + '/', { waitUntil: 'load' });
  await page.locator('[data-testid=dropzone]').waitFor();
  const t0 = Date.now();
  await page.locator('[data-testid=file-input]').setInputFiles(bundle);
  await page.waitForFunction((n) => document.querySelector('[data-testid=summary]')?.dataset.total === String(n) && document.querySelectorAll('[data-testid=cert-card]').length > 0, expected, { timeout: 120000, polling: 20 });
  times.push(Date.now() - t0);
  await page.close();
}
await browser.close();
server.close();
await rm(scratch, { recursive: true, force: true });
times.sort((a, b) => a - b);
console.log(`page in Chromium: ${expected} certificates dropped → all read and validated, summary and first cards shown: median ${times[1]} ms (runs: ${times.join(', ')} ms)`);
