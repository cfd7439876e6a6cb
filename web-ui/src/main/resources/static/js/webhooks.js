// Admin › Webhooks: the event checkboxes show only when "Only these" is chosen, and
// deleting an endpoint or rotating its secret asks first (both cannot be undone).
(() => {
  'use strict';

  document.querySelectorAll('.webhook-scope').forEach((fieldset) => {
    const prefix = fieldset.dataset.prefix;
    const chosen = document.getElementById(prefix + '-scope-chosen');
    const types = document.getElementById(prefix + '-types');
    if (!chosen || !types) {
      return;
    }
    const sync = () => {
      types.hidden = !chosen.checked;
    };
    fieldset.querySelectorAll('input[type=radio]').forEach((radio) => radio.addEventListener('change', sync));
    sync();
  });

  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
})();
