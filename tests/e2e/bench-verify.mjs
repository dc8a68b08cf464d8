// Benchmark (not a test): time-to-verdict and memory of verifying one large signed PDF
// in the page, in headless Chromium.
//
//   node bench-verify.mjs FILE.pdf [--wasm|--main]     (after `trunk build --release`)
//   node make-big-pdf.mjs /tmp/big.pdf 100 && node bench-verify.mjs /tmp/big.pdf --wasm
//
// --wasm forces the pure-WebAssembly SHA path (`?hash=wasm`), as on a plain-http
// intranet without WebCrypto: the SHA-256 worker hashes while the file is read.
// --main (`?hash=main`) also keeps the worker out: everything on the page's thread, as
// in a browser that cannot start the worker. Otherwise the page may use WebCrypto
// (127.0.0.1 is a secure context) for ranges up to its copy limit. Prints the page's own timings
// (read, plan, hash, finish), SHA throughput, and the peaks of the JS heap and of the
// browser's resident memory, beside `pdfsig` on the same file when it is installed.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { serve, browser, sampler, rss, MB } from './bench-common.mjs';

const file = process.argv[2];
const mode = process.argv.includes('--main') ? 'main' : process.argv.includes('--wasm') ? 'wasm' : null;
if (!file) {
  console.error('usage: node bench-verify.mjs FILE.pdf [--wasm|--main]');
  process.exit(1);
}
const size = statSync(file).size;
const { server, origin } = await serve();
const { page, profile, close } = await browser();
try {
  await page.goto(`${origin}/${mode ? `?hash=${mode}` : ''}#kiem-tra`, { waitUntil: 'load' });
  await page.locator('[data-testid=dropzone]').waitFor();
  const idle = rss(profile);
  const s = sampler(page, profile, 50);
  const t0 = Date.now();
  await page.locator('[data-testid=file-input]').setInputFiles([file]);
  await page.waitForFunction(
    () => {
      const d = document.querySelector('[data-testid=document-result]');
      return d && (d.dataset.state === 'done' || d.dataset.state === 'failed');
    },
    null,
    { timeout: 600000, polling: 20 },
  );
  const wall = Date.now() - t0;
  const peak = await s.done();
  const d = await page.locator('[data-testid=document-result]').evaluate((e) => ({ ...e.dataset }));
  const sigs = await page.locator('[data-testid=signature-result]').evaluateAll((x) => x.map((e) => e.dataset.indication));
  // The worker hashes while the file is read: its own busy time is the honest
  // denominator (the page's "hash" phase is only what was left after parsing).
  const hashTime = d.workerMs ? Number(d.workerMs) : Number(d.hashMs);
  const hashMBs = Number(d.hashedBytes) / MB / (hashTime / 1000);
  console.log(`file            ${file} (${(size / MB).toFixed(1)} MiB)`);
  console.log(`verdict         ${d.summary} [${sigs.join(', ')}] state=${d.state}`);
  console.log(`time-to-verdict ${wall} ms (wall, from file pick); in page ${d.totalMs} ms`);
  console.log(`  read ${d.readMs} ms · plan ${d.planMs} ms · hash ${d.hashMs} ms (${d.hashEngine}) · finish ${d.finishMs} ms${d.workerMs ? ` · worker busy ${d.workerMs} ms (overlaps reading)` : ""}`);
  console.log(`SHA throughput  ${hashMBs.toFixed(0)} MiB/s over ${(Number(d.hashedBytes) / MB).toFixed(1)} MiB (${d.hashEngine}${d.workerMs ? ', over the worker\'s busy time, while the file was being read' : ''})`);
  console.log(`peak JS heap    ${(peak.heap / MB).toFixed(1)} MiB`);
  console.log(`peak RSS        renderer ${(peak.rssMax / 1024).toFixed(0)} MiB · all browser processes ${(peak.rssTotal / 1024).toFixed(0)} MiB (idle before: ${(idle.max / 1024).toFixed(0)} / ${(idle.total / 1024).toFixed(0)} MiB)`);
  console.log(`  renderer growth ${((peak.rssMax - idle.max) / 1024).toFixed(0)} MiB for a ${(size / MB).toFixed(0)} MiB file (target ≤ file + 64 MiB)`);
  try {
    const t = Date.now();
    execFileSync('pdfsig', [file], { stdio: 'ignore' });
    console.log(`pdfsig          ${Date.now() - t} ms (same file)`);
  } catch {}
} finally {
  await close();
  server.close();
}
