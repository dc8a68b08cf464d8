// Offline after the first visit: the service worker (static/sw.js, its file list
// written by scripts/sw-precache.mjs) serves the whole build from one versioned cache.
//
//   cd tests/e2e && node --test offline.test.mjs     (after `trunk build --release`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { site, origin, scratch, openPage, repo, dist, G2_LEAF, TYPES } from './harness.mjs';

const signedFixtures = join(repo, 'tests', 'fixtures', 'signed');
const certFixtures = join(repo, 'tests', 'fixtures', 'certs');

/** Waits until a service worker is active for the page, and returns its cache names. */
async function workerReady(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (reg.active.state !== 'activated') {
      await new Promise((ok) => reg.active.addEventListener('statechange', ok, { once: true }));
    }
    return caches.keys();
  });
}

test('offline after the first visit: reload without network, verify a PDF, make a letter', async () => {
  site.trustBundle = null;
  const expected = JSON.parse(await readFile(join(signedFixtures, 'expected.json'), 'utf8'));
  const { page, context, close, requests } = await openPage({ now: new Date(expected.validation_time), path: '/#kiem-tra' });
  try {
    const caches = await workerReady(page);
    assert.equal(caches.length, 1, `one cache for this build (${caches})`);
    assert.match(caches[0], /^kyso-[0-9a-f]{16}$/);

    await context.setOffline(true);
    const served = [];
    page.on('response', (r) => served.push({ url: r.url(), sw: r.fromServiceWorker(), status: r.status() }));
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // The deployer's trust folder is never cached: offline, its fetch fails, and the
      // page goes on without it (as with no bundle at all).
      if (m.type() === 'error' && !(m.location()?.url ?? '').includes('/trust/')) errors.push(m.text());
    });

    await page.reload();
    await page.locator('[data-testid=dropzone]').waitFor();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the worker');
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');

    // A signed PDF, verified with the network gone.
    const name = 'pkcs7_rsa_sha256_crl.pdf';
    // The test PKI's root, trusted on purpose for this test only (as in e2e.test.mjs).
    await page.locator('[data-testid=file-input]').setInputFiles(expected.anchors.map((a) => join(signedFixtures, a)));
    await page.locator('[data-testid=trust-dropped-roots]').check();
    await page.locator('[data-testid=file-input]').setInputFiles(join(signedFixtures, name));
    const doc = page.locator(`[data-testid=document-result][data-file="${name}"][data-state=done]`);
    await doc.waitFor({ timeout: 60000 });
    assert.equal(await doc.getAttribute('data-summary'), expected.files[name].summary);
    assert.equal(
      await doc.locator('[data-testid=signature-result]').first().getAttribute('data-indication'),
      expected.files[name].signatures[0].indication,
    );

    // A letter as PDF: the font comes from the cache too.
    await page.locator('[data-testid=tab-lap-van-ban]').click();
    await page.locator('[data-testid=form-select]').selectOption('04');
    await page.locator('[data-testid=file-input]').setInputFiles([join(certFixtures, 'person-cccd.pem'), G2_LEAF]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 2);
    await page.locator('[data-testid=download-pdf]').click();
    const confirm = page.locator('[data-testid=download-anyway]');
    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 60000 }),
      (async () => {
        // Rule breaks (an empty letterhead) make the page ask first.
        await confirm.waitFor({ timeout: 5000 }).then(() => confirm.click(), () => {});
      })(),
    ]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdf.path(), '-']).toString('utf8');
    assert.match(text, /Nguyễn Văn Thử/);
    assert.match(text, /75580955FC81D6A7/);

    const ours = served.filter((s) => s.url.startsWith(origin) && !s.url.includes('/trust/'));
    console.log(`offline: ${ours.length} responses, all from the service worker: ${ours.every((s) => s.sw)}`);
    assert.ok(ours.some((s) => /\.wasm$/.test(s.url)), 'the wasm was loaded again');
    assert.ok(ours.some((s) => s.url.includes('/fonts/')), 'the font was loaded for the PDF');
    assert.deepEqual(ours.filter((s) => !s.sw || s.status !== 200), [], 'every file came from the worker');
    assert.deepEqual(failed.filter((u) => !u.includes('/trust/')), [], 'no request failed but the trust folder');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  } finally {
    await close();
  }
});

/**
 * Serves a copy of dist/ whose files can be changed, through the harness's routes: a
 * new deployment without restarting anything.
 */
async function deployable(name) {
  const root = join(scratch, name);
  await cp(dist, root, { recursive: true });
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: root }).toString().trim().split('\n');
  const hits = new Map();
  for (const f of files) {
    const path = f.slice(1);
    site.routes.set(path, async (req, res) => {
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const body = await readFile(join(root, path));
      const ext = path.slice(path.lastIndexOf('.'));
      res.writeHead(200, { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    });
  }
  site.routes.set('/', site.routes.get('/index.html'));
  return { root, hits };
}

/** A new version of boot.js (a fixed-name file) and its worker, as a build makes them. */
async function newVersion(root, mark, { workerOnly = false } = {}) {
  const boot = join(root, 'boot.js');
  const next = (await readFile(boot, 'utf8')) + `\ndocument.documentElement.dataset.kysoTest = '${mark}';\n`;
  const worker = join(root, 'sw.js');
  // The worker as the build hook writes it, from the template, over the new files.
  const staging = join(scratch, `staging-${mark}`);
  await cp(root, staging, { recursive: true });
  await writeFile(join(staging, 'boot.js'), next);
  await cp(join(repo, 'static', 'sw.js'), join(staging, 'sw.js'));
  execFileSync('node', [join(repo, 'scripts', 'sw-precache.mjs'), staging], { env: { ...process.env, TRUNK_PROFILE: 'release' } });
  await cp(join(staging, 'sw.js'), worker);
  if (!workerOnly) await writeFile(boot, next);
}

/** In the page: asks for an update, returns how the new worker's install ended. */
async function updateOutcome() {
  const reg = await navigator.serviceWorker.getRegistration();
  const found = new Promise((ok) => reg.addEventListener('updatefound', () => ok(reg.installing), { once: true }));
  await reg.update().catch(() => {});
  const w = await found;
  const done = () => w.state === 'installed' || w.state === 'redundant';
  if (!done()) await new Promise((ok) => w.addEventListener('statechange', () => done() && ok()));
  return w.state;
}

test('a new deployment: never a mix of versions, the new one takes over at the next start, old caches go', async () => {
  site.trustBundle = null;
  const { root } = await deployable('site-v1');
  // Under a sub-folder, as on an intranet whose other pages share the origin: the
  // worker's scope is /thu-muc/con/ (the harness serves the page there too).
  const base = '/thu-muc/con/';
  site.routes.set('/intranet.html', (_req, res) => {
    res.writeHead(200, { 'content-type': TYPES['.html'] }).end('<!doctype html><title>intranet</title><p>Cổng thông tin</p>');
  });
  const { page, context, close } = await openPage({ path: base });
  const mark = () => page.evaluate(() => document.documentElement.dataset.kysoTest ?? 'v1');
  try {
    const [v1] = await workerReady(page);

    // Half a deployment: the new worker is there, boot.js is still the old one. The
    // new worker's install finds a file that is not its version's and fails: v1 stays.
    await newVersion(root, 'v2', { workerOnly: true });
    const failed = await page.evaluate(updateOutcome);
    assert.equal(failed, 'redundant', 'a half-copied deployment is refused');
    await page.reload();
    await page.locator('[data-testid=dropzone]').waitFor();
    assert.equal(await mark(), 'v1');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [v1]);

    // The whole deployment: installed in the background, the open page keeps v1.
    await newVersion(root, 'v2');
    const installed = await page.evaluate(updateOutcome);
    assert.equal(installed, 'installed');
    assert.equal(await mark(), 'v1', 'the running page is not switched under its feet');

    // A second tab starting now runs v1 as well: the new version must not take the
    // first tab's files away (its old cache) while that tab's app runs.
    const second = await context.newPage();
    await second.goto(origin + base);
    await second.locator('[data-testid=dropzone]').waitFor();
    assert.equal(await second.evaluate(() => document.documentElement.dataset.kysoTest ?? 'v1'), 'v1');
    const both = await page.evaluate(() => caches.keys());
    assert.ok(both.includes(v1) && both.length === 2, `the old version keeps its cache, the new one waits (${both})`);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state), 'installed');
    await second.close();

    // Another page of the intranet, outside the worker's scope, stays open: it runs no
    // version of kyso and does not hold the new one back.
    const intranet = await context.newPage();
    await intranet.goto(origin + '/intranet.html');

    // The next start: the new version takes over before the app runs, and the page reloads
    // once. Normally within a second; the bound is Chromium's 30 s idle delay of the old
    // worker, should a request restart it just then (static/boot.js).
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.kysoTest === 'v2', null, { timeout: 45000 });
    await page.locator('[data-testid=dropzone]').waitFor();
    const keys = await page.evaluate(() => caches.keys());
    assert.equal(keys.length, 1, `only the new version's cache is left (${keys})`);
    assert.notEqual(keys[0], v1);
    await intranet.close();
  } finally {
    site.routes.clear();
    await close();
  }
});
