// The copy button beside a new API key (shown only once): the Clipboard API where the
// browser allows it (a secure context), else the key is selected and copied the old way,
// and else left selected for Ctrl+C. Screen readers hear the outcome.
(() => {
  'use strict';

  const button = document.getElementById('copy-token');
  if (!button) {
    return;
  }
  const source = document.getElementById(button.dataset.copyTarget);
  const status = document.getElementById('copy-status');
  const label = button.textContent;

  const say = (text) => {
    status.textContent = text;
    button.textContent = text;
    window.setTimeout(() => { button.textContent = label; }, 2000);
  };

  const select = () => {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const fallback = () => {
    select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
    say(copied ? 'Copied' : 'Selected: press Ctrl+C (⌘C) to copy');
  };

  button.addEventListener('click', () => {
    const text = source.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => say('Copied'), fallback);
    } else {
      fallback();
    }
  });
})();
