#!/usr/bin/env python3
"""Times corecast against corecast_ref.py as whole processes, in alternating pairs.

    bench.py --corecast ./corecast --input book.xlsx [--iterations 20000] [--pairs 5]

Each pair runs `corecast run --input BOOK --iterations N --out OUT.json
--format json --force` and then corecast_ref.py on the same workbook and
iterations, writing JSON too; alternating keeps a change in the machine's
load from favouring one side. It prints every pair, the median of each side
and the ratio of the medians (numpy / corecast): DESIGN §10 asks for at least
30. Both commands' outputs go to a temporary directory.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corecast", required=True, help="the corecast binary")
    ap.add_argument("--input", required=True, help="workbook both sides read")
    ap.add_argument("--iterations", type=int, default=20000)
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--python", default=sys.executable, help="python with numpy, scipy and openpyxl")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cc = [a.corecast, "run", "--input", a.input, "--iterations", str(a.iterations),
              "--out", os.path.join(tmp, "corecast.json"), "--format", "json", "--force"]
        ref = [a.python, os.path.join(HERE, "corecast_ref.py"), "--input", a.input,
               "--iterations", str(a.iterations), "--out", os.path.join(tmp, "ref.json")]
        # One untimed run of each, so that both start with warm file caches.
        timed(cc)
        timed(ref)
        cc_t, ref_t = [], []
        for i in range(a.pairs):
            cc_t.append(timed(cc))
            ref_t.append(timed(ref))
            print(f"pair {i + 1}: corecast {cc_t[-1]:.3f} s, numpy {ref_t[-1]:.3f} s, "
                  f"ratio {ref_t[-1] / cc_t[-1]:.1f}")
    mc, mr = statistics.median(cc_t), statistics.median(ref_t)
    print(f"median: corecast {mc:.3f} s, numpy {mr:.3f} s, ratio {mr / mc:.1f} "
          f"({a.iterations:,} iterations, {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
