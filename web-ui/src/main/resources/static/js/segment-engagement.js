// Behaviour rules in the segment builder (issue 20): "clicked / bought / replied ... in a
// campaign, in the last N days, ever, or in their last N texts". Adds the scope controls to
// a condition's row; the builder (segment-builder.js) keeps the rule and the live count.
(function () {
  'use strict';

  const SCOPED = ['ACTIVITY', 'TOTAL'];

  function el(tag, attributes, text) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(function ([name, value]) {
      if (value !== undefined && value !== null) {
        element.setAttribute(name, value);
      }
    });
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function scopeOf(condition) {
    if (condition.campaignId) {
      return 'campaign';
    }
    if (condition.withinDays) {
      return 'days';
    }
    if (condition.lastMessages) {
      return 'messages';
    }
    return 'ever';
  }

  function clear(condition) {
    condition.campaignId = null;
    condition.withinDays = null;
    condition.lastMessages = null;
  }

  // A new field starts without a scope; a behaviour rule starts "in the last 30 days".
  function reset(condition, kind) {
    clear(condition);
    if (kind === 'ACTIVITY') {
      condition.withinDays = 30;
    }
  }

  function renderScope(condition, kind, row, n, vocabulary, changed) {
    if (SCOPED.indexOf(kind) < 0) {
      clear(condition);
      return;
    }
    const scope = el('select', { class: 'form-select form-select-sm w-auto rule-scope', 'aria-label': 'When' });
    const choices = [['days', 'in the last … days'], ['ever', 'ever']];
    if ((vocabulary.campaigns || []).length > 0 || condition.campaignId) {
      choices.unshift(['campaign', 'in the campaign']);
    }
    if (condition.field === 'CLICKED') {
      choices.push(['messages', 'in their last … texts']);
    }
    const current = scopeOf(condition);
    choices.forEach(function ([value, label]) {
      const option = el('option', { value: value }, label);
      option.selected = value === current;
      scope.appendChild(option);
    });
    row.appendChild(scope);
    const detail = el('span', { class: 'd-inline-flex align-items-center gap-2 rule-scope-detail' });
    row.appendChild(detail);

    function renderDetail() {
      detail.replaceChildren();
      const which = scope.value;
      if (which === 'campaign') {
        const picker = el('select', { class: 'form-select form-select-sm w-auto rule-campaign', 'aria-label': 'Campaign' });
        (vocabulary.campaigns || []).forEach(function (campaign) {
          const option = el('option', { value: String(campaign.id) }, campaign.name);
          option.selected = String(condition.campaignId) === String(campaign.id);
          picker.appendChild(option);
        });
        if (condition.campaignId && !picker.value) {
          picker.appendChild(el('option', { value: String(condition.campaignId) }, 'campaign ' + condition.campaignId));
          picker.value = String(condition.campaignId);
        }
        condition.campaignId = picker.value ? Number(picker.value) : null;
        picker.addEventListener('change', function () { condition.campaignId = Number(picker.value); changed(); });
        detail.appendChild(picker);
        return;
      }
      if (which === 'days' || which === 'messages') {
        const key = which === 'days' ? 'withinDays' : 'lastMessages';
        const input = el('input', { type: 'number', min: '1', max: which === 'days' ? '3660' : '100',
          class: 'form-control form-control-sm rule-number', id: 'scope-' + n,
          'aria-label': which === 'days' ? 'Days' : 'Texts' });
        condition[key] = condition[key] || (which === 'days' ? 30 : 5);
        input.value = condition[key];
        input.addEventListener('input', function () {
          condition[key] = input.value ? Number(input.value) : null;
          changed();
        });
        detail.appendChild(input);
        detail.appendChild(el('span', { class: 'small' }, which === 'days' ? 'days' : 'texts'));
      }
    }

    scope.addEventListener('change', function () {
      clear(condition);
      renderDetail();
      changed();
    });
    renderDetail();
  }

  window.segmentEngagement = { reset: reset, renderScope: renderScope };
})();
