"""The timeline figure (``ca_security.plot``, the ``plot`` extra)."""

from __future__ import annotations

import struct
import sys
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ca_security
from ca_security import Citation, PartialDate, Statement, StatementKind, Summit
from ca_security.plot import timeline

pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def citation() -> Citation:
    return Citation(source="some-source")


def statement(number: int, date: PartialDate | None, speaker: str = "someone") -> Statement:
    return Statement(
        id=f"statement-{number}",
        speaker=speaker,
        date=date,
        kind=StatementKind.PARAPHRASE,
        text=f"Statement number {number}",
        topics=("terrorism",),
        citations=(citation(),),
    )


def test_bundled_png_has_the_requested_size(tmp_path: Path) -> None:
    """The bundled data render to a non-empty PNG of width*dpi by height*dpi pixels."""
    out = timeline(ca_security.load(), tmp_path / "t.png", width=6, height=2.5, dpi=80)
    assert tmp_path / "t.png" == out
    assert png_size(out) == (480, 200)
    assert out.stat().st_size > 1000


def test_default_height_grows_with_rows(tmp_path: Path) -> None:
    """Without a height, a figure with more rows is taller."""
    ds = ca_security.load()
    by_speaker = png_size(timeline(ds, tmp_path / "s.png", group_by="speaker"))
    by_topic = png_size(timeline(ds, tmp_path / "t.png", group_by="topic"))
    speakers = {s.speaker for s in ds.statements}
    topics = {t for s in ds.statements for t in s.topics}
    assert by_speaker[0] == by_topic[0] == 1000
    assert (by_speaker[1] < by_topic[1]) == (len(speakers) < len(topics))


def test_svg_names_speakers_topics_and_summits(tmp_path: Path) -> None:
    """An SVG keeps its text: every speaker and topic row is named, and summits are labelled."""
    ds = ca_security.load()
    speaker_svg = timeline(ds, tmp_path / "s.svg").read_text(encoding="utf-8")
    topic_svg = timeline(ds, tmp_path / "t.svg", group_by="topic").read_text(encoding="utf-8")
    assert speaker_svg.startswith("<?xml")
    for record in ds.statements:
        if record.date is not None:
            assert escape(ds.officials[record.speaker].name, quote=False) in speaker_svg
            for topic in record.topics:
                assert escape(ds.topics[topic].name, quote=False) in topic_svg
    assert "Summits" in speaker_svg
    first = next(summit for summit in ds.summits if summit.start is not None)
    assert escape((first.place_name or first.name)[:20], quote=False) in speaker_svg


def test_same_day_statements_share_one_label(tmp_path: Path) -> None:
    """Statements of one speaker on one day are drawn once and labelled with their count."""
    day = PartialDate(2024, 5, 16)
    records = [statement(n, day, speaker="one-speaker") for n in range(3)]
    records.append(statement(9, PartialDate(2024, 6, 1), speaker="one-speaker"))
    svg = timeline(records, tmp_path / "same.svg").read_text(encoding="utf-8")
    assert "3 statements" in svg
    assert "Statement number 9" in svg
    assert "Statement number 0" not in svg


def test_output_is_deterministic(tmp_path: Path) -> None:
    """Drawing the same records twice writes the same bytes (PNG and SVG)."""
    ds = ca_security.load()
    for suffix in (".png", ".svg"):
        first = timeline(ds, tmp_path / f"a{suffix}").read_bytes()
        second = timeline(ds, tmp_path / f"b{suffix}").read_bytes()
        assert first == second


def test_records_without_dataset_use_ids(tmp_path: Path) -> None:
    """Records given without their dataset are labelled with ids."""
    records = [statement(1, PartialDate(2024, 5), speaker="some-speaker")]
    svg = timeline(records, tmp_path / "r.svg").read_text(encoding="utf-8")
    assert "some-speaker" in svg


def test_undated_records_are_left_out(tmp_path: Path) -> None:
    """Undated records are skipped; nothing dated at all is an error."""
    with pytest.raises(ValueError, match="no summit or statement has a date"):
        timeline([statement(1, None)], tmp_path / "x.png")
    undated_summit = Summit(id="s", name="Undated meeting", citations=(citation(),))
    with pytest.raises(ValueError, match="nothing to draw"):
        timeline([undated_summit], tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_bad_arguments(tmp_path: Path) -> None:
    """An unknown grouping or a record of another kind is refused."""
    with pytest.raises(ValueError, match="group_by must be one of 'speaker', 'topic'"):
        timeline(ca_security.load(), tmp_path / "x.png", group_by="country")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected summits and statements, got Citation"):
        timeline([citation()], tmp_path / "x.png")  # type: ignore[list-item]


def test_missing_matplotlib_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without matplotlib the error says which extra to install."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"install the 'plot' extra"):
        timeline(ca_security.load(), tmp_path / "x.png")


def test_importing_plot_does_not_import_matplotlib() -> None:
    """``import ca_security.plot`` stays light: matplotlib loads only when drawing."""
    import subprocess

    code = "import sys, ca_security.plot; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


dates = st.builds(
    PartialDate,
    year=st.integers(1991, 2030),
    month=st.one_of(st.none(), st.integers(1, 12)),
).flatmap(
    lambda d: st.one_of(
        st.just(d),
        st.integers(1, 28).map(lambda day: PartialDate(d.year, d.month, day))
        if d.month is not None
        else st.just(d),
    )
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(dates, min_size=1, max_size=12),
    st.sampled_from(["speaker", "topic"]),
)
def test_any_dated_records_render_at_the_requested_size(
    tmp_path: Path, when: list[PartialDate], group_by: str
) -> None:
    """Any non-empty list of dated statements renders to a PNG of exactly the requested size."""
    records = [statement(n, d, speaker=f"speaker-{n % 3}") for n, d in enumerate(when)]
    out = timeline(records, tmp_path / "p.png", group_by=group_by, width=5, height=3, dpi=40)  # type: ignore[arg-type]
    assert png_size(out) == (200, 120)
