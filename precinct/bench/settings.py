"""How much each benchmark measures: the environment makes a quicker run."""

import os

IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
REPORT_CRIMES = int(os.environ.get("BENCH_CRIMES", "10000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
REPORT_VIOLATIONS = int(os.environ.get("BENCH_VIOLATIONS", "50000000"))
FEED_ROWS = int(os.environ.get("BENCH_FEED_ROWS", "1000000"))
# The load test: concurrent users, for how long, on demonstration data of what scale (1: the national
# dataset), and each user's pause between pages (seconds: a person reads a page before the next).
LOAD_USERS = int(os.environ.get("BENCH_LOAD_USERS", "200"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "90"))
LOAD_SCALE = float(os.environ.get("BENCH_LOAD_SCALE", "1"))
LOAD_PAUSE = (
    float(os.environ.get("BENCH_LOAD_PAUSE_MIN", "3")),
    float(os.environ.get("BENCH_LOAD_PAUSE_MAX", "9")),
)
