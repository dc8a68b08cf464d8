// End-to-end tests of batches in the verify tab: the summary table above the panels
// (sort, filter, CSV and XLSX export read back by independent readers), the
// verification record downloaded per document (read back with pdftotext and unzip),
// and 1,000 small PDFs dropped at once (time to the full table and the page's memory
// are printed, not asserted: this machine is shared).
//
//   cd tests/e2e && node --test batch.test.mjs     (after `trunk build --release`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scratch, openPage, repo } from './harness.mjs';

const signedFixtures = join(repo, 'tests', 'fixtures', 'signed');
const expected = JSON.parse(await readFile(join(signedFixtures, 'expected.json'), 'utf8'));
const AT = new Date(expected.validation_time);
const FILES = ['pkcs7_rsa_sha256_crl.pdf', 'approval_then_page_change.pdf', 'tampered.pdf', 'certify_p2_then_form_fill.pdf'];

/** RFC 4180 records of `text` (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** The first sheet as openpyxl reads it (Debian's python3-openpyxl). */
function readXlsx(path) {
  const script = [
    'import sys, json, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]',
    "print(json.dumps([['' if c is None else (str(int(c)) if isinstance(c, (int, float)) else str(c)) for c in r] for r in ws.iter_rows(values_only=True)]))",
  ].join('\n');
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      return JSON.parse(execFileSync(python, ['-c', script, path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch {
      // the next Python
    }
  }
  throw new Error('no Python with openpyxl (apt-get install python3-openpyxl; scripts/tools.sh does)');
}

async function download(page, testid, nth = 0) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=${testid}]`).nth(nth).click()]);
  const path = join(scratch, d.suggestedFilename());
  await d.saveAs(path);
  return { path, name: d.suggestedFilename() };
}

async function summaryRows(page) {
  return page.locator('[data-testid=summary-row]').evaluateAll((rows) =>
    rows.map((r) => ({
      tone: r.dataset.tone,
      summary: r.dataset.summary,
      modified: r.dataset.modified,
      cells: [...r.querySelectorAll('td')].map((td) => td.innerText.replace(/^[✔?✖…]\s*/, '')),
    })),
  );
}

test('batch: one sortable, filterable table above the panels, exported as CSV and XLSX, and each record downloaded', async () => {
  const { page, check, close } = await openPage({ now: AT, path: '/#kiem-tra' });
  try {
    await page.locator('[data-testid=file-input]').setInputFiles(expected.anchors.map((a) => join(signedFixtures, a)));
    await page.locator('[data-testid=trust-dropped-roots]').check();
    await page.locator('[data-testid=file-input]').setInputFiles(FILES.map((f) => join(signedFixtures, f)));
    await page.waitForFunction((n) => document.querySelector('[data-testid=batch-summary]')?.dataset.done === String(n), FILES.length, { timeout: 60000 });

    // Above the panels, one row per document, with the verdicts of expected.json.
    const above = await page.evaluate(() => {
      const table = document.querySelector('[data-testid=batch-summary]');
      const panel = document.querySelector('[data-testid=document-result]');
      return Boolean(table.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(above, 'the table is above the panels');
    let rows = await summaryRows(page);
    assert.equal(rows.length, FILES.length);
    for (const [i, f] of FILES.entries()) {
      assert.equal(rows[i].cells[0], f);
      assert.equal(rows[i].summary, expected.files[f].summary, f);
      assert.equal(rows[i].cells[1], '1');
    }
    assert.equal(rows[1].modified, 'modified_yes');
    assert.equal(rows[3].modified, 'modified_allowed_only');

    // Sort by verdict (worst first), then the other way.
    const sortBy = (col) => page.locator(`[data-testid=summary-sort][data-column="${col}"]`).click();
    await sortBy(2);
    rows = await summaryRows(page);
    assert.equal(rows[0].tone, 'bad');
    assert.equal(rows.at(-1).tone, 'ok');
    assert.equal(await page.locator('th[aria-sort=ascending]').count(), 1);
    await sortBy(2);
    rows = await summaryRows(page);
    assert.equal(rows[0].tone, 'ok');
    assert.equal(await page.locator('th[aria-sort=descending]').count(), 1);
    // Keyboard: the heading is a button.
    await page.locator('[data-testid=summary-sort][data-column="0"]').focus();
    await page.keyboard.press('Enter');
    rows = await summaryRows(page);
    assert.deepEqual(rows.map((r) => r.cells[0]), [...FILES].sort());

    // Filter by text, then by result.
    await page.locator('[data-testid=summary-filter]').fill('tampered');
    assert.equal(await page.locator('[data-testid=summary-row]').count(), 1);
    await page.locator('[data-testid=summary-filter]').fill('');
    await page.locator('[data-testid=summary-tone]').selectOption('ok');
    rows = await summaryRows(page);
    assert.ok(rows.length >= 1 && rows.every((r) => r.tone === 'ok'));
    await page.locator('[data-testid=summary-tone]').selectOption('all');

    // CSV: BOM, RFC 4180, the rows on screen.
    const csv = await download(page, 'summary-export-csv');
    assert.match(csv.name, /\.csv$/);
    const bytes = await readFile(csv.path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const table = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.equal(table.length, FILES.length + 1);
    assert.equal(table[0][0], 'Tệp');
    rows = await summaryRows(page);
    for (const [i, r] of rows.entries()) assert.deepEqual(table[i + 1], r.cells, `CSV row ${i}`);

    // XLSX, read by openpyxl: the same cells.
    const xlsx = await download(page, 'summary-export-xlsx');
    assert.match(xlsx.name, /\.xlsx$/);
    assert.deepEqual(readXlsx(xlsx.path), table);

    // The record of the first document, as PDF and DOCX.
    const first = FILES[0];
    const sha = createHash('sha256').update(await readFile(join(signedFixtures, first))).digest('hex').toUpperCase();
    const panel = page.locator(`[data-testid=document-result][data-file="${first}"]`);
    const [pdfDl] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-testid=doc-record-pdf]').click()]);
    const pdfPath = join(scratch, pdfDl.suggestedFilename());
    await pdfDl.saveAs(pdfPath);
    assert.match(pdfDl.suggestedFilename(), /phieu-kiem-tra\.pdf$/);
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const must of ['PHIẾUKẾTQUẢKIỂMTRACHỮKÝSỐ', sha, first, 'Chữkýhợplệ', 'CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM']) {
      assert.ok(text.includes(must), `record PDF: ${must}`);
    }
    const [docxDl] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-testid=doc-record-docx]').click()]);
    const docxPath = join(scratch, docxDl.suggestedFilename());
    await docxDl.saveAs(docxPath);
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], { encoding: 'utf8' });
    assert.ok(xml.includes(sha), 'record DOCX: SHA-256');
    assert.ok(xml.includes('PHIẾU KẾT QUẢ KIỂM TRA CHỮ KÝ SỐ'));
    check();
  } finally {
    await close();
  }
});

test('batch: 1,000 small PDFs dropped at once reach a full table; time and memory printed', { timeout: 900000 }, async () => {
  const N = Number(process.env.KYSO_BATCH_N || 1000);
  const dir = join(scratch, 'batch');
  await mkdir(dir, { recursive: true });
  const source = join(signedFixtures, 'pkcs7_rsa_sha256_crl.pdf');
  const files = [];
  for (let i = 0; i < N; i++) {
    const f = join(dir, `van-ban-${String(i).padStart(4, '0')}.pdf`);
    await copyFile(source, f);
    files.push(f);
  }
  const { page, context, check, close } = await openPage({ now: AT, path: '/#kiem-tra' });
  try {
    // The page's WebAssembly memory (its linear memory is not in the JS heap): keep
    // the Memory objects the page instantiates, then load it again.
    await page.addInitScript(() => {
      window.__wasmMemories = [];
      const keep = (r) => {
        const exports = (r.instance || r).exports || {};
        for (const v of Object.values(exports)) if (v instanceof WebAssembly.Memory) window.__wasmMemories.push(v);
        return r;
      };
      for (const name of ['instantiate', 'instantiateStreaming']) {
        const original = WebAssembly[name];
        if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
      }
    });
    await page.reload({ waitUntil: 'load' });
    await page.locator('[data-testid=dropzone]').waitFor();
    const wasmMiB = () => page.evaluate(() => window.__wasmMemories.reduce((n, m) => n + m.buffer.byteLength, 0) / 2 ** 20);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
      return { js: m.JSHeapUsedSize / 2 ** 20, nodes: m.Nodes };
    };
    // The fixtures' root, trusted, as in the table test: every copy then passes.
    await page.locator('[data-testid=file-input]').setInputFiles(expected.anchors.map((a) => join(signedFixtures, a)));
    await page.locator('[data-testid=trust-dropped-roots]').check();
    const before = await heap();
    const wasmBefore = await wasmMiB();
    // The longest gap between animation frames while the batch runs: how long the
    // tab stays frozen at worst.
    await page.evaluate(() => {
      window.__gaps = { max: 0, over100: 0, last: performance.now(), on: true };
      const tick = (t) => {
        const g = t - window.__gaps.last;
        window.__gaps.max = Math.max(window.__gaps.max, g);
        if (g > 100) window.__gaps.over100++;
        window.__gaps.last = t;
        if (window.__gaps.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await page.locator('[data-testid=file-input]').setInputFiles(files);
    await page.waitForFunction((n) => document.querySelector('[data-testid=batch-summary]')?.dataset.total === String(n), N, { timeout: 120000, polling: 50 });
    const tTable = Date.now() - t0;
    await page.waitForFunction((n) => document.querySelector('[data-testid=batch-summary]')?.dataset.done === String(n), N, { timeout: 840000, polling: 250 });
    const tDone = Date.now() - t0;
    const gaps = await page.evaluate(() => {
      window.__gaps.on = false;
      return window.__gaps;
    });
    const after = await heap();
    const wasmAfter = await wasmMiB();
    const rows = await page.locator('[data-testid=summary-row]').count();
    // Sorting the full table stays quick.
    const s0 = Date.now();
    await page.locator('[data-testid=summary-sort][data-column="4"]').click();
    await page.waitForSelector('th[aria-sort=ascending]');
    const tSort = Date.now() - s0;
    console.log(
      `batch of ${N} PDFs (${(await readFile(source)).length} B each): every row in the table ${tTable} ms, ` +
        `all verified ${tDone} ms (${(tDone / N).toFixed(1)} ms/PDF); longest frame gap ${gaps.max.toFixed(0)} ms, ` +
        `${gaps.over100} gaps > 100 ms; sort ${tSort} ms; JS heap ${before.js.toFixed(1)} → ${after.js.toFixed(1)} MiB; ` +
        `WebAssembly memory ${wasmBefore.toFixed(1)} → ${wasmAfter.toFixed(1)} MiB; DOM nodes ${before.nodes} → ${after.nodes}`,
    );
    assert.equal(rows, N);
    const csv = await download(page, 'summary-export-csv');
    const lines = parseCsv((await readFile(csv.path)).subarray(3).toString('utf8'));
    assert.equal(lines.length, N + 1, 'CSV: header + one line per PDF');
    assert.equal(await page.locator('[data-testid=summary-row][data-summary=all_signatures_valid]').count(), N, 'every copy is valid');
    assert.equal(new Set(lines.slice(1).map((l) => l[2])).size, 1, 'one verdict in the CSV');
    // Panels are drawn a page at a time; the table lists all.
    assert.equal(await page.locator('[data-testid=document-result]').count(), Math.min(N, 100));
    check();
  } finally {
    await close();
  }
});
