"""Slow clients against the platform's listeners, for benchmarks/fault-suite (fault 8).

  slow_clients.py <seconds> <report> <target>...
  target: body:<port>:<count>:<path>[,<path>...]   POST bodies declared 1,000 bytes, one byte every 2 s,
                                                   from five client addresses (X-Forwarded-For)
          headers:<port>:<count>:<path>            a request line, then a header byte every 2 s

Each slot keeps one slow connection open: when the server cuts it, the slot opens the next one
(after 0.5 s), as a persistent attacker would. The report has one line per target:
  <kind> <port> opened=<n> cut=<n> statuses=<status:n,...> longest_cut_s=<s> open_at_end=<n> oldest_open_s=<s>
Loopback only.
"""
import collections
import select
import socket
import sys
import threading
import time

seconds, report = float(sys.argv[1]), sys.argv[2]
targets = [t.split(":", 3) for t in sys.argv[3:]]
end = time.monotonic() + seconds
lock = threading.Lock()
stats = collections.defaultdict(lambda: {"opened": 0, "cut": 0, "statuses": collections.Counter(),
                                         "longest_cut": 0.0, "open": {}})


def slot(kind, port, path, key, ident):
    while time.monotonic() < end:
        started = time.monotonic()
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            time.sleep(0.5)
            continue
        s.setblocking(True)
        with lock:
            stats[key]["opened"] += 1
            stats[key]["open"][ident] = started
        if kind == "body":
            # Within every body limit; from five addresses (loopback is a trusted proxy), ten
            # connections each: an attacker apart from the provider's and the shop's addresses.
            head = ("POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    "X-Forwarded-For: 203.0.113.%d\r\nContent-Length: 1000\r\n\r\nx" % (path, ident % 5 + 1))
        else:
            head = "GET %s HTTP/1.1\r\nHost: localhost\r\nX-Slow: " % path
        status = None
        try:
            s.sendall(head.encode())
            while time.monotonic() < end:
                readable, _, _ = select.select([s], [], [], 2.0)
                if readable:
                    data = s.recv(4096)
                    status = data[9:12].decode(errors="replace") if data.startswith(b"HTTP/1.1 ") else "closed"
                    break
                s.sendall(b"x")
        except OSError:
            status = status or "closed"
        finally:
            s.close()
        with lock:
            stats[key]["open"].pop(ident, None)
            if status is not None:
                stats[key]["cut"] += 1
                stats[key]["statuses"][status] += 1
                stats[key]["longest_cut"] = max(stats[key]["longest_cut"], time.monotonic() - started)
        if status is not None:
            time.sleep(0.5)


threads = []
for kind, port, count, paths in targets:
    paths = paths.split(",")
    key = (kind, port)
    stats[key]
    for i in range(int(count)):
        t = threading.Thread(target=slot, args=(kind, int(port), paths[i % len(paths)], key, i), daemon=True)
        t.start()
        threads.append(t)
time.sleep(max(0.0, end - time.monotonic() - 0.5))
now = time.monotonic()
with open(report, "w") as f, lock:
    for (kind, port), st in stats.items():
        oldest = max((now - t for t in st["open"].values()), default=0.0)
        f.write("%s %s opened=%d cut=%d statuses=%s longest_cut_s=%.1f open_at_end=%d oldest_open_s=%.1f\n" % (
            kind, port, st["opened"], st["cut"],
            ",".join("%s:%d" % kv for kv in sorted(st["statuses"].items())) or "-",
            st["longest_cut"], len(st["open"]), oldest))
