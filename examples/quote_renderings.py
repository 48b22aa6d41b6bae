"""How do the sources render one quote, and how many independent origins are there?

Run: python examples/quote_renderings.py [STATEMENT-ID]
"""

import sys

import ca_security

ds = ca_security.load()
statement_id = sys.argv[1] if len(sys.argv) > 1 else "tokayev-2024-05-16-transboundary-threats"

# The corroboration lists each source with its own rendering, verbatim, the
# origin it relays (outlets relaying one press release share an origin), and
# how each rendering differs from the canonical text, word by word.
corroboration = ds.corroboration(statement_id)
statement = corroboration.statement

print(f"{ds.officials[statement.speaker].name}, {statement.date}:")
print(f"  canonical text: {statement.text}")
for rendering in corroboration.renderings:
    print(f"  {rendering.source.publisher or rendering.source.id} [origin: {rendering.origin}]")
    print(f"      {rendering.citation.excerpt}")
    if rendering.diff is not None and rendering.diff != rendering.citation.excerpt:
        print(f"      differences: {rendering.diff}")
print(
    f"  {len(corroboration.sources)} source(s), {corroboration.independent} independent origin(s)"
)
