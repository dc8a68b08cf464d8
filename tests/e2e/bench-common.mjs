// Shared by the page benchmarks (not tests): a static server for dist/ on 127.0.0.1
// and a headless Chromium whose processes' memory can be sampled.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
const dist = resolve(process.env.KYSO_DIST || join(repo, 'dist'));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
};

export async function serve() {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = normalize(join(dist, path.endsWith('/') ? path + 'index.html' : path));
      if (!file.startsWith(dist + sep) || !(await stat(file)).isFile()) throw new Error('404');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

export async function browser() {
  const profile = await mkdtemp(join(tmpdir(), 'kyso-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--disable-background-networking'],
    headless: true,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, page, profile, close };
}

/** Resident memory (KiB) of this browser's processes: { total, max } (renderer = max). */
export function rss(profile) {
  let out = '';
  try {
    out = execFileSync('ps', ['-eo', 'rss=,args='], { maxBuffer: 64 * 1024 * 1024 }).toString();
  } catch {
    return { total: 0, max: 0 };
  }
  let total = 0;
  let max = 0;
  for (const line of out.split('\n')) {
    if (!line.includes(profile) && !line.includes('--type=renderer')) continue;
    if (!line.includes(profile)) continue;
    const kb = Number(line.trim().split(/\s+/)[0]) || 0;
    total += kb;
    max = Math.max(max, kb);
  }
  return { total, max };
}

/** Samples memory every `ms` until stopped; returns the peaks. */
export function sampler(page, profile, ms = 100) {
  let stop = false;
  const peak = { heap: 0, rssTotal: 0, rssMax: 0 };
  let cdp = null;
  const run = (async () => {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    while (!stop) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        peak.heap = Math.max(peak.heap, heap);
      } catch {}
      const r = rss(profile);
      peak.rssTotal = Math.max(peak.rssTotal, r.total);
      peak.rssMax = Math.max(peak.rssMax, r.max);
      await new Promise((ok) => setTimeout(ok, ms));
    }
  })();
  return {
    async done() {
      stop = true;
      await run;
      return peak;
    },
  };
}

export const MB = 1024 * 1024;
