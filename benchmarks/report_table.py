"""The benchmark report as Markdown tables (the README's performance section)."""

from __future__ import annotations

from typing import Any


def render_table(report: dict[str, Any]) -> str:
    lines = ["| measure | value | target |", "|---|---|---|"]
    ex = report["extraction"]
    lines.append(f"| extraction, mixed corpus (1 core) | {ex['articles_per_second']:.0f} art/s | |")
    ex4 = report["extraction_400_words"]
    lines.append(
        f"| extraction, ~400-word articles (1 core) | "
        f"{ex4['articles_per_second']:.0f} art/s | >= 300 |"
    )
    e2e = report.get("end_to_end")
    if e2e:
        lines += _kafka_rows(e2e)
    lines += ["", "| article size | ms / article | ms / KB |", "|---|---|---|"]
    for row in report["scaling"]:
        lines.append(f"| {row['kb']} KB | {row['ms_per_article']:.2f} | {row['ms_per_kb']:.3f} |")
    lines += _dictionary_rows(report["dictionary_size"])
    lines += ["", "| extractor | ms / article |", "|---|---|"]
    for name, ms in sorted(report["per_extractor_ms"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {ms:.3f} |")
    return "\n".join(lines)


def _kafka_rows(e2e: dict[str, Any]) -> list[str]:
    one, two, lat = e2e["workers_1"], e2e["workers_2"], e2e["latency"]
    quiet = e2e["quietest_runs"]
    lines = [
        f"| plumbing limit (aiokafka loop) | {e2e['plumbing_per_second']:.0f} msg/s | |",
        f"| end to end, 1 worker | {one['articles_per_second']:.0f} art/s "
        f"({e2e['ratio_to_plumbing']:.2f}x plumbing){_others(one['runs'])} | >= 200 |",
        f"| end to end, 2 workers | {two['articles_per_second']:.0f} art/s "
        f"({e2e['two_worker_speedup']:.2f}x one){_others(two['runs'])} | >= 1.7x |",
        f"| quietest runs: 1 / 2 workers | {quiet['workers_1']['articles_per_second']:.0f} / "
        f"{quiet['workers_2']['articles_per_second']:.0f} art/s "
        f"({e2e['two_worker_speedup_quietest']:.2f}x; others "
        f"{quiet['workers_1']['other_cores_during']:.2f} / "
        f"{quiet['workers_2']['other_cores_during']:.2f} cores) | >= 1.7x |",
        f"| 2-worker ceiling from CPU per article | {e2e['two_worker_ceiling_per_second']:.0f} "
        f"art/s ({e2e['two_worker_ceiling_speedup']:.2f}x) | |",
        f"| latency p50 / p95 / p99 at {lat['offered_rate']:.0f} art/s | "
        f"{lat['p50_ms']:.0f} / {lat['p95_ms']:.0f} / {lat['p99_ms']:.0f} ms"
        f"{_others(lat['runs'])} | p99 <= 250 ms |",
        f"| worker peak RSS | {one['peak_rss_mb']:.0f} MB | <= 500 MB |",
        "",
        "| CPU ms per article (median of runs) | 1 worker | 2 workers |",
        "|---|---|---|",
    ]
    names = sorted(set(one["cpu_ms_per_article"]) | set(two["cpu_ms_per_article"]))
    for name in names:
        a, b = one["cpu_ms_per_article"].get(name), two["cpu_ms_per_article"].get(name)
        lines.append(f"| {name} | {_ms(a)} | {_ms(b)} |")
    lines += ["", "| latency run | p50 / p95 / p99 ms | other processes, cores |", "|---|---|---|"]
    for label, runs in (("kept", lat["runs"]), ("set aside", lat["contended_runs_set_aside"])):
        for run in runs:
            lines.append(
                f"| {label} | {run['p50_ms']:.0f} / {run['p95_ms']:.0f} / {run['p99_ms']:.0f} "
                f"| {run['other_cores_during']:.2f} |"
            )
    return lines


def _others(runs: list[dict[str, Any]]) -> str:
    """How much CPU processes outside the benchmark took during these runs."""
    values = ", ".join(f"{run['other_cores_during']:.2f}" for run in runs)
    return f"; others took {values} cores"


def _ms(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _dictionary_rows(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "",
        "| gazetteer | surface forms | index entries | load s | RSS after load "
        "| extraction art/s |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['dataset']} | {row['surface_forms']:,} | {row['entries']:,} | "
            f"{row['load_seconds']:.2f} | {row['rss_loaded_mb']:.0f} MB | "
            f"{row['articles_per_second']:.0f} |"
        )
    return lines
