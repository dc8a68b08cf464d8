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

try {
  const js = new URL(tag.dataset.kysoJs, document.baseURI);
  const wasm = new URL(tag.dataset.kysoWasm, document.baseURI);
  const { default: init } = await import(js.href);
  await init({ module_or_path: wasm });
} catch (error) {
  fail(error);
}
