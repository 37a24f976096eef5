"""Engine v2 tolls, round 4: vague amounts coded the ACLED way (docs/codebook.md, 'Vague
tolls'), a toll told before the event's sentence, a toll after an attack told as a happening
(the attack's count, not a casualty report), killers counted before an active killing verb
and the victims of a lynching counted dead.
Sentences written for these tests, in no gold set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.components.families.conflict import count
from streams.extraction.components.roles import RoleHit
from streams.extraction.numbers import AMOUNT_RE, VAGUE, parse_amount
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")


def _typed_tolls(text: str) -> list[tuple[str, int | None]]:
    return [
        (e.event_type, e.quantities.killed.value if e.quantities.killed else None)
        for e in _events(text)
        if e.category == "conflict"
    ]


@pytest.mark.parametrize(
    ("phrase", "value", "qualifier"),
    [
        ("several", 3, "at_least"),
        ("an unknown number of", 3, "at_least"),
        ("an unspecified number of", 3, "at_least"),
        ("tens of", 10, "at_least"),
        ("dozens of", 12, "at_least"),
        ("hundreds of", 100, "at_least"),
    ],
)
def test_vague_amounts_read_as_acled_codes_them(phrase: str, value: int, qualifier: str) -> None:
    match = AMOUNT_RE.search(f"Rebels said {phrase} soldiers were killed.")
    assert match is not None
    found = parse_amount(match)
    assert found is not None
    assert (found.value, found.qualifier) == (value, qualifier)


def test_vague_amounts_come_from_the_data_file() -> None:
    assert VAGUE["several"] == (3, "at_least")
    assert VAGUE["dozens"] == (12, "at_least")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vague toll in the event's sentence
        (
            "Several soldiers were killed when militants attacked an army post in Kidal on Monday.",
            [("armed_clash", 3)],
        ),
        # a toll after an attack told as a happening: the attack's count, typed as the attack
        (
            "Fighting broke out between two armed groups in Bossangoa on Monday. Several "
            "people were killed.",
            [("armed_clash", 3)],
        ),
        (
            "Fighting broke out between two armed groups in Bossangoa on Monday. Four people "
            "were killed.",
            [("armed_clash", 4)],
        ),
        # a toll told before the event's sentence, by a verb of dying
        (
            "Two soldiers died on Monday. Militants attacked their post near Kidal.",
            [("armed_clash", 2)],
        ),
        (
            "A soldier succumbed to his wounds in a hospital in Gao on Monday. He was hurt when "
            "militants attacked an army patrol near Gao on Saturday.",
            [("armed_clash", 1)],
        ),
    ],
)
def test_tolls_reach_the_event(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert _typed_tolls(text) == expected


def test_a_count_before_an_active_killing_verb_counts_the_killers() -> None:
    # 'several farmers killed the herder': one dead, not three
    text = (
        "On Monday a herder wounded a farmer in the village of Djougou. In reaction, several "
        "farmers killed the herder."
    )
    assert [t for _, t in _typed_tolls(text)] == [1]


def test_a_toll_noun_before_the_event_may_sum_more_happenings() -> None:
    # 'caused the death of 30' before 'performed two attacks': the total, not the first's toll
    text = (
        "A gunman appeared in court on Monday over shootings in Kaduna on Friday which caused "
        "the death of 30 people. Police said he carried out two attacks. The first attack was "
        "at a market in Kaduna, which left at least 20 people dead."
    )
    assert 30 not in [t for _, t in _typed_tolls(text)]


def test_a_running_total_before_the_event_gives_no_toll() -> None:
    text = (
        "More than 300 people have died in the region since the insurgency began in 2017. "
        "Militants attacked an army post near Mocimboa da Praia on Monday."
    )
    assert [t for _, t in _typed_tolls(text)] == [None]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Residents lynched three suspected robbers in Kisumu on Sunday.", 3),
        ("Two traders were lynched by a vigilante group in Nakuru on Monday.", 2),
        # beating is no killing: no toll
        ("An angry mob beat two suspected thieves in Kisumu on Sunday.", None),
    ],
)
def test_a_lynching_counts_its_victims_dead(text: str, toll: int | None) -> None:
    found = [(e.event_type, e.quantities.killed) for e in _events(text)]
    assert [(kind, k.value if k else None) for kind, k in found] == [("mob_violence", toll)]


def _victim(text: str, start: int, base: int) -> RoleHit:
    span = (start, start + len(text))
    return RoleHit((60, 71), "single_victim", "p", span, span, text, base)


def test_coordinated_single_victims_add_up_past_a_misparsed_conjunct() -> None:
    # 'Police allege a nurse and a village chief were gunned down', the parser making
    # 'Police allege' a victim of its own: each 'a ...' conjunct is one dead, it is no one
    hits = [
        _victim("Police allege", 0, 0),
        _victim("a nurse", 14, 14),
        _victim("a village chief", 26, 14),
    ]
    found = count(hits, "victims")
    assert found is not None
    assert found.value == 2


def test_coordinated_single_victims_in_the_sentence() -> None:
    text = "Gunmen shot dead a nurse and a village chief in Narathiwat on Monday."
    assert [t for _, t in _typed_tolls(text)] == [2]
