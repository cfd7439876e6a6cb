// The campaign form's Channels section: SMS only or a cascade of up to four steps. Shows
// per step what its channel takes (RCS text, WhatsApp template with one input per
// variable, kept as JSON in a hidden field), moves steps up and down, adds and removes
// them. Without JavaScript the four slots are plain fields.
(function () {
  'use strict';

  const section = document.getElementById('channels-section');
  if (!section) {
    return;
  }
  const list = document.getElementById('cascade-steps');
  const settings = document.getElementById('cascade-settings');
  const addButton = document.getElementById('cascade-add');

  function steps() {
    return Array.from(list.querySelectorAll('.cascade-step'));
  }

  function channelOf(step) {
    const select = step.querySelector('.cascade-sender');
    const option = select.options[select.selectedIndex];
    return option && option.value !== '' ? option.dataset.channel : '';
  }

  function readVariables(step) {
    try {
      return JSON.parse(step.querySelector('.cascade-variables-json').value || '{}') || {};
    } catch (e) {
      return {};
    }
  }

  function writeVariables(step) {
    const values = {};
    step.querySelectorAll('.cascade-variable').forEach((input) => {
      values[input.dataset.variable] = input.value;
    });
    step.querySelector('.cascade-variables-json').value = JSON.stringify(values);
  }

  function showTemplate(step) {
    const select = step.querySelector('.cascade-template-select');
    const option = select.options[select.selectedIndex];
    const text = step.querySelector('.cascade-template-text');
    const box = step.querySelector('.cascade-variables');
    const values = readVariables(step);
    box.replaceChildren();
    if (!option || option.value === '') {
      text.textContent = 'Business-initiated WhatsApp messages must use a template WhatsApp approved.';
      return;
    }
    text.textContent = 'Text: ' + option.dataset.body;
    const n = step.dataset.step;
    (option.dataset.variables || '').split(',').filter((v) => v !== '').forEach((variable) => {
      const col = document.createElement('div');
      col.className = 'col-sm-6';
      const id = 'stepVar-' + n + '-' + variable;
      const label = document.createElement('label');
      label.className = 'form-label small';
      label.htmlFor = id;
      label.textContent = '{{' + variable + '}}';
      const input = document.createElement('input');
      input.className = 'form-control form-control-sm font-monospace cascade-variable';
      input.id = id;
      input.dataset.variable = variable;
      input.value = values[variable] || '';
      input.placeholder = variable === '1' ? '{{first_name|there}}' : '{{link:https://shop.example/sale}}';
      input.addEventListener('input', () => writeVariables(step));
      col.append(label, input);
      box.append(col);
    });
    writeVariables(step);
  }

  function describe(step) {
    const channel = channelOf(step);
    step.querySelector('.cascade-body').hidden = channel !== 'RCS';
    step.querySelector('.cascade-template').hidden = channel !== 'WHATSAPP';
    const when = step.querySelector('.cascade-when');
    when.querySelector('option[value="READ"]').disabled = channel === 'SMS';
    if (channel === 'SMS' && when.value === 'READ') {
      when.value = 'DELIVERED';
    }
    if (channel === 'WHATSAPP') {
      showTemplate(step);
    }
  }

  function renumber() {
    const used = steps().filter((step) => !step.classList.contains('cascade-step-unused'));
    used.forEach((step, index) => {
      const n = index + 1;
      step.querySelector('.cascade-step-title').textContent = 'Step ' + n;
      step.querySelector('.cascade-up').setAttribute('aria-label', 'Move step ' + n + ' up');
      step.querySelector('.cascade-down').setAttribute('aria-label', 'Move step ' + n + ' down');
      step.querySelector('.cascade-remove').setAttribute('aria-label', 'Remove step ' + n);
      step.querySelector('.cascade-up').disabled = index === 0;
      step.querySelector('.cascade-down').disabled = index === used.length - 1;
    });
    addButton.hidden = used.length === steps().length;
  }

  function toggle() {
    const cascade = document.getElementById('channels-cascade').checked;
    settings.hidden = !cascade;
  }

  function unusedSender() {
    const taken = new Set(steps().map(channelOf));
    const options = Array.from(steps()[0].querySelector('.cascade-sender').options);
    const free = options.find((o) => o.value !== '' && !taken.has(o.dataset.channel));
    return free ? free.value : '';
  }

  steps().forEach((step) => {
    describe(step);
    step.querySelector('.cascade-sender').addEventListener('change', () => {
      // What the previous channel took does not go with the new one.
      if (channelOf(step) !== 'WHATSAPP') {
        step.querySelector('.cascade-template-select').value = '';
        step.querySelector('.cascade-variables-json').value = '{}';
      }
      if (channelOf(step) !== 'RCS') {
        step.querySelector('textarea[name="stepBody"]').value = '';
      }
      describe(step);
    });
    step.querySelector('.cascade-template-select').addEventListener('change', () => {
      step.querySelector('.cascade-variables-json').value = '{}';
      showTemplate(step);
    });
    step.querySelector('.cascade-up').addEventListener('click', (event) => {
      const previous = step.previousElementSibling;
      if (previous) {
        list.insertBefore(step, previous);
        renumber();
        event.currentTarget.focus();
      }
    });
    step.querySelector('.cascade-down').addEventListener('click', (event) => {
      const next = step.nextElementSibling;
      if (next && !next.classList.contains('cascade-step-unused')) {
        list.insertBefore(next, step);
        renumber();
        event.currentTarget.focus();
      }
    });
    step.querySelector('.cascade-remove').addEventListener('click', () => {
      step.querySelector('.cascade-sender').value = '';
      step.querySelector('.cascade-template-select').value = '';
      step.querySelector('.cascade-variables-json').value = '{}';
      step.querySelector('textarea[name="stepBody"]').value = '';
      step.classList.add('cascade-step-unused');
      list.append(step); // unused slots wait at the end
      describe(step);
      renumber();
      addButton.focus();
    });
  });

  addButton.addEventListener('click', () => {
    const slot = steps().find((step) => step.classList.contains('cascade-step-unused'));
    if (!slot) {
      return;
    }
    slot.classList.remove('cascade-step-unused');
    slot.querySelector('.cascade-sender').value = unusedSender();
    describe(slot);
    renumber();
    slot.querySelector('.cascade-sender').focus();
  });

  section.querySelectorAll('input[name="channels"]').forEach((radio) => radio.addEventListener('change', toggle));
  toggle();
  renumber();
})();
