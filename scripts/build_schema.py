"""Write the JSON Schema of the data files, generated from the record types.

python scripts/build_schema.py          # rewrite src/ca_security/schema/ca-security.schema.json
python scripts/build_schema.py --check  # exit 1 if the shipped file is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ca_security import json_schema

TARGET = Path(__file__).resolve().parent.parent / "src/ca_security/schema/ca-security.schema.json"


def render() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is current")
    args = parser.parse_args()
    text = render()
    current = TARGET.read_text("utf-8") if TARGET.exists() else None
    if args.check:
        if current != text:
            print(
                f"{TARGET.name} is out of date: run python scripts/build_schema.py", file=sys.stderr
            )
            return 1
        return 0
    TARGET.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
