"""Who held which post on a given date?

Run: python examples/post_holders.py [DATE]     (default: 2024-05-16)
"""

import sys

import ca_security

ds = ca_security.load()
on = sys.argv[1] if len(sys.argv) > 1 else "2024-05-16"

# For every post, ask who held it on that date. Partial or unknown tenure
# dates make some answers only possible rather than certain.
for post in ds.posts:
    holders = ds.officials.holding(post=post, on=on)
    for holding in holders:
        certainty = "certain" if holding.certain else "possible"
        print(f"{post.label}: {holding.official.name} ({certainty})")
