"""The benchmark's figures as a readable table (stdout) and as bench/RESULTS.md."""

from __future__ import annotations


def _fmt(value, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        text = f"{value:,.1f}" if abs(value) < 1000 else f"{value:,.0f}"
    elif isinstance(value, int):
        text = f"{value:,}"
    else:
        text = str(value)
    return f"{text}{unit}"


def _verdict(met) -> str:
    return "-" if met is None else ("met" if met else "missed")


def _rows(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return out


SIZE_COLUMNS = (
    ("rows", None),
    ("p50 ms", "p50_ms"),
    ("p95 ms", "p95_ms"),
    ("warm p95", "warm_p95_ms"),
    ("base p50", "baseline_p50_ms"),
    ("base p95", "baseline_p95_ms"),
    ("ratio p95", "ratio_p95"),
    ("max resp B", "response_bytes_max"),
    ("startup s", "startup_s"),
    ("RSS MB", "rss_mb"),
)


def _size_rows(report: dict) -> list[list[str]]:
    return [
        [f"{int(rows):,}"] + [_fmt(figures[key]) for _, key in SIZE_COLUMNS[1:]]
        for rows, figures in report["sizes"].items()
    ]


def table(report: dict) -> str:
    """The quick view: one line per size, then first load, load and the targets."""
    lines = ["filter changes (sum of every callback that fires, ms; cold caches):"]
    lines += _rows([h for h, _ in SIZE_COLUMNS], _size_rows(report))
    for rows, figures in report["sizes"].items():
        lines.append(
            f"  {int(rows):,}: slowest callback {figures['slowest_callback']} "
            f"(p95 {figures['callbacks_p95_ms'][figures['slowest_callback']]} ms); largest "
            f"response from {figures['largest_response']}; baseline on "
            f"{figures['baseline_states']} of {figures['states']} states"
        )
    first = report.get("first_load") or {}
    if "error" in first:
        lines.append(f"first load: {first['error']}")
    elif first:
        lines.append(
            f"first load: {_fmt(first['transfer_bytes'])} B transferred "
            f"({_fmt(first['decoded_bytes'])} B decoded, {first['requests']} requests); "
            f"all {first['charts']} charts drawn at {_fmt(first['charts_drawn_ms'])} ms"
        )
    load = report.get("load") or {}
    if "error" in load:
        lines.append(f"load: {load['error']}")
    elif load:
        c, r = load["filter_changes"], load["requests"]
        lines.append(
            f"load ({load['users']} users, {load['seconds']} s, {load['workers']} gunicorn "
            f"workers): {c['per_s']} filter changes/s (p50 {c['p50_ms']}, p95 {c['p95_ms']}, "
            f"p99 {c['p99_ms']} ms); {r['per_s']} requests/s (p50 {r['p50_ms']}, p95 "
            f"{r['p95_ms']}, p99 {r['p99_ms']} ms); errors {c['errors'] + r['errors']}"
        )
    lines.append("targets:")
    lines += [
        "  " + line
        for line in _rows(
            ["target", "goal", "measured", ""],
            [
                [t["target"], t["goal"], _fmt(t["value"]), _verdict(t["met"])]
                for t in report.get("targets", [])
            ],
        )
    ]
    run = report.get("run", {})
    lines.append(
        f"({run.get('mode')} run, {run.get('seconds')} s; load average (1, 5, 15 min) "
        f"{run.get('load_average_start')} at the start, {run.get('load_average_end')} at the end)"
    )
    return "\n".join(lines)


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def results_markdown(report: dict, workers: dict) -> str:
    run = report["run"]
    m = run["machine"]
    lines = ["# Benchmark results", ""]
    if run["mode"] != "full":
        lines += [
            f"**From a {run['mode']} run (`python -m bench --quick`), not a full `make bench`:** "
            "sizes and durations below are the quick run's.",
            "",
        ]
    lines += [
        f"- Date: {run['date']}; the run took {run['seconds']} s ({run['mode']}).",
        f"- The machine is shared: load average (1, 5, 15 min) {run['load_average_start']} at "
        f"the start, {run['load_average_end']} at the end (2 cores); other sessions' work ran "
        "beside this one, so compare ratios measured in one run, not absolute figures.",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {_fmt(m['ram_mb'])} MB RAM; {m['os']}.",
        f"- Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
        + (f"; {m['chromium']}" if m.get("chromium") else "")
        + ".",
        f"- {run['states']} filter changes per size (seeded, from the data's own filter "
        "options); the baseline on every k-th of them, k by size: "
        + ", ".join(f"{int(r):,}: {k}" for r, k in run["baseline_every"].items())
        + ".",
        "- Reproduce: `make bench` (full) or `make bench-quick`; "
        "`python -m bench --quick --json` for the figures as JSON.",
        "",
        "## Targets",
        "",
    ]
    lines += _md_table(
        ["target", "goal", "measured", ""],
        [[t["target"], t["goal"], _fmt(t["value"]), _verdict(t["met"])] for t in report["targets"]],
    )
    lines += [
        "",
        "## Filter changes",
        "",
        "A filter change is every server callback that fires for it, through the Flask test "
        "client on `/_dash-update-component`, with the payloads the renderer sends; its time is "
        "the sum of the callbacks' wall times. Cold: the dataset's per-state caches are cleared "
        "before each change; warm: the same changes again. The baseline "
        "(`bench/baseline_app.py`) is the plain way: pandas `isin` on object columns and "
        "plotly express on the raw rows. Ratio: baseline p95 / ours p95 on the same changes.",
        "",
    ]
    lines += _md_table([h for h, _ in SIZE_COLUMNS], _size_rows(report))
    lines.append("")
    for rows, figures in report["sizes"].items():
        lines.append(
            f"- {int(rows):,}: largest response {_fmt(figures['response_bytes_max'])} B from "
            f"{figures['largest_response']}; baseline's largest "
            f"{_fmt(figures['baseline_response_bytes_max'])} B; the baseline ran on "
            f"{figures['baseline_states']} of {figures['states']} changes."
        )
    lines += ["", "### p95 by callback (ms), cold", ""]
    for rows, figures in report["sizes"].items():
        worker = workers.get(int(rows), {})
        lines.append(f"**{int(rows):,} rows** (caches cleared by: {figures['cache_clearing']})")
        lines.append("")
        ours = worker.get("ours", {}).get("callbacks", {})
        base = worker.get("baseline", {}).get("callbacks", {})
        lines += _md_table(
            ["callback", "p50", "p95", "max"],
            [
                [name, _fmt(v["p50_ms"]), _fmt(v["p95_ms"]), _fmt(v["max_ms"])]
                for name, v in ours.items()
            ]
            + [
                [f"baseline: {name}", _fmt(v["p50_ms"]), _fmt(v["p95_ms"]), _fmt(v["max_ms"])]
                for name, v in base.items()
            ],
        )
        lines.append("")
    first = report.get("first_load") or {}
    lines += ["## First load (headless Chromium, loopback, 10k rows)", ""]
    if "error" in first:
        lines.append(f"Not measured: {first['error']}")
    elif first:
        lines += [
            f"Served by {first['server']}. Transferred {_fmt(first['transfer_bytes'])} B "
            f"({_fmt(first['decoded_bytes'])} B decoded) in {first['requests']} requests; all "
            f"{first['charts']} charts drawn {_fmt(first['charts_drawn_ms'])} ms after "
            f"navigationStart (median of {first['charts_drawn_ms_all']}). DOMContentLoaded "
            f"at {_fmt(first['dom_content_loaded_ms'])} ms, load at "
            f"{_fmt(first['load_event_ms'])} ms; {first['callback_requests']} callback "
            f"requests, the last answered at {_fmt(first['last_callback_end_ms'])} ms.",
            "",
        ]
        lines += _md_table(
            ["largest transfers", "transferred B", "decoded B"],
            [[x["url"], _fmt(x["transfer"]), _fmt(x["decoded"])] for x in first["largest"]],
        )
        if first.get("browser_errors"):
            lines += ["", "Browser errors: " + "; ".join(first["browser_errors"])]
    lines.append("")
    load = report.get("load") or {}
    lines += ["## Under load (locust against gunicorn on loopback)", ""]
    if "error" in load:
        lines.append(f"Not measured: {load['error']}")
    elif load:
        c, r = load["filter_changes"], load["requests"]
        lines += [
            f"`{load['server']}`, {load['workers']} workers, data {load['data']}; locust "
            f"{load['users']} users with no wait, {load['seconds']} s, on the same 2 cores as "
            "the server. Each user replays recorded filter changes, a change's POSTs one after "
            f"another; bodies: {load.get('bodies')}.",
            "",
        ]
        lines += _md_table(
            ["", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "errors"],
            [
                [
                    "filter changes",
                    *(
                        _fmt(c[k])
                        for k in ("count", "per_s", "p50_ms", "p95_ms", "p99_ms", "errors")
                    ),
                ],
                [
                    "requests",
                    *(
                        _fmt(r[k])
                        for k in ("count", "per_s", "p50_ms", "p95_ms", "p99_ms", "errors")
                    ),
                ],
            ]
            + [
                [
                    f"  {name}",
                    *(
                        _fmt(v[k])
                        for k in ("count", "per_s", "p50_ms", "p95_ms", "p99_ms", "errors")
                    ),
                ]
                for name, v in load["by_callback"].items()
            ],
        )
    lines.append("")
    return "\n".join(lines)
