// The campaign composer: a live character, encoding and segment counter per variant (counted as
// the server's SmsText counts, on the text as it is sent), the characters that force Unicode with
// a one-click fix, insert buttons for merge fields and tracked links, a phone preview rendered by
// the server for real recipients, the searchable audience picker with its live reach, and the A/B
// settings shown only when A/B is on. Without this script the form still works: the picker is
// plain checkboxes and everything is submitted as typed.
(function () {
  'use strict';

  // GSM 03.38: the basic table costs one septet, the extension table two (as SmsText).
  const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  const GSM_EXTENSION = '^{}\\[~]|€\f';
  const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*}}/g;
  // Java's Character.isWhitespace, which String.strip() uses (JavaScript's trim() also takes
  // non-breaking spaces away, which the server keeps and counts).
  const JAVA_SPACE = '[\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029' +
    '\\u205F\\u3000]';
  const STRIP = new RegExp('^' + JAVA_SPACE + '+|' + JAVA_SPACE + '+$', 'g');

  function segments(units, single, perPart) {
    if (units === 0) {
      return 1;
    }
    return units <= single ? 1 : Math.ceil(units / perPart);
  }

  // What a text costs: the same answer as SmsText.of on the server.
  function count(text) {
    let septets = 0;
    const outside = [];
    for (const character of text) {
      const cost = character.length > 1 ? 0
        : GSM_BASIC.includes(character) ? 1 : GSM_EXTENSION.includes(character) ? 2 : 0;
      if (cost > 0) {
        septets += cost;
      } else if (!outside.includes(character)) {
        outside.push(character);
      }
    }
    if (outside.length === 0) {
      return { encoding: 'GSM7', units: septets, segments: segments(septets, 160, 153), ucs2Characters: [] };
    }
    return { encoding: 'UCS2', units: text.length, segments: segments(text.length, 70, 67), ucs2Characters: outside };
  }

  window.SmsComposer = { count: count };

  const form = document.getElementById('campaign-form');
  if (!form) {
    return;
  }
  const lookAlikes = JSON.parse(form.dataset.lookAlikes || '{}');
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const variants = ['A', 'B', 'C'];
  const bodies = {};
  variants.forEach(function (v) { bodies[v] = document.getElementById('body' + v); });
  const signature = document.getElementById('signature');
  const optOut = document.getElementById('optOutLine');
  const state = { variant: 'A', index: 0, recipients: 0, fields: {}, optOutLine: form.dataset.optOutLine || '',
    linkLength: Number(form.dataset.linkLength || 0),
    lastFocused: bodies.A, sequence: 0 };

  function strip(text) {
    return text.replace(STRIP, '');
  }

  // The text as sent (CampaignTexts.full and MessageTemplate.render): merge fields with the shown
  // recipient's values or their fallbacks, each link at its true length.
  function rendered(body) {
    let text = strip(body);
    const sig = signature && signature.value ? strip(signature.value) : '';
    if (sig) {
      text += '\n' + sig;
    }
    if (optOut && optOut.checked && !body.toUpperCase().includes('STOP')) {
      text += '\n' + state.optOutLine;
    }
    return text.replace(PLACEHOLDER, function (match, inside) {
      if (inside.toLowerCase().startsWith('link:')) {
        return 'x'.repeat(state.linkLength);
      }
      const bar = inside.indexOf('|');
      const name = strip(bar >= 0 ? inside.substring(0, bar) : inside).toLowerCase();
      const value = state.fields[name];
      return value && strip(value) ? strip(value) : (bar >= 0 ? strip(inside.substring(bar + 1)) : '');
    });
  }

  function plain(text) {
    return Array.from(text).map(function (c) { return lookAlikes[c] ? lookAlikes[c][0] : c; }).join('');
  }

  function describe(character) {
    if (lookAlikes[character]) {
      return character + ' (' + lookAlikes[character][1] + ')';
    }
    const code = character.codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
    return character.trim() ? character + ' (U+' + code + ')' : 'U+' + code;
  }

  function plural(n, one, many) {
    return n.toLocaleString('en-US') + ' ' + (n === 1 ? one : many);
  }

  function updateCounter(v) {
    const body = bodies[v];
    const out = document.getElementById('count-' + v);
    const warning = document.getElementById('ucs2-' + v);
    if (!body || !out) {
      return;
    }
    if (!strip(body.value)) {
      out.textContent = '';
      warning.hidden = true;
      return;
    }
    const counted = count(rendered(body.value));
    const perPart = counted.encoding === 'GSM7' ? (counted.segments > 1 ? 153 : 160) : (counted.segments > 1 ? 67 : 70);
    out.textContent = plural(counted.units, 'character', 'characters') + ' · ' +
      plural(counted.segments, 'segment', 'segments') + ' of up to ' + perPart + ' · ' +
      (counted.encoding === 'GSM7' ? 'plain text (GSM-7)' : 'Unicode (UCS-2)');
    out.dataset.units = counted.units;
    out.dataset.segments = counted.segments;
    out.dataset.encoding = counted.encoding;
    if (counted.encoding === 'GSM7') {
      warning.hidden = true;
      return;
    }
    const names = counted.ucs2Characters.map(describe);
    const fixable = counted.ucs2Characters.some(function (c) { return lookAlikes[c]; });
    const fixed = count(rendered(plain(body.value)));
    let why = names.join(', ') + (names.length === 1 ? ' forces' : ' force') + ' Unicode: ' +
      plural(counted.segments, 'segment', 'segments');
    if (fixed.encoding === 'GSM7') {
      why += ' instead of ' + fixed.segments + '.';
    } else {
      why += ' (70 characters a segment instead of 160).';
    }
    warning.querySelector('.ucs2-why').textContent = why;
    warning.querySelector('.fix-plain').hidden = !fixable;
    warning.hidden = false;
  }

  function updateCounters() {
    variants.forEach(updateCounter);
  }

  // --- Requests to the composer endpoints (the form as it is, with its session and token).
  function post(path, extra) {
    const params = new URLSearchParams(new FormData(form));
    Object.entries(extra || {}).forEach(function ([k, v]) { params.set(k, v); });
    const headers = { 'Accept': 'application/json' };
    if (csrfToken && csrfHeader) {
      headers[csrfHeader.content] = csrfToken.content;
    }
    return fetch(form.getAttribute('data-composer') + path, { method: 'POST', headers: headers, body: params,
      credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      });
  }

  // --- Phone preview.
  const preview = document.getElementById('composer-preview');
  const previewText = document.getElementById('preview-text');
  const previewMeta = document.getElementById('preview-meta');
  const previewRecipient = document.getElementById('preview-recipient');
  const prev = document.getElementById('preview-prev');
  const next = document.getElementById('preview-next');
  let previewTimer;

  function showPreview(result) {
    state.fields = result.fields || {};
    state.optOutLine = result.optOutLine || state.optOutLine;
    state.linkLength = result.linkLength || state.linkLength; // the draft's brand, once it has one
    state.recipients = result.recipients;
    state.index = result.index;
    if (result.problem) {
      previewText.textContent = result.problem;
      previewText.classList.add('sms-problem');
      previewMeta.textContent = '';
    } else {
      previewText.textContent = result.text;
      previewText.classList.remove('sms-problem');
      previewMeta.textContent = plural(result.units, 'character', 'characters') + ' · ' +
        plural(result.segments, 'segment', 'segments') + ' · ' +
        (result.encoding === 'GSM7' ? 'plain text (GSM-7)' : 'Unicode (UCS-2)');
      previewMeta.dataset.units = result.units;
      previewMeta.dataset.segments = result.segments;
    }
    previewRecipient.textContent = result.recipient
      ? 'To ' + result.recipient + ' (' + (result.index + 1) + ' of the first ' + result.recipients + ')'
      : 'Nobody chosen yet: shown with the fallbacks. Choose who gets it to see a real recipient.';
    prev.disabled = next.disabled = result.recipients < 2;
    updateCounters();
  }

  function refreshPreview() {
    const sequence = ++state.sequence;
    post('/preview', { variant: state.variant, index: state.index })
      .then(function (result) {
        if (sequence === state.sequence) {
          showPreview(result);
        }
      })
      .catch(function () {
        if (sequence === state.sequence) {
          previewMeta.textContent = 'The preview is not available just now; the counters still count.';
        }
      });
  }

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 250);
  }

  function chooseVariant(v) {
    if (state.variant === v) {
      return;
    }
    state.variant = v;
    document.querySelectorAll('#preview-variants [data-variant]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.variant === v));
    });
    schedulePreview();
  }

  // --- Texts: counters, fixes, insert buttons.
  variants.forEach(function (v) {
    const body = bodies[v];
    if (!body) {
      return;
    }
    body.addEventListener('input', function () {
      updateCounter(v);
      chooseVariant(v);
      schedulePreview();
    });
    body.addEventListener('focus', function () {
      state.lastFocused = body;
      chooseVariant(v);
    });
  });
  [signature, optOut].forEach(function (input) {
    if (input) {
      input.addEventListener('input', function () { updateCounters(); schedulePreview(); });
      input.addEventListener('change', function () { updateCounters(); schedulePreview(); });
    }
  });
  document.querySelectorAll('.fix-plain').forEach(function (button) {
    button.addEventListener('click', function () {
      const body = bodies[button.dataset.variant];
      body.value = plain(body.value);
      body.dispatchEvent(new Event('input', { bubbles: true }));
      body.focus();
    });
  });

  function insert(text) {
    const body = state.lastFocused || bodies.A;
    const start = body.selectionStart;
    const end = body.selectionEnd;
    body.focus();
    body.setRangeText(text, start, end, 'end');
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  document.querySelectorAll('#insert-fields [data-insert]').forEach(function (button) {
    button.addEventListener('click', function () { insert(button.dataset.insert); });
  });
  const linkTarget = document.getElementById('link-target');
  document.getElementById('insert-link').addEventListener('click', function () {
    const target = linkTarget.value.trim();
    if (!/^https?:\/\/\S+$/i.test(target)) {
      linkTarget.setCustomValidity('Give the full address, starting with https://');
      linkTarget.reportValidity();
      return;
    }
    linkTarget.setCustomValidity('');
    insert('{{link:' + target + '}}');
    linkTarget.value = '';
  });
  linkTarget.addEventListener('input', function () { linkTarget.setCustomValidity(''); });

  document.querySelectorAll('#preview-variants [data-variant]').forEach(function (button) {
    button.addEventListener('click', function () {
      chooseVariant(button.dataset.variant);
      state.lastFocused = bodies[button.dataset.variant];
    });
  });
  prev.addEventListener('click', function () { state.index -= 1; refreshPreview(); });
  next.addEventListener('click', function () { state.index += 1; refreshPreview(); });

  // --- Audience picker: search, include or leave out (never both), chips, live reach.
  const search = document.getElementById('audience-search');
  const options = Array.from(document.querySelectorAll('#audience-options .audience-option'));
  const none = document.getElementById('audience-none');
  const chips = document.getElementById('audience-chips');
  const reach = document.getElementById('audience-reach');
  const everyone = document.getElementById('everyoneSubscribed');
  let reachTimer;

  function filter() {
    const words = search.value.trim().toLowerCase();
    let shown = 0;
    options.forEach(function (row) {
      const match = !words || row.dataset.name.toLowerCase().includes(words);
      row.hidden = !match;
      shown += match ? 1 : 0;
    });
    none.hidden = shown > 0;
  }

  function chip(label, box, kind) {
    const item = document.createElement('span');
    item.className = 'badge rounded-pill audience-chip ' + (kind === 'in' ? 'chip-in' : 'chip-out');
    item.textContent = (kind === 'in' ? 'Send to: ' : 'Leave out: ') + label + ' ';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn-close btn-close-sm';
    remove.setAttribute('aria-label', 'Remove ' + label);
    remove.addEventListener('click', function () {
      box.checked = false;
      audienceChanged();
      box.focus();
    });
    item.appendChild(remove);
    return item;
  }

  function drawChips() {
    chips.replaceChildren();
    if (everyone && everyone.checked) {
      const all = document.createElement('span');
      all.className = 'badge rounded-pill audience-chip chip-in';
      all.textContent = 'Send to: everyone subscribed';
      chips.appendChild(all);
    }
    options.forEach(function (row) {
      const boxes = row.querySelectorAll('input[type=checkbox]');
      if (boxes[0].checked) {
        chips.appendChild(chip(row.dataset.name, boxes[0], 'in'));
      }
      if (boxes[1].checked) {
        chips.appendChild(chip(row.dataset.name, boxes[1], 'out'));
      }
    });
  }

  function showReach(result) {
    reach.hidden = false;
    if (result.reachable === 0 && result.matching === 0) {
      reach.textContent = (everyone && everyone.checked) || anyIncluded()
        ? 'Nobody: no contact is in this audience.' : 'Nobody yet: choose who gets this campaign.';
      reach.className = 'mb-3 text-body-secondary';
      return;
    }
    const left = [];
    if (result.matching > result.subscribed) {
      left.push(plural(result.matching - result.subscribed, 'not subscribed', 'not subscribed'));
    }
    if (result.optedOut > 0) {
      left.push(plural(result.optedOut, 'opted out', 'opted out'));
    }
    reach.textContent = plural(result.reachable, 'person gets', 'people get') + ' this campaign' +
      (left.length ? ' (' + left.join(', ') + ' left out).' : '.');
    reach.className = 'mb-3 fw-semibold';
  }

  function anyIncluded() {
    return options.some(function (row) { return row.querySelector('input[type=checkbox]').checked; });
  }

  function refreshReach() {
    reach.hidden = false;
    reach.textContent = 'Counting…';
    post('/reach').then(showReach).catch(function () {
      reach.textContent = 'The count is not available just now; the preflight counts again before launch.';
    });
  }

  function audienceChanged() {
    drawChips();
    clearTimeout(reachTimer);
    reachTimer = setTimeout(refreshReach, 200);
    schedulePreview();
  }

  options.forEach(function (row) {
    const boxes = row.querySelectorAll('input[type=checkbox]');
    boxes.forEach(function (box, i) {
      box.addEventListener('change', function () {
        if (box.checked) {
          boxes[1 - i].checked = false; // sending to and leaving out exclude each other
        }
        audienceChanged();
      });
    });
  });
  if (everyone) {
    everyone.addEventListener('change', audienceChanged);
  }
  search.hidden = false;
  search.addEventListener('input', filter);

  // --- A/B settings only with A/B on.
  const abTest = document.getElementById('abTest');
  const abSettings = document.getElementById('ab-settings');
  function showAb() {
    abSettings.hidden = !abTest.checked;
  }
  abTest.addEventListener('change', showAb);
  showAb();

  document.getElementById('composer-tools').hidden = false;
  preview.hidden = false;
  drawChips();
  updateCounters();
  refreshReach();
  refreshPreview();
}());
