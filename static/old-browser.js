// Loaded only by browsers that cannot run JavaScript modules (<script nomodule>), which
// are also too old for this page's WebAssembly: say so instead of "loading" forever.
// Deliberately ES5.
(function () {
  var box = document.getElementById('kyso-boot-message');
  if (box) {
    box.className += ' boot-error';
    box.innerHTML = '';
    box.appendChild(
      document.createTextNode(
        'Trình duyệt này quá cũ để chạy trang. Hãy mở bằng Chrome, Edge, Firefox hoặc Cốc Cốc bản mới.'
      )
    );
  }
})();
