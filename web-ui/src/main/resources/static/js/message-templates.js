// The "send a message now" form: the template choice only for WhatsApp and RCS senders,
// the chosen template's variables only, and the free text only without a template.
(function () {
  'use strict';
  const choice = document.getElementById('message-template-choice');
  if (!choice) {
    return;
  }
  const sender = document.getElementById('message-sender');
  const template = document.getElementById('message-template');
  const text = document.getElementById('message-text');

  function channel() {
    if (!sender) {
      return 'SMS';
    }
    const option = sender.options[sender.selectedIndex];
    return option ? option.dataset.channel : 'SMS';
  }

  function update() {
    const takesTemplates = channel() !== 'SMS';
    choice.classList.toggle('d-none', !takesTemplates);
    const chosen = takesTemplates ? template.value : '';
    document.querySelectorAll('.template-variables').forEach(function (group) {
      group.classList.toggle('d-none', group.dataset.template !== chosen);
    });
    text.classList.toggle('d-none', chosen !== '');
  }

  if (sender) {
    sender.addEventListener('change', update);
  }
  template.addEventListener('change', update);
  update();
})();
