"""A storm of duplicate and out-of-order delivery receipts, for benchmarks/fault-suite (fault 11).

  receipt_storm.py <messages> <port> <copies> <connections>

<messages>: lines "id|sid|to" of messages the provider took. Each gets a "sent" receipt and a
final one ("undelivered" with 30003 when its id is a multiple of 10, else "delivered"), each
posted <copies> times, all receipts shuffled together (so a final one often comes before its
"sent", and copies come in any order), signed as Twilio signs them (HMAC-SHA1 of the URL and the
sorted form parameters, keyed with TWILIO_AUTH_TOKEN), over <connections> persistent connections
at once. Prints one line:
  posted=<n> statuses=<status:n,...> seconds=<s> rate=<n/s>
Loopback only.
"""
import base64
import collections
import hashlib
import hmac
import http.client
import os
import random
import sys
import threading
import time
import urllib.parse

source, port, copies, connections = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
token = os.environ["TWILIO_AUTH_TOKEN"].encode()
receipts = []
with open(source) as rows:
    for row in rows:
        message, sid, to = row.strip().split("|")
        final = "undelivered" if int(message) % 10 == 0 else "delivered"
        for status in ("sent", final):
            path = "/webhooks/twilio/status/%s" % message
            form = {"AccountSid": "AC" + "0" * 32, "ApiVersion": "2010-04-01", "From": "+15005550007",
                    "MessageSid": sid, "MessageStatus": status, "SmsSid": sid, "SmsStatus": status, "To": to}
            if status == "undelivered":
                form["ErrorCode"] = "30003"
            signed = "http://127.0.0.1:%d%s" % (port, path) + "".join(k + form[k] for k in sorted(form))
            signature = base64.b64encode(hmac.new(token, signed.encode(), hashlib.sha1).digest()).decode()
            receipts.extend([(path, signature, urllib.parse.urlencode(form))] * copies)
random.Random(11).shuffle(receipts)
lock = threading.Lock()
statuses = collections.Counter()
next_index = [0]


def post():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        with lock:
            i = next_index[0]
            next_index[0] += 1
        if i >= len(receipts):
            break
        path, signature, body = receipts[i]
        try:
            conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded",
                                              "X-Twilio-Signature": signature})
            response = conn.getresponse()
            response.read()
            status = str(response.status)
        except (OSError, http.client.HTTPException) as ex:
            status = type(ex).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with lock:
            statuses[status] += 1
    conn.close()


started = time.monotonic()
threads = [threading.Thread(target=post) for _ in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
seconds = time.monotonic() - started
print("posted=%d statuses=%s seconds=%.1f rate=%.0f" % (
    len(receipts), ",".join("%s:%d" % kv for kv in sorted(statuses.items())), seconds, len(receipts) / seconds))
