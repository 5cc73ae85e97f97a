"""How much each benchmark measures: the environment makes a quicker run."""

import os

IMPORT_ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))
REPORT_CRIMES = int(os.environ.get("BENCH_CRIMES", "10000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
REPORT_VIOLATIONS = int(os.environ.get("BENCH_VIOLATIONS", "50000000"))
FEED_ROWS = int(os.environ.get("BENCH_FEED_ROWS", "1000000"))
