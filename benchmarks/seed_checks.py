"""The user's seed article, verbatim: the 14 checks a reader makes of its events.

The article (seeds/00-user-seed-verbatim-ukraine.txt, a copy of the user's file) is read the
way a new user would: `streams extract` on its text, published 2025-10-22. Each check is what
a reader of the story expects of the events; the report says which hold.

Run: `python -m benchmarks.seed_checks [--json] [--write-readme]` (the last rewrites the README's
block between its seed-checks markers with this report).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from streams.articles_io import read_articles
from streams.extraction import extract
from streams.readme_sample import rewrite
from streams.schemas import Event

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "00-user-seed-verbatim-ukraine.txt"
README_START = "<!-- seed-checks:start (python -m benchmarks.seed_checks --write-readme) -->"
README_END = "<!-- seed-checks:end -->"
ATTACK_TYPES = {"air_strike", "missile_attack", "remote_explosive", "armed_clash"}


@dataclass(frozen=True)
class Check:
    name: str
    holds: Callable[[list[Event]], bool]


def _actor(event: Event, role: str, country: str | None = None, name: str = "") -> bool:
    return any(
        a.role == role
        and (country is None or a.country == country)
        and name.lower() in a.name.lower()
        for a in event.actors
    )


def _main_attack(events: list[Event]) -> Event | None:
    return next(
        (
            e
            for e in events
            if e.event_type in ATTACK_TYPES
            and _actor(e, "initiator", "RUS")
            and _actor(e, "target", "UKR")
        ),
        None,
    )


def _attack_has(test: Callable[[Event], bool]) -> Callable[[list[Event]], bool]:
    def check(events: list[Event]) -> bool:
        attack = _main_attack(events)
        return attack is not None and test(attack)

    return check


def _weapon(kind: str, count: int) -> Callable[[Event], bool]:
    return lambda e: any(w.kind == kind and w.count == count for w in e.quantities.weapons)


def _places(*names: str) -> Callable[[Event], bool]:
    return lambda e: {n.lower() for n in names} <= {loc.name.lower() for loc in e.locations}


def _any(test: Callable[[Event], bool]) -> Callable[[list[Event]], bool]:
    return lambda events: any(test(e) for e in events)


def _none(test: Callable[[Event], bool]) -> Callable[[list[Event]], bool]:
    return lambda events: not any(test(e) for e in events)


def _killed_at_least_six(e: Event) -> bool:
    k = e.quantities.killed
    return k is not None and (k.value, k.qualifier) == (6, "at_least")


def _two_children(e: Event) -> bool:
    k = e.quantities.killed
    return k is not None and k.children == 2


def _injured_18(e: Event) -> bool:
    return e.quantities.injured is not None and e.quantities.injured.value == 18


def _bryansk_strike(e: Event) -> bool:
    return (
        e.event_type in ATTACK_TYPES
        and _actor(e, "initiator", "UKR")
        and any(loc.admin1 is not None and loc.admin1.code == "RU-BRY" for loc in e.locations)
        and not any(loc.precision == "city" and loc.name == "Bryansk" for loc in e.locations)
    )


def _sanctions(e: Event) -> bool:
    return e.event_type == "sanctions_imposed"


CHECKS: tuple[Check, ...] = (
    Check("attack Russia -> Ukraine", lambda ev: _main_attack(ev) is not None),
    Check("at least 6 killed", _attack_has(_killed_at_least_six)),
    Check("2 of the dead are children", _attack_has(_two_children)),
    Check("18 injured", _attack_has(_injured_18)),
    Check("405 drones", _attack_has(_weapon("drone", 405))),
    Check("28 missiles", _attack_has(_weapon("missile", 28))),
    Check(
        "Kyiv, Zaporizhzhia, Odesa, Chernihiv",
        _attack_has(_places("Kyiv", "Zaporizhzhia", "Odesa", "Chernihiv")),
    ),
    Check("Ukraine's strike in Bryansk region (not the city)", _any(_bryansk_strike)),
    Check(
        "sanctions initiated by the United States",
        _any(lambda e: _sanctions(e) and _actor(e, "initiator", "USA")),
    ),
    Check(
        "sanctions on Lukoil and Rosneft",
        _any(
            lambda e: (
                _sanctions(e)
                and _actor(e, "target", name="Lukoil")
                and _actor(e, "target", name="Rosneft")
            )
        ),
    ),
    Check(
        "Zelenskyy's appeal to the EU, the US and the G7",
        _any(
            lambda e: (
                e.event_type == "appeal"
                and _actor(e, "initiator", "UKR")
                and _actor(e, "target", name="European Union")
                and _actor(e, "target", "USA")
                and _actor(e, "target", name="G7")
            )
        ),
    ),
    Check(
        "Trump's proposal coded as a proposal",
        _any(
            lambda e: (
                e.event_type == "ceasefire_proposal" and _actor(e, "initiator", "USA", "Trump")
            )
        ),
    ),
    Check(
        "no meeting as occurred",
        _none(lambda e: e.event_type == "diplomatic_meeting" and e.status == "occurred"),
    ),
    Check(
        "no ceasefire proposal by the Treasury",
        _none(
            lambda e: (
                e.event_type == "ceasefire_proposal" and _actor(e, "initiator", name="Treasury")
            )
        ),
    ),
)


def run_checks(events: list[Event]) -> list[tuple[str, bool]]:
    return [(check.name, check.holds(events)) for check in CHECKS]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.seed_checks",
        description="Which of the 14 reader checks hold on the user's verbatim seed article.",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument(
        "--write-readme", action="store_true", help="rewrite the README's seed-checks block"
    )
    args = parser.parse_args(argv)
    (loaded,) = read_articles([str(SEED)])
    events = extract(loaded.article)
    results = run_checks(events)
    held = sum(ok for _, ok in results)
    if args.json:
        print(json.dumps({"held": held, "checks": len(results), "results": dict(results)}))
        return 0
    report = _report(results, events)
    print(report)
    if args.write_readme:
        readme = ROOT / "README.md"
        block = "```\n" + report + "\n```"
        readme.write_text(rewrite(readme.read_text(), block, README_START, README_END))
    return 0


def _report(results: list[tuple[str, bool]], events: list[Event]) -> str:
    held = sum(ok for _, ok in results)
    lines = [f"  [{'x' if ok else ' '}] {name}" for name, ok in results]
    lines.append(f"{held} of {len(results)} reader checks hold; the events:")
    lines += [f"  {event.event_type} [{event.status}] {event.summary}" for event in events]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
