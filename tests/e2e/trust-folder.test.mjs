// The deploy-time trust folder (./trust/index.json beside the page), end to end:
// `kyso trust update` downloads the test CA's CRL from a local server on 127.0.0.1 and
// writes the folder; the page, served with that folder beside dist/, fetches the CRL
// when a signature needs it and turns a TRY_LATER signature into TOTAL_PASSED and a
// revoked one into TOTAL_FAILED/REVOKED, with the CRL's age on screen.
//
// Needs the native CLI: KYSO_BIN, or target/{release,debug}/kyso under
// CARGO_TARGET_DIR (default: the repository's target/).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { site, openPage, repo, scratch } from './harness.mjs';

const signed = join(repo, 'tests', 'fixtures', 'signed');
const VALIDATION = new Date('2026-09-01T00:00:00Z'); // expected.json's validation_time

function kysoBin() {
  if (process.env.KYSO_BIN) return process.env.KYSO_BIN;
  const target = process.env.CARGO_TARGET_DIR || join(repo, 'target');
  // The newest of the two, so a stale release build is not used over a fresh one.
  const found = ['release', 'debug']
    .map((p) => join(target, p, 'kyso'))
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  assert.ok(found.length > 0, `no kyso binary under ${target}: run \`cargo build --bin kyso\` or set KYSO_BIN`);
  return found[0];
}

let caServer;
let caOrigin;
let folder;

before(async () => {
  // The CA's web server: its CRL, as tests/fixtures/signed/make.py made it.
  const crl = await readFile(join(signed, 'pki', 'ca.crl'));
  caServer = createServer((req, res) => {
    if (req.url === '/ca.crl') res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(crl);
    else res.writeHead(404).end();
  });
  await new Promise((ok) => caServer.listen(0, '127.0.0.1', ok));
  caOrigin = `http://127.0.0.1:${caServer.address().port}`;
  folder = await mkdtemp(join(scratch, 'trust-'));
  const { stdout } = await promisify(execFile)(kysoBin(), [
    'trust', 'update', '--ca', join(signed, 'pki', 'ca.cer'), '--crl-url', `${caOrigin}/ca.crl`,
    '--out', folder, '--timeout-ms', '5000', '--at', VALIDATION.toISOString(),
  ]);
  assert.match(stdout, /CRL mới được thêm/);
});

after(async () => {
  await new Promise((ok) => caServer.close(ok));
});

/** Serves the generated folder at /trust/ beside dist/. */
async function deployFolder() {
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else {
        const body = await readFile(p);
        const type = p.endsWith('.json') ? 'application/json' : 'application/octet-stream';
        site.routes.set('/trust/' + relative(folder, p).split('\\').join('/'), (_req, res) => {
          res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
        });
      }
    }
  };
  await walk(folder);
}

async function verifyOne(page, file) {
  await page.locator('[data-testid=file-input]').setInputFiles([join(signed, file)]);
  const doc = page.locator(`[data-testid=document-result][data-file="${file}"]`);
  await page.waitForFunction((f) => {
    const d = document.querySelector(`[data-testid=document-result][data-file="${f}"]`);
    return d && d.dataset.state === 'done';
  }, file, { timeout: 30000 });
  const sig = doc.locator('[data-testid=signature-result]').first();
  return { indication: await sig.getAttribute('data-indication'), sub: await sig.getAttribute('data-sub-indication') };
}

/** The trust-folder CRL lines of one document. */
function folderCrls(page, file) {
  return page.locator(`[data-testid=document-result][data-file="${file}"] [data-testid=folder-crl]`);
}

async function trustTestRoot(page) {
  await page.locator('[data-testid=file-input]').setInputFiles([join(signed, 'pki', 'root.cer')]);
  await page.locator('[data-testid=trust-dropped-roots]').check();
}

test('without a trust folder the unsigned-revocation PDF stays TRY_LATER', async () => {
  site.routes.clear();
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: VALIDATION, path: '/#kiem-tra' });
  try {
    await trustTestRoot(page);
    const r = await verifyOne(page, 'pkcs7_rsa_sha256_norev.pdf');
    assert.deepEqual(r, { indication: 'INDETERMINATE', sub: 'TRY_LATER' });
    assert.equal(await page.locator('[data-testid=folder-crl]').count(), 0);
    check();
  } finally {
    await close();
  }
});

test('the trust folder turns TRY_LATER into TOTAL_PASSED and a revoked signer into REVOKED', async () => {
  site.routes.clear();
  site.trustBundle = null;
  await deployFolder();
  const index = JSON.parse(await readFile(join(folder, 'index.json'), 'utf8'));
  assert.equal(index.crls.length, 1);
  const crlPath = '/trust/' + index.crls[0].file;
  const { page, requests, check, close } = await openPage({ now: VALIDATION, path: '/#kiem-tra' });
  try {
    await page.locator('[data-testid=trust-folder]').waitFor();
    assert.ok(requests.some((u) => u.endsWith('/trust/index.json')), 'the page read the index');
    assert.ok(!requests.some((u) => u.endsWith(crlPath)), 'no CRL is fetched before a document needs it');
    await trustTestRoot(page);
    let r = await verifyOne(page, 'pkcs7_rsa_sha256_norev.pdf');
    assert.deepEqual(r, { indication: 'TOTAL_PASSED', sub: null });
    const used = folderCrls(page, 'pkcs7_rsa_sha256_norev.pdf');
    assert.equal(await used.count(), 1);
    assert.equal(await used.getAttribute('data-state'), 'current');
    // thisUpdate 2026-05-01, the page's clock 2026-09-01.
    assert.match(await used.textContent(), /CRL cập nhật 123 ngày trước/);

    r = await verifyOne(page, 'revoked_signer_timestamped.pdf');
    assert.deepEqual(r, { indication: 'TOTAL_FAILED', sub: 'REVOKED' });
    assert.equal(requests.filter((u) => u.endsWith(crlPath)).length, 1, 'the CRL is fetched once per page load');
    check();
  } finally {
    await close();
    site.routes.clear();
  }
});

test('a CRL of the folder past its nextUpdate is shown as out of date and proves nothing now', async () => {
  site.routes.clear();
  site.trustBundle = null;
  await deployFolder();
  // The CRL's nextUpdate is 2027-05-01.
  const { page, check, close } = await openPage({ now: new Date('2027-06-01T00:00:00Z'), path: '/#kiem-tra' });
  try {
    await page.locator('[data-testid=trust-folder]').waitFor();
    await trustTestRoot(page);
    const r = await verifyOne(page, 'pkcs7_rsa_sha256_norev.pdf');
    assert.notEqual(r.indication, 'TOTAL_PASSED');
    const used = folderCrls(page, 'pkcs7_rsa_sha256_norev.pdf');
    assert.equal(await used.getAttribute('data-state'), 'out_of_date');
    assert.match(await used.textContent(), /đã quá hạn/);
    check();
  } finally {
    await close();
    site.routes.clear();
  }
});

test('a CRL whose bytes do not match the index is not used', async () => {
  site.routes.clear();
  site.trustBundle = null;
  await deployFolder();
  const index = JSON.parse(await readFile(join(folder, 'index.json'), 'utf8'));
  site.routes.set('/trust/' + index.crls[0].file, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from('tampered'));
  });
  const { page, check, close } = await openPage({ now: VALIDATION, path: '/#kiem-tra' });
  try {
    await page.locator('[data-testid=trust-folder]').waitFor();
    await trustTestRoot(page);
    const r = await verifyOne(page, 'pkcs7_rsa_sha256_norev.pdf');
    assert.deepEqual(r, { indication: 'INDETERMINATE', sub: 'TRY_LATER' });
    assert.equal(await folderCrls(page, 'pkcs7_rsa_sha256_norev.pdf').getAttribute('data-state'), 'unusable');
    check();
  } finally {
    await close();
    site.routes.clear();
  }
});

test('an HTML page answered at ./trust/index.json (soft 404) is no folder', async () => {
  site.routes.clear();
  site.trustBundle = null;
  site.routes.set('/trust/index.json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Không tìm thấy</p>');
  });
  const { page, check, close } = await openPage({ now: VALIDATION, path: '/#kiem-tra' });
  try {
    await trustTestRoot(page);
    const r = await verifyOne(page, 'pkcs7_rsa_sha256_norev.pdf');
    assert.deepEqual(r, { indication: 'INDETERMINATE', sub: 'TRY_LATER' });
    assert.equal(await page.locator('[data-testid=trust-folder]').count(), 0);
    check();
  } finally {
    await close();
    site.routes.clear();
  }
});

test('the certificate tab fetches the folder CRL of a dropped certificate\'s issuer, and only then', async () => {
  site.routes.clear();
  site.trustBundle = null;
  await deployFolder();
  const index = JSON.parse(await readFile(join(folder, 'index.json'), 'utf8'));
  const crlPath = '/trust/' + index.crls[0].file;
  const { page, requests, check, close } = await openPage({ now: VALIDATION, path: '/' });
  try {
    await page.locator('[data-testid=trust-folder]').waitFor();
    // A certificate of another CA: nothing to fetch.
    await page.locator('[data-testid=file-input]').setInputFiles([join(signed, 'pki', 'stranger.cer')]);
    await page.locator('[data-testid=cert-card]').first().waitFor();
    assert.ok(!requests.some((u) => u.endsWith(crlPath)), 'no CRL for a certificate of another CA');
    // The test CA's signer: its CRL is fetched and listed with its age.
    await page.locator('[data-testid=file-input]').setInputFiles([join(signed, 'pki', 'revoked.cer')]);
    const used = page.locator('[data-testid=folder-crl]');
    await used.waitFor();
    assert.equal(await used.getAttribute('data-state'), 'current');
    assert.match(await used.textContent(), /Kyso Test Issuing CA G2.*CRL cập nhật 123 ngày trước/);
    assert.equal(requests.filter((u) => u.endsWith(crlPath)).length, 1);
    check();
  } finally {
    await close();
    site.routes.clear();
  }
});
