"""Sphinx configuration of the ca_security documentation.

Build (from the repository root, with ``pip install -e ".[docs]"``)::

    sphinx-build -n -W --keep-going -b html docs docs/_build/html
    sphinx-build -n -W --keep-going -b doctest docs docs/_build/doctest

The build is offline: no intersphinx inventory is fetched. The package must be
installed (no ``sys.path`` edits); the timeline figure of the bundled data is
drawn into ``docs/_static/generated/`` when the build starts.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import Any

project = "ca_security"
author = "ca_security contributors"
copyright = "ca_security contributors; data CC BY 4.0"  # noqa: A001 - Sphinx's name
release = metadata.version("ca-security")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx_copybutton",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# -- MyST ---------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- autodoc + napoleon ---------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_typehints_format = "short"
python_use_unqualified_type_names = True
autodoc_preserve_defaults = False
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False
napoleon_attr_annotations = True

# -- doctest --------------------------------------------------------------------
doctest_global_setup = "import ca_security\nfrom ca_security import *"
doctest_test_doctest_blocks = "default"

# -- HTML -----------------------------------------------------------------------
html_theme = "furo"
html_title = f"ca_security {release}"
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True

# -- nitpicky mode (-n) offline ---------------------------------------------------
# Intersphinx is off so that the build needs no network. References to the
# standard library and to third-party types therefore have no target; they are
# listed here, by name, instead of silencing nitpicky mode as a whole.
nitpick_ignore_regex = [
    ("py:class", r"(str|int|float|bool|bytes|object|type|None|Any|Path|tuple|list|dict|set|frozenset)"),
    ("py:class", r"(datetime|_dt|dt)\.(date|datetime)"),
    ("py:class", r"(os\.)?PathLike(\[str\])?"),
    ("py:class", r"(pathlib\.)?Path"),
    ("py:class", r"(typing|collections\.abc)\.\w+"),
    ("py:class", r"(Iterable|Iterator|Mapping|Sequence|Callable|Literal|Generic|TypeVar)(\[.*\])?"),
    ("py:class", r"(enum\.)?Enum"),
    ("py:class", r"(attrs|attr)\.\w+"),
    ("py:class", r"(ValueError|KeyError|LookupError|TypeError|ImportError|Exception)"),
    # The type variables of Collection: R (its records) and D (the default of get).
    ("py:class", r"(ca_security\.)?(_?\w+\.)*[RD]"),
    ("py:exc", r"(ValueError|KeyError|LookupError|TypeError|ImportError|FileNotFoundError|OSError)"),
    ("py:func", r"(dateutil\.parser\.parse|attrs\.\w+)"),
]

HERE = Path(__file__).parent
GENERATED = HERE / "_static" / "generated"


def _draw_figures(app: Any) -> None:
    """Draw the timeline figures of the bundled data shown in the docs."""
    import ca_security
    from ca_security.plot import timeline

    GENERATED.mkdir(parents=True, exist_ok=True)
    ds = ca_security.load()
    timeline(ds, GENERATED / "timeline-speakers.svg", title="Summits and statements, by speaker")
    timeline(
        ds,
        GENERATED / "timeline-topics.svg",
        group_by="topic",
        title="Summits and statements, by topic",
    )


def setup(app: Any) -> dict[str, Any]:
    """Draw the figures when the build starts."""
    app.connect("builder-inited", _draw_figures)
    return {"parallel_read_safe": True}
