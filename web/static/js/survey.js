// The survey form (monitoring_survey.tpl), progressive enhancement only: the
// page works the same without this file (the search is a GET form, each
// organisation's form a normal POST).
// - htmx (loaded before this file) saves an organisation's form in place; a
//   422 answer (the form back with the input and a message) is swapped in
//   too, and htmx adds no inline styles (the CSP allows none).
// - Typing in the search box hides, as you type, the organisations of the list
//   whose folded name does not contain the folded text.
(function () {
  'use strict';
  if (window.htmx) {
    window.htmx.config.includeIndicatorStyles = false;
    window.htmx.config.responseHandling = [
      { code: '2..', swap: true },
      { code: '422', swap: true },
      { code: '...', swap: false, error: true },
    ];
  }
  var input = document.getElementById('survey-q');
  var list = document.getElementById('survey-list');
  if (!input || !list) return;
  var none = document.querySelector('.survey-live-none');

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  }

  input.addEventListener('input', function () {
    var q = fold(input.value);
    var shown = 0;
    list.querySelectorAll('details.survey-org').forEach(function (item) {
      var match = q === '' || (item.getAttribute('data-name') || '').indexOf(q) >= 0;
      item.hidden = !match;
      if (match) shown++;
    });
    if (none) none.hidden = shown > 0;
  });
})();
