"""Printing the figures with their targets."""


def report(figures: dict) -> None:
    print(f"\n{'benchmark':<44}{'database':<12}{'figure':>28}   target")
    for database in ("sqlite", "postgresql"):
        result = figures.get(database, {})
        if "skipped" in result:
            print(f"{'(all)':<44}{database:<12}{result['skipped']:>28}")
            continue
        crime_import = result.get("crime_import")
        if crime_import:
            figure = f"{crime_import['seconds']} s ({crime_import['rows_per_second']:,} rows/s)"
            target = "< 60 s" if database == "sqlite" else ""
            name = f"import of {crime_import['rows']:,} crimes (CSV)"
            print(f"{name:<44}{database:<12}{figure:>28}   {target}")
            if "peak_memory_mb" in crime_import:
                figure = f"{crime_import['peak_memory_mb']} MB"
                print(f"{'  peak memory of the process':<44}{database:<12}{figure:>28}")
        if "board_report_national_ms" in result:
            millions = (result["report_crimes"] / 10**6, result.get("report_violations", 0) / 10**6)
            crimes = "{:g} M crimes, {:g} M violations".format(*millions)
            for kind, what, target in (("", "Jan–Sep", "< 100 ms"), ("days_", "5 Jan–17 Sep", "< 250 ms")):
                for scope in ("national", "district"):
                    key = f"board_report_{kind}{scope}"
                    if f"{key}_ms" not in result:
                        continue
                    rows = [
                        (f"board report {what}, {scope}, rollups", f"{result[f'{key}_ms']} ms", target),
                        ("  the same from the records", f"{result[f'{key}_raw_ms']} ms", ""),
                        (
                            "  speed-up",
                            f"{result[f'{key}_speedup']}×",
                            ">= 20×" if scope == "national" else "",
                        ),
                    ]
                    for name, figure, aim in rows:
                        print(f"{name:<44}{database:<12}{figure:>28}   {aim}")
            print(f"{'(on ' + crimes + ')':<44}")
            figure = f"{result['drill_down_first_page_ms']} ms"
            print(f"{'drill-down, first page':<44}{database:<12}{figure:>28}   < 200 ms")
            print(f"{'(API pages of ' + str(result.get('api_page_size', 50)) + ' rows)':<44}")
            for name, key, target in (
                ("API violations, first page", "api_violations_first_page_ms", "< 100 ms"),
                ("API violations, a page further on", "api_violations_tenth_page_ms", "< 100 ms"),
                ("API crimes, first page", "api_crimes_first_page_ms", "< 100 ms"),
                ("API crimes, a page further on", "api_crimes_tenth_page_ms", "< 100 ms"),
                ("the 4 standard windows of every body", "windows_every_body_ms", "< 1000 ms"),
                ("a district moved under another parent", "body_move_ms", ""),
            ):
                if key in result:
                    print(f"{name:<44}{database:<12}{str(result[key]) + ' ms':>28}   {target}")
        feed = result.get("violation_feed")
        if feed:
            rows = [
                (
                    f"violation feed, {feed['rows']:,} rows",
                    f"{feed['rows_per_second']:,} rows/s",
                    ">= 200,000/s",
                ),
                ("the same batch sent again", f"{feed['resend_rows_per_second']:,} rows/s", ""),
                ("bare executemany / COPY of the rows", f"{feed['bare_rows_per_second']:,} rows/s", ""),
                ("feed against bare", f"{feed['ratio_to_bare']}×", ""),
                ("peak memory of an import", f"{feed['peak_memory_mb']} MB", "< 500 MB"),
            ]
            for name, figure, target in rows:
                print(f"{name:<44}{database:<12}{figure:>28}   {target}")
        load = result.get("load")
        if load and "skipped" not in load:
            name = f"load: {load['users']} users, {load['seconds']} s"
            figure = f"{load['requests_per_second']} req/s, {load['errors']} errors"
            print(f"{name:<44}{database:<12}{figure:>28}   no errors")
            for kind, found in sorted(load["by_kind"].items()):
                figure = f"{found['p50_ms']:g} / {found['p95_ms']:g} / {found['p99_ms']:g} ms"
                target = "p99 < 100 ms" if kind in ("list", "detail") else ""
                print(f"{'  ' + kind + ': p50 / p95 / p99':<44}{database:<12}{figure:>28}   {target}")
