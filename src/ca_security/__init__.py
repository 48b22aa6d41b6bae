"""ca_security: a typed, immutable, provenance-checked dataset of Central Asian security diplomacy.

Importing the package defines the types only; :func:`load` reads the bundled
data on first use.

>>> import ca_security
>>> ds = ca_security.load()
>>> ds.summits["sc-secretaries-2024-05-16-astana"].place
'astana'
"""

from ._collection import Collection
from ._corroboration import Corroboration, Rendering
from ._dataset import Dataset
from ._enums import (
    InitiativeKind,
    InitiativeStatus,
    OrganizationKind,
    Qualifier,
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
from ._holding import Holders, Holding, Officials, Term
from ._initiatives import Initiative, Signature, StatusChange
from ._loader import MAX_DEPTH, MAX_FILE_BYTES, load
from ._metadata import Metadata
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
    "Initiative",
    "InitiativeKind",
    "InitiativeStatus",
    "Metadata",
    "MissingExtraError",
    "Official",
    "Officials",
    "Organization",
    "OrganizationKind",
    "PartialDate",
    "Participation",
    "Place",
    "PlaceName",
    "Post",
    "Problem",
    "Qualifier",
    "RecordNotFoundError",
    "Rendering",
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
    "json_schema",
    "load",
]
