"""The closed vocabularies of the model, as string enums (the value is what the data files hold)."""

from __future__ import annotations

import enum

__all__ = [
    "InitiativeKind",
    "InitiativeStatus",
    "OrganizationKind",
    "Qualifier",
    "RenderingKind",
    "Role",
    "SourceKind",
    "StatementKind",
    "SummitFormat",
    "SummitStatus",
]


class SourceKind(str, enum.Enum):
    """What kind of publication a :class:`~ca_security.Source` is."""

    NEWS_REPORT = "news report"
    INTERVIEW = "interview"
    ARTICLE = "article"
    OFFICIAL_STATEMENT = "official statement"
    REFERENCE = "reference"
    WEB_PAGE = "web page"


class StatementKind(str, enum.Enum):
    """How a source reports an utterance."""

    #: The source prints the speaker's words in quotation marks.
    DIRECT_QUOTE = "direct quote"
    #: The source reports the content in its own words.
    PARAPHRASE = "paraphrase"
    #: The speaker wrote it (an article, a letter); the source quotes or summarises the text.
    WRITTEN = "written"


class RenderingKind(str, enum.Enum):
    """How one source gives a statement's words (see :attr:`~ca_security.Citation.rendering`)."""

    #: The speaker's words inside quotation marks, attributed to the speaker.
    QUOTED = "quoted"
    #: Reported speech or a paraphrase in the source's own words.
    REPORTED = "reported"
    #: The speaker's own written text (an article or a letter under their name).
    WRITTEN = "written"


class Role(str, enum.Enum):
    """A participant's part in a summit."""

    HOST = "host"
    CHAIR = "chair"
    HEAD_OF_DELEGATION = "head of delegation"
    PARTICIPANT = "participant"
    GUEST = "guest"
    REPRESENTATIVE = "representative"
    OBSERVER = "observer"


class SummitFormat(str, enum.Enum):
    """The format of a convened meeting."""

    #: Heads of state or government of several countries.
    SUMMIT = "summit"
    #: Ministers, security council secretaries or other officials of several countries.
    MINISTERIAL = "ministerial"
    #: Two sides meeting (talks, a reception, a visit).
    BILATERAL = "bilateral"
    #: A telephone or video call.
    CALL = "call"
    #: Any other convened meeting.
    OTHER = "other"


class SummitStatus(str, enum.Enum):
    """Whether a meeting had taken place as of the sources that report it."""

    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class OrganizationKind(str, enum.Enum):
    """What kind of body an :class:`~ca_security.Organization` is."""

    GOVERNMENT_BODY = "government body"
    INTERNATIONAL_ORGANIZATION = "international organization"
    PRESS_SERVICE = "press service"
    MEDIA = "media"
    RESEARCH = "research"
    EDUCATION = "education"
    ARMED_GROUP = "armed group"
    OTHER = "other"


class InitiativeKind(str, enum.Enum):
    """What an :class:`~ca_security.Initiative` is."""

    STRATEGY = "strategy"
    CONCEPT = "concept"
    TREATY = "treaty"
    DECLARATION = "declaration"
    INSTITUTION = "institution"
    PROPOSAL = "proposal"
    ARTICLE = "article"
    FORMAT = "format"
    OTHER = "other"


class InitiativeStatus(str, enum.Enum):
    """A stage in the life of an initiative or document."""

    PROPOSED = "proposed"
    DRAFTED = "drafted"
    ENDORSED = "endorsed"
    ADOPTED = "adopted"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in force"
    ESTABLISHED = "established"
    PUBLISHED = "published"


class Qualifier(str, enum.Enum):
    """How a stated number relates to the true value."""

    EXACT = "exact"
    MORE_THAN = "more than"
    LESS_THAN = "less than"
    ABOUT = "about"
    TARGET = "target"
