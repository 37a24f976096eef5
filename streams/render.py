"""One readable line per event, for the demo and `streams tail`."""

from __future__ import annotations

from typing import Any

QUALIFIER_MARK = {"exact": "", "at_least": "≥", "at_most": "≤", "approximately": "~"}


def render_event(event: dict[str, Any]) -> str:
    parts = [f"{event.get('event_type', '?')} [{event.get('status', '?')}]"]
    when = (event.get("when") or {}).get("date")
    if when:
        parts.append(str(when))
    actors = _actors(event.get("actors") or [])
    if actors:
        parts.append(actors)
    places = [place.get("name", "?") for place in event.get("locations") or []]
    if places:
        parts.append("@ " + ", ".join(places))
    counts = _counts(event.get("quantities") or {})
    if counts:
        parts.append(counts)
    parts.append(f"conf {event.get('confidence', 0):.2f}")
    return " | ".join(parts)


def _actors(actors: list[dict[str, Any]]) -> str:
    by_role: dict[str, list[str]] = {}
    for actor in actors:
        by_role.setdefault(actor.get("role", "?"), []).append(actor.get("name", "?"))
    initiators = ", ".join(by_role.pop("initiator", []) + by_role.pop("speaker", []))
    targets = ", ".join(by_role.pop("target", []) + by_role.pop("addressee", []))
    text = f"{initiators or '?'} → {targets}" if targets else initiators
    others = "; ".join(f"{role}: {', '.join(names)}" for role, names in by_role.items())
    return "; ".join(part for part in (text, others) if part)


def _counts(quantities: dict[str, Any]) -> str:
    parts = []
    for key in ("killed", "injured", "arrested", "missing", "displaced"):
        count = quantities.get(key)
        if count:
            mark = QUALIFIER_MARK.get(count.get("qualifier", "exact"), "")
            extra = f" ({count['children']} children)" if count.get("children") else ""
            parts.append(f"{key} {mark}{count['value']}{extra}")
    weapons = [
        f"{weapon['count']} {weapon['kind']}"
        if weapon.get("count")
        else (weapon.get("name") or weapon["kind"])
        for weapon in quantities.get("weapons") or []
    ]
    if weapons:
        parts.append("weapons: " + ", ".join(weapons))
    return ", ".join(parts)


def render_canonical(canonical: dict[str, Any]) -> str:
    """A canonical event (events.canonical): marked, with its version and its sources."""
    mentions = canonical.get("mentions") or []
    sources = sorted({m.get("source") or m.get("article_id", "?") for m in mentions})
    head = f"⇒ CANONICAL {canonical.get('canonical_id', '?')} v{canonical.get('version', '?')}"
    body = render_event({**canonical, "confidence": 0.0}).rsplit(" | conf", 1)[0]
    return f"{head} | {body} | {len(mentions)} mention(s) from {', '.join(sources)}"
