"""How do the sources render one quote, and how many independent origins are there?

Run: python examples/quote_renderings.py [STATEMENT-ID]
"""

import sys

import ca_security

ds = ca_security.load()
statement_id = sys.argv[1] if len(sys.argv) > 1 else "tokayev-2024-05-16-transboundary-threats"
statement = ds.statements[statement_id]

print(f"{ds.officials[statement.speaker].name}, {statement.date}:")
print(f"  canonical text: {statement.text}")

# The corroboration lists each source with its own rendering, verbatim, and
# counts distinct origins: outlets relaying one press release count once.
corroboration = ds.corroboration(statement)
for citation in statement.citations:
    source = ds.sources[citation.source]
    origin = source.origin or "(its own)"
    print(f"  {source.publisher or source.id} [origin: {origin}]")
    print(f"      {citation.excerpt}")
print(f"  {len(statement.citations)} source(s), {corroboration.origin_count} independent origin(s)")
