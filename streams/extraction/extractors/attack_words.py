"""Word classes shared by the conflict rules (extractors/attack.py and its parts)."""

from __future__ import annotations

import re

W = "(?=[0-9A-Za-z])"  # fail fast between words


AIR = re.compile(
    W + r"\b(?:drones?|UAVs?|air ?strikes?|airstrikes?|air raids?|aerial|warplanes?|jets?|aircraft|"
    r"glide bombs?|bombing|bombed|helicopters?|Shaheds?|Geran)\b",
    re.IGNORECASE,
)


MISSILE = re.compile(
    W + r"\b(?:missiles?|rockets?|shell(?:s|ing|ed)|artillery|mortars?|Storm Shadows?|ATACMS|"
    r"HIMARS|Kalibr|Iskander|Kinzhal|Tomahawks?|howitzers?|MLRS|Grad)\b",
    re.IGNORECASE,
)


STRONG = re.compile(
    W
    + r"\b(?:drones?|missiles?|rockets?|shelling|artillery|troops|forces|military|army|militants?|"
    r"soldiers|warplanes?|air ?strikes?|airstrikes?|bombs?|gunmen|rebels|insurgents|war|"
    r"hostilities|bombardment|fighting|militia|jihadists?|invasion|siege|offensive|"
    r"suicide bombers?|suicide attack(?:er)?s?|car bombs?|ieds?)\b",
    re.IGNORECASE,
)


CIVILIAN = re.compile(
    W + r"\b(?:civilians?|villagers|residents|worshippers|passengers|children|women|families|"
    r"farmers|pilgrims|students|displaced people|massacre|shoppers|mourners|patients|fishermen|"
    r"herders|aid seekers|aid (?:distribution )?sites?|waiting for (?:food|aid))\b",
    re.IGNORECASE,
)


COMBAT = re.compile(
    W + r"\b(?:clash(?:es|ed)?|fighting|fought|firefights?|gunfights?|battles?|battled|offensive|"
    r"captured|"
    r"recaptured|seized|repelled|ambush(?:ed)?|advanc(?:e|es|ed|ing)|assaults?|soldiers|troops|"
    r"positions|front ?line|stormed|policemen|police officers|police station|checkpoints?|"
    r"barracks|military (?:post|base|camp))\b",
    re.IGNORECASE,
)


UNNAMED = re.compile(
    W + r"\b(?P<who>gunmen|militants|attackers|gang members|gangs?|insurgents|rebels|jihadists|"
    r"bandits|guerrillas|assailants|militiamen|separatists)\b",
    re.IGNORECASE,
)
