#!/usr/bin/env python3
"""Dense reference optimum for the matching benchmark.

Reads a problem dumped by `cargo bench -p tandem-core --bench matching`:
  n, m           two little-endian u64 (mentees, mentors)
  capacities     m little-endian u32
  points         n*m little-endian i64, row-major; -1 = forbidden pair
and solves it with scipy.optimize.linear_sum_assignment: each mentor becomes `capacity` identical
columns, each mentee gets one zero-score "unmatched" column, forbidden pairs are -inf (never
chosen). Prints `optimum=<sum of points> seconds=<solve time>`.

Usage: python3 scripts/reference_solver.py PROBLEM.bin
(needs numpy and scipy: pip install -r scripts/requirements-bench.txt)
"""

import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    raw = open(sys.argv[1], "rb").read()
    n, m = np.frombuffer(raw, dtype="<u8", count=2)
    n, m = int(n), int(m)
    caps = np.frombuffer(raw, dtype="<u4", count=m, offset=16).astype(np.int64)
    points = np.frombuffer(raw, dtype="<i8", count=n * m, offset=16 + 4 * m).reshape(n, m)

    scores = np.where(points < 0, -np.inf, points.astype(np.float64))
    # One column per unit of mentor capacity, then one private zero column per mentee.
    expanded = np.repeat(scores, caps, axis=1)
    unmatched = np.full((n, n), -np.inf)
    np.fill_diagonal(unmatched, 0.0)
    matrix = np.hstack([expanded, unmatched])

    start = time.perf_counter()
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    seconds = time.perf_counter() - start
    optimum = int(round(matrix[rows, cols].sum()))
    print(f"optimum={optimum} seconds={seconds:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
