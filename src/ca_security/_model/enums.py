"""The closed vocabularies of the model, as string enums (the value is what the data files hold)."""

from __future__ import annotations

import enum

__all__ = [
    "AcledEventType",
    "IncidentType",
    "InitiativeKind",
    "InitiativeStatus",
    "OrganizationKind",
    "PloverContext",
    "PloverEvent",
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


class IncidentType(str, enum.Enum):
    """What kind of security event an :class:`~ca_security.Incident` is (our own, coarse scheme)."""

    #: One-sided violence, such as a terrorist attack, a bombing or an assault on civilians.
    ATTACK = "attack"
    #: Two or more armed sides fighting, such as border clashes between two states' forces.
    ARMED_CLASH = "armed clash"
    #: A flood, an earthquake, a mudflow and the emergency that follows.
    NATURAL_DISASTER = "natural disaster"
    #: A demonstration, a riot or another collective protest.
    PROTEST = "protest"
    #: Anything else (a non-violent development such as a treaty that ends a dispute).
    OTHER = "other"


class PloverEvent(str, enum.Enum):
    """The event types of PLOVER (Open Event Data Alliance, manual draft 0.7b1).

    The value is the PLOVER code. PLOVER drafts differ: older ones also had
    ``FIGHT``, ``INVESTIGATE``, ``DISAPPROVE`` and ``CRIME``; 0.7b1 folds
    two-sided fighting into ``ASSAULT``, investigations and disapproval into
    ``ACCUSE``, and crime into contexts. See :doc:`/data-dictionary`.
    """

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    DEMAND = "DEMAND"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class PloverContext(str, enum.Enum):
    """The topical contexts of PLOVER (manual draft 0.7b1): what an event is about.

    The grammatical contexts (``future``, ``historical``, ``hypothetical``)
    describe a sentence, not a theme, and are left out.
    """

    POLITICAL = "political"
    MILITARY = "military"
    INTELLIGENCE = "intelligence"
    PEACEKEEPING = "peacekeeping"
    ECONOMIC = "economic"
    DIPLOMATIC = "diplomatic"
    RESOURCE = "resource"
    CULTURE = "culture"
    DISEASE = "disease"
    ENVIRO_DISASTER = "enviro_disaster"
    MIGRATION = "migration"
    HUMANITARIAN = "humanitarian"
    LEGAL = "legal"
    HUMAN_RIGHTS = "human_rights"
    RIGHTS_FREEDOMS = "rights_freedoms"
    GENDER = "gender"
    LGBT = "lgbt"
    TERRORISM = "terrorism"
    HUMAN_SECURITY = "human_security"
    RELIGION_ETHNICITY = "religion_ethnicity"
    GOVERNMENT = "government"
    ELECTION = "election"
    LEGISLATIVE = "legislative"
    CBRN = "cbrn"
    CYBER = "cyber"
    POLITICAL_INSTITUTIONS = "political_institutions"
    CORRUPTION = "corruption"
    CRIME = "crime"
    CRIME_MURDER = "crime_murder"
    CRIME_THEFT = "crime_theft"
    CRIME_DRUGS = "crime_drugs"
    CRIME_SEXUAL = "crime_sexual"


class AcledEventType(str, enum.Enum):
    """The six event types of the ACLED codebook; the value is ACLED's own spelling."""

    BATTLES = "Battles"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    EXPLOSIONS_REMOTE_VIOLENCE = "Explosions/Remote violence"
    RIOTS = "Riots"
    PROTESTS = "Protests"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"
