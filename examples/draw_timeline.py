"""Draw the summits and statements of the bundled data on a time axis.

Needs the extra: pip install "ca-security[plot]"
Run: python examples/draw_timeline.py [OUTPUT-DIRECTORY]   (default: the current directory)
"""

import sys
from pathlib import Path

import ca_security
from ca_security.plot import timeline

ds = ca_security.load()
out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")

# One row per speaker; summits in the top row.
print(timeline(ds, out / "timeline-speakers.png", title="By speaker"))
# One row per topic; a statement with two topics appears in both rows.
print(timeline(ds, out / "timeline-topics.svg", group_by="topic", title="By topic"))
# Any selection of records works too: here, what Tokayev said, by topic.
tokayev = ds.officials["kassym-jomart-tokayev"]
said = [s for s in ds.statements if s.speaker == tokayev.id]
print(timeline(said, out / "timeline-tokayev.png", group_by="topic", dataset=ds))
