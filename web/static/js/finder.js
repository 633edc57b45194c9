// Service finder: as-you-type suggestions for the search box (progressive
// enhancement: the form works the same without this file). Fills the
// <datalist> of input#q from GET /services/suggest?q=... (JSON), building
// <option> elements through the DOM, so suggestion text is never parsed as HTML.
(function () {
  'use strict';
  var input = document.getElementById('q');
  var list = document.getElementById('q-suggestions');
  if (!input || !list || !window.fetch) return;
  var url = input.getAttribute('data-suggest-url');
  if (!url) return;
  var timer = null;
  var controller = null;
  var last = '';

  function show(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (text) {
      var option = document.createElement('option');
      option.value = String(text);
      list.appendChild(option);
    });
  }

  function ask(prefix) {
    if (controller && controller.abort) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var sep = url.indexOf('?') >= 0 ? '&' : '?';
    fetch(url + sep + 'q=' + encodeURIComponent(prefix), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: controller ? controller.signal : undefined,
    }).then(function (res) {
      return res.ok ? res.json() : { suggestions: [] };
    }).then(function (data) {
      if (input.value.trim() === prefix) show(Array.isArray(data.suggestions) ? data.suggestions : []);
    }).catch(function () { /* aborted or offline: keep the old suggestions */ });
  }

  input.addEventListener('input', function () {
    var prefix = input.value.trim();
    if (prefix === last) return;
    last = prefix;
    clearTimeout(timer);
    if (prefix.length < 2) { show([]); return; }
    timer = setTimeout(function () { ask(prefix); }, 200);
  });
})();
