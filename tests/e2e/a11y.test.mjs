// Accessibility: axe-core (npm, pinned in package.json) on every tab, keyboard use of
// the tabs and the drop zones with a visible focus, and verdicts that do not rest on
// colour alone.
//
// axe is put into the page by the test only, through the DevTools protocol
// (page.evaluate of its source): the page's own origin serves nothing new and its CSP
// (script-src 'self', no inline script) stays as it is.
//
//   cd tests/e2e && node --test a11y.test.mjs     (after `trunk build --release`)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { site, openPage, G1_LEAF, G2_LEAF } from './harness.mjs';
import { fillCertificates, fillVerify, signedFixtures, unfold } from './samples.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page (or `include`), prints every violation, returns them. */
async function axe(page, name, include) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (include) => {
    const r = await window.axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, include ?? null);
  console.log(`axe, ${name}: ${violations.length} rules violated`);
  for (const v of violations) console.log(`  [${v.impact}] ${v.id} (${v.nodes}×): ${v.help} — ${v.where.join(' | ')}`);
  return violations;
}

const severe = (vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

test('axe: no serious or critical violation on the certificate and verify tabs, in both languages', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ now: new Date('2026-06-01T00:00:00Z') });
  try {
    assert.deepEqual(severe(await axe(page, 'certificate tab, empty')), []);
    await fillCertificates(page);
    assert.deepEqual(severe(await axe(page, 'certificate tab, 9 cards, built-in CAs open')), []);

    await fillVerify(page);
    assert.deepEqual(severe(await axe(page, 'verify tab, 3 documents')), []);

    await page.locator('[data-testid=lang-en]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await unfold(page);
    assert.deepEqual(severe(await axe(page, 'verify tab, English')), []);
    check();
  } finally {
    await close();
  }
});

test('axe: no serious or critical violation on the letters tab', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage({ path: '/#lap-van-ban' });
  try {
    await page.locator('[data-testid=form-select]').waitFor();
    await page.locator('[data-testid=form-select]').selectOption('04');
    await page.locator('[data-testid=file-input]').setInputFiles([G2_LEAF, G1_LEAF]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=form-row]').length === 2);
    await unfold(page);
    // The letters' own content is being rewritten (issue 11, letters part): whatever
    // axe finds there is printed; serious and critical findings fail here too.
    assert.deepEqual(severe(await axe(page, 'letters tab, form 04 with 2 rows')), []);
    check();
  } finally {
    await close();
  }
});

test('keyboard: tabs by arrow keys, drop zones open the picker with Enter and Space, focus is visible', async () => {
  site.trustBundle = null;
  const { page, check, close } = await openPage();
  try {
    // One tab stop for the tab list; the arrows move and open (WAI-ARIA tabs pattern).
    const tabindex = await page.locator('[role=tab]').evaluateAll((ts) => ts.map((t) => t.getAttribute('tabindex')));
    assert.deepEqual(tabindex, ['0', '-1', '-1']);
    await page.locator('[data-testid=tab-chung-thu]').focus();
    const focused = () => page.evaluate(() => document.activeElement?.id);
    const tab = () => page.evaluate(() => document.querySelector('main')?.dataset.tab);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('main')?.dataset.tab === 'kiem-tra');
    assert.equal(await focused(), 'tab-kiem-tra');
    assert.equal(await page.locator('#tab-kiem-tra').getAttribute('aria-selected'), 'true');
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector('main')?.dataset.tab === 'lap-van-ban');
    assert.equal(await focused(), 'tab-lap-van-ban');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('main')?.dataset.tab === 'chung-thu');
    assert.equal(await focused(), 'tab-chung-thu');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('main')?.dataset.tab === 'lap-van-ban');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('main')?.dataset.tab === 'chung-thu');
    assert.equal(await tab(), 'chung-thu');
    // The focused tab has a visible outline.
    const tabOutline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(tabOutline, 'none');

    // From the tab, Tab reaches the drop zone's picker; Enter and Space open it.
    // Playwright turns on file-chooser interception only once a 'filechooser'
    // listener exists, and asynchronously: a key pressed before it is on opens
    // headless Chromium's own picker, which cancels at once, and the event never
    // comes (this failed one run in two). A listener from here on makes sure it
    // is on well before the first key.
    page.on('filechooser', () => {});
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    for (const key of ['Enter', ' ']) {
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.dataset.testid === 'file-input')) break;
      }
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'file-input', 'Tab reaches the picker');
      const outline = await page.evaluate(() => {
        const label = document.activeElement.closest('label');
        return getComputedStyle(label).outlineStyle;
      });
      assert.notEqual(outline, 'none', 'the picker button shows the focus');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), page.keyboard.press(key)]);
      await chooser.setFiles([G2_LEAF]);
      await page.locator('[data-testid=cert-card]').first().waitFor();
      await page.locator('[data-testid=tab-chung-thu]').focus();
    }
    check();
  } finally {
    await close();
  }
});

test('verdicts are not told by colour alone: every verdict has an icon and words', async () => {
  site.trustBundle = null;
  const expected = JSON.parse(await readFile(join(signedFixtures, 'expected.json'), 'utf8'));
  const { page, check, close } = await openPage({ now: new Date(expected.validation_time), path: '/#kiem-tra' });
  try {
    const names = ['pkcs7_rsa_sha256_crl.pdf', 'pkcs7_rsa_sha256_norev.pdf', 'cades_rsa_pss_dss.pdf'];
    await page.locator('[data-testid=file-input]').setInputFiles(names.map((n) => join(signedFixtures, n)));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=document-result][data-state=done]').length === 3);
    const panels = await page.locator('[data-testid=signature-result]').evaluateAll((ps) =>
      ps.map((p) => ({
        icon: p.querySelector('.verdict-icon')?.textContent.trim(),
        headline: p.querySelector('[data-testid=headline]')?.textContent.trim(),
        checks: [...p.querySelectorAll('.check-status')].map((c) => c.textContent.trim()),
      })),
    );
    assert.ok(panels.length >= 3);
    for (const p of panels) {
      assert.match(p.icon, /^[✔✖?]$/, JSON.stringify(p));
      assert.ok(p.headline.length > 10, JSON.stringify(p));
      for (const c of p.checks) assert.match(c, /^[✔✖!?] \S/, `check status "${c}" starts with an icon`);
    }
    const summaries = await page.locator('[data-testid=doc-summary]').evaluateAll((s) =>
      s.map((x) => [x.querySelector('.icon')?.textContent.trim(), x.textContent.trim()]),
    );
    for (const [icon, text] of summaries) {
      assert.match(icon, /^[✔✖?]$/);
      assert.ok(text.length > 5);
    }
    check();
  } finally {
    await close();
  }
});
