// The harness of the end-to-end tests (every *.test.mjs here imports it).
//
//   cd tests/e2e && node --test *.test.mjs     (after `trunk build --release`)
//
// A tiny static server on 127.0.0.1 (random port) serves dist/; playwright-core drives
// the system Chromium (nothing is downloaded). Every test fails if the page requests
// anything from another origin, logs a console error or throws.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const dist = resolve(process.env.KYSO_DIST || join(repo, 'dist'));
export const shared = resolve(repo, '..', 'shared');
export const realCerts = join(shared, 'fixtures', 'real-certs');
export const trustDir = join(shared, 'trust');

export const G2_LEAF = join(realCerts, 'leaf-g2-cpcag2-tongcucthue.pem');
export const G1_LEAF = join(realCerts, 'leaf-g1-btc-chicucthue-q12.pem');
export const TRUST = [
  'vgca-g1-cp.pem',
  'vgca-g1-rootca.pem',
  'vgca-g2-cpcag2.pem',
  'vgca-g2-dcscag2.pem',
  'vgca-g2-rootcag2.pem',
  'vnpt-ca-sha2.pem',
  'vnrca256.pem',
].map((f) => join(trustDir, f));

// A fixed "now" for the page, so days left and renewal verdicts are stable:
// G1 leaf valid to 2025-09-14, G2 leaf to 2026-11-16.
export const NOW = new Date('2025-06-01T00:00:00Z');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.pem': 'application/x-pem-file',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * What the test server answers beyond dist/: `trustBundle` is /trust/bundle.pem (null
 * for 404, the default deployment); `routes` maps a path to a handler `(req, res)` for
 * anything else a test needs to serve (a trust folder, a slow or broken file).
 */
export const site = { trustBundle: null, routes: new Map() };
let server;
/** The page's origin (http://127.0.0.1:PORT) and a scratch folder, set before the tests. */
export let origin;
export let scratch;

before(async () => {
  assert.ok(
    existsSync(join(dist, 'index.html')),
    'dist/index.html is missing: run `trunk build --release` first (scripts/test.sh does)',
  );
  scratch = await mkdtemp(join(tmpdir(), 'kyso-e2e-'));
  server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      // The same page under a sub-folder, as an intranet server may host it.
      if (path.startsWith('/thu-muc/con/')) path = path.slice('/thu-muc/con'.length);
      const route = site.routes.get(path);
      if (route) {
        await route(req, res);
        return;
      }
      if (path === '/trust/bundle.pem') {
        if (site.trustBundle === null) {
          res.writeHead(404).end('not found');
        } else {
          res.writeHead(200, { 'content-type': TYPES['.pem'] }).end(site.trustBundle);
        }
        return;
      }
      const file = normalize(join(dist, path.endsWith('/') ? path + 'index.html' : path));
      if (!file.startsWith(dist + sep) || !(await stat(file)).isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      const body = await readFile(file);
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] || 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await new Promise((ok) => server.close(ok));
  await rm(scratch, { recursive: true, force: true });
});

/**
 * Opens the page in a fresh browser profile and records every request and every
 * console error; `check()` asserts that nothing left the origin and nothing failed.
 */
export async function openPage({ now = NOW, path = '/' } = {}) {
  const profile = await mkdtemp(join(scratch, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: 'vi-VN',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests = [];
  // Those of the page itself, without its service worker's (which precaches the
  // whole build, fonts included, in the background).
  const pageRequests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('request', (r) => pageRequests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The optional trust bundle is absent in a default deployment: Chromium logs the
    // 404 of that one fetch, which the page itself treats as "no bundle".
    const url = m.location()?.url ?? '';
    if (site.trustBundle === null && url.endsWith('/trust/bundle.pem') && /404/.test(m.text())) return;
    // Likewise the optional trust folder's index (tests that deploy one route it).
    if (!site.routes.has('/trust/index.json') && url.endsWith('/trust/index.json') && /404/.test(m.text())) return;
    problems.push(`console error: ${m.text()} (${url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  if (now) await page.clock.setFixedTime(now);
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.locator('[data-testid=dropzone]').waitFor();

  const check = () => {
    const foreign = requests.filter((u) => {
      if (u.startsWith('data:')) return false;
      return new URL(u).origin !== origin;
    });
    assert.deepEqual(foreign, [], 'the page requested another origin');
    assert.deepEqual(problems, [], 'console or page errors');
  };
  const close = async () => {
    await context.close();
  };
  return { page, context, requests, pageRequests, check, close };
}

export async function serials(page) {
  return page.locator('[data-testid=cert-card]').evaluateAll((cards) =>
    cards.map((c) => c.dataset.serial),
  );
}

export function card(page, serial) {
  return page.locator(`[data-testid=cert-card][data-serial="${serial}"]`);
}
