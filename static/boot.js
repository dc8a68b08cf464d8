// Starts the kyso page. Trunk writes the names of the (hashed) wasm-bindgen files into
// the data attributes of the <script> tag that loads this file, so the page needs no
// inline script and its CSP can stay "script-src 'self'".
//
// A browser that can parse this file (Chrome/Edge/Firefox 89 and later: it uses
// top-level await, see the end) but lacks one of the wasm features below says "too
// old" instead of showing a compile error.
const tag = document.querySelector('script[data-kyso-js]');

// The language chosen in the page's header (src/web/lang.rs keeps it under this key);
// Vietnamese unless English was chosen.
function storedLang() {
  try {
    const v = (window.localStorage.getItem('kyso.lang') || '').trim().toLowerCase();
    return v === 'en' || v === 'en-us' || v === 'en-gb' ? 'en' : 'vi';
  } catch (e) {
    return 'vi'; // storage switched off by policy
  }
}

const WORDS = {
  vi: {
    loading: 'Đang tải trang…',
    tooOld:
      'Trình duyệt này quá cũ để chạy trang. Cần Chrome hoặc Edge 97 trở lên, Firefox 102 ' +
      'trở lên, hoặc Cốc Cốc bản mới.',
    failed:
      'Không khởi động được trang (trình duyệt quá cũ hoặc thiếu tệp). ' +
      'Hãy dùng Chrome, Edge, Firefox hoặc Cốc Cốc bản mới. Chi tiết: ',
  },
  en: {
    loading: 'Loading the page…',
    tooOld:
      'This browser is too old to run the page. It needs Chrome or Edge 97 or later, ' +
      'Firefox 102 or later, or a recent Cốc Cốc.',
    failed:
      'The page could not start (the browser is too old or a file is missing). ' +
      'Use a recent Chrome, Edge, Firefox or Cốc Cốc. Details: ',
  },
};
const lang = storedLang();
const words = WORDS[lang];

function say(text, isError) {
  const box = document.getElementById('kyso-boot-message');
  if (!box) return;
  box.textContent = text;
  if (isError) box.classList.add('boot-error');
}

if (lang === 'en') {
  document.documentElement.lang = 'en';
  say(words.loading, false);
}

function fail(error) {
  say(words.failed + String(error), true);
  console.error(error);
}

// The WebAssembly features the release build uses (wasm-opt --detect-features on the
// built .wasm: sign-ext, non-trapping float-to-int, bulk memory, reference types,
// multi-value; mutable globals come with all of them). One tiny module per feature, each
// valid only where the feature is (tests/e2e/boot.test.mjs checks both halves with
// binaryen). Without one of them the page's module does not compile, and the user would
// read a compile error: say plainly that the browser is too old instead.
const WASM_FEATURES = {
  // (func (drop (i32.extend8_s (i32.const 0))))
  signExtension: [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 192, 26, 11],
  // (func (drop (i32.trunc_sat_f32_s (f32.const 0))))
  nonTrappingFloatToInt: [
    0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 12, 1, 10, 0, 67, 0, 0, 0, 0, 252, 0, 26, 11,
  ],
  // (memory 1) (func (memory.copy (i32.const 0) (i32.const 0) (i32.const 0)))
  bulkMemory: [
    0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 14, 1, 12, 0, 65, 0, 65, 0, 65, 0,
    252, 10, 0, 0, 11,
  ],
  // (func (drop (ref.null func)))
  referenceTypes: [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 7, 1, 5, 0, 208, 112, 26, 11],
  // (func (result i32 i32) (i32.const 0) (i32.const 0))
  multiValue: [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 65, 0, 11],
};

function missingWasmFeatures() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return ['WebAssembly'];
  return Object.keys(WASM_FEATURES).filter((name) => {
    try {
      return !WebAssembly.validate(new Uint8Array(WASM_FEATURES[name]));
    } catch (e) {
      return true;
    }
  });
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

// Top-level await on purpose: while this module runs, the page's load event waits, and
// a new version waiting in the service worker is handed over reliably before anything
// else happens (without it, Chromium kept the new worker waiting until the app ran:
// tests/e2e/offline.test.mjs failed one run in two). The price: browsers before Chrome
// and Firefox 89 cannot parse this file and stay on "loading" (README, supported browsers).
try {
  const missing = missingWasmFeatures();
  if (missing.length > 0) {
    say(words.tooOld, true);
    console.error('kyso: this browser lacks WebAssembly features:', missing.join(', '));
  } else if (!(await takeOverIfWaiting().catch(() => false))) {
    const js = new URL(tag.dataset.kysoJs, document.baseURI);
    const wasm = new URL(tag.dataset.kysoWasm, document.baseURI);
    const { default: init } = await import(js.href);
    await init({ module_or_path: wasm });
    register();
  }
} catch (error) {
  fail(error);
}
