"""Engine v2 actors (round 8): a doer read only as a common word ('gunmen', 'militants') is the
group the story names: one written right before the word, else the one group that claims the
act; two groups claiming leave the word."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-10-22T09:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 10, 22, tzinfo=UTC))


def _doers(text: str) -> list[list[str]]:
    return [
        [a.name for a in e.actors if a.role == "initiator"]
        for e in _events(text)
        if e.category == "conflict"
    ]


def _initiators(text: str) -> list[tuple[str, str | None]]:
    """The doers of the text's one conflict event."""
    (event,) = [e for e in _events(text) if e.category == "conflict"]
    return [(a.name, a.country) for a in event.actors if a.role == "initiator"]


def test_group_written_before_the_armed_word_is_the_doer() -> None:
    doers = _doers(
        "Three soldiers and 20 ISWAP gunmen were killed during a shootout in Monguno, Nigeria, "
        "on Sunday."
    )
    assert ["ISWAP"] in doers


def test_group_claiming_the_attack_is_the_doer() -> None:
    text = (
        "Gunmen opened fire on a bus near Mandera, Kenya, on Tuesday, killing nine passengers. "
        "Police said the attackers fled towards the border. Residents said the area had been "
        "calm for months. Traders closed their shops. Al-Shabaab later claimed responsibility "
        "for the attack in a statement."
    )
    assert _initiators(text) == [("al-Shabaab", "SOM")]


def test_two_groups_claiming_leave_the_armed_word() -> None:
    text = (
        "Gunmen opened fire on a bus near Mandera, Kenya, on Tuesday, killing nine passengers. "
        "Residents said the area had been calm for months. Traders closed their shops. "
        "Al-Shabaab claimed responsibility for the attack. ISWAP later also claimed "
        "responsibility for it."
    )
    assert [name for name, _ in _initiators(text)] == ["Gunmen"]
