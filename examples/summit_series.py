"""The participants of each summit in a series, in order.

Run: python examples/summit_series.py [SERIES-ID]   (default: every series)
"""

import sys

import ca_security

ds = ca_security.load()
series_ids = sys.argv[1:] or list(ds.series.ids)

for series_id in series_ids:
    series = ds.series[series_id]
    print(series.name)
    for summit in ds.summits.filter(series=series):  # in date order
        number = f"#{summit.ordinal} " if summit.ordinal else ""
        print(f"  {number}{summit.start}  {summit.place_name or summit.place}")
        for part in summit.participants:
            # A participant is a person, or a country or organization without a named person.
            who = ds.get(part.person or part.country or part.organization).name
            print(f"      {who:<28} {part.role.value}")
