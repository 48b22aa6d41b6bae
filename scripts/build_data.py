"""
Build the bundled data files from the authored fragments.

The data are authored in ``scripts/data/<part>/<kind>.json`` (one folder per
part of the work: ``corpus`` for what the corpus texts say, ``context`` for the
people, summits and web sources around them). This script merges the parts
kind by kind (an id in two parts is an error), fills citation offsets from
the corpus, sorts records by id and writes ``src/ca_security/data/<kind>.json``,
pretty-printed with a final newline. ``metadata.json`` is authored in place.
Then it loads the written data with every check of ``ca_security.load`` and,
when they pass, writes ``src/ca_security/_load/bundled_records.py``: the
digest of the data it checked and the structuring functions the bundled load
uses for them (see ``ca_security._load.bundled``).

Run from the repository root after editing a fragment::

    python scripts/build_data.py          # rewrite the package data
    python scripts/build_data.py --check  # exit 1 if a file would change

For every citation whose source has a ``corpus_file`` and whose excerpt is
set, the script finds the excerpt in ``corpus/<corpus_file>`` and writes its
``start``/``end`` offsets. An excerpt that does not occur, or occurs more than
once without offsets that pick one occurrence, is an error: fix the excerpt.
The tests, not this script, are the proof that excerpts are verbatim.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "ca_security" / "data"
WRITTEN = ROOT / "src" / "ca_security" / "_load" / "bundled_records.py"
CORPUS = ROOT / "corpus"
PARTS = ROOT / "scripts" / "data"


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def merged_fragments(errors: list[str]) -> dict[str, list[Any]]:
    kinds: dict[str, list[Any]] = {}
    owner: dict[str, str] = {}
    for path in sorted(PARTS.glob("*/*.json")):
        records = json.loads(path.read_text(encoding="utf-8"))
        where = f"{path.parent.name}/{path.name}"
        for record in records:
            record_id = record.get("id", "")
            if record_id in owner:
                errors.append(f"{where}: id {record_id!r} already defined in {owner[record_id]}")
            owner[record_id] = where
        kinds.setdefault(path.name, []).extend(records)
    return kinds


def corpus_texts(sources: list[Any]) -> dict[str, str]:
    texts = {}
    for source in sources:
        name = source.get("corpus_file")
        if name:
            texts[source["id"]] = (CORPUS / name).read_text(encoding="utf-8")
    return texts


def fill_offsets(value: Any, texts: dict[str, str], where: str, errors: list[str]) -> None:
    if isinstance(value, list):
        for index, item in enumerate(value):
            fill_offsets(item, texts, f"{where}[{index}]", errors)
        return
    if not isinstance(value, dict):
        return
    if "source" in value and isinstance(value.get("excerpt"), str) and value["source"] in texts:
        text, excerpt = texts[value["source"]], value["excerpt"]
        start = value.get("start")
        if isinstance(start, int) and text[start : start + len(excerpt)] == excerpt:
            value["end"] = start + len(excerpt)
        else:
            first = text.find(excerpt)
            if first < 0:
                errors.append(f"{where}: excerpt not in {value['source']}: {excerpt[:60]!r}")
            elif text.find(excerpt, first + 1) >= 0:
                errors.append(
                    f"{where}: excerpt occurs twice in {value['source']}; set start by hand"
                )
            else:
                value["start"], value["end"] = first, first + len(excerpt)
    for key, item in value.items():
        fill_offsets(item, texts, f"{where}.{key}", errors)


def bundled_records_changed(*, write: bool, errors: list[str]) -> bool:
    """Check the package data with every check; write (or compare) the bundled load's module.

    Returns whether the module differs from what the data and record types
    call for. Data that fail a check are an error, and nothing is written.
    """
    sys.path.insert(0, str(ROOT / "src"))
    import ca_security
    from ca_security._load.bundled import data_digest
    from ca_security._load.bundled_source import bundled_source

    try:
        ca_security.load(DATA)
    except ca_security.DatasetError as error:
        errors.append(f"the package data break a rule of the loader:\n{error}")
        return False

    def read(name: str) -> bytes | None:
        path = DATA / name
        return path.read_bytes() if path.is_file() else None

    new = bundled_source(data_digest(read))
    original = WRITTEN.read_text(encoding="utf-8") if WRITTEN.exists() else ""
    if new == original:
        return False
    if write:
        WRITTEN.write_text(new, encoding="utf-8")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true", help="only report files that would change")
    args = parser.parse_args()
    errors: list[str] = []
    kinds = merged_fragments(errors)
    texts = corpus_texts(kinds.get("sources.json", []))
    changed = []
    stale = {path.name for path in DATA.glob("*.json")} - {"metadata.json", *kinds}
    for name in sorted(stale):
        errors.append(f"{name} is in the package data but in no fragment")
    for name, value in sorted(kinds.items()):
        path = DATA / name
        value.sort(key=lambda record: record.get("id", ""))
        fill_offsets(value, texts, name, errors)
        original = path.read_text(encoding="utf-8") if path.exists() else ""
        new = dump(value)
        if new != original:
            changed.append(name)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    checkable = not errors and not (args.check and changed)
    if checkable and bundled_records_changed(write=not args.check, errors=errors):
        changed.append(str(WRITTEN.relative_to(ROOT)))
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    for name in changed:
        print(("would change: " if args.check else "rewrote: ") + name)
    return 1 if errors or (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
