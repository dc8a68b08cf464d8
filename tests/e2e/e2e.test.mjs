// End-to-end tests of the built page (dist/) in headless Chromium: certificates, tabs,
// letters and verification. The harness (server, browser, helpers) is harness.mjs.
//
//   cd tests/e2e && node --test *.test.mjs     (after `trunk build --release`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  site, origin, scratch, openPage, serials, card, here, repo, dist, shared, trustDir,
  G1_LEAF, G2_LEAF, TRUST, NOW, CHROMIUM, ARGS,
} from './harness.mjs';

test('drop real certificates, junk and an empty file: one card each, errors listed, JSON export', async () => {
  site.trustBundle = null;
  const junk = join(scratch, 'trang-web.html');
  await writeFile(junk, '<!doctype html><html><head><title>x</title></head><body>not a certificate</body></html>');
  const empty = join(scratch, 'rong.cer');
  await writeFile(empty, '');

  const { page, check, close, requests } = await openPage();
  try {
    await page.locator('[data-testid=file-input]').setInputFiles([G2_LEAF, G1_LEAF, ...TRUST, junk, empty]);
    const cards = page.locator('[data-testid=cert-card]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cert-card]').length >= 9);
    assert.equal(await cards.count(), 9, 'one card per certificate (2 leaves + 7 CA certificates)');

    const got = await serials(page);
    for (const s of ['75580955FC81D6A7', '6B6C55', '7AF2DF52182653D3', '3B65B0A03006F9AB', '04']) {
      assert.ok(got.includes(s), `card with serial ${s} (got ${got.join(', ')})`);
    }

    // The two bad files are named, each with a reason.
    const errors = page.locator('[data-testid=file-error]');
    assert.equal(await errors.count(), 2);
    const errorText = await errors.allInnerTexts();
    assert.ok(errorText.some((t) => t.includes('trang-web.html') && /trang web|HTML/i.test(t)), errorText.join('\n'));
    assert.ok(errorText.some((t) => t.includes('rong.cer') && /rỗng/i.test(t)), errorText.join('\n'));

    // For a person to judge the layout at 1366×768 (not compared automatically).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/kyso-e2e.png' });
    await page.screenshot({ path: '/tmp/kyso-e2e-full.png', fullPage: true });

    // What a clerk reads on the G2 leaf, in Vietnamese.
    const g2 = card(page, '75580955FC81D6A7');
    const g2Text = await g2.innerText();
    for (const words of ['Số hiệu chứng thư', 'Hiệu lực', 'Chủ thể', 'Đơn vị cấp', 'Chuỗi chứng thực', 'TỔNG CỤC THUẾ']) {
      assert.ok(g2Text.includes(words), `G2 card shows "${words}"`);
    }
    assert.match(await g2.locator('[data-testid=days-left]').innerText(), /^Còn \d+ ngày$/);
    assert.match(await g2.locator('[data-testid=renewal]').innerText(), /Đủ điều kiện gia hạn/);
    assert.equal(await g2.getAttribute('data-status'), 'valid');
    assert.equal(await g2.getAttribute('data-chain'), 'trusted', 'G2 leaf chains to the pinned G2 CA');
    assert.match(g2Text, /CA phục vụ các cơ quan Nhà nước G2/);

    const g1 = card(page, '6B6C55');
    assert.match(await g1.innerText(), /0301519977-029/);

    // Technical details, folded by default, hold the fingerprints.
    await g2.locator('details.tech summary').click();
    assert.match(await g2.locator('[data-testid=sha256]').innerText(), /^[0-9A-F]{64}$/);

    // "Chép" puts the serial number on the clipboard.
    await g2.locator('[data-testid=copy]').first().click();
    await g2.getByText('Đã chép').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '75580955FC81D6A7');

    // Export JSON: the download holds the same certificates.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=export-json]').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.json$/);
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(json.certificates.length, 9);
    assert.ok(json.certificates.some((c) => c.serial_hex === '75580955FC81D6A7'));
    assert.equal(json.errors.length, 2);


    // "Xóa danh sách" empties the page.
    await page.locator('[data-testid=clear]').click();
    await page.locator('[data-testid=cert-card]').first().waitFor({ state: 'detached' });

    assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the page loaded its wasm from the test server');
    check();
  } finally {
    await close();
  }
});

test('reading a folder: a file over the 64 MB limit is named as too large, the rest read in order', async () => {
  site.trustBundle = null;
  // Sparse: 65 MiB on paper, nothing on disk. Dropped first, so it lands in the first
  // small round of reads, and the later rounds follow its size.
  const big = join(scratch, 'ban-sao-luu.zip');
  await writeFile(big, '');
  await truncate(big, 65 * 1024 * 1024);
  const small = join(scratch, 'rong-2.cer');
  await writeFile(small, '');
  const { page, check, close } = await openPage();
  try {
    // 40 files after the big one: several rounds of reads.
    const many = Array.from({ length: 20 }, () => [G2_LEAF, G1_LEAF]).flat();
    await page.locator('[data-testid=file-input]').setInputFiles([big, ...many, small]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=file-error]').length >= 2);
    const errors = await page.locator('[data-testid=file-error]').allInnerTexts();
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors[0], /^ban-sao-luu\.zip: Tệp quá lớn \(65 MB\)/);
    assert.match(errors[1], /rong-2\.cer/);
    // The same certificate dropped twenty times is one card each (G1, G2).
    assert.deepEqual((await serials(page)).sort(), ['6B6C55', '75580955FC81D6A7']);
    check();
  } finally {
    await close();
  }
});

test('pasted PEM text becomes a card', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage();
  try {
    await page.locator('details.paste summary').click();
    await page.locator('[data-testid=paste-text]').fill(await readFile(G1_LEAF, 'utf8'));
    await page.locator('[data-testid=paste-submit]').click();
    await card(page, '6B6C55').waitFor();
    assert.deepEqual(await serials(page), ['6B6C55']);
    check();
  } finally {
    await close();
  }
});

test('files dropped on the page are read like picked ones', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage();
  try {
    const pems = [await readFile(G2_LEAF, 'utf8'), await readFile(G1_LEAF, 'utf8')];
    await page.evaluate((texts) => {
      const dt = new DataTransfer();
      texts.forEach((t, i) => dt.items.add(new File([t], `keo-tha-${i}.cer`)));
      const zone = document.querySelector('[data-testid=dropzone]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, pems);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cert-card]').length === 2);
    assert.deepEqual(await serials(page), ['75580955FC81D6A7', '6B6C55']);
    check();
  } finally {
    await close();
  }
});

test('the deployer trust bundle (./trust/bundle.pem) completes the chain', async () => {
  // Only the G2 issuing CA and root, as an agency would place them next to the page.
  site.trustBundle = [
    await readFile(join(trustDir, 'vgca-g2-cpcag2.pem'), 'utf8'),
    await readFile(join(trustDir, 'vgca-g2-rootcag2.pem'), 'utf8'),
  ].join('\n');
  const { page, check, close, requests } = await openPage();
  try {
    assert.ok(requests.some((u) => u === origin + '/trust/bundle.pem'), 'the page asked for the bundle');
    await page.getByText('đơn vị triển khai').waitFor();
    await page.locator('[data-testid=file-input]').setInputFiles([G2_LEAF]);
    const g2 = card(page, '75580955FC81D6A7');
    await g2.waitFor();
    assert.equal(await g2.getAttribute('data-chain'), 'trusted');
    // Bundle certificates help chains; they are not listed as cards.
    assert.deepEqual(await serials(page), ['75580955FC81D6A7']);
    check();
  } finally {
    site.trustBundle = null;
    await close();
  }
});

test('a web page answered at ./trust/bundle.pem (soft 404) is ignored', async () => {
  site.trustBundle = '<!doctype html><html><body>Không tìm thấy trang</body></html>';
  const { page, check, close } = await openPage();
  try {
    await page.locator('[data-testid=file-input]').setInputFiles([G2_LEAF]);
    await card(page, '75580955FC81D6A7').waitFor();
    assert.equal(await page.locator('[data-testid=file-error]').count(), 0);
    assert.ok(!(await page.locator('footer').innerText()).includes('đơn vị triển khai'));
    check();
  } finally {
    site.trustBundle = null;
    await close();
  }
});

test('the page works from a sub-folder (relative URLs only)', async () => {
  site.trustBundle = null;
  const { page, check, close, requests } = await openPage({ path: '/thu-muc/con/' });
  try {
    await page.locator('[data-testid=file-input]').setInputFiles([G1_LEAF]);
    await card(page, '6B6C55').waitFor();
    const own = requests.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).pathname);
    assert.ok(own.every((p) => p.startsWith('/thu-muc/con/')), own.join('\n'));
    check();
  } finally {
    await close();
  }
});

test('the built page has a strict CSP and no inline script', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length > 0);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\ssrc="\.\//, 'every script is a same-origin file with a relative URL');
    assert.equal(body.trim(), '', 'no inline script');
  }
  assert.doesNotMatch(html, /(href|src)="(https?:)?\/\//, 'no absolute or protocol-relative URL');
});

test('at the real current time the page still renders every card', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: null });
  try {
    await page.locator('[data-testid=file-input]').setInputFiles([G2_LEAF, G1_LEAF]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cert-card]').length === 2);
    assert.deepEqual((await serials(page)).sort(), ['6B6C55', '75580955FC81D6A7']);
    check();
  } finally {
    await close();
  }
});

// ---- the three tabs ----

const certFixtures = join(repo, 'tests', 'fixtures', 'certs');
const signedFixtures = join(repo, 'tests', 'fixtures', 'signed');
const shadow = join(shared, 'corpora', 'shadow-attacks');
// The certificate fixtures' check time: short-left.pem has 10 days left then.
const FIXTURE_NOW = new Date('2026-11-21T00:00:00Z');

import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

test('tabs: the URL hash picks the tab, and a PDF dropped on the certificate tab opens in the verify tab', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ path: '/#lap-van-ban' });
  try {
    await page.locator('[data-testid=form-select]').waitFor();
    assert.equal(await page.locator('main').getAttribute('data-tab'), 'lap-van-ban');
    await page.locator('[data-testid=tab-kiem-tra]').click();
    await page.waitForFunction(() => document.querySelector('main')?.dataset.tab === 'kiem-tra');
    assert.match(page.url(), /#kiem-tra$/);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('main')?.dataset.tab === 'kiem-tra');
    // Back to certificates; a signed PDF given there goes to the verify tab.
    await page.locator('[data-testid=tab-chung-thu]').click();
    await page.locator('[data-testid=paste-text]').waitFor({ state: 'attached' });
    const pdf = walk(shadow).find((p) => /3_.*-signed\.pdf$/.test(p));
    await page.locator('[data-testid=file-input]').setInputFiles([pdf, G2_LEAF]);
    await page.waitForFunction(() => document.querySelector('main')?.dataset.tab === 'kiem-tra');
    await page.locator('[data-testid=signature-result]').first().waitFor();
    check();
  } finally {
    await close();
  }
});

test('forms: certificate files fill form 04, rules are checked, DOCX and PDF carry the names, the draft survives a reload', async () => {
  site.trustBundle = null;
  const { page, check, close, pageRequests } = await openPage({ now: FIXTURE_NOW, path: '/#lap-van-ban' });
  try {
    // The page's own requests: its service worker also fetches the fonts, in the
    // background, for offline use (offline.test.mjs); the page loads them for a PDF.
    const fontRequests = () => pageRequests.filter((u) => u.includes('/fonts/')).length;
    assert.equal(fontRequests(), 0, 'the PDF font is not part of the first page load');
    await page.locator('[data-testid=form-select]').selectOption('04');
    const files = [
      join(certFixtures, 'person-cccd.pem'),
      join(certFixtures, 'org-mst-mns.pem'),
      join(certFixtures, 'short-left.pem'),
      G1_LEAF,
      G2_LEAF,
    ];
    await page.locator('[data-testid=file-input]').setInputFiles(files);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 5);
    const serialOf = (row) => row.locator('input[data-field=serial]').inputValue();
    const rows = page.locator('[data-testid=form-row]');
    const bySerial = {};
    for (let i = 0; i < 5; i++) bySerial[await serialOf(rows.nth(i))] = rows.nth(i);
    for (const s of ['A1B2C3D4E5F60718', '7E57000000000012', '7E57000000000033', '6B6C55', '75580955FC81D6A7']) {
      assert.ok(bySerial[s], `a row for serial ${s} (got ${Object.keys(bySerial).join(', ')})`);
    }
    assert.equal(await bySerial['A1B2C3D4E5F60718'].locator('input[data-field=cert_name]').inputValue(), 'Nguyễn Văn Thử');

    // Tick "Gia hạn" on the person and on short-left: short-left breaks the 30-day rule.
    await bySerial['A1B2C3D4E5F60718'].locator('input[data-field=renew]').check();
    await bySerial['7E57000000000033'].locator('input[data-field=renew]').check();
    const short = bySerial['7E57000000000033'];
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=problem]')].some((p) => p.dataset.rule === 'form_rule_renewal_days'),
    );
    const shortProblems = Number(await short.getAttribute('data-problems'));
    const personProblems = Number(await bySerial['A1B2C3D4E5F60718'].getAttribute('data-problems'));
    assert.ok(shortProblems > 0, `short-left has problems (${shortProblems})`);
    assert.ok(shortProblems > personProblems, `short-left ${shortProblems} > person ${personProblems}`);
    const problemText = await page.locator('[data-testid=problems]').innerText();
    assert.match(problemText, /30 ngày/);
    assert.match(problemText, /Căn cứ: Nghị định 68\/2024/);

    // Letterhead, reused across forms.
    if (!(await page.locator('[data-testid=lh-managing]').isVisible())) await page.locator('details.letterhead summary').click();
    await page.locator('[data-testid=lh-managing]').fill('SỞ NỘI VỤ');
    await page.locator('[data-testid=lh-number]').fill('125/SNV-VP');

    // DOCX: there are rule breaks, so the download asks first.
    await page.locator('[data-testid=download-docx]').click();
    await page.locator('[data-testid=download-confirm]').waitFor();
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=download-anyway]').click(),
    ]);
    assert.match(docx.suggestedFilename(), /^mau-04-125-SNV-VP\.docx$/);
    const docxPath = await docx.path();
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString('utf8');
    for (const s of ['Nguyễn Văn Thử', 'Bùi Văn Sắp Hết', 'TỔNG CỤC THUẾ', 'A1B2C3D4E5F60718', '7E57000000000033', 'SỞ NỘI VỤ']) {
      assert.ok(xml.includes(s), `DOCX holds ${s}`);
    }

    // PDF: the font is fetched now, from the page's own origin.
    await page.locator('[data-testid=download-pdf]').click();
    await page.locator('[data-testid=download-confirm]').waitFor();
    const [pdfDl] = await Promise.all([
      page.waitForEvent('download', { timeout: 30000 }),
      page.locator('[data-testid=download-anyway]').click(),
    ]);
    assert.ok(fontRequests() >= 1, 'the font was fetched for the PDF');
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', await pdfDl.path(), '-']).toString('utf8');
    for (const s of ['Nguyễn Văn Thử', 'Bùi Văn Sắp Hết', 'A1B2C3D4E5F60718', '7E57000000000033']) {
      assert.ok(pdfText.includes(s), `PDF text holds ${s}`);
    }

    // Print view of the same letter.
    await page.locator('[data-testid=preview-toggle]').click();
    await page.locator('[data-testid=letter-preview] .kyso-letter').waitFor();
    assert.match(await page.locator('[data-testid=letter-preview]').innerText(), /Bùi Văn Sắp Hết/);

    // The draft survives a reload (local storage, this browser only)...
    await page.reload();
    await page.locator('[data-testid=form-select]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 5);
    assert.equal(await page.locator('[data-testid=form-select]').inputValue(), '04');
    assert.equal(await page.locator('[data-testid=lh-number]').inputValue(), '125/SNV-VP');
    assert.ok(await page.evaluate(() => localStorage.getItem('kyso.van-ban.v1')));

    // ... and "Xóa dữ liệu" clears everything.
    await page.locator('[data-testid=clear-drafts]').click();
    await page.locator('[data-testid=clear-drafts-confirm]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('kyso.van-ban.v1')), null);
    await page.reload();
    await page.locator('[data-testid=form-select]').waitFor();
    assert.equal(await page.locator('[data-testid=form-row]').count(), 0);
    assert.equal(await page.locator('[data-testid=lh-number]').inputValue(), '');
    check();
  } finally {
    await close();
  }
});

test('forms: a broken list names its line and keeps the rows already typed', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: FIXTURE_NOW, path: '/#lap-van-ban' });
  try {
    await page.locator('[data-testid=form-select]').selectOption('04');
    await page.locator('[data-testid=add-row]').click();
    await page.locator('[data-testid=form-row] input[data-field=cert_name]').fill('Trần Thị Gõ Tay');
    const bad = join(scratch, 'hong.csv');
    await writeFile(bad, 'Tên chứng thư số,Số hiệu chứng thư số\n"Nguyễn Văn A,0102\n');
    await page.locator('[data-testid=import-input]').setInputFiles([bad]);
    const notice = page.locator('[data-testid=forms-notice]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /dòng \d+/);
    assert.equal(await page.locator('[data-testid=form-row]').count(), 1);
    assert.equal(await page.locator('[data-testid=form-row] input[data-field=cert_name]').inputValue(), 'Trần Thị Gõ Tay');
    // Tab-separated rows pasted from a spreadsheet.
    await page.locator('.row-tools details.paste summary').click();
    await page.locator('[data-testid=paste-rows]').fill('Lê Văn Dán\t0A0B0C\t\tle.van.dan@caobang.gov.vn');
    await page.locator('[data-testid=paste-rows-submit]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 2);
    assert.equal(await page.locator('[data-testid=form-row]').nth(1).locator('input[data-field=serial]').inputValue(), '0A0B0C');
    check();
  } finally {
    await close();
  }
});

async function verifyFiles(page, files) {
  await page.locator('[data-testid=file-input]').setInputFiles(files);
  await page.waitForFunction(
    (n) => {
      const docs = [...document.querySelectorAll('[data-testid=document-result]')];
      return docs.length >= n && docs.every((d) => d.dataset.state === 'done' || d.dataset.state === 'failed');
    },
    files.length,
    { timeout: 60000 },
  );
  return page.locator('[data-testid=document-result]').evaluateAll((docs) =>
    docs.map((d) => ({
      file: d.dataset.file,
      state: d.dataset.state,
      summary: d.dataset.summary,
      signatures: [...d.querySelectorAll('[data-testid=signature-result]')].map((s) => ({
        field: s.dataset.field,
        indication: s.dataset.indication,
        modified: s.dataset.modified,
      })),
    })),
  );
}

test('verify: shadow attacks — signed originals unmodified, manipulated versions changed and never TOTAL_PASSED', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ path: '/#kiem-tra' });
  try {
    const all = walk(shadow).filter((p) => p.endsWith('.pdf'));
    const signed = all.filter((p) => /\/3_[^/]*-signed\.pdf$/.test(p));
    const manipulated = all.filter((p) => /\/4_[^/]*-manipulated[^/]*\.pdf$/.test(p));
    assert.ok(signed.length >= 6 && manipulated.length >= 6, `${signed.length} signed, ${manipulated.length} manipulated`);
    const docs = await verifyFiles(page, [...signed, ...manipulated]);
    const byName = (p) => docs.filter((d) => d.file === p.split('/').pop());
    for (const d of docs) assert.equal(d.state, 'done', `${d.file} was read`);
    let seenSigned = 0;
    let seenManipulated = 0;
    for (const d of docs) {
      assert.ok(d.signatures.length >= 1, `${d.file} has a signature panel`);
      if (/^3_.*-signed\.pdf$/.test(d.file)) {
        seenSigned++;
        for (const s of d.signatures) assert.equal(s.modified, 'false', `${d.file} is not modified`);
      } else {
        seenManipulated++;
        assert.ok(d.signatures.some((s) => s.modified === 'true'), `${d.file} is modified after signing`);
        for (const s of d.signatures) assert.notEqual(s.indication, 'TOTAL_PASSED', `${d.file} never passes`);
      }
    }
    assert.equal(seenSigned + seenManipulated, signed.length + manipulated.length);
    assert.ok(byName(signed[0]).length >= 1);
    // Words and icon, not colour alone.
    const first = page.locator('[data-testid=signature-result]').first();
    assert.match(await first.locator('[data-testid=verdict]').innerText(), /Chữ ký|Chưa đủ căn cứ/);
    // JSON export holds the same verdicts.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=verify-export-json]').click(),
    ]);
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(json.documents.length, docs.length);
    check();
  } finally {
    await close();
  }
});

test('verify: pyHanko/OpenSSL fixtures give their expected indications', async () => {
  const expected = JSON.parse(await readFile(join(signedFixtures, 'expected.json'), 'utf8'));
  const entries = Object.entries(expected.files).filter(([k]) => existsSync(join(signedFixtures, k)));
  assert.ok(entries.length >= 30, `only ${entries.length} signed fixtures found`);
  // Two batches, each in a fresh page: the files that need no CRL from the user, then
  // those whose expected verdict assumes the test CA's CRL was dropped beside them.
  const crlsOf = (v) => v.user_crls || [];
  const batches = [
    entries.filter(([, v]) => crlsOf(v).length === 0),
    entries.filter(([, v]) => crlsOf(v).length > 0),
  ];
  const wrong = [];
  let checked = 0;
  for (const batch of batches) {
    if (batch.length === 0) continue;
    site.trustBundle = null;
    const { page, check, close } = await openPage({ now: new Date(expected.validation_time), path: '/#kiem-tra' });
    try {
      // The test PKI's root, trusted on purpose for this test only, and the CRLs.
      const extras = [...new Set([...expected.anchors, ...batch.flatMap(([, v]) => crlsOf(v))])];
      await page.locator('[data-testid=file-input]').setInputFiles(extras.map((a) => join(signedFixtures, a)));
      await page.locator('[data-testid=trust-dropped-roots]').check();
      const names = batch.map(([k]) => k);
      const docs = await verifyFiles(page, names.map((n) => join(signedFixtures, n)));
      for (const name of names) {
        const d = docs.find((x) => x.file === name);
        const want = expected.files[name].signatures;
        if (!d) {
          wrong.push(`${name}: no panel`);
          continue;
        }
        want.forEach((w, i) => {
          const got = d.signatures[i];
          const ok = Array.isArray(w.indication) ? w.indication : [w.indication];
          if (!got || !ok.includes(got.indication)) wrong.push(`${name} #${i + 1}: want ${ok.join('|')}, got ${got?.indication}`);
          if (got && w.modified_after !== null && w.modified_after !== undefined && String(w.modified_after) !== got.modified)
            wrong.push(`${name} #${i + 1}: modified want ${w.modified_after}, got ${got.modified}`);
        });
        checked += 1;
      }
      check();
    } finally {
      await close();
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(checked, entries.length, 'every signed fixture was verified in the page');
});

test('verify: a 40 MB PDF is hashed by the worker while it is read, and the same verdicts come from the page thread', async () => {
  // Above the WebCrypto copy limit (24 MB), so the SHA-256 worker hashes it; one
  // unchanged copy and two with one byte changed: early in the file, and just before
  // the /Contents hole (the part re-hashed from the last checkpoint).
  const dir = await mkdtemp(join(scratch, 'big-'));
  const good = join(dir, 'big-signed.pdf');
  execFileSync('node', [join(here, 'make-big-pdf.mjs'), good, '40'], { stdio: 'ignore' });
  const bytes = await readFile(good);
  const hole = bytes.indexOf('/Contents <');
  assert.ok(hole > 40 * 1024 * 1024, 'the padding comes before the signature');
  const flip = async (name, at) => {
    const copy = Buffer.from(bytes);
    assert.equal(copy[at], 0x20, 'a padding byte');
    copy[at] = 0x58;
    const p = join(dir, name);
    await writeFile(p, copy);
    return p;
  };
  const early = await flip('big-changed-early.pdf', 4096);
  const late = await flip('big-changed-late.pdf', bytes.indexOf('\nendstream', hole - 300000) - 5);
  const results = {};
  for (const mode of ['wasm', 'main']) {
    site.trustBundle = null;
    const { page, check, close } = await openPage({ path: `/?hash=${mode}#kiem-tra` });
    try {
      await page.locator('[data-testid=file-input]').setInputFiles([good, early, late]);
      await page.waitForFunction(
        () => {
          const d = [...document.querySelectorAll('[data-testid=document-result]')];
          return d.length === 3 && d.every((x) => x.dataset.state === 'done' || x.dataset.state === 'failed');
        },
        null,
        { timeout: 120000 },
      );
      results[mode] = await page.locator('[data-testid=document-result]').evaluateAll((docs) =>
        docs.map((d) => {
          const s = d.querySelector('[data-testid=signature-result]');
          const integrity = s?.querySelector('[data-testid=check][data-check=integrity]');
          return {
            file: d.dataset.file,
            engine: d.dataset.hashEngine,
            sub: s?.dataset.subIndication ?? null,
            integrity: integrity?.dataset.status ?? null,
          };
        }),
      );
      check();
    } finally {
      await close();
    }
  }
  for (const mode of ['wasm', 'main']) {
    const byFile = Object.fromEntries(results[mode].map((r) => [r.file, r]));
    const engine = mode === 'wasm' ? 'worker' : 'wasm';
    assert.equal(byFile['big-signed.pdf'].engine, engine, `${mode}: hashed by the ${engine} path`);
    assert.equal(byFile['big-signed.pdf'].integrity, 'passed', `${mode}: the unchanged file is intact`);
    for (const f of ['big-changed-early.pdf', 'big-changed-late.pdf']) {
      assert.equal(byFile[f].integrity, 'failed', `${mode}: ${f} is not intact`);
      assert.equal(byFile[f].sub, 'HASH_FAILURE', `${mode}: ${f}`);
    }
  }
  await rm(dir, { recursive: true, force: true });
});

test('verify: a CRL or trust change after the PDF re-verifies the documents already shown', async () => {
  const expected = JSON.parse(await readFile(join(signedFixtures, 'expected.json'), 'utf8'));
  const name = 'revoked_signer_timestamped.pdf';
  const want = expected.files[name];
  assert.deepEqual(want.user_crls, ['pki/ca.crl']);
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: new Date(expected.validation_time), path: '/#kiem-tra' });
  try {
    const indication = () => page.locator('[data-testid=signature-result]').first().getAttribute('data-indication');
    const settled = () =>
      page.waitForFunction(() => {
        const d = document.querySelector('[data-testid=document-result]');
        return d && d.dataset.state === 'done';
      });
    // The PDF first, judged with the pinned government CAs only: no chain.
    await page.locator('[data-testid=file-input]').setInputFiles([join(signedFixtures, name)]);
    await settled();
    assert.equal(await page.locator('[data-testid=signature-result]').first().getAttribute('data-sub-indication'), 'NO_CERTIFICATE_CHAIN_FOUND');
    // Then the test root, trusted: the chain is found, but revocation is unknown.
    await page.locator('[data-testid=file-input]').setInputFiles([join(signedFixtures, 'pki/root.cer')]);
    await page.locator('[data-testid=trust-dropped-roots]').check();
    await page.waitForFunction(() => document.querySelector('[data-testid=signature-result]')?.dataset.subIndication !== 'NO_CERTIFICATE_CHAIN_FOUND');
    await settled();
    const withoutCrl = await indication();
    assert.notEqual(withoutCrl, want.signatures[0].indication, 'without the CRL the revocation is unknown');
    // Then the CA's CRL: the signer was revoked before the proven time.
    await page.locator('[data-testid=file-input]').setInputFiles([join(signedFixtures, 'pki/ca.crl')]);
    await page.waitForFunction(
      (w) => document.querySelector('[data-testid=signature-result]')?.dataset.indication === w,
      want.signatures[0].indication,
      { timeout: 20000 },
    );
    assert.equal(await page.locator('[data-testid=document-result]').count(), 1, 'the same panel, not a second one');
    check();
  } finally {
    await close();
  }
});

test('verify: a signature removed from the form by a later update is still shown, flagged, never TOTAL_PASSED', async () => {
  const attacks = join(repo, 'tests', 'fixtures', 'attacks');
  const expected = JSON.parse(await readFile(join(signedFixtures, 'expected.json'), 'utf8'));
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: new Date(expected.validation_time), path: '/#kiem-tra' });
  try {
    await page.locator('[data-testid=file-input]').setInputFiles([join(attacks, 'root.cer')]);
    await page.locator('[data-testid=trust-dropped-roots]').check();
    const names = ['removed_from_fields.pdf', 'acroform_removed.pdf', 'value_swapped.pdf'];
    const docs = await verifyFiles(page, names.map((n) => join(attacks, n)));
    for (const name of names) {
      const d = docs.find((x) => x.file === name);
      assert.ok(d, `${name} has a panel`);
      const sig1 = d.signatures.find((s) => s.field === 'Sig1');
      assert.ok(sig1, `${name}: the removed Sig1 is still listed`);
      assert.equal(sig1.modified, 'true', `${name}: modified after signing`);
      for (const s of d.signatures) assert.notEqual(s.indication, 'TOTAL_PASSED', `${name} never passes`);
    }
    const notes = await page.locator('[data-testid=removed-note]').allInnerTexts();
    assert.ok(notes.length >= 3, `a removal note per file (${notes.length})`);
    assert.match(notes[0], /bị gỡ khỏi biểu mẫu/);
    check();
  } finally {
    await close();
  }
});

test('verify: when the hashing worker cannot start, the page hashes on its own thread with the same verdicts', async () => {
  const expected = JSON.parse(await readFile(join(signedFixtures, 'expected.json'), 'utf8'));
  const names = ['pkcs7_rsa_sha256_crl.pdf', 'tampered.pdf'].filter((n) => expected.files[n]);
  assert.equal(names.length, 2, 'fixtures present');
  const run = async (block) => {
    site.trustBundle = null;
    const { page, context, close } = await openPage({ now: new Date(expected.validation_time), path: '/?hash=wasm#kiem-tra' });
    try {
      if (block) await context.route('**/kyso-hash-worker*', (r) => r.abort());
      // A fresh page load so the worker is started (or fails to) under the route.
      await page.reload();
      await page.locator('[data-testid=dropzone]').waitFor();
      await page.locator('[data-testid=file-input]').setInputFiles(expected.anchors.map((a) => join(signedFixtures, a)));
      await page.locator('[data-testid=trust-dropped-roots]').check();
      const docs = await verifyFiles(page, names.map((n) => join(signedFixtures, n)));
      const engines = await page.locator('[data-testid=document-result]').evaluateAll((d) => d.map((x) => x.dataset.hashEngine));
      return { docs, engines };
    } finally {
      await close();
    }
  };
  const withWorker = await run(false);
  const without = await run(true);
  assert.deepEqual(withWorker.engines, ['worker', 'worker']);
  assert.deepEqual(without.engines, ['wasm', 'wasm']);
  for (const name of names) {
    const a = withWorker.docs.find((d) => d.file === name);
    const b = without.docs.find((d) => d.file === name);
    assert.deepEqual(a.signatures, b.signatures, `${name}: same verdicts both ways`);
    expected.files[name].signatures.forEach((w, i) => {
      const ok = Array.isArray(w.indication) ? w.indication : [w.indication];
      assert.ok(ok.includes(a.signatures[i].indication), `${name} #${i + 1}: ${a.signatures[i].indication}`);
    });
  }
});

test('verify: the Government decree 50/2026 out of the box — six intact signatures on the G2 chain, no change "không được phép"', async () => {
  site.trustBundle = null;
  // The page's clock after the signing (January 2026), while the certificates are valid.
  const { page, check, close } = await openPage({ path: '/#kiem-tra', now: new Date('2026-06-01T00:00:00Z') });
  try {
    const file = join(shared, 'corpora', 'real-world', 'vn-real', '50-2026-ND-CP.pdf');
    const docs = await verifyFiles(page, [file]);
    assert.equal(docs.length, 1);
    assert.equal(docs[0].state, 'done');
    const panels = page.locator('[data-testid=signature-result]');
    assert.equal(await panels.count(), 6);
    for (let i = 0; i < 6; i++) {
      const p = panels.nth(i);
      const text = await p.innerText();
      assert.doesNotMatch(text, /không được phép/i, `panel ${i + 1} lists a change that is not allowed`);
      assert.doesNotMatch(text, /đã bị sửa đổi sau khi ký/i, `panel ${i + 1} says modified`);
      assert.notEqual(await p.getAttribute('data-indication'), 'TOTAL_FAILED');
      const headline = await p.locator('[data-testid=headline]').getAttribute('data-headline');
      assert.notEqual(headline, 'headline_modified');
      assert.notEqual(headline, 'headline_broken');
      const chain = p.locator('[data-testid=chain]');
      assert.match(await chain.getAttribute('class'), /\btrusted\b/, `panel ${i + 1}: chain is trusted`);
      assert.match(await chain.innerText(), /RootCA chuyên dùng Chính phủ G2/);
      if (i < 5) {
        assert.match(await p.locator('[data-testid=signed-after]').innerText(), /Được ký thêm bởi: .*CHÍNH PHỦ/);
      }
    }
    check();
  } finally {
    await close();
  }
});
