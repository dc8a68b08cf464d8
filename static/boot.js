// Starts the kyso page. Trunk writes the names of the (hashed) wasm-bindgen files into
// the data attributes of the <script> tag that loads this file, so the page needs no
// inline script and its CSP can stay "script-src 'self'".
const tag = document.querySelector('script[data-kyso-js]');

function fail(error) {
  const box = document.getElementById('kyso-boot-message');
  if (box) {
    box.textContent =
      'Không khởi động được trang (trình duyệt quá cũ hoặc thiếu tệp). ' +
      'Hãy dùng Chrome, Edge, Firefox hoặc Cốc Cốc bản mới. Chi tiết: ' +
      String(error);
    box.classList.add('boot-error');
  }
  console.error(error);
}

// The service worker (sw.js) keeps the page working offline. Browsers offer it only in
// a secure context (https, or http://localhost); on plain http the page simply needs
// the server, as before. When a new version was installed in the background while an
// older one ran, it takes over here, before the app starts, and the page reloads once:
// a running page never switches versions under its feet.
async function takeOverIfWaiting() {
  const sw = navigator.serviceWorker;
  if (!sw || !sw.controller) return false;
  const registration = await sw.getRegistration();
  const waiting = registration && registration.waiting;
  if (!waiting) return false;
  const switched = new Promise((resolve) => sw.addEventListener('controllerchange', resolve, { once: true }));
  waiting.postMessage('kyso-activate');
  // A worker that does not answer in time is left for next time; the page starts.
  const ok = await Promise.race([switched.then(() => true), new Promise((r) => setTimeout(r, 3000, false))]);
  if (ok) location.reload();
  return ok;
}

function register() {
  if (!navigator.serviceWorker) return;
  navigator.serviceWorker.register('./sw.js').catch((error) => {
    // Offline use is a convenience: the page works without it.
    console.warn('kyso: service worker not registered:', error);
  });
}

try {
  if (!(await takeOverIfWaiting().catch(() => false))) {
    const js = new URL(tag.dataset.kysoJs, document.baseURI);
    const wasm = new URL(tag.dataset.kysoWasm, document.baseURI);
    const { default: init } = await import(js.href);
    await init({ module_or_path: wasm });
    register();
  }
} catch (error) {
  fail(error);
}
