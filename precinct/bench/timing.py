"""Timing an operation: the median of several runs, in milliseconds."""

import statistics
import time

from precinct.bench.settings import RUNS


def median_ms(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)
