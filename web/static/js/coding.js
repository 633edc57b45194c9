// Coding a note (journal_code_note.tpl): progressive enhancement of the
// paragraph forms. Without this file each form codes its whole paragraph.
// With it, selecting text inside a paragraph fills the form's hidden
// `from`/`to` with the selection's offsets in that paragraph, counted in
// Unicode code points of the text the page shows (the server maps them to
// the stored note, coding.hpp stored_offset), and says which passage will be
// coded. The text is set through textContent, never parsed as HTML.
(function () {
  'use strict';
  if (!window.getSelection || !document.createRange) return;
  var forms = document.querySelectorAll('form.coding-form');
  if (!forms.length) return;

  // Code points of a JavaScript (UTF-16) string.
  function codePoints(text) { return Array.from(text).length; }

  // Code-point offset of (node, offset) from the start of `container`.
  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  function reset(form) {
    form.elements.from.value = '';
    form.elements.to.value = '';
    var status = form.querySelector('.coding-selection');
    if (status) status.textContent = form.getAttribute('data-whole-label') || '';
  }

  function onSelection() {
    var selection = window.getSelection();
    Array.prototype.forEach.call(forms, function (form) {
      var paragraph = form.querySelector('.coding-paragraph');
      if (!paragraph || !selection.rangeCount) return;
      var range = selection.getRangeAt(0);
      var inside = !range.collapsed && paragraph.contains(range.startContainer) && paragraph.contains(range.endContainer);
      if (!inside) {
        // A selection elsewhere on the page leaves a paragraph's own choice alone
        // unless it was collapsed inside it (a click: back to the whole paragraph).
        if (range.collapsed && paragraph.contains(range.startContainer)) reset(form);
        return;
      }
      var from = offsetIn(paragraph, range.startContainer, range.startOffset);
      var to = offsetIn(paragraph, range.endContainer, range.endOffset);
      if (to <= from) { reset(form); return; }
      form.elements.from.value = String(from);
      form.elements.to.value = String(to);
      var status = form.querySelector('.coding-selection');
      if (status) status.textContent = (form.getAttribute('data-selected-label') || '') + ' «' + range.toString() + '»';
    });
  }

  var timer = null;
  document.addEventListener('selectionchange', function () {
    clearTimeout(timer);
    timer = setTimeout(onSelection, 150);
  });
})();
