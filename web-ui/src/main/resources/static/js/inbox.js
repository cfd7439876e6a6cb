// The inbox, live: a Server-Sent Events stream tells the page when a text arrives or a
// conversation changes; the page then fetches its list (or thread) again and swaps it in,
// without a reload. When the stream is unavailable the page polls; it also polls slowly
// besides the stream, for texts another instance received.
(function () {
  'use strict';
  var live = document.querySelector('[data-inbox-live]');
  if (live) {
    var refreshUrl = live.getAttribute('data-refresh-url');
    var pollMs = parseInt(live.getAttribute('data-poll-ms'), 10) || 15000;
    var busy = false;
    var refresh = function () {
      if (busy) {
        return;
      }
      busy = true;
      fetch(refreshUrl, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
        // Signed out meanwhile (redirected to sign-in): leave the page as it is.
        .then(function (response) { return (response.ok && !response.redirected) ? response.text() : null; })
        .then(function (html) {
          if (html !== null && live.innerHTML.trim() !== html.trim()) {
            // Keep open "Change kind" boxes open across a refresh.
            var open = Array.prototype.map.call(live.querySelectorAll('details[open]'), function (d) {
              return d.closest('[data-id]') ? d.closest('[data-id]').getAttribute('data-id') + d.querySelector('summary').textContent : null;
            });
            live.innerHTML = html;
            live.querySelectorAll('details').forEach(function (d) {
              var item = d.closest('[data-id]');
              if (item && open.indexOf(item.getAttribute('data-id') + d.querySelector('summary').textContent) >= 0) {
                d.open = true;
              }
            });
          }
        })
        .catch(function () { /* the next event or poll tries again */ })
        .finally(function () { busy = false; });
    };
    var counter = function (waiting) {
      var badge = document.getElementById('inbox-count');
      if (badge && typeof waiting === 'number') {
        badge.textContent = String(waiting);
        badge.classList.toggle('d-none', waiting === 0);
        var link = document.getElementById('inbox-nav');
        if (link) {
          link.setAttribute('aria-label', waiting > 0 ? 'Inbox: ' + waiting + ' waiting for an answer' : 'Inbox');
        }
      }
    };
    var slow = pollMs * 4;
    var timer = null;
    var poll = function (every) {
      if (timer) {
        clearInterval(timer);
      }
      timer = setInterval(refresh, every);
    };
    if (window.EventSource) {
      var stream = new EventSource(live.getAttribute('data-events-url'));
      stream.addEventListener('hello', function (event) {
        poll(slow);
        counter(JSON.parse(event.data).waiting);
      });
      // A conversation's page follows its own number only; a burst of texts is one fetch.
      var phone = live.getAttribute('data-phone');
      var pending = null;
      stream.addEventListener('inbox', function (event) {
        var data = JSON.parse(event.data);
        counter(data.waiting);
        if ((!phone || data.phone === phone) && !pending) {
          pending = setTimeout(function () { pending = null; refresh(); }, 500);
        }
      });
      stream.onerror = function () {
        poll(pollMs);
      };
      window.addEventListener('beforeunload', function () { stream.close(); });
    }
    poll(pollMs);
  }

  // A saved answer fills the text box; its merge fields are filled in when it is sent.
  var saved = document.getElementById('saved-answer');
  var text = document.getElementById('answer-text');
  if (saved && text) {
    saved.addEventListener('change', function () {
      var option = saved.options[saved.selectedIndex];
      var body = option ? option.getAttribute('data-body') : null;
      if (body) {
        text.value = body;
        text.focus();
      }
    });
  }
}());
