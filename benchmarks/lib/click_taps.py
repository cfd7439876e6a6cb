"""Sends one GET per short link to the redirector's own listener, each from its own loopback
address (127.1.0.1, 127.1.0.2, ...: Linux answers the whole of 127.0.0.0/8), so that no two hits
share a client and no burst rule can fire. Reads "code<TAB>user agent" lines on stdin; prints the
number of 302 answers.

    python3 click_taps.py <port> [threads] < links.tsv
"""
import http.client
import sys
from concurrent.futures import ThreadPoolExecutor

port = int(sys.argv[1])
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 8
links = [line.rstrip("\n").split("\t", 1) for line in sys.stdin if line.strip()]


def address(n):
    n += 1
    return "127.1.%d.%d" % (n // 250, 1 + n % 250)


def tap(item):
    n, (code, agent) = item
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(address(n), 0))
    try:
        connection.putrequest("GET", "/" + code, skip_accept_encoding=True)
        connection.putheader("User-Agent", agent)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


with ThreadPoolExecutor(threads) as pool:
    statuses = list(pool.map(tap, enumerate(links)))
print(sum(1 for s in statuses if s == 302))
