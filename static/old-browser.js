// The page's last word when boot.js did not run: it says why instead of "loading"
// forever, in the language chosen earlier in this browser (boot.js reads the same key).
//
// Loaded by every browser, as a classic deferred script after boot.js: deferred and
// module scripts run in document order, so by now boot.js has either started (it marks
// <html data-kyso-boot>) or never will. It never will in
// - browsers without JavaScript modules (before Chrome 61, Firefox 60): too old;
// - browsers with modules but without top-level await (Chrome/Edge 61–88, Firefox
//   60–88), which cannot even parse boot.js: too old as well, the page needs Chrome or
//   Edge 97 and Firefox 102 (README, supported browsers);
// - any browser when boot.js is missing or blocked on the server: a file is missing.
// The last two cannot be told apart here, so such a browser reads both causes.
// Deliberately ES5.
(function () {
  var root = document.documentElement;
  if (root.hasAttribute('data-kyso-boot')) return; // boot.js runs and speaks for itself
  var en = false;
  try {
    en = /^en(-us|-gb)?$/.test(String(window.localStorage.getItem('kyso.lang') || '').toLowerCase());
  } catch (e) {}
  var modules = 'noModule' in document.createElement('script');
  var needs = en
    ? ' It needs Chrome or Edge 97 or later, Firefox 102 or later, or a recent Cốc Cốc.'
    : ' Cần Chrome hoặc Edge 97 trở lên, Firefox 102 trở lên, hoặc Cốc Cốc bản mới.';
  var text;
  if (!modules) {
    text = (en ? 'This browser is too old to run the page.' : 'Trình duyệt này quá cũ để chạy trang.') + needs;
  } else {
    text =
      (en
        ? 'This browser is too old to run the page, or a file of the page (boot.js) is missing on the server.'
        : 'Trình duyệt này quá cũ để chạy trang, hoặc máy chủ thiếu một tệp của trang (boot.js).') + needs;
  }
  var box = document.getElementById('kyso-boot-message');
  if (box) {
    box.className += ' boot-error';
    box.innerHTML = '';
    box.appendChild(document.createTextNode(text));
  }
  if (en) root.lang = 'en';
})();
