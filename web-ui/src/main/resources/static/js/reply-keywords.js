// Reply keyword rows of the campaign form: adds and removes rows. Without JavaScript the
// blank row works the same (one keyword more per save).
(function () {
  'use strict';

  const LABELS = {
    '.keyword-word': ': the word',
    '.keyword-variant': ': for which text',
    '.keyword-list': ': add the person to a list',
    '.keyword-answer': ': automatic answer (optional)'
  };

  function renumber(container) {
    container.querySelectorAll('.keyword-row').forEach((row, index) => {
      const n = index + 1;
      Object.entries(LABELS).forEach(([selector, label]) => {
        row.querySelector(selector).setAttribute('aria-label', 'Keyword ' + n + label);
      });
      row.querySelector('.keyword-remove').setAttribute('aria-label', 'Remove keyword ' + n);
    });
  }

  function clear(row) {
    row.querySelector('.keyword-word').value = '';
    row.querySelector('.keyword-word').classList.remove('is-invalid');
    row.querySelector('.keyword-variant').value = '';
    row.querySelector('.keyword-list').value = '';
    row.querySelector('.keyword-answer').value = '';
  }

  function setUp(container) {
    const add = container.querySelector('.keyword-add');
    add.classList.remove('d-none');
    container.querySelectorAll('.keyword-remove').forEach((button) => button.classList.remove('d-none'));
    add.addEventListener('click', () => {
      const rows = container.querySelectorAll('.keyword-row');
      if (rows.length >= 10) {
        return; // the most a campaign may declare
      }
      const copy = rows[rows.length - 1].cloneNode(true);
      clear(copy);
      add.before(copy);
      renumber(container);
      copy.querySelector('.keyword-word').focus();
    });
    container.addEventListener('click', (event) => {
      const remove = event.target.closest('.keyword-remove');
      if (!remove) {
        return;
      }
      const row = remove.closest('.keyword-row');
      if (container.querySelectorAll('.keyword-row').length > 1) {
        row.remove();
        renumber(container);
      }
      else {
        clear(row);
      }
      container.querySelector('.keyword-row .keyword-word').focus();
    });
  }

  document.querySelectorAll('[data-keyword-rows]').forEach(setUp);
}());
