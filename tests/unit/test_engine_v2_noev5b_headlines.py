"""Engine v2 on a headline whose present-tense verb the tagger reads as a noun (round 5,
noev5b): 'Military reclaim Gao from rebels' has a subject and an object on a word tagged
noun; a noun has no subject, so the word is the verb, and a headline's present tells a past
act. Sentences written for these tests, in no gold set and not in the ACLED cache."""

from __future__ import annotations

from streams.extraction.components.families.headlines import headline_verbs
from streams.extraction.nlp import pipeline
from tests.unit.test_engine_v2_no_event_notes import _codes, _events, _one, _places


def test_a_noun_tagged_root_with_subject_and_object_is_a_present_verb() -> None:
    parsed = headline_verbs(pipeline()("Military reclaim Gao from rebels"))
    root = next(t for t in parsed if t.dep_ == "ROOT")
    assert (root.lower_, root.tag_, root.pos_) == ("reclaim", "VBP", "VERB")


def test_a_noun_heading_no_subject_keeps_its_tag() -> None:
    parsed = headline_verbs(pipeline()("Day of the blockade in Dhaka"))
    assert [t.tag_ for t in parsed if t.lower_ == "day"] == ["NN"]


def test_headline_retaking_a_town_is_the_government_regaining_it() -> None:
    event = _one("Military reclaim Gao from rebels")
    assert _codes(event) == ("Battles", "Government regains territory")
    assert _places(event) == ["Gao"]


def test_a_headline_naming_no_conflict_act_stays_no_event() -> None:
    assert _events("Farmers reclaim land in Gao") == []
