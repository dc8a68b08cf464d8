// Benchmark (not a test): the SHA-256 worker's own speed, without a file being read
// beside it. Sends 100 MiB to kyso-hash-worker in the page's 16 MiB messages (made
// before the clock starts) and prints its busy time, three times.
//
//   node bench-sha.mjs        (after `trunk build --release`)
import { serve, browser } from './bench-common.mjs';
const { server, origin } = await serve();
const { page, close } = await browser();
await page.goto(`${origin}/#kiem-tra`);
await page.waitForTimeout(300);
for (let k = 0; k < 3; k++) {
const r = await page.evaluate(async () => {
  const w = new Worker('./kyso-hash-worker_loader.js');
  await new Promise((ok) => (w.onmessage = (e) => e.data.kind === 'ready' && ok()));
  const chunks = [];
  for (let i = 0; i < 100; i++) { const b = new Uint8Array(1 << 20); for (let j = 0; j < b.length; j += 997) b[j] = j & 255; chunks.push(b.buffer); }
  const t = performance.now();
  w.postMessage({ kind: 'begin', id: 1 });
  for (let i = 0; i < 100; i += 16) {
    // 16 MB messages like the page.
    const big = new Uint8Array(16 << 20 > (100 - i) << 20 ? (100 - i) << 20 : 16 << 20);
    for (let j = 0; j * (1 << 20) < big.length; j++) big.set(new Uint8Array(chunks[i + j]), j << 20);
    w.postMessage({ kind: 'chunk', id: 1, buffer: big.buffer }, [big.buffer]);
  }
  const done = new Promise((ok) => (w.onmessage = (e) => e.data.kind === 'done' && ok(e.data)));
  w.postMessage({ kind: 'end', id: 1 });
  const d = await done;
  const ms = performance.now() - t;
  w.terminate();
  return { ms, busy: d.busy_ms, mibs: 100 / (d.busy_ms / 1000) };
});
console.log(`worker SHA-256: 100 MiB in ${r.busy.toFixed(0)} ms busy (${r.ms.toFixed(0)} ms wall) = ${r.mibs.toFixed(0)} MiB/s (${(r.mibs * 1.048576).toFixed(0)} MB/s)`);
}
await close(); server.close();
