// The language switch: Tiếng Việt (default) / English, remembered in this browser.
// In English no Vietnamese word is left in the page's own words; what stays
// Vietnamese is user data (names in certificates and signatures, file names) and the
// letters themselves (the forms tab's content).
//
//   cd tests/e2e && node --test i18n.test.mjs     (after `trunk build --release`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { site, openPage, repo } from './harness.mjs';
import { fillCertificates, fillVerify } from './samples.mjs';

/**
 * In the page: every visible text (and label for assistive technology) under
 * `selector` that still holds a Vietnamese letter once the user data is taken out.
 * User data, the explicit allow-list: the values of the distinguished names the page
 * shows (certificate subjects and issuers, in cards, chains, tooltips), file names,
 * and a signature's own reason and location; the letters' own column names (printed
 * on the letter, so Vietnamese, marked lang="vi" in the table head and the labels),
 * wherever the page quotes them; plus anything marked lang="vi" on purpose (the
 * "Tiếng Việt" button, the letter preview, the letter's text boxes, holders' names).
 */
function vietnameseLeft(selector) {
  const VI = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;
  const data = new Set();
  const addDn = (dn) => {
    if (!dn) return;
    data.add(dn.trim());
    for (const part of dn.split(/,\s*(?=[A-Za-z0-9.]+=)/)) {
      const value = part.slice(part.indexOf('=') + 1).trim();
      if (value) data.add(value);
    }
  };
  for (const el of document.querySelectorAll('[title]')) addDn(el.getAttribute('title'));
  for (const el of document.querySelectorAll('.dn, ol.path li')) addDn(el.textContent);
  for (const el of document.querySelectorAll('[data-file]')) data.add(el.dataset.file);
  for (const dt of document.querySelectorAll('.signature-result dt')) {
    if (/^(Reason|Location)$/.test(dt.textContent.trim())) data.add(dt.nextElementSibling?.textContent.trim() ?? '');
  }
  for (const el of document.querySelectorAll('th[lang="vi"], label > span[lang="vi"]')) data.add(el.textContent.trim());
  const tokens = [...data].filter((t) => VI.test(t)).sort((a, b) => b.length - a.length);
  const strip = (text) => tokens.reduce((s, t) => s.split(t).join(' '), text);

  const left = [];
  const root = document.querySelector(selector);
  if (!root) return [`nothing matches ${selector}`];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !el.checkVisibility() || el.closest('[lang="vi"]:not(html)')) continue;
    const rest = strip(n.textContent);
    if (VI.test(rest)) left.push(`${el.tagName.toLowerCase()}.${el.className}: ${n.textContent.trim()}`);
  }
  for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (el.closest('[lang="vi"]:not(html)')) continue;
    for (const a of ['aria-label', 'placeholder', 'title']) {
      const v = el.getAttribute(a);
      if (v && VI.test(strip(v))) left.push(`${el.tagName.toLowerCase()}[${a}]: ${v}`);
    }
  }
  return left;
}

test('language switch: English everywhere but the letters and user data, remembered after a reload', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: new Date('2026-06-01T00:00:00Z') });
  try {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    assert.match(await page.locator('[data-testid=tab-chung-thu]').innerText(), /Chứng thư số/);
    await page.locator('[data-testid=lang-en]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.locator('[data-testid=lang-en]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => localStorage.getItem('kyso.lang')), 'en');

    // Certificates: Vietnamese subjects, CA certificates, a file that is no certificate.
    await fillCertificates(page);
    const certLeft = await page.evaluate(vietnameseLeft, 'body');
    console.log(`certificates tab, English: ${certLeft.length} Vietnamese texts left`);
    assert.match(await page.locator('[data-testid=cert-card]').first().innerText(), /Serial number/);

    // Verify: a real decree signed six times, fixtures with allowed changes and none.
    await page.reload();
    await page.locator('[data-testid=tab-kiem-tra]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'remembered after a reload');
    await fillVerify(page);
    const verifyLeft = await page.evaluate(vietnameseLeft, 'body');
    console.log(`verify tab, English: ${verifyLeft.length} Vietnamese texts left`);
    assert.match(await page.locator('[data-testid=signature-result]').first().innerText(), /Signer/);

    // Letters: the page around them is English; the letters stay Vietnamese.
    await page.locator('[data-testid=tab-lap-van-ban]').click();
    await page.locator('[data-testid=form-select]').waitFor();
    const chromeLeft = [];
    for (const chrome of ['header.site', 'footer.site']) chromeLeft.push(...(await page.evaluate(vietnameseLeft, chrome)));
    console.log(`letters tab, English: ${chromeLeft.length} Vietnamese texts left in the header and footer`);
    // The tab's own words: a folder of mixed certificates fills Mẫu 01 (rows, problems,
    // the certificates left out, a notice), the preview open, the clear question asked.
    await page.locator('[data-testid=form-select]').selectOption('01');
    await page
      .locator('.forms-tab [data-testid=folder-input]')
      .setInputFiles(join(repo, 'tests', 'fixtures', 'forms', 'certs', 'mixed'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 2);
    await page.locator('[data-testid=left-out-item]').first().waitFor();
    await page.locator('[data-testid=preview-toggle]').click();
    await page.locator('[data-testid=letter-preview]').waitFor();
    await page.locator('[data-testid=clear-drafts]').click();
    await page.locator('[data-testid=clear-confirm]').waitFor();
    assert.match(await page.locator('[data-testid=form-select]').innerText(), /Form 01 — Certificates for individuals/);
    assert.match(await page.locator('[data-testid=forms-notice]').innerText(), /Read \d+ certificates/);
    const lettersLeft = await page.evaluate(vietnameseLeft, '.forms-tab');
    console.log(`letters tab, English: ${lettersLeft.length} Vietnamese texts left in the tab's own words`);
    for (const t of [...certLeft, ...verifyLeft, ...chromeLeft, ...lettersLeft]) console.log(`  left: ${t}`);
    assert.deepEqual(certLeft, [], 'certificate tab');
    assert.deepEqual(verifyLeft, [], 'verify tab');
    assert.deepEqual(chromeLeft, [], 'header and footer on the letters tab');
    assert.deepEqual(lettersLeft, [], 'letters tab (outside the letter and user data)');
    // The letter itself stays Vietnamese.
    assert.match(await page.locator('[data-testid=letter-preview]').innerText(), /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);

    // Back to Vietnamese.
    await page.locator('[data-testid=lang-vi]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    assert.match(await page.locator('[data-testid=tab-kiem-tra]').innerText(), /Kiểm tra chữ ký PDF/);
    check();
  } finally {
    await close();
  }
});
