"""Prints the p-th percentile (default 95) of the numbers on stdin, one per line."""
import math
import sys

p = float(sys.argv[1]) if len(sys.argv) > 1 else 95.0
values = sorted(float(line) for line in sys.stdin if line.strip())
rank = max(0, math.ceil(p / 100 * len(values)) - 1)
print("%.1f" % values[rank])
