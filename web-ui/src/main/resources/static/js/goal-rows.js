// Goal rows of the campaign form and page: adds and removes rows, and shows for the chosen
// measure its direction, unit, how it is measured and (conversions only) the event field.
// Without JavaScript the fixed blank rows work the same.
(function () {
  'use strict';

  function describe(row) {
    const select = row.querySelector('.goal-metric');
    const option = select.options[select.selectedIndex];
    const chosen = option && option.value !== '';
    row.querySelector('.goal-direction').textContent = chosen ? option.dataset.direction : '≥';
    row.querySelector('.goal-unit').textContent = chosen ? option.dataset.unit : '';
    row.querySelector('.goal-how').textContent = chosen ? option.dataset.how
      : 'Choose a measure: each says how it is counted.';
    const takesEvent = chosen && option.dataset.event === 'true';
    row.querySelector('.goal-event-col').classList.toggle('goal-event-unused', chosen && !takesEvent);
  }

  function renumber(container) {
    container.querySelectorAll('.goal-row').forEach((row, index) => {
      const n = index + 1;
      row.querySelector('.goal-metric').setAttribute('aria-label', 'Goal ' + n + ': what it measures');
      row.querySelector('.goal-event').setAttribute('aria-label', 'Goal ' + n + ': conversion event (empty: every event)');
      row.querySelector('.goal-target').setAttribute('aria-label', 'Goal ' + n + ': target');
      row.querySelector('.goal-remove').setAttribute('aria-label', 'Remove goal ' + n);
    });
  }

  function clear(row) {
    row.querySelector('.goal-metric').value = '';
    row.querySelector('.goal-event').value = '';
    row.querySelector('.goal-target').value = '';
    describe(row);
  }

  function setUp(container) {
    const fieldset = container.closest('fieldset');
    if (fieldset && fieldset.disabled) {
      return; // judged: read-only
    }
    const add = container.querySelector('.goal-add');
    add.classList.remove('d-none');
    container.querySelectorAll('.goal-remove').forEach((button) => button.classList.remove('d-none'));
    container.addEventListener('change', (event) => {
      if (event.target.classList.contains('goal-metric')) {
        describe(event.target.closest('.goal-row'));
      }
    });
    container.addEventListener('click', (event) => {
      const remove = event.target.closest('.goal-remove');
      if (!remove) {
        return;
      }
      const rows = container.querySelectorAll('.goal-row');
      const row = remove.closest('.goal-row');
      if (rows.length > 1) {
        row.remove();
        renumber(container);
        container.querySelector('.goal-row .goal-metric').focus();
      }
      else {
        clear(row);
      }
    });
    add.addEventListener('click', () => {
      const rows = container.querySelectorAll('.goal-row');
      const row = rows[rows.length - 1].cloneNode(true);
      clear(row);
      add.before(row);
      renumber(container);
      row.querySelector('.goal-metric').focus();
    });
  }

  document.querySelectorAll('[data-goal-rows]').forEach(setUp);
})();
