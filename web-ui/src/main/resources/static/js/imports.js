// The CSV import page: custom-attribute fields appear only for columns mapped to a custom
// attribute, the consent confirmation only when subscribing, and a running import's progress
// updates without reloading (CSP: no inline script).
(function () {
  'use strict';

  function toggleCustom(select) {
    const custom = document.getElementById('custom-' + select.id.substring('target-'.length));
    if (custom) {
      custom.hidden = select.value !== 'CUSTOM';
    }
  }
  document.querySelectorAll('select.column-target').forEach(function (select) {
    toggleCustom(select);
    select.addEventListener('change', function () { toggleCustom(select); });
  });

  // Subscribing imported people needs the importer's word, how consent was obtained and a
  // proof: the fields appear, and are required, only when "Subscribed" is chosen.
  const consent = document.getElementById('consent');
  const confirmation = document.getElementById('consent-confirmation');
  function toggleConsent() {
    const subscribing = consent.value === 'SUBSCRIBED';
    confirmation.hidden = !subscribing;
    ['consentConfirmed', 'consentObtained', 'consentProof'].forEach(function (id) {
      document.getElementById(id).required = subscribing;
    });
  }
  if (consent && confirmation) {
    toggleConsent();
    consent.addEventListener('change', toggleConsent);
  }

  const status = document.getElementById('import-status');
  const bar = document.getElementById('progress-bar');
  if (bar) {
    bar.style.width = bar.dataset.percent + '%';
  }
  if (!status || ['COMPLETED', 'FAILED'].includes(status.dataset.status)) {
    return;
  }
  const format = new Intl.NumberFormat('en-US');
  function poll() {
    fetch('/api/v1/contact-imports/' + status.dataset.import, { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (job) {
        bar.style.width = job.progressPercent + '%';
        bar.textContent = job.progressPercent + '%';
        bar.parentElement.setAttribute('aria-valuenow', job.progressPercent);
        ['created', 'updated', 'skipped', 'rejected', 'warnings'].forEach(function (id) {
          document.getElementById(id).textContent = format.format(job[id]);
        });
        document.getElementById('rows-read').textContent = format.format(job.rowsRead);
        if (job.status === 'COMPLETED' || job.status === 'FAILED') {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
