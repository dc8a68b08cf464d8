// Loaded only by browsers that cannot run JavaScript modules (<script nomodule>), which
// are also too old for this page's WebAssembly: say so instead of "loading" forever,
// in the language chosen earlier in this browser (boot.js reads the same key).
// Deliberately ES5.
(function () {
  var en = false;
  try {
    en = /^en(-us|-gb)?$/.test(String(window.localStorage.getItem('kyso.lang') || '').toLowerCase());
  } catch (e) {}
  var text = en
    ? 'This browser is too old to run the page. It needs Chrome or Edge 97 or later, Firefox 102 or later, or a recent Cốc Cốc.'
    : 'Trình duyệt này quá cũ để chạy trang. Cần Chrome hoặc Edge 97 trở lên, Firefox 102 trở lên, hoặc Cốc Cốc bản mới.';
  var box = document.getElementById('kyso-boot-message');
  if (box) {
    box.className += ' boot-error';
    box.innerHTML = '';
    box.appendChild(document.createTextNode(text));
  }
  if (en) document.documentElement.lang = 'en';
})();
