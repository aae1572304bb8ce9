#!/usr/bin/python3
"""Peer for `modalitykd bench --suite io`: how long nibabel takes to read a NIfTI file
into float32, and the peak of Python/numpy allocations while doing it.

Usage: nibabel_read.py FILE REPEATS  -> one JSON object on stdout.
"""
import json
import sys
import time
import tracemalloc

import nibabel as nib
import numpy as np


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    seconds = []
    peak = 0
    for _ in range(repeats):
        tracemalloc.start()
        t0 = time.perf_counter()
        # mmap=False: a memory map would defer the read and make the peer look free.
        data = np.array(nib.load(path, mmap=False).get_fdata(dtype=np.float32), copy=True)
        seconds.append(time.perf_counter() - t0)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        del data
    print(json.dumps({"seconds": seconds, "peak_bytes": peak, "nibabel": nib.__version__}))


if __name__ == "__main__":
    main()
