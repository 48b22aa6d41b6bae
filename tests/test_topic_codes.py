"""Topic codes (PLOVER event types and contexts, CAMEO codes), and asking by code."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ca_security as cs
from ca_security.testing import strategies as cst

DS = cs.load()

#: The mapping the data dictionary documents, written out again as the oracle.
DOCUMENTED = {
    "trade-economy": ("COOPERATE", "economic", "061"),
    "agriculture": ("COOPERATE", "economic", "061"),
    "energy": ("COOPERATE", "economic", "061"),
    "investment": ("COOPERATE", "economic", "061"),
    "tourism": ("COOPERATE", "economic", "061"),
    "transport-logistics": (None, "economic", None),
    "defence-cooperation": ("COOPERATE", "military", "062"),
    "humanitarian-assistance": ("AID", "humanitarian", "073"),
    "terrorism": ("ASSAULT", "terrorism", "18"),
    "natural-disasters": (None, "enviro_disaster", None),
    "floods": (None, "enviro_disaster", None),
    "drug-trafficking": (None, "crime_drugs", None),
    "arms-trafficking": (None, "crime", None),
    "water-energy-food-security": (None, "human_security", None),
    "water-security": (None, "human_security", None),
    "energy-security": (None, "human_security", None),
    "food-security": (None, "human_security", None),
    "international-law-sovereignty": (None, "legal", None),
    "culture-humanitarian-ties": (None, "culture", None),
    "external-partners": (None, "diplomatic", None),
    "borders": (None, "legal", None),
    "cyber-security": (None, "cyber", None),
    "biosecurity": (None, "cbrn", None),
    "critical-minerals": (None, "resource", None),
    "sanctions": ("SANCTION", "economic", "163"),
    "migration": (None, "migration", None),
}


def _codes(topic: cs.Topic) -> tuple[Any, ...]:
    return (
        None if topic.plover is None else topic.plover.value,
        None if topic.plover_context is None else topic.plover_context.value,
        topic.cameo,
    )


def test_bundled_topics_carry_the_documented_codes():
    """Every topic has the codes of the data dictionary's table, and the others none."""
    for topic in DS.topics:
        assert _codes(topic) == DOCUMENTED.get(topic.id, (None, None, None)), topic.id


def test_the_data_dictionary_lists_every_coded_topic():
    """The rationale table names each coded topic (one row may name several)."""
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "data-dictionary.md").read_text("utf-8")
    table = text.split("#### Topic codes", 1)[1]
    for topic_id in DOCUMENTED:
        assert f"`{topic_id}`" in table, topic_id
    uncoded = [t.id for t in DS.topics if t.id not in DOCUMENTED]
    for topic_id in uncoded:
        assert f"`{topic_id}`" in table, f"say why {topic_id} has no code"


def test_topic_codes_property():
    """``codes`` lists the codes that are set, event type first."""
    assert DS.topics["humanitarian-assistance"].codes == ("AID", "humanitarian", "073")
    assert DS.topics["floods"].codes == ("enviro_disaster",)
    assert DS.topics["security"].codes == ()


@pytest.mark.parametrize("cameo", ["6", "06a", "12345", " 061", ""])
def test_a_cameo_code_is_two_to_four_digits(cameo: str):
    """A CAMEO code that is not 2-4 digits is refused, naming the field."""
    with pytest.raises(ValueError, match="cameo"):
        cs.Topic(id="t", name="T", description="T.", cameo=cameo)


def test_plover_codes_are_closed_vocabularies():
    """Strings become enum members; a code PLOVER does not have is refused."""
    topic = cs.Topic(id="t", name="T", description="T.", plover="AID", plover_context="economic")
    assert topic.plover is cs.PloverEvent.AID
    assert topic.plover_context is cs.PloverContext.ECONOMIC
    with pytest.raises(ValueError) as caught:
        cs.Topic(id="t", name="T", description="T.", plover="FIGHT")
    assert caught.value.field == "plover"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("code", "topics"),
    [
        ("AID", {"humanitarian-assistance"}),
        ("073", {"humanitarian-assistance"}),
        ("enviro_disaster", {"natural-disasters", "floods"}),
        ("ENVIRO DISASTER", {"natural-disasters", "floods"}),
        ("062", {"defence-cooperation"}),
    ],
)
def test_filter_by_a_code_on_the_bundled_data(code: str, topics: set[str]):
    """A code stands for every topic bearing it, and (as any topic) the topics below it."""
    below = {t.id for t in DS.topics if _lineage(DS, t.id) & topics}
    expected = [s.id for s in DS.statements if below & set(s.topics)]
    assert list(DS.statements.filter(topic=code).ids) == expected
    expected_summits = [s.id for s in DS.summits if below & set(s.topics)]
    assert list(DS.summits.filter(topic=code).ids) == expected_summits


def test_an_unknown_code_is_not_found():
    """A code no topic bears is an unknown topic."""
    with pytest.raises(cs.RecordNotFoundError):
        DS.statements.filter(topic="MOBILIZE")


def _plain(text: str) -> str:
    """Letters and digits only, without accents, casefolded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).casefold()


def _lineage(ds: cs.Dataset, topic_id: str) -> set[str]:
    """The topic and every topic above it, by walking parents (no query code)."""
    seen: set[str] = set()
    current: str | None = topic_id
    while current is not None and current not in seen:
        seen.add(current)
        parent = ds.topics.get(current)
        current = None if parent is None else parent.parent
    return seen


@given(cst.datasets(), st.data())
def test_filter_by_topic_code_matches_a_plain_scan(ds: cs.Dataset, data: st.DataObject):
    """``topic=<code>`` selects the statements about a topic bearing the code, or one below it."""
    codes = sorted({code for topic in ds.topics for code in topic.codes})
    assume(codes)
    code = data.draw(st.sampled_from(codes))
    if code in ds.topics:  # an id wins over names and codes
        bearing = {code}
    else:
        labelled = {t.id for t in ds.topics if _plain(t.name) == _plain(code)}
        bearing = {t.id for t in ds.topics if code in t.codes} | labelled
    expected = [s.id for s in ds.statements if any(_lineage(ds, t) & bearing for t in s.topics)]
    assert list(ds.statements.filter(topic=code).ids) == expected
