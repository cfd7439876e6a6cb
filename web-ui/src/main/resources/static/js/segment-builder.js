// The segment rule builder: edits the rule (nested ALL/ANY groups of conditions) as JSON in the
// hidden #rule field and shows the live count and a sample from the preview API while editing.
// DOM is built with createElement/textContent only, so no user text is ever parsed as HTML.
(function () {
  'use strict';

  const root = document.getElementById('rule-builder');
  const hidden = document.getElementById('rule');
  if (!root || !hidden) {
    return;
  }
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const CHOICES = {
    GENDER: [['FEMALE', 'female'], ['MALE', 'male'], ['DIVERSE', 'diverse']],
    CONSENT: [['SUBSCRIBED', 'subscribed'], ['PENDING', 'pending'], ['UNSUBSCRIBED', 'unsubscribed']],
    PHONE_TYPE: [['MOBILE', 'mobile'], ['FIXED_LINE_OR_MOBILE', 'fixed line or mobile'], ['FIXED_LINE', 'landline'],
      ['VOIP', 'VoIP']],
    PREFERRED_CHANNEL: [['SMS', 'SMS'], ['WHATSAPP', 'WhatsApp'], ['RCS', 'RCS']],
    WHATSAPP_CONSENT: [['OPTED_IN', 'opted in'], ['NONE', 'not given'], ['OPTED_OUT', 'opted out']]
  };
  const KIND_OF_TYPE = { TEXT: 'TEXT', NUMBER: 'NUMBER', DATE: 'DATE', BOOLEAN: 'BOOLEAN' };
  let vocabulary;
  let rule;
  let counter = 0;
  let timer;

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

  function option(value, label, selected) {
    const element = el('option', { value: value }, label);
    element.selected = !!selected;
    return element;
  }

  function fieldInfo(condition) {
    return vocabulary.fields.find(function (f) { return f.field === condition.field; });
  }

  function kindOf(condition) {
    if (condition.field === 'CUSTOM') {
      const attribute = vocabulary.customAttributes.find(function (a) { return a.key === condition.attribute; });
      return attribute ? KIND_OF_TYPE[attribute.type] : 'TEXT';
    }
    const info = fieldInfo(condition);
    return info ? info.kind : 'TEXT';
  }

  function operatorsOf(kind) {
    return vocabulary.kinds[kind] || [];
  }

  function arityOf(operator) {
    const info = vocabulary.operators.find(function (o) { return o.operator === operator; });
    return info ? info.arity : 1;
  }

  function newCondition() {
    return { type: 'condition', field: 'COUNTRY', operator: 'EQUALS', values: [''], attribute: null };
  }

  function renderGroup(group, parent, depth) {
    const box = el('div', { class: 'rule-group border rounded p-2 mb-2' + (depth > 0 ? ' ms-3' : ''), role: 'group' });
    const head = el('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2' });
    const id = 'combinator-' + (++counter);
    head.appendChild(el('label', { for: id, class: 'small' }, 'Contacts matching'));
    const combinator = el('select', { id: id, class: 'form-select form-select-sm w-auto combinator' });
    combinator.appendChild(option('ALL', 'all of these rules', group.combinator !== 'ANY'));
    combinator.appendChild(option('ANY', 'any of these rules', group.combinator === 'ANY'));
    combinator.addEventListener('change', function () { group.combinator = combinator.value; changed(); });
    head.appendChild(combinator);
    const addRule = el('button', { type: 'button', class: 'btn btn-sm btn-outline-primary add-rule' }, 'Add rule');
    addRule.addEventListener('click', function () { group.criteria.push(newCondition()); render(); changed(); });
    head.appendChild(addRule);
    if (depth < 4) {
      const addGroup = el('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary add-group' }, 'Add group');
      addGroup.addEventListener('click', function () {
        group.criteria.push({ type: 'group', combinator: 'ANY', criteria: [newCondition()] });
        render();
        changed();
      });
      head.appendChild(addGroup);
    }
    if (parent) {
      const remove = el('button', { type: 'button', class: 'btn btn-sm btn-link text-danger' }, 'Remove group');
      remove.addEventListener('click', function () {
        parent.criteria.splice(parent.criteria.indexOf(group), 1);
        render();
        changed();
      });
      head.appendChild(remove);
    }
    box.appendChild(head);
    if (group.criteria.length === 0) {
      box.appendChild(el('p', { class: 'small text-body-secondary mb-0' }, 'No rules: everyone matches.'));
    }
    group.criteria.forEach(function (child) {
      box.appendChild(child.type === 'group' ? renderGroup(child, group, depth + 1) : renderCondition(child, group));
    });
    return box;
  }

  function renderCondition(condition, group) {
    const row = el('div', { class: 'rule-condition d-flex flex-wrap align-items-center gap-2 mb-2' });
    const n = ++counter;
    const fieldSelect = el('select', { class: 'form-select form-select-sm w-auto rule-field', 'aria-label': 'Field' });
    vocabulary.fields.forEach(function (f) {
      if (f.field !== 'CUSTOM' && (f.field !== 'LIST' || vocabulary.lists.length > 0)) {
        fieldSelect.appendChild(option(f.field, f.label, condition.field === f.field));
      }
    });
    vocabulary.customAttributes.forEach(function (a) {
      fieldSelect.appendChild(option('CUSTOM:' + a.key, a.label + ' (custom)',
        condition.field === 'CUSTOM' && condition.attribute === a.key));
    });
    fieldSelect.addEventListener('change', function () {
      const value = fieldSelect.value;
      condition.field = value.startsWith('CUSTOM:') ? 'CUSTOM' : value;
      condition.attribute = value.startsWith('CUSTOM:') ? value.substring(7) : null;
      condition.operator = operatorsOf(kindOf(condition))[0];
      condition.values = [];
      window.segmentEngagement.reset(condition, kindOf(condition));
      render();
      changed();
    });
    row.appendChild(fieldSelect);

    const operatorSelect = el('select', { class: 'form-select form-select-sm w-auto rule-operator', 'aria-label': 'Comparison' });
    const operators = operatorsOf(kindOf(condition));
    if (!operators.includes(condition.operator)) {
      condition.operator = operators[0];
    }
    operators.forEach(function (o) {
      const info = vocabulary.operators.find(function (x) { return x.operator === o; });
      operatorSelect.appendChild(option(o, info ? info.label : o, condition.operator === o));
    });
    operatorSelect.addEventListener('change', function () {
      condition.operator = operatorSelect.value;
      render();
      changed();
    });
    row.appendChild(operatorSelect);

    renderValues(condition, row, n);
    window.segmentEngagement.renderScope(condition, kindOf(condition), row, n, vocabulary, changed);

    const remove = el('button', { type: 'button', class: 'btn btn-sm btn-link text-danger', 'aria-label': 'Remove rule' }, 'Remove');
    remove.addEventListener('click', function () {
      group.criteria.splice(group.criteria.indexOf(condition), 1);
      render();
      changed();
    });
    row.appendChild(remove);
    return row;
  }

  function renderValues(condition, row, n) {
    const arity = arityOf(condition.operator);
    const kind = kindOf(condition);
    if (arity === 0) {
      condition.values = [];
      return;
    }
    const choices = condition.field === 'LIST'
      ? vocabulary.lists.map(function (l) { return [String(l.id), l.name]; })
      : CHOICES[condition.field];
    if (choices && arity === -1) {
      const select = el('select', { class: 'form-select form-select-sm w-auto rule-value', multiple: 'multiple', 'aria-label': 'Values' });
      choices.forEach(function ([value, label]) { select.appendChild(option(value, label, condition.values.includes(value))); });
      select.addEventListener('change', function () {
        condition.values = Array.from(select.selectedOptions).map(function (o) { return o.value; });
        changed();
      });
      if (condition.values.length === 0 && choices.length > 0) {
        condition.values = [choices[0][0]];
        select.options[0].selected = true;
      }
      row.appendChild(select);
      return;
    }
    if (choices) {
      const select = el('select', { class: 'form-select form-select-sm w-auto rule-value', 'aria-label': 'Value' });
      choices.forEach(function ([value, label]) { select.appendChild(option(value, label, condition.values[0] === value)); });
      if (!choices.some(function ([value]) { return value === condition.values[0]; })) {
        condition.values = [choices[0][0]];
      }
      select.addEventListener('change', function () { condition.values = [select.value]; changed(); });
      row.appendChild(select);
      return;
    }
    const type = (kind === 'NUMBER' || kind === 'TOTAL') ? 'number' : ((kind === 'DATE' || kind === 'MOMENT') ? 'date' : 'text');
    const count = arity === 2 ? 2 : 1;
    if (arity === -1) {
      const input = el('input', { type: 'text', class: 'form-control form-control-sm w-auto rule-value',
        'aria-label': 'Values, separated by commas', placeholder: 'one, two, three' });
      input.value = condition.values.join(', ');
      input.addEventListener('input', function () {
        condition.values = input.value.split(',').map(function (v) { return v.trim(); }).filter(Boolean);
        changed();
      });
      row.appendChild(input);
      return;
    }
    condition.values = condition.values.slice(0, count);
    for (let i = 0; i < count; i++) {
      if (i === 1) {
        row.appendChild(el('span', { class: 'small' }, 'and'));
      }
      const input = el('input', { type: type, class: 'form-control form-control-sm w-auto rule-value',
        'aria-label': count === 2 ? (i === 0 ? 'From' : 'To') : 'Value', id: 'value-' + n + '-' + i });
      input.value = condition.values[i] || '';
      input.addEventListener('input', function () {
        condition.values[i] = input.value;
        changed();
      });
      row.appendChild(input);
    }
  }

  function render() {
    root.replaceChildren(renderGroup(rule, null, 0));
    hidden.value = JSON.stringify(rule);
  }

  function changed() {
    hidden.value = JSON.stringify(rule);
    window.clearTimeout(timer);
    timer = window.setTimeout(preview, 300);
  }

  // A rule still being filled in (a value left blank) is not counted: the last count stays.
  function incomplete(node) {
    if (node.type === 'group') {
      return node.criteria.some(incomplete);
    }
    const arity = arityOf(node.operator);
    const values = node.values || [];
    return arity !== 0 && (values.length < Math.max(arity, 1)
      || values.some(function (v) { return v === null || String(v).trim() === ''; }));
  }

  let retry = null;

  function preview() {
    clearTimeout(retry);
    if (incomplete(rule)) {
      document.getElementById('preview-time').textContent = 'Fill in every rule to count again.';
      return;
    }
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    const error = document.getElementById('preview-error');
    fetch('/api/v1/segments/preview', { method: 'POST', headers: headers, body: hidden.value })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, busy: response.status === 429,
            retryAfter: Number(response.headers.get('Retry-After')) || 5, body: body };
        });
      })
      .then(function (result) {
        if (result.busy) {
          // Heavy reads are bounded per instance: wait for a turn rather than show an error.
          document.getElementById('preview-time').textContent =
            'Busy with other counts: counting again in ' + result.retryAfter + ' s.';
          clearTimeout(retry);
          retry = setTimeout(preview, result.retryAfter * 1000);
          return;
        }
        if (!result.ok) {
          error.textContent = result.body.detail || 'The rule cannot be counted.';
          error.hidden = false;
          return;
        }
        error.hidden = true;
        const format = new Intl.NumberFormat('en-US');
        document.getElementById('reachable-count').textContent = format.format(result.body.count.reachable);
        document.getElementById('matching-count').textContent = format.format(result.body.count.matching);
        document.getElementById('preview-time').textContent = 'counted in ' + result.body.millis + ' ms';
        const sample = document.getElementById('sample');
        sample.replaceChildren();
        result.body.sample.forEach(function (contact) {
          const item = el('li');
          const link = el('a', { href: '/contacts/' + contact.id },
            ((contact.firstName || '') + ' ' + (contact.lastName || '')).trim() || contact.phoneNumber);
          item.appendChild(link);
          item.appendChild(document.createTextNode(' · ' + (contact.city || '—') + ' · ' + (contact.country || '—')));
          sample.appendChild(item);
        });
      })
      .catch(function () {
        error.textContent = 'The count could not be fetched.';
        error.hidden = false;
      });
  }

  fetch('/api/v1/segments/vocabulary', { headers: { Accept: 'application/json' } })
    .then(function (response) { return response.json(); })
    .then(function (body) {
      vocabulary = body;
      try {
        rule = JSON.parse(hidden.value || '{}');
      } catch (e) {
        rule = null;
      }
      if (!rule || rule.type !== 'group') {
        rule = { type: 'group', combinator: 'ALL', criteria: [] };
      }
      render();
      preview();
    })
    .catch(function () {
      root.textContent = 'The rule builder could not be loaded. Reload the page to try again.';
    });
})();
