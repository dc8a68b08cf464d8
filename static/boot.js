// Starts the kyso page. Trunk writes the names of the (hashed) wasm-bindgen files into
// the data attributes of the <script> tag that loads this file, so the page needs no
// inline script and its CSP can stay "script-src 'self'".
//
// A browser that can parse this file (Chrome/Edge/Firefox 89 and later: it uses
// top-level await, see the end) but lacks one of the wasm features below says "too
// old" instead of showing a compile error.
const tag = document.querySelector('script[data-kyso-js]');
// "boot.js runs": old-browser.js, which runs next, then leaves the message to this file.
document.documentElement.setAttribute('data-kyso-boot', '');

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
    updating: 'Đang chuyển sang phiên bản mới của trang…',
    tooOld:
      'Trình duyệt này quá cũ để chạy trang. Cần Chrome hoặc Edge 97 trở lên, Firefox 102 ' +
      'trở lên, hoặc Cốc Cốc bản mới.',
    failed:
      'Không khởi động được trang (trình duyệt quá cũ hoặc thiếu tệp). ' +
      'Hãy dùng Chrome, Edge, Firefox hoặc Cốc Cốc bản mới. Chi tiết: ',
  },
  en: {
    loading: 'Loading the page…',
    updating: 'Switching to the new version of the page…',
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
//
// No fixed guess of how long activation takes: the waiting worker answers at once
// ("kyso-activating", or "kyso-busy" when another tab still runs the old version), and
// the switch itself is the controllerchange event. Chromium activates the new worker only
// once the old one is idle: it asks the old one to go idle at once, but a request that
// reaches the old worker just then restarts it with the usual 30 s idle delay (CI saw
// this with the browser's own icon request, which is why index.html carries the icon
// inline). SWITCH_MS covers that delay; the page shows that it is switching meanwhile,
// and starts the old version only if no switch comes at all.
const ANSWER_MS = 10000;
const SWITCH_MS = 40000;

function within(ms, promise) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms, 'late'))]);
}

async function takeOverIfWaiting() {
  const sw = navigator.serviceWorker;
  if (!sw || !sw.controller) return false;
  const controller = sw.controller;
  const switched = new Promise((resolve) => sw.addEventListener('controllerchange', () => resolve('switched'), { once: true }));
  const answered = new Promise((resolve) => {
    sw.addEventListener('message', (event) => {
      if (event.data === 'kyso-activating' || event.data === 'kyso-busy') resolve(event.data);
    });
  });
  sw.startMessages();
  const registration = await sw.getRegistration();
  if (!registration) return false;
  let outcome;
  if (registration.waiting) {
    registration.waiting.postMessage('kyso-activate');
    outcome = await within(ANSWER_MS, Promise.race([switched, answered]));
  } else if (registration.active && registration.active !== controller) {
    // A newer version is already activating (no page of the old one was left): this
    // page, loaded by the old one, follows it.
    outcome = 'kyso-activating';
  } else {
    return false;
  }
  if (outcome === 'kyso-activating') {
    say(words.updating, false);
    outcome = await within(SWITCH_MS, switched);
  }
  if (outcome !== 'switched') return false;
  location.reload();
  return true;
}

function register() {
  if (!navigator.serviceWorker) return;
  navigator.serviceWorker.register('./sw.js').catch((error) => {
    // Offline use is a convenience: the page works without it.
    console.warn('kyso: service worker not registered:', error);
  });
}

// Top-level await on purpose: nothing else of the page runs until the hand-over to a
// waiting new version is decided (without it, Chromium kept the new worker waiting until
// the app ran: tests/e2e/offline.test.mjs failed one run in two). The load event does not
// wait for it. The price: browsers before Chrome and Firefox 89 cannot parse this file
// and stay on "loading" (README, supported browsers).
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
