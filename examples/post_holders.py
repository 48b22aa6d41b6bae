"""Who held which post on a given date, and which source proves it?

Run: python examples/post_holders.py [DATE]     (default: 2024-05-16)

A holder is *certain* only where a cited date of the tenure lies within the
date or two cited dates lie around it (see docs/dates.md); the known dates
of other tenures only make their holders *possible*, and this script says so.
"""

import sys

import ca_security

ds = ca_security.load()
on = sys.argv[1] if len(sys.argv) > 1 else "2024-05-16"

for post in ds.posts:
    holders = ds.officials.holding(post=post, on=on)
    for holding in holders.certain:
        sources = sorted({ds.sources[c.source].publisher or c.source for c in holding.citations})
        print(f"{post.name}: {holding.official.name} (certain; sources: {', '.join(sources)})")
    for holding in holders.possible:
        print(f"{post.name}: {holding.official.name} (possible: no source shows it on {on})")
