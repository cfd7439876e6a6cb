/*
 * SMS campaign conversion tracking for landing pages and shops.
 *   <script src="https://YOUR-PLATFORM/t/sms.js" async></script>
 *   smsTrack.conversion({ event: 'sale', value: 49.90, currency: 'EUR', orderId: 'A-1001' });
 * Keeps the click id of the SMS link (smsclid) in a first-party cookie for 30 days and reports
 * conversions with it. Sends nothing else: no personal data, no third-party cookie.
 * The order id is required; these reports count as unverified (see docs/security.md).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : '';
  var match = /[?&]smsclid=([A-Za-z0-9_-]{1,64})/.exec(window.location.search);
  if (match) {
    document.cookie = 'smsclid=' + match[1] + '; path=/; max-age=2592000; SameSite=Lax' +
      (window.location.protocol === 'https:' ? '; Secure' : '');
  }
  function clickId() {
    var cookie = /(?:^|; )smsclid=([A-Za-z0-9_-]{1,64})/.exec(document.cookie);
    return cookie ? cookie[1] : null;
  }
  window.smsTrack = {
    clickId: clickId,
    conversion: function (details) {
      var id = clickId();
      if (!id) {
        return false;
      }
      var body = JSON.stringify({
        clickId: id,
        event: (details && details.event) || 'sale',
        value: details && details.value != null ? String(details.value) : null,
        currency: details && details.currency,
        orderId: details && details.orderId
      });
      var url = origin + '/t/conversions';
      if (navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }))) {
        return true;
      }
      fetch(url, { method: 'POST', body: body, headers: { 'Content-Type': 'text/plain' }, keepalive: true, mode: 'cors' });
      return true;
    }
  };
})();
