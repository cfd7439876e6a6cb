// Keeps a message's page current while it is on its way: polls the REST API (with the page's
// session) and redraws the status and history until the message reaches a final status.
(function () {
  'use strict';
  const page = document.getElementById('message');
  if (!page) {
    return;
  }
  const id = page.dataset.id;
  const finalStatuses = ['DELIVERED', 'UNDELIVERED', 'FAILED', 'SUPPRESSED', 'SKIPPED', 'CANCELED'];
  const badgeClass = (status) => status === 'DELIVERED' ? 'text-bg-success'
    : (status === 'FAILED' || status === 'UNDELIVERED') ? 'text-bg-danger'
      : status === 'UNKNOWN' ? 'text-bg-warning'
        : finalStatuses.includes(status) ? 'text-bg-secondary' : 'text-bg-info';
  const time = (iso) => new Date(iso).toISOString().substring(11, 19);

  function render(data) {
    const message = data.message;
    const badge = document.createElement('span');
    badge.className = 'badge ' + badgeClass(message.status);
    badge.dataset.status = message.status;
    badge.textContent = message.status.toLowerCase();
    document.getElementById('message-status').replaceChildren(badge);
    document.getElementById('message-attempts').textContent = message.attempts;
    document.getElementById('message-sid').textContent = message.providerSid || '—';
    document.getElementById('message-error').textContent = message.errorCode
      ? message.errorCode + ' ' + (message.errorDetail || '') : '—';
    const items = data.history.map((event) => {
      const item = document.createElement('li');
      item.className = 'list-group-item small';
      const strong = document.createElement('strong');
      strong.textContent = event.status.toLowerCase();
      item.append(strong, event.errorCode ? ' error ' + event.errorCode : '');
      const source = document.createElement('span');
      source.className = 'text-body-secondary';
      source.textContent = ' · ' + event.source.toLowerCase() + ' · ' + time(event.at);
      item.append(source);
      if (event.detail) {
        const detail = document.createElement('div');
        detail.className = 'text-body-secondary';
        detail.textContent = event.detail;
        item.append(detail);
      }
      return item;
    });
    document.getElementById('history').replaceChildren(...items);
    const empty = document.getElementById('no-history');
    if (empty && items.length > 0) {
      empty.remove();
    }
    return finalStatuses.includes(message.status);
  }

  async function poll() {
    try {
      const response = await fetch('/api/v1/messages/' + encodeURIComponent(id), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      });
      if (response.ok && render(await response.json())) {
        return;
      }
    } catch (ignored) {
      // offline for a moment: try again
    }
    setTimeout(poll, 1500);
  }

  setTimeout(poll, 1000);
}());
