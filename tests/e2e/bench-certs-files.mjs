// Browser benchmark (not a test): the same N certificates dropped as one PEM bundle
// and as N separate .cer (DER) files, as a clerk drops a folder after a merger. Time
// from the drop until every certificate is read and validated and the first cards are
// drawn; median of 3 runs each, in fresh pages, side by side in the same run.
//
//   node bench-certs-files.mjs BUNDLE.pem     (scripts/bench.sh makes the bundle)
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, browser } from './bench-common.mjs';

const bundle = process.argv[2];
const pem = await readFile(bundle, 'latin1');
const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
const N = blocks.length;
const dir = join(tmpdir(), `kyso-bench-certs-${process.pid}`);
await mkdir(dir, { recursive: true });
const files = [];
for (const [i, der] of blocks.entries()) {
  const f = join(dir, `chung-thu-${String(i).padStart(4, '0')}.cer`);
  await writeFile(f, der);
  files.push(f);
}

const { server, origin } = await serve();
const { page, close } = await browser();

async function run(input) {
  await page.goto(origin + '/', { waitUntil: 'load' });
  await page.locator('[data-testid=dropzone]').waitFor();
  // From the input's change event (the browser has the files), measured in the page:
  // what the page does, without the test driver handing over 1,000 paths.
  await page.evaluate((n) => {
    window.__done = new Promise((ok) => {
      document.addEventListener('change', () => {
        const t0 = performance.now();
        const poll = () => {
          if (document.querySelector('[data-testid=summary]')?.dataset.total === String(n) && document.querySelector('[data-testid=cert-card]')) ok(performance.now() - t0);
          else setTimeout(poll, 5);
        };
        poll();
      }, { capture: true, once: true });
    });
  }, N);
  await page.locator('[data-testid=file-input]').setInputFiles(input);
  return Math.round(await page.evaluate(() => window.__done));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const one = [];
const many = [];
for (let i = 0; i < 3; i++) {
  one.push(await run([bundle]));
  many.push(await run(files));
}
await close();
server.close();
await rm(dir, { recursive: true, force: true });
console.log(`page in Chromium, ${N} certificates → all read and validated, first cards drawn:`);
console.log(`  one PEM bundle:        median ${median(one)} ms (runs: ${one.join(', ')} ms)`);
console.log(`  ${N} separate .cer files: median ${median(many)} ms (runs: ${many.join(', ')} ms)`);
