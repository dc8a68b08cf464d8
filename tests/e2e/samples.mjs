// What the accessibility and language tests show the page: a full certificate tab and
// a full verify tab (Vietnamese names, CA certificates, a file that is no certificate,
// a real decree signed six times, fixtures with and without changes), every folded
// section opened, so that every word and control of the tabs is on screen.

import { join } from 'node:path';
import { repo, shared, G1_LEAF, G2_LEAF, TRUST } from './harness.mjs';

export const signedFixtures = join(repo, 'tests', 'fixtures', 'signed');

/** Opens every folded section (twice: opening one can draw others). */
export async function unfold(page) {
  for (let round = 0; round < 2; round++) {
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details:not([open])')) d.open = true;
    });
    await page.waitForTimeout(200);
  }
}

/** On the certificate tab: nine certificates and a README, the built-in list open. */
export async function fillCertificates(page) {
  await page.locator('[data-testid=file-input]').setInputFiles([G2_LEAF, G1_LEAF, ...TRUST, join(repo, 'README.md')]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cert-card]').length >= 9);
  await page.locator('[data-testid=builtin-cas] summary').click();
  await page.locator('[data-testid=builtin-ca]').first().waitFor();
  await unfold(page);
}

/** Opens the verify tab and verifies three documents there. */
export async function fillVerify(page) {
  await page.locator('[data-testid=tab-kiem-tra]').click();
  const pdfs = [
    join(shared, 'corpora', 'real-world', 'vn-real', '50-2026-ND-CP.pdf'),
    join(signedFixtures, 'cades_rsa_pss_dss.pdf'),
    join(signedFixtures, 'pkcs7_rsa_sha256_norev.pdf'),
  ];
  await page.locator('[data-testid=file-input]').setInputFiles(pdfs);
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=document-result][data-state=done]').length === n,
    pdfs.length,
    { timeout: 120000 },
  );
  await unfold(page);
}
