"""Who said what on terrorism in May 2024?

Run: python examples/terrorism_may_2024.py
"""

import ca_security

ds = ca_security.load()

# `topic` includes narrower topics; `since`/`until` match partial dates by
# overlap, so "2024-05" keeps every statement that may fall in May 2024.
statements = ds.statements.filter(topic="terrorism", since="2024-05", until="2024-05")

for statement in statements:  # in date order
    speaker = ds.officials[statement.speaker]
    print(f"{statement.date}  {speaker.name} ({statement.kind.value})")
    print(f"    {statement.text}")
    # One citation per outlet that reports the statement.
    outlets = sorted({ds.sources[c.source].publisher or c.source for c in statement.citations})
    print(f"    reported by: {', '.join(outlets)}")

print(f"{len(statements)} statement(s)")
