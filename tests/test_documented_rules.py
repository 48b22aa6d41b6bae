"""Rules the data dictionary states are enforced when records are built and loaded."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

import ca_security as cs

CITED = (cs.Citation(source="s"),)


@pytest.mark.parametrize("blank", ["\u200b", "\x00", " \u200b\ufeff ", "\u2060", "\t\x00"])
def test_text_of_only_invisible_characters_is_blank(blank: str) -> None:
    with pytest.raises(ValueError, match="name must not be empty"):
        cs.Series(id="x", name=blank, citations=CITED)


def test_text_with_one_visible_character_is_text() -> None:
    assert cs.Series(id="x", name="\u200b«A»", citations=CITED).name == "\u200b«A»"


def test_aliases_hold_no_duplicates() -> None:
    with pytest.raises(ValueError, match="aliases lists a name twice"):
        cs.Series(id="x", name="C5", aliases=("C5+1", "C5+1"), citations=CITED)


def test_a_place_name_does_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match=r"name ends \(2019\) before it starts \(2022\)"):
        cs.PlaceName(
            name="Nur-Sultan", start=cs.PartialDate.parse("2022"), end=cs.PartialDate.parse("2019")
        )


def test_a_figure_period_does_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match=r"period ends \(2020\) before it starts \(2021\)"):
        cs.Figure(
            id="f",
            description="d",
            value=1,
            unit="u",
            period_start=cs.PartialDate.parse("2021"),
            period_end=cs.PartialDate.parse("2020"),
            citations=CITED,
        )


def test_initiative_history_is_in_date_order() -> None:
    stages = (
        cs.StatusChange(status="adopted", date=cs.PartialDate.parse("2023"), citations=CITED),
        cs.StatusChange(status="proposed", date=cs.PartialDate.parse("2021"), citations=CITED),
    )
    with pytest.raises(ValueError, match=r"history\[1\] \(2021\) lies before the stage above it"):
        cs.Initiative(id="i", name="I", history=stages, citations=CITED)


def _dataset_with(tmp_path: Path, kind: str, extra: list[dict[str, Any]]) -> Path:
    out = cs.load().to_json(tmp_path / "copy")
    path = out / f"{kind}.json"
    path.write_text(json.dumps(json.loads(path.read_text("utf-8")) + extra), "utf-8")
    return out


def test_organization_parents_have_no_cycle(tmp_path: Path) -> None:
    source = cs.load().sources.ids[0]
    cited = [{"source": source}]
    out = _dataset_with(
        tmp_path,
        "organizations",
        [
            {"id": "org-a", "name": "A", "kind": "other", "parent": "org-b", "citations": cited},
            {"id": "org-b", "name": "B", "kind": "other", "parent": "org-a", "citations": cited},
        ],
    )
    with pytest.raises(cs.DatasetError, match="organization hierarchy has a cycle") as caught:
        cs.load(out)
    assert {problem.record for problem in caught.value.problems} == {"org-a", "org-b"}


def _chain(length: int) -> dict[str, tuple[Any, ...]]:
    topics = tuple(
        cs.Topic(
            id=f"t{index}",
            name=f"T{index}",
            description="d",
            parent=f"t{index - 1}" if index else None,
        )
        for index in range(length)
    )
    return {"topics": topics}


def _seconds_to_build(length: int) -> float:
    records = _chain(length)
    metadata = cs.Metadata(dataset_version="x")
    started = time.perf_counter()
    cs.Dataset.from_records(metadata, records)
    return time.perf_counter() - started


def test_a_long_chain_of_parent_topics_is_checked_in_linear_time() -> None:
    """4,000 topics in one chain cost about ten times 400 (a quadratic check costs 100 times)."""
    small = min(_seconds_to_build(400) for _ in range(3))
    large = min(_seconds_to_build(4000) for _ in range(3))
    assert large < 40 * small


def test_a_long_name_is_quoted_shortened_in_the_error() -> None:
    """A look-up of a long unknown name does not copy it whole into the message."""
    with pytest.raises(cs.RecordNotFoundError) as caught:
        cs.load().statements.lookup("x" * 900)
    assert "(900 characters)" in str(caught.value)
    assert len(str(caught.value)) < 300
