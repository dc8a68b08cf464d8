// End-to-end tests of the letters (issue 10) in the built page: a folder of mixed
// certificates fills only the form's holders and names the others; the CA's import
// sheet is exported and read back; the addressee of 04 is kept in the draft; a writer
// module that cannot load is reported, and started again at the next download.
//
//   cd tests/e2e && node --test letters.test.mjs     (after `trunk build --release`)
//
// Certificates: tests/fixtures/forms/certs/make.py (Python `cryptography`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { site, openPage, repo, scratch } from './harness.mjs';

const MIXED = join(repo, 'tests', 'fixtures', 'forms', 'certs', 'mixed');
const NOW = new Date('2025-08-01T03:00:00Z');

/** The cells of an XLSX's first sheet, read by Python's standard library. */
function readSheet(path) {
  const py = `
import sys, json, re, zipfile
import xml.etree.ElementTree as ET
m = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
rows = []
for r in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter(m + 'row'):
    cells = {}
    for c in r.findall(m + 'c'):
        col = 0
        for ch in re.match('[A-Z]+', c.get('r')).group(0):
            col = col * 26 + ord(ch) - 64
        cells[col] = ''.join(t.text or '' for t in c.iter(m + 't'))
    rows.append([cells.get(i, '') for i in range(1, max(cells) + 1)])
print(json.dumps(rows))
`;
  return JSON.parse(execFileSync('python3', ['-c', py, path], { encoding: 'utf8' }));
}

async function dropFolder(page) {
  await page.locator('.forms-tab [data-testid=folder-input]').setInputFiles(MIXED);
}

async function names(page, field) {
  return page
    .locator(`[data-testid=form-row] input[data-field=${field}]`)
    .evaluateAll((inputs) => inputs.map((i) => i.value).sort());
}

test('letters: a folder of mixed certificates gives Mẫu 01 the persons and Mẫu 02 the agency; the CA sheet reads back', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: NOW, path: '/#lap-van-ban' });
  try {
    await page.locator('[data-testid=form-select]').selectOption('01');
    await dropFolder(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 2);
    assert.deepEqual(await names(page, 'full_name'), ['Hoàng Thị Bình', 'Nguyễn Văn An']);
    const left = page.locator('[data-testid=left-out-item]');
    assert.deepEqual(
      (await left.evaluateAll((items) => items.map((i) => i.dataset.holder))).sort(),
      ['ca', 'device', 'organization'],
    );
    assert.match(await page.locator('[data-testid=left-out]').innerText(), /so-noi-vu\.pem/);

    // The CA's import sheet: the rows still break rules (no birth date...), so the
    // download asks first.
    await page.locator('[data-testid=download-sheet]').click();
    await page.locator('[data-testid=download-confirm]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=download-anyway]').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const saved = join(scratch, download.suggestedFilename());
    await download.saveAs(saved);
    const sheet = readSheet(saved);
    assert.equal(sheet[0].length, 19);
    assert.equal(sheet[0][7], 'Tổ chức cấp 1 (bắt buộc)');
    assert.deepEqual(sheet.slice(1).map((r) => r[1]).sort(), ['Hoàng Thị Bình', 'Nguyễn Văn An']);
    const an = sheet.find((r) => r[1] === 'Nguyễn Văn An');
    assert.equal(an[3], '004090000001');
    assert.equal(an[7], 'UBND tỉnh Cao Bằng');
    assert.equal(an[8], 'Sở Nội vụ');

    // Mẫu 02 from the same folder: the agency alone.
    await page.locator('[data-testid=form-select]').selectOption('02');
    await dropFolder(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 1);
    assert.deepEqual(await names(page, 'org_name'), ['Sở Nội vụ tỉnh Cao Bằng']);
    assert.equal(await page.locator('[data-testid=left-out-item]').count(), 4);

    // The exported sheet read back into a fresh Mẫu 01 (the page's own reader).
    await page.locator('[data-testid=form-select]').selectOption('03');
    await page.locator('[data-testid=form-select]').selectOption('01');
    for (let n = await page.locator('[data-testid=form-row]').count(); n > 0; n--) {
      await page.locator('[data-testid=remove-row]').first().click();
    }
    await page.locator('[data-testid=import-input]').setInputFiles(saved);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 2);
    assert.deepEqual(await names(page, 'full_name'), ['Hoàng Thị Bình', 'Nguyễn Văn An']);
    check();
  } finally {
    await close();
  }
});

test('letters: Mẫu 04 to the provincial Sở, kept in the draft; 03 says its wording is not confirmed', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: NOW, path: '/#lap-van-ban' });
  try {
    await page.locator('[data-testid=form-select]').selectOption('04');
    await page.locator('[data-testid=addressee-select]').selectOption('so');
    await page.locator('[data-testid=lh-addresseeprovince]').fill('Ninh Bình');
    await page.locator('[data-testid=preview-toggle]').click();
    const preview = page.locator('[data-testid=letter-preview]');
    await preview.waitFor();
    assert.match(await preview.innerText(), /Kính gửi: Sở Khoa học và Công nghệ tỉnh Ninh Bình\./);
    assert.match(await preview.innerText(), /đề nghị Sở Khoa học và Công nghệ tỉnh Ninh Bình gia hạn/);
    assert.doesNotMatch(await preview.innerText(), /mẫu tham khảo/);
    await page.reload({ waitUntil: 'load' });
    await page.locator('[data-testid=addressee-select]').waitFor();
    assert.equal(await page.locator('[data-testid=addressee-select]').inputValue(), 'so');
    assert.equal(await page.locator('[data-testid=lh-addresseeprovince]').inputValue(), 'Ninh Bình');
    assert.equal(await page.locator('[data-testid=reference-only]').count(), 0);
    await page.locator('[data-testid=form-select]').selectOption('03');
    assert.match(await page.locator('[data-testid=reference-only]').innerText(), /chưa được xác nhận/);
    check();
  } finally {
    await close();
  }
});

test('letters: when the writer module cannot load, the page says so, and the next try starts it again', async () => {
  site.trustBundle = null;
  const { page, context, close } = await openPage({ now: NOW, path: '/#lap-van-ban' });
  try {
    // No cached copy to fall back on: the service worker's cache goes, and its next
    // install fails too, since the writer's files cannot be fetched.
    await context.route('**/kyso-writer*', (r) => r.abort());
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    });
    await page.reload({ waitUntil: 'load' });
    await page.locator('[data-testid=form-select]').selectOption('04');
    await page.locator('[data-testid=file-input]').setInputFiles([join(repo, 'tests', 'fixtures', 'certs', 'person-cccd.pem')]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 1);
    const notice = page.locator('[data-testid=forms-notice]');
    const confirm = page.locator('[data-testid=download-anyway]');
    const pdf = async () => {
      await page.locator('[data-testid=download-pdf]').click();
      // Rule breaks (an empty letterhead) make the page ask first.
      await confirm.waitFor({ timeout: 5000 }).then(() => confirm.click(), () => {});
    };
    await pdf();
    await page.waitForFunction(() => /kyso-writer/.test(document.querySelector('[data-testid=forms-notice]')?.textContent ?? ''), null, { timeout: 60000 });
    const text = await notice.innerText();
    assert.match(text, /Không tạo được PDF: không khởi động được bộ tạo tệp của trang/);
    assert.equal(await notice.getAttribute('class'), 'notice bad');

    await context.unroute('**/kyso-writer*');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), pdf()]);
    const made = execFileSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-']).toString('utf8');
    assert.match(made, /Kính gửi/);
    // The earlier failure is not left beside the download that worked.
    await page.waitForFunction(() => !/kyso-writer/.test(document.querySelector('[data-testid=forms-notice]')?.textContent ?? ''));
  } finally {
    await close();
  }
});
