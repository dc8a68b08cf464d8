// Benchmark (not a test): a 500-row letter (form 04) made into DOCX and PDF in the page.
//
//   node bench-forms.mjs [ROWS=500]      (after `trunk build --release`)
//
// The rows come in as a CSV import; the times are from the click to the download
// event (the first PDF includes starting the writer module and fetching the font).
import { writeFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser } from './bench-common.mjs';

const rows = Number(process.argv[2] || 500);
const dir = mkdtempSync(join(tmpdir(), 'kyso-forms-'));
const csv = join(dir, 'danh-sach.csv');
let text = 'Tên chứng thư số,Số hiệu chứng thư số,Thư điện tử công vụ,Gia hạn\n';
for (let i = 0; i < rows; i++) {
  text += `Nguyễn Văn Thử ${i + 1},${(0x540100000000 + i).toString(16).toUpperCase()},thu${i + 1}@caobang.gov.vn,x\n`;
}
writeFileSync(csv, text);
const { server, origin } = await serve();
const { page, close } = await browser();
async function timed(testid) {
  const confirm = page.locator('[data-testid=download-anyway]');
  const download = page.waitForEvent('download', { timeout: 120000 });
  let t = Date.now();
  await page.locator(`[data-testid=${testid}]`).click();
  // With rule breaks the page asks first; the time then starts at the confirmation.
  const first = await Promise.race([download.then(() => 'download'), confirm.waitFor().then(() => 'confirm')]);
  if (first === 'confirm') {
    t = Date.now();
    await confirm.click();
  }
  const dl = await download;
  const ms = Date.now() - t;
  const size = statSync(await dl.path()).size;
  return { ms, size, name: dl.suggestedFilename() };
}
try {
  await page.goto(`${origin}/#lap-van-ban`, { waitUntil: 'load' });
  await page.locator('[data-testid=form-select]').selectOption('04');
  let t = Date.now();
  await page.locator('[data-testid=import-input]').setInputFiles([csv]);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=form-row]').length === n, rows, { timeout: 120000 });
  console.log(`import + render ${rows} rows: ${Date.now() - t} ms`);
  // A keystroke in a 500-row table (re-check + redraw).
  t = Date.now();
  await page.locator('[data-testid=form-row] input[data-field=cert_name]').first().fill('Nguyễn Văn Sửa');
  await page.waitForFunction(() => document.querySelector('[data-testid=form-row] input[data-field=cert_name]').value === 'Nguyễn Văn Sửa');
  console.log(`one edit: ${Date.now() - t} ms`);
  // The first download also starts the writer module (kyso-writer) and, for a PDF,
  // fetches the font: a PDF first, as a clerk usually asks.
  for (const [label, id] of [['PDF (first: + writer, font)', 'download-pdf'], ['PDF (again)', 'download-pdf'], ['PDF (again)', 'download-pdf'], ['DOCX', 'download-docx'], ['DOCX (again)', 'download-docx']]) {
    const r = await timed(id);
    console.log(`${label.padEnd(26)} ${String(r.ms).padStart(6)} ms  ${(r.size / 1024).toFixed(0)} KiB  ${r.name}`);
  }
} finally {
  await close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
