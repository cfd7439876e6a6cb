// Campaign safety: launch and cancel ask first, in a dialog naming what they do (forms
// marked data-confirm="<dialog id>"); the form's plain submit, without this script, makes
// the server ask on a page of its own. On the campaign form, a fixed UTC moment is also
// shown in the browser's own time.
(function () {
  'use strict';

  function askFirst() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      var dialog = document.getElementById(form.dataset.confirm);
      if (!dialog || !window.bootstrap) {
        return;
      }
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        window.bootstrap.Modal.getOrCreateInstance(dialog).show();
      });
    });
  }

  function utcInLocalTime() {
    var input = document.getElementById('sendAt');
    var out = document.getElementById('sendAt-local');
    if (!input || !out) {
      return;
    }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    function show() {
      var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(input.value);
      if (!match) {
        out.textContent = '';
        return;
      }
      var moment = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]));
      out.textContent = 'That is ' + moment.toLocaleString(undefined, {
        weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'
      }) + ' in your time zone (' + zone + ').';
    }
    input.addEventListener('input', show);
    input.addEventListener('change', show);
    show();
  }

  document.addEventListener('DOMContentLoaded', function () {
    askFirst();
    utcInLocalTime();
  });
}());
