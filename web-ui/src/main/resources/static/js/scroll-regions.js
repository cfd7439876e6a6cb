// A table wider than the screen scrolls inside its box (.table-responsive): a keyboard
// user must be able to reach that box to scroll it, and a screen reader should name it.
(() => {
  'use strict';

  const label = (box) => {
    const table = box.querySelector('table');
    const caption = table && table.caption;
    if (caption && caption.textContent.trim()) {
      return caption.textContent.trim();
    }
    const section = box.closest('section, [aria-labelledby]');
    const heading = section && (document.getElementById(section.getAttribute('aria-labelledby') || '')
      || section.querySelector('h1, h2, h3'));
    const name = heading ? heading.textContent.trim().replace(/\s+/g, ' ') : 'Table';
    return name + ' (scrolls sideways)';
  };

  const mark = () => {
    document.querySelectorAll('.table-responsive').forEach((box) => {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        if (!box.hasAttribute('aria-label')) {
          box.setAttribute('aria-label', label(box));
          box.dataset.namedByScript = 'true';
        }
      } else if (box.getAttribute('role') === 'region') {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        if (box.dataset.namedByScript) {
          box.removeAttribute('aria-label');
          delete box.dataset.namedByScript;
        }
      }
    });
  };

  let pending = 0;
  const later = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(mark);
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mark);
  } else {
    mark();
  }
  window.addEventListener('resize', later);
  // Tables that scripts fill or show later (live dashboards, tabs).
  new MutationObserver(later).observe(document.body, { childList: true, subtree: true, attributes: true,
    attributeFilter: ['hidden', 'class'] });
})();
