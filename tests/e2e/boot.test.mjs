// Before the app runs: static/boot.js (and static/old-browser.js for browsers without
// modules) speak in the language chosen earlier, and a browser that lacks one of the
// WebAssembly features of the build says "too old" instead of a compile error.
//
//   cd tests/e2e && node --test boot.test.mjs     (after `trunk build --release`)
//
// Only today's Chromium runs here, so an old browser is played by hiding one feature
// from WebAssembly.validate before boot.js runs. That the feature modules are right is
// checked apart, with binaryen: each is invalid without its feature and valid with it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM, dist, origin, repo, scratch } from './harness.mjs';

const bootJs = await readFile(join(repo, 'static', 'boot.js'), 'utf8');
const WASM_FEATURES = new Function(`return ${bootJs.match(/const WASM_FEATURES = (\{[\s\S]*?\n\});/)[1]}`)();
const WASM_OPT = join(repo, 'tools', 'node_modules', 'binaryen', 'bin', 'wasm-opt');

/** binaryen's name of each feature the page's build uses. */
const BINARYEN_FLAG = {
  signExtension: '--enable-sign-ext',
  nonTrappingFloatToInt: '--enable-nontrapping-float-to-int',
  bulkMemory: '--enable-bulk-memory',
  referenceTypes: '--enable-reference-types',
  multiValue: '--enable-multivalue',
};

test('each feature module of boot.js is valid with its feature and invalid without it (binaryen)', async () => {
  assert.deepEqual(Object.keys(WASM_FEATURES).sort(), Object.keys(BINARYEN_FLAG).sort());
  for (const [name, bytes] of Object.entries(WASM_FEATURES)) {
    const file = join(scratch, `${name}.wasm`);
    await writeFile(file, Uint8Array.from(bytes));
    const run = (flags) => {
      try {
        execFileSync(WASM_OPT, [...flags, file, '-o', join(scratch, 'out.wasm')], { stdio: 'pipe' });
        return true;
      } catch {
        return false;
      }
    };
    assert.equal(run(['--mvp-features']), false, `${name}: valid without the feature`);
    assert.equal(run(['--mvp-features', BINARYEN_FLAG[name]]), true, `${name}: invalid with the feature`);
    assert.equal(WebAssembly.validate(Uint8Array.from(bytes)), true, `${name}: Node's V8 refuses it`);
  }
  // And no wasm of the build (the page, the SHA-256 worker, the writer) uses a feature
  // beyond these (wasm-opt reports what it finds).
  const covered = new Set([
    ...Object.values(BINARYEN_FLAG),
    '--enable-bulk-memory-opt', // part of bulk memory in browsers
    '--enable-mutable-globals', // older than every feature above
    '--enable-call-indirect-overlong', // the table-index encoding that came with reference types
  ]);
  const modules = (await readdir(dist)).filter((f) => f.endsWith('_bg.wasm'));
  assert.ok(modules.length >= 3, `the page, the hash worker and the writer: ${modules}`);
  for (const wasm of modules) {
    const found = execFileSync(WASM_OPT, ['--detect-features', '--print-features', join(dist, wasm), '-o', join(scratch, 'x.wasm')])
      .toString()
      .split('\n')
      .filter(Boolean);
    assert.deepEqual(found.filter((f) => !covered.has(f)), [], `${wasm} uses a feature boot.js does not test`);
  }
});

/** A fresh profile; `setup` runs in the page before any of its scripts. */
async function open(setup, arg) {
  const profile = await mkdtemp(join(scratch, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  if (setup) await page.addInitScript(setup, arg);
  return { page, requests, close: () => context.close() };
}

const message = (page) => page.locator('#kyso-boot-message');

/** Plays a browser without reference types (Chrome/Edge 74–95): hides that one feature. */
function withoutReferenceTypes(lang) {
  if (lang) localStorage.setItem('kyso.lang', lang);
  const validate = WebAssembly.validate;
  WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0xd0) && validate(bytes);
}

for (const [lang, words, htmlLang] of [
  [null, /^Trình duyệt này quá cũ để chạy trang\. Cần Chrome hoặc Edge 97 trở lên/, 'vi'],
  ['en', /^This browser is too old to run the page\. It needs Chrome or Edge 97 or later/, 'en'],
]) {
  test(`a browser without a WebAssembly feature is told it is too old (${htmlLang}), and does not start it`, async () => {
    const { page, close } = await open(withoutReferenceTypes, lang);
    try {
      await page.goto(origin + '/');
      await page.waitForFunction(() => document.querySelector('#kyso-boot-message.boot-error'));
      assert.match(await message(page).textContent(), words);
      assert.equal(await page.evaluate(() => document.documentElement.lang), htmlLang);
      // The wasm may be fetched (index.html preloads it) but is never started: the
      // app does not mount, and the message stays.
      await page.waitForTimeout(500);
      assert.equal(await page.locator('[data-testid=dropzone]').count(), 0);
      assert.match(await message(page).textContent(), words);
    } finally {
      await close();
    }
  });
}

test('in English before the app runs: "Loading the page…", then a start-up failure in English', async () => {
  const { page, close } = await open(() => localStorage.setItem('kyso.lang', 'en'));
  try {
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*_bg.wasm', async (route) => {
      await held;
      await route.abort();
    });
    await page.goto(origin + '/', { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await message(page).textContent(), 'Loading the page…');
    release();
    await page.waitForFunction(() => document.querySelector('#kyso-boot-message.boot-error'));
    assert.match(await message(page).textContent(), /^The page could not start \(the browser is too old or a file is missing\)\. .*Details: /);
  } finally {
    await close();
  }
});

/** Plays a browser without JavaScript modules: it never runs boot.js. */
function withoutModules(lang) {
  if (lang) localStorage.setItem('kyso.lang', lang);
  delete HTMLScriptElement.prototype.noModule;
}

test('old-browser.js: a browser without modules is told it is too old, in the chosen language', async () => {
  for (const [lang, words] of [
    [null, /^Trình duyệt này quá cũ để chạy trang\. Cần Chrome hoặc Edge 97 trở lên/],
    ['en', /^This browser is too old to run the page\. It needs Chrome or Edge 97 or later/],
  ]) {
    const { page, close } = await open(withoutModules, lang);
    try {
      // Such a browser never runs boot.js: keep it out.
      await page.route('**/boot.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      await page.goto(origin + '/');
      await page.waitForFunction(() => document.querySelector('#kyso-boot-message.boot-error'));
      assert.match(await message(page).textContent(), words);
    } finally {
      await close();
    }
  }
});

test('old-browser.js: a browser that cannot parse boot.js (Chrome 61–88: no top-level await) does not stay on "loading"', async () => {
  for (const [lang, words] of [
    [null, /^Trình duyệt này quá cũ để chạy trang, hoặc máy chủ thiếu một tệp của trang \(boot\.js\)\. Cần Chrome/],
    ['en', /^This browser is too old to run the page, or a file of the page \(boot\.js\) is missing on the server\. It needs/],
  ]) {
    const { page, close } = await open((l) => l && localStorage.setItem('kyso.lang', l), lang);
    try {
      // What such a browser meets: a module it cannot parse, so nothing of it runs.
      const unparsable = 'const x = 1;\nawait import(;\n';
      await page.route('**/boot.js', (route) => route.fulfill({ contentType: 'text/javascript', body: unparsable }));
      await page.goto(origin + '/');
      await page.waitForFunction(() => document.querySelector('#kyso-boot-message.boot-error'));
      assert.match(await message(page).textContent(), words);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang ?? 'vi');
      assert.equal(await page.locator('[data-testid=dropzone]').count(), 0);
    } finally {
      await close();
    }
  }
});

test('old-browser.js stays silent when boot.js runs, even while the wasm is still loading', async () => {
  const { page, close } = await open();
  try {
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(origin + '/', { waitUntil: 'load' });
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-kyso-boot')), true);
    assert.equal(await message(page).textContent(), 'Đang tải trang…');
    assert.equal(await page.locator('.boot-error').count(), 0);
    release();
    await page.locator('[data-testid=dropzone]').waitFor();
  } finally {
    await close();
  }
});

test('the icon is inline in index.html and is static/favicon.svg: the browser makes no late request for it', async () => {
  // A late icon request restarted the old service worker during a version hand-over
  // (static/boot.js); the built page carries the icon as a data: URL instead.
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const icons = [...html.matchAll(/<link rel="icon"[^>]*href="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(icons.length, 1, 'one icon link');
  assert.ok(icons[0].startsWith('data:image/svg+xml,'), icons[0].slice(0, 40));
  const svg = await readFile(join(repo, 'static', 'favicon.svg'), 'utf8');
  assert.equal(decodeURIComponent(icons[0].slice('data:image/svg+xml,'.length)), svg.trim());
});
