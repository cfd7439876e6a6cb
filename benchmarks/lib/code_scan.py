"""A scan of unknown short codes from many client addresses, for benchmarks/fault-suite (fault 13).

  code_scan.py <port> <requests> <addresses> <connections>

Tries <requests> random 7-character codes (none of them minted) on the redirector, spread over
<addresses> loopback source addresses (127.1.0.1, 127.1.0.2, ...: the redirector sees each as its
own client, as it does the addresses of phones), one persistent connection per address at a
time, <connections> connections at once. Prints one line:
  requests=<n> statuses=<status:n,...> seconds=<s> rate=<n/s>
Loopback only.
"""
import collections
import random
import socket
import string
import sys
import threading
import time

port, total, addresses, connections = (int(a) for a in sys.argv[1:5])
per_address = total // addresses
alphabet = string.ascii_letters + string.digits
lock = threading.Lock()
statuses = collections.Counter()
next_address = [0]


def source(i):
    return "127.1.%d.%d" % (i // 250, i % 250 + 1)


def connect(address):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.bind((address, 0))
    s.settimeout(30)
    s.connect(("127.0.0.1", port))
    return s


def answer(s, buf):
    """Reads one response; returns (status, rest of the buffer, whether the server closes)."""
    while b"\r\n\r\n" not in buf:
        data = s.recv(65536)
        if not data:
            raise OSError("closed")
        buf += data
    head, _, buf = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = lines[0][9:12].decode()
    length, close = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"connection" and value.strip().lower() == b"close":
            close = True
    while len(buf) < length:
        data = s.recv(65536)
        if not data:
            raise OSError("closed")
        buf += data
    return status, buf[length:], close


def scan(seed):
    rng = random.Random(seed)
    seen = collections.Counter()
    while True:
        with lock:
            i = next_address[0]
            next_address[0] += 1
        if i >= addresses:
            break
        address, s, buf = source(i), None, b""
        for _ in range(per_address):
            code = "".join(rng.choice(alphabet) for _ in range(7))
            try:
                if s is None:
                    s, buf = connect(address), b""
                s.sendall(("GET /%s HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: scanner/1.0\r\n\r\n" % code).encode())
                status, buf, close = answer(s, buf)
                if close:
                    s.close()
                    s = None
            except OSError as ex:
                status = "error"
                if s is not None:
                    s.close()
                s = None
            seen[status] += 1
        if s is not None:
            s.close()
    with lock:
        statuses.update(seen)


started = time.monotonic()
threads = [threading.Thread(target=scan, args=(n,)) for n in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
seconds = time.monotonic() - started
done = sum(statuses.values())
print("requests=%d statuses=%s seconds=%.1f rate=%.0f" % (
    done, ",".join("%s:%d" % kv for kv in sorted(statuses.items())), seconds, done / seconds))
