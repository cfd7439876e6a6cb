// Keeps a launched campaign's page current while it sends: asks the page's JSON figures
// (with the page's session) every few seconds and redraws the counts and the status, until
// the campaign is no longer sending (completed or cancelled). CSP forbids inline scripts.
(function () {
  'use strict';
  const section = document.getElementById('launch-summary');
  if (!section || section.dataset.sending !== 'true') {
    return;
  }
  const url = section.dataset.liveUrl;
  const every = 3000;
  const number = new Intl.NumberFormat('en-US');
  const badgeClass = {
    SENDING: 'text-bg-primary', COMPLETED: 'text-bg-success', PAUSED: 'text-bg-warning',
    CANCELLED: 'text-bg-secondary', SCHEDULED: 'text-bg-info', DRAFT: 'text-bg-light border'
  };
  const figures = {
    recipients: 'live-recipients', pending: 'live-pending', sent: 'live-sent',
    delivered: 'live-delivered', failed: 'live-failed', humanClickers: 'live-clickers'
  };

  function render(live) {
    Object.entries(figures).forEach(([name, id]) => {
      const element = document.getElementById(id);
      if (element) {
        element.textContent = number.format(live[name]);
      }
    });
    const badge = document.querySelector('#campaign-status .badge');
    if (badge && badge.dataset.status !== live.status) {
      badge.dataset.status = live.status;
      badge.className = 'badge ' + (badgeClass[live.status] || '');
      badge.textContent = live.status.toLowerCase();
    }
    const counts = document.getElementById('launch-counts');
    if (counts && !live.launchFinished) {
      counts.textContent = 'Writing the messages: ' + number.format(live.recipients)
        + ' recipients so far. The figures below fill in as it goes.';
    } else if (counts && live.launchFinished && counts.dataset.done !== 'true') {
      const by = document.getElementById('launch-by');
      by.textContent = by.textContent.replace(' — writing messages…', '');
      counts.dataset.done = 'true';
      counts.textContent = number.format(live.recipients) + ' recipients: '
        + number.format(live.messages) + ' messages written.';
    }
    const byStatus = document.getElementById('message-counts');
    if (byStatus) {
      const parts = Object.entries(live.byStatus)
        .map(([status, count]) => status.toLowerCase() + ' ' + count);
      byStatus.textContent = 'Messages now: ' + parts.join(', ');
    }
    if (!live.sending) {
      document.getElementById('live-note').textContent =
        'Final figures of the sending; the dashboard has rates, conversions and money.';
    }
    return live.sending;
  }

  async function poll() {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok && !render(await response.json())) {
        return;
      }
    } catch (ignored) {
      // offline for a moment: try again
    }
    setTimeout(poll, every);
  }

  setTimeout(poll, every);
}());
