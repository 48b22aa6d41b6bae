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
    from ._dataset.collection import Collection
    from ._dataset.dataset import Dataset
    from ._dataset.officials import Officials
    from ._export.schema import json_schema
    from ._load.reading import MAX_DEPTH, MAX_FILE_BYTES, load
    from ._model.dates import DateLike, PartialDate
    from ._model.enums import (
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
    from ._model.errors import (
        AmbiguousNameError,
        CASecurityError,
        DatasetError,
        MissingExtraError,
        Problem,
        RecordNotFoundError,
    )
    from ._model.incidents import Incident
    from ._model.initiatives import Initiative, Signature, StatusChange
    from ._model.metadata import Metadata
    from ._model.people import Official, Post, Tenure
    from ._model.provenance import Citation, Dispute, DisputedValue, Source
    from ._model.statements import Figure, Statement
    from ._model.summits import Participation, Summit
    from ._model.vocabulary import Country, Organization, Place, PlaceName, Series, Topic
    from ._query.corroboration import Corroboration, Rendering
    from ._query.holding import Holders, Holding, Term
    from ._verify.pages import PageCheck, PageReport, PageStatus, check_pages
    from ._version import DATASET_VERSION, __version__

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
    "Collection": "._dataset.collection",
    "Corroboration": "._query.corroboration",
    "Rendering": "._query.corroboration",
    "Dataset": "._dataset.dataset",
    "AcledEventType": "._model.enums",
    "IncidentType": "._model.enums",
    "InitiativeKind": "._model.enums",
    "InitiativeStatus": "._model.enums",
    "OrganizationKind": "._model.enums",
    "PloverContext": "._model.enums",
    "PloverEvent": "._model.enums",
    "Qualifier": "._model.enums",
    "RenderingKind": "._model.enums",
    "Role": "._model.enums",
    "SourceKind": "._model.enums",
    "StatementKind": "._model.enums",
    "SummitFormat": "._model.enums",
    "SummitStatus": "._model.enums",
    "AmbiguousNameError": "._model.errors",
    "CASecurityError": "._model.errors",
    "DatasetError": "._model.errors",
    "MissingExtraError": "._model.errors",
    "Problem": "._model.errors",
    "RecordNotFoundError": "._model.errors",
    "json_schema": "._export.schema",
    "Holders": "._query.holding",
    "Holding": "._query.holding",
    "Term": "._query.holding",
    "Incident": "._model.incidents",
    "Initiative": "._model.initiatives",
    "Signature": "._model.initiatives",
    "StatusChange": "._model.initiatives",
    "MAX_DEPTH": "._load.reading",
    "MAX_FILE_BYTES": "._load.reading",
    "load": "._load.reading",
    "Metadata": "._model.metadata",
    "Officials": "._dataset.officials",
    "PageCheck": "._verify.pages",
    "PageReport": "._verify.pages",
    "PageStatus": "._verify.pages",
    "check_pages": "._verify.pages",
    "DateLike": "._model.dates",
    "PartialDate": "._model.dates",
    "Official": "._model.people",
    "Post": "._model.people",
    "Tenure": "._model.people",
    "Citation": "._model.provenance",
    "Dispute": "._model.provenance",
    "DisputedValue": "._model.provenance",
    "Source": "._model.provenance",
    "Figure": "._model.statements",
    "Statement": "._model.statements",
    "Participation": "._model.summits",
    "Summit": "._model.summits",
    "DATASET_VERSION": "._version",
    "__version__": "._version",
    "Country": "._model.vocabulary",
    "Organization": "._model.vocabulary",
    "Place": "._model.vocabulary",
    "PlaceName": "._model.vocabulary",
    "Series": "._model.vocabulary",
    "Topic": "._model.vocabulary",
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
