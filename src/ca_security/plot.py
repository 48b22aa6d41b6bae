"""A timeline figure of summits and statements (needs the ``plot`` extra: matplotlib).

Install the extra with ``pip install "ca-security[plot]"``. Importing this
module does not import matplotlib; :func:`timeline` does, and raises
:class:`ImportError` naming the extra when matplotlib is missing.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from ._dataset.dataset import Dataset
from ._model.incidents import Incident
from ._model.statements import Statement
from ._model.summits import Summit

__all__ = ["GROUPS", "timeline"]

#: The ways :func:`timeline` can group statements into rows.
GROUPS = ("speaker", "topic")

_SUMMITS_ROW = "Summits"
_LABEL_CHARS = 48
_LABEL_LEVELS = 3


@attrs.frozen
class _Mark:
    """One thing to draw: a row, a day range and a label."""

    row: str
    earliest: _dt.date
    latest: _dt.date
    label: str
    is_summit: bool


def timeline(
    data: Dataset | Iterable[Summit | Statement],
    path: str | os.PathLike[str],
    *,
    group_by: Literal["speaker", "topic"] = "speaker",
    dataset: Dataset | None = None,
    title: str | None = None,
    width: float = 10.0,
    height: float | None = None,
    dpi: int = 100,
) -> Path:
    """Draw summits and statements on a time axis, one row per speaker or topic, to a file.

    Summits go in a top row (a diamond, or a bar for a meeting of several
    days); each statement is a dot in the row of its speaker (or of each of
    its topics), labelled with the start of its text. A date known only to the
    month or year is drawn as a bar over the whole month or year. Undated
    records are left out. The output is deterministic for the same records
    and matplotlib version (no timestamps in the file).

    Args:
        data: A :class:`~ca_security.Dataset` (all its summits and statements)
            or any iterable of :class:`~ca_security.Summit` and
            :class:`~ca_security.Statement` records, e.g. the result of a query
            (incidents, as ``ds.timeline()`` gives them, are left out).
        path: The file to write; its suffix (``.png``, ``.svg``, ``.pdf``)
            chooses the format.
        group_by: ``"speaker"`` for one row per speaker, ``"topic"`` for one
            row per topic (a statement with two topics appears in both rows).
        dataset: The dataset the records come from, used for speaker names and
            topic labels when ``data`` is not itself a dataset; without it the
            rows are labelled with ids.
        title: A title above the figure.
        width: Width of the figure in inches.
        height: Height in inches; by default it grows with the number of rows.
        dpi: Dots per inch: a PNG is ``width * dpi`` by ``height * dpi`` pixels.

    Returns:
        The path written.

    Raises:
        ImportError: when matplotlib (the ``plot`` extra) is not installed.
        ValueError: for an unknown ``group_by``, or when no record has a date.
        TypeError: for a record that is neither a summit nor a statement.

    Examples:
        >>> import tempfile, pathlib
        >>> import ca_security
        >>> from ca_security.plot import timeline
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "timeline.png"
        >>> timeline(ca_security.load(), out, width=8, height=3, dpi=50) == out
        True
        >>> out.read_bytes()[1:4]
        b'PNG'

    """
    if group_by not in GROUPS:
        raise ValueError(
            f"group_by must be one of {', '.join(map(repr, GROUPS))}, got {group_by!r}"
        )
    if isinstance(data, Dataset):
        dataset = data
        records: list[Summit | Statement] = [*data.summits, *data.statements]
    else:
        records = list(data)
    names = _row_names(dataset, group_by)
    marks = _marks(records, group_by, names)
    if not marks:
        raise ValueError("nothing to draw: no summit or statement has a date")
    pyplot = _pyplot()
    target = Path(path)
    figure = _draw(pyplot, marks, title=title, width=width, height=height, dpi=dpi)
    try:
        metadata: dict[str, Any] = (
            {"Date": None} if target.suffix.lower() in {".svg", ".pdf"} else {}
        )
        with pyplot.rc_context({"svg.hashsalt": "ca_security", "svg.fonttype": "none"}):
            figure.savefig(target, dpi=dpi, metadata=metadata)
    finally:
        pyplot.close(figure)
    return target


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError as error:
        raise ImportError(
            "ca_security.plot needs matplotlib: install the 'plot' extra "
            '(pip install "ca-security[plot]")'
        ) from error
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    return pyplot


def _row_names(dataset: Dataset | None, group_by: str) -> Mapping[str, str]:
    """Display names of the rows: speaker names or topic labels, by id."""
    if dataset is None:
        return {}
    if group_by == "speaker":
        return {official.id: official.name for official in dataset.officials}
    return {topic.id: topic.name for topic in dataset.topics}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1].rstrip() + "…"


def _marks(
    records: Iterable[Summit | Statement], group_by: str, names: Mapping[str, str]
) -> list[_Mark]:
    marks: list[_Mark] = []
    for record in records:
        if isinstance(record, Incident):
            continue  # the figure draws meetings and words; ds.timeline() also holds incidents
        if isinstance(record, Summit):
            if record.start is None:
                continue
            end = record.end or record.start
            label = f"{record.place_name}: {record.name}" if record.place_name else record.name
            marks.append(
                _Mark(_SUMMITS_ROW, record.start.earliest, end.latest, _short(label), True)
            )
        elif isinstance(record, Statement):
            if record.date is None:
                continue
            keys = (record.speaker,) if group_by == "speaker" else (record.topics or ("(none)",))
            marks.extend(
                _Mark(
                    names.get(key, key),
                    record.date.earliest,
                    record.date.latest,
                    _short(record.text),
                    False,
                )
                for key in keys
            )
        else:
            raise TypeError(f"expected summits and statements, got {type(record).__name__}")
    return marks


def _groups(marks: list[_Mark]) -> list[_Mark]:
    """Marks at the same row and days merged into one, labelled with their count."""
    grouped: dict[tuple[Any, ...], list[_Mark]] = {}
    for mark in marks:
        grouped.setdefault((mark.row, mark.earliest, mark.latest, mark.is_summit), []).append(mark)
    merged = []
    for same in grouped.values():
        first = same[0]
        if len(same) == 1:
            merged.append(first)
            continue
        noun = "meetings" if first.is_summit else "statements"
        merged.append(attrs.evolve(first, label=f"{len(same)} {noun}"))
    return merged


def _draw(
    pyplot: Any,
    marks: list[_Mark],
    *,
    title: str | None,
    width: float,
    height: float | None,
    dpi: int,
) -> Any:
    from matplotlib import dates as _dates

    dates: Any = _dates  # some of its functions carry no annotations
    rows = sorted({mark.row for mark in marks if not mark.is_summit})
    if any(mark.is_summit for mark in marks):
        rows.insert(0, _SUMMITS_ROW)
    y_of = {row: len(rows) - 1 - index for index, row in enumerate(rows)}
    figure_height = height if height is not None else 1.6 + 0.9 * len(rows)
    figure, axes = pyplot.subplots(figsize=(width, figure_height), dpi=dpi)

    first = min(mark.earliest for mark in marks)
    last = max(mark.latest for mark in marks)
    pad = max(_dt.timedelta(days=3), (last - first) / 12)
    axes.set_xlim(first - pad, last + pad)
    axes.set_ylim(-0.7, len(rows) - 0.3)
    axes.set_yticks(list(y_of.values()), list(y_of.keys()), fontsize=8)
    axes.grid(axis="x", linestyle=":", linewidth=0.5)
    axes.tick_params(axis="x", labelsize=8)
    locator = dates.AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    if title:
        axes.set_title(title, fontsize=10)
    ordered = sorted(_groups(marks), key=lambda m: (y_of[m.row], m.earliest, m.latest, m.label))
    for mark in ordered:
        y = y_of[mark.row]
        color = "tab:red" if mark.is_summit else "tab:blue"
        if mark.latest > mark.earliest:
            axes.plot([mark.earliest, mark.latest], [y, y], color=color, linewidth=5, alpha=0.5)
        axes.plot([_middle(mark)], [y], marker="D" if mark.is_summit else "o", color=color)
    # Lay the figure out before the labels, so that labels never shrink the axes.
    figure.tight_layout()
    _label(figure, axes, ordered, y_of)
    return figure


def _middle(mark: _Mark) -> _dt.date:
    return mark.earliest + (mark.latest - mark.earliest) / 2


def _label(figure: Any, axes: Any, marks: list[_Mark], y_of: Mapping[str, int]) -> None:
    """Label each mark on the first of a few levels where it overlaps no other label.

    A label that fits on no level is left out; the marker stays. Labels of
    marks in the right third of the axis run leftwards, so they stay inside
    the figure.
    """
    from matplotlib import dates as _dates

    to_number: Any = _dates.date2num  # not annotated in matplotlib
    renderer = figure.canvas.get_renderer()
    left, right = axes.get_xlim()
    placed: dict[tuple[str, int], list[Any]] = {}
    for mark in marks:
        x = _middle(mark)
        leftwards = (to_number(x) - left) / (right - left) > 2 / 3
        for level in range(_LABEL_LEVELS):
            text = axes.annotate(
                mark.label,
                (x, y_of[mark.row]),
                xytext=(-6 if leftwards else 6, 10 - 10 * level),
                textcoords="offset points",
                fontsize=7,
                va="center",
                ha="right" if leftwards else "left",
            )
            box = text.get_window_extent(renderer)
            taken = placed.setdefault((mark.row, level), [])
            if not any(box.overlaps(other) for other in taken):
                taken.append(box)
                break
            text.remove()
