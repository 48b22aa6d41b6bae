"""ca_security: a typed, immutable, provenance-checked dataset of Central Asian security diplomacy.

Importing the package is cheap: each public name is imported from its private
module on first use, and :func:`load` reads the bundled data on its first call.

>>> import ca_security
>>> ds = ca_security.load()
>>> ds.summits["sc-secretaries-2024-05-16-astana"].place
'astana'
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._collection import Collection
    from ._corroboration import Corroboration, Rendering
    from ._dataset import Dataset
    from ._enums import (
        AcledEventType,
        IncidentType,
        InitiativeKind,
        InitiativeStatus,
        OrganizationKind,
        PloverContext,
        PloverEvent,
        Qualifier,
        RenderingKind,
        Role,
        SourceKind,
        StatementKind,
        SummitFormat,
        SummitStatus,
    )
    from ._errors import (
        AmbiguousNameError,
        CASecurityError,
        DatasetError,
        MissingExtraError,
        Problem,
        RecordNotFoundError,
    )
    from ._export._schema import json_schema
    from ._holding import Holders, Holding, Term
    from ._incidents import Incident
    from ._initiatives import Initiative, Signature, StatusChange
    from ._loader import MAX_DEPTH, MAX_FILE_BYTES, load
    from ._metadata import Metadata
    from ._officials import Officials
    from ._online import PageCheck, PageReport, PageStatus, check_pages
    from ._partial_date import DateLike, PartialDate
    from ._people import Official, Post, Tenure
    from ._provenance import Citation, Dispute, DisputedValue, Source
    from ._statements import Figure, Statement
    from ._summits import Participation, Summit
    from ._version import DATASET_VERSION, __version__
    from ._vocabulary import Country, Organization, Place, PlaceName, Series, Topic

__all__ = [
    "DATASET_VERSION",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "AcledEventType",
    "AmbiguousNameError",
    "CASecurityError",
    "Citation",
    "Collection",
    "Corroboration",
    "Country",
    "Dataset",
    "DatasetError",
    "DateLike",
    "Dispute",
    "DisputedValue",
    "Figure",
    "Holders",
    "Holding",
    "Incident",
    "IncidentType",
    "Initiative",
    "InitiativeKind",
    "InitiativeStatus",
    "Metadata",
    "MissingExtraError",
    "Official",
    "Officials",
    "Organization",
    "OrganizationKind",
    "PageCheck",
    "PageReport",
    "PageStatus",
    "PartialDate",
    "Participation",
    "Place",
    "PlaceName",
    "PloverContext",
    "PloverEvent",
    "Post",
    "Problem",
    "Qualifier",
    "RecordNotFoundError",
    "Rendering",
    "RenderingKind",
    "Role",
    "Series",
    "Signature",
    "Source",
    "SourceKind",
    "Statement",
    "StatementKind",
    "StatusChange",
    "Summit",
    "SummitFormat",
    "SummitStatus",
    "Tenure",
    "Term",
    "Topic",
    "__version__",
    "check_pages",
    "json_schema",
    "load",
]

#: The private module that defines each public name. ``__getattr__`` imports it
#: on first access of the name (PEP 562), so ``import ca_security`` imports none
#: of them: no record type is built and no data are read until a name is used.
_MODULES: dict[str, str] = {
    "Collection": "._collection",
    "Corroboration": "._corroboration",
    "Rendering": "._corroboration",
    "Dataset": "._dataset",
    "AcledEventType": "._enums",
    "IncidentType": "._enums",
    "InitiativeKind": "._enums",
    "InitiativeStatus": "._enums",
    "OrganizationKind": "._enums",
    "PloverContext": "._enums",
    "PloverEvent": "._enums",
    "Qualifier": "._enums",
    "RenderingKind": "._enums",
    "Role": "._enums",
    "SourceKind": "._enums",
    "StatementKind": "._enums",
    "SummitFormat": "._enums",
    "SummitStatus": "._enums",
    "AmbiguousNameError": "._errors",
    "CASecurityError": "._errors",
    "DatasetError": "._errors",
    "MissingExtraError": "._errors",
    "Problem": "._errors",
    "RecordNotFoundError": "._errors",
    "json_schema": "._export._schema",
    "Holders": "._holding",
    "Holding": "._holding",
    "Term": "._holding",
    "Incident": "._incidents",
    "Initiative": "._initiatives",
    "Signature": "._initiatives",
    "StatusChange": "._initiatives",
    "MAX_DEPTH": "._loader",
    "MAX_FILE_BYTES": "._loader",
    "load": "._loader",
    "Metadata": "._metadata",
    "Officials": "._officials",
    "PageCheck": "._online",
    "PageReport": "._online",
    "PageStatus": "._online",
    "check_pages": "._online",
    "DateLike": "._partial_date",
    "PartialDate": "._partial_date",
    "Official": "._people",
    "Post": "._people",
    "Tenure": "._people",
    "Citation": "._provenance",
    "Dispute": "._provenance",
    "DisputedValue": "._provenance",
    "Source": "._provenance",
    "Figure": "._statements",
    "Statement": "._statements",
    "Participation": "._summits",
    "Summit": "._summits",
    "DATASET_VERSION": "._version",
    "__version__": "._version",
    "Country": "._vocabulary",
    "Organization": "._vocabulary",
    "Place": "._vocabulary",
    "PlaceName": "._vocabulary",
    "Series": "._vocabulary",
    "Topic": "._vocabulary",
}


# Hidden from type checkers, which read the imports above instead: a module
# ``__getattr__`` would make them accept any misspelt name (as ``Any``).
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        """A public name, imported from its module on first access, then kept in this module."""
        try:
            module = _MODULES[name]
        except KeyError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The module's names, the public ones included before their first use."""
    return sorted({*globals(), *__all__})
