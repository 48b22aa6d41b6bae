"""Structuring functions for the bundled data: written by ``scripts/build_data.py``, do not edit.

See :mod:`ca_security._load.bundled_source` for what they trust and why.
"""

# fmt: off
from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import attrs

from .._model.dates import PartialDate
from .._model.enums import AcledEventType, IncidentType, InitiativeKind, InitiativeStatus, OrganizationKind, PloverContext, PloverEvent, Qualifier, RenderingKind, Role, SourceKind, StatementKind, SummitFormat, SummitStatus
from .._model.incidents import Incident
from .._model.initiatives import Initiative, Signature, StatusChange
from .._model.metadata import Metadata
from .._model.people import Official, Post, Tenure
from .._model.provenance import Citation, Dispute, DisputedValue, Source
from .._model.statements import Figure, Statement
from .._model.summits import Participation, Summit
from .._model.vocabulary import Country, Organization, Place, PlaceName, Series, Topic

__all__ = ["DIGEST", "FIELDS", "structurers"]

#: The SHA-256 of the package data files these functions were written for.
DIGEST = 'e4913113ab756ef97fd8d00b1580baf0617196c5ea5baaa031e2f1aac7543081'

#: Each record type's field names when these functions were written.
FIELDS: dict[type, tuple[str, ...]] = {
    Citation: ('source', 'excerpt', 'start', 'end', 'note', 'rendering'),
    Country: ('id', 'alpha3', 'name', 'aliases', 'citations'),
    Dispute: ('field', 'values', 'note'),
    DisputedValue: ('value', 'citations'),
    Figure: ('id', 'description', 'value', 'unit', 'qualifier', 'period_start', 'period_end', 'speaker', 'statement', 'incident', 'countries', 'topics', 'citations', 'disputes', 'notes'),
    Incident: ('id', 'name', 'aliases', 'event_type', 'plover', 'acled', 'start', 'end', 'place_name', 'places', 'countries', 'actors', 'citations', 'disputes', 'notes'),
    Initiative: ('id', 'name', 'kind', 'aliases', 'proposer', 'history', 'signatures', 'citations', 'disputes', 'notes'),
    Metadata: ('dataset_version', 'title', 'description', 'license', 'created'),
    Official: ('id', 'name', 'aliases', 'country', 'description', 'tenures', 'citations'),
    Organization: ('id', 'name', 'kind', 'aliases', 'country', 'parent', 'citations'),
    Participation: ('person', 'country', 'organization', 'role', 'on_behalf_of', 'title', 'citations'),
    Place: ('id', 'name', 'country', 'names', 'aliases', 'citations'),
    PlaceName: ('name', 'start', 'end'),
    Post: ('id', 'name', 'organization', 'country', 'aliases', 'citations'),
    Series: ('id', 'name', 'aliases', 'citations'),
    Signature: ('party', 'signatory', 'date', 'citations'),
    Source: ('id', 'kind', 'title', 'publisher', 'url', 'published', 'language', 'origin', 'corpus_file', 'retrieved', 'notes'),
    Statement: ('id', 'speaker', 'date', 'summit', 'kind', 'text', 'topics', 'mentions', 'document', 'citations', 'disputes', 'notes'),
    StatusChange: ('status', 'date', 'summit', 'name', 'citations'),
    Summit: ('id', 'name', 'format', 'series', 'ordinal', 'start', 'end', 'place', 'place_name', 'venue', 'host_country', 'participants', 'documents', 'status', 'topics', 'incidents', 'aliases', 'citations', 'disputes', 'notes'),
    Tenure: ('post', 'title', 'start', 'end', 'attested', 'citations', 'disputes', 'notes'),
    Topic: ('id', 'name', 'description', 'parent', 'plover', 'plover_context', 'cameo'),
}

CONVERT_Figure_value = cast("Any", attrs.fields(Figure).value.converter).converter
DEFAULT_Country_aliases = attrs.fields(Country).aliases.default
DEFAULT_Figure_countries = attrs.fields(Figure).countries.default
DEFAULT_Figure_disputes = attrs.fields(Figure).disputes.default
DEFAULT_Figure_qualifier = attrs.fields(Figure).qualifier.default
DEFAULT_Figure_topics = attrs.fields(Figure).topics.default
DEFAULT_Incident_actors = attrs.fields(Incident).actors.default
DEFAULT_Incident_aliases = attrs.fields(Incident).aliases.default
DEFAULT_Incident_countries = attrs.fields(Incident).countries.default
DEFAULT_Incident_disputes = attrs.fields(Incident).disputes.default
DEFAULT_Incident_places = attrs.fields(Incident).places.default
DEFAULT_Initiative_aliases = attrs.fields(Initiative).aliases.default
DEFAULT_Initiative_disputes = attrs.fields(Initiative).disputes.default
DEFAULT_Initiative_history = attrs.fields(Initiative).history.default
DEFAULT_Initiative_kind = attrs.fields(Initiative).kind.default
DEFAULT_Initiative_signatures = attrs.fields(Initiative).signatures.default
DEFAULT_Official_aliases = attrs.fields(Official).aliases.default
DEFAULT_Official_tenures = attrs.fields(Official).tenures.default
DEFAULT_Organization_aliases = attrs.fields(Organization).aliases.default
DEFAULT_Organization_kind = attrs.fields(Organization).kind.default
DEFAULT_Participation_role = attrs.fields(Participation).role.default
DEFAULT_Place_aliases = attrs.fields(Place).aliases.default
DEFAULT_Place_names = attrs.fields(Place).names.default
DEFAULT_Post_aliases = attrs.fields(Post).aliases.default
DEFAULT_Series_aliases = attrs.fields(Series).aliases.default
DEFAULT_Source_kind = attrs.fields(Source).kind.default
DEFAULT_Statement_disputes = attrs.fields(Statement).disputes.default
DEFAULT_Statement_mentions = attrs.fields(Statement).mentions.default
DEFAULT_Statement_topics = attrs.fields(Statement).topics.default
DEFAULT_Summit_aliases = attrs.fields(Summit).aliases.default
DEFAULT_Summit_disputes = attrs.fields(Summit).disputes.default
DEFAULT_Summit_documents = attrs.fields(Summit).documents.default
DEFAULT_Summit_format = attrs.fields(Summit).format.default
DEFAULT_Summit_incidents = attrs.fields(Summit).incidents.default
DEFAULT_Summit_participants = attrs.fields(Summit).participants.default
DEFAULT_Summit_status = attrs.fields(Summit).status.default
DEFAULT_Summit_topics = attrs.fields(Summit).topics.default
DEFAULT_Tenure_attested = attrs.fields(Tenure).attested.default
DEFAULT_Tenure_disputes = attrs.fields(Tenure).disputes.default
FIELD_Figure_value = attrs.fields(Figure).value
MEMBERS_AcledEventType = {member.value: member for member in AcledEventType}
MEMBERS_IncidentType = {member.value: member for member in IncidentType}
MEMBERS_InitiativeKind = {member.value: member for member in InitiativeKind}
MEMBERS_InitiativeStatus = {member.value: member for member in InitiativeStatus}
MEMBERS_OrganizationKind = {member.value: member for member in OrganizationKind}
MEMBERS_PloverContext = {member.value: member for member in PloverContext}
MEMBERS_PloverEvent = {member.value: member for member in PloverEvent}
MEMBERS_Qualifier = {member.value: member for member in Qualifier}
MEMBERS_RenderingKind = {member.value: member for member in RenderingKind}
MEMBERS_Role = {member.value: member for member in Role}
MEMBERS_SourceKind = {member.value: member for member in SourceKind}
MEMBERS_StatementKind = {member.value: member for member in StatementKind}
MEMBERS_SummitFormat = {member.value: member for member in SummitFormat}
MEMBERS_SummitStatus = {member.value: member for member in SummitStatus}
MISSING = object()
SET_Citation_end = vars(Citation)['end'].__set__
SET_Citation_excerpt = vars(Citation)['excerpt'].__set__
SET_Citation_note = vars(Citation)['note'].__set__
SET_Citation_rendering = vars(Citation)['rendering'].__set__
SET_Citation_source = vars(Citation)['source'].__set__
SET_Citation_start = vars(Citation)['start'].__set__
SET_Country_aliases = vars(Country)['aliases'].__set__
SET_Country_alpha3 = vars(Country)['alpha3'].__set__
SET_Country_citations = vars(Country)['citations'].__set__
SET_Country_id = vars(Country)['id'].__set__
SET_Country_name = vars(Country)['name'].__set__
SET_Dispute_field = vars(Dispute)['field'].__set__
SET_Dispute_note = vars(Dispute)['note'].__set__
SET_Dispute_values = vars(Dispute)['values'].__set__
SET_DisputedValue_citations = vars(DisputedValue)['citations'].__set__
SET_DisputedValue_value = vars(DisputedValue)['value'].__set__
SET_Figure_citations = vars(Figure)['citations'].__set__
SET_Figure_countries = vars(Figure)['countries'].__set__
SET_Figure_description = vars(Figure)['description'].__set__
SET_Figure_disputes = vars(Figure)['disputes'].__set__
SET_Figure_id = vars(Figure)['id'].__set__
SET_Figure_incident = vars(Figure)['incident'].__set__
SET_Figure_notes = vars(Figure)['notes'].__set__
SET_Figure_period_end = vars(Figure)['period_end'].__set__
SET_Figure_period_start = vars(Figure)['period_start'].__set__
SET_Figure_qualifier = vars(Figure)['qualifier'].__set__
SET_Figure_speaker = vars(Figure)['speaker'].__set__
SET_Figure_statement = vars(Figure)['statement'].__set__
SET_Figure_topics = vars(Figure)['topics'].__set__
SET_Figure_unit = vars(Figure)['unit'].__set__
SET_Figure_value = vars(Figure)['value'].__set__
SET_Incident_acled = vars(Incident)['acled'].__set__
SET_Incident_actors = vars(Incident)['actors'].__set__
SET_Incident_aliases = vars(Incident)['aliases'].__set__
SET_Incident_citations = vars(Incident)['citations'].__set__
SET_Incident_countries = vars(Incident)['countries'].__set__
SET_Incident_disputes = vars(Incident)['disputes'].__set__
SET_Incident_end = vars(Incident)['end'].__set__
SET_Incident_event_type = vars(Incident)['event_type'].__set__
SET_Incident_id = vars(Incident)['id'].__set__
SET_Incident_name = vars(Incident)['name'].__set__
SET_Incident_notes = vars(Incident)['notes'].__set__
SET_Incident_place_name = vars(Incident)['place_name'].__set__
SET_Incident_places = vars(Incident)['places'].__set__
SET_Incident_plover = vars(Incident)['plover'].__set__
SET_Incident_start = vars(Incident)['start'].__set__
SET_Initiative_aliases = vars(Initiative)['aliases'].__set__
SET_Initiative_citations = vars(Initiative)['citations'].__set__
SET_Initiative_disputes = vars(Initiative)['disputes'].__set__
SET_Initiative_history = vars(Initiative)['history'].__set__
SET_Initiative_id = vars(Initiative)['id'].__set__
SET_Initiative_kind = vars(Initiative)['kind'].__set__
SET_Initiative_name = vars(Initiative)['name'].__set__
SET_Initiative_notes = vars(Initiative)['notes'].__set__
SET_Initiative_proposer = vars(Initiative)['proposer'].__set__
SET_Initiative_signatures = vars(Initiative)['signatures'].__set__
SET_Metadata_created = vars(Metadata)['created'].__set__
SET_Metadata_dataset_version = vars(Metadata)['dataset_version'].__set__
SET_Metadata_description = vars(Metadata)['description'].__set__
SET_Metadata_license = vars(Metadata)['license'].__set__
SET_Metadata_title = vars(Metadata)['title'].__set__
SET_Official_aliases = vars(Official)['aliases'].__set__
SET_Official_citations = vars(Official)['citations'].__set__
SET_Official_country = vars(Official)['country'].__set__
SET_Official_description = vars(Official)['description'].__set__
SET_Official_id = vars(Official)['id'].__set__
SET_Official_name = vars(Official)['name'].__set__
SET_Official_tenures = vars(Official)['tenures'].__set__
SET_Organization_aliases = vars(Organization)['aliases'].__set__
SET_Organization_citations = vars(Organization)['citations'].__set__
SET_Organization_country = vars(Organization)['country'].__set__
SET_Organization_id = vars(Organization)['id'].__set__
SET_Organization_kind = vars(Organization)['kind'].__set__
SET_Organization_name = vars(Organization)['name'].__set__
SET_Organization_parent = vars(Organization)['parent'].__set__
SET_Participation_citations = vars(Participation)['citations'].__set__
SET_Participation_country = vars(Participation)['country'].__set__
SET_Participation_on_behalf_of = vars(Participation)['on_behalf_of'].__set__
SET_Participation_organization = vars(Participation)['organization'].__set__
SET_Participation_person = vars(Participation)['person'].__set__
SET_Participation_role = vars(Participation)['role'].__set__
SET_Participation_title = vars(Participation)['title'].__set__
SET_PlaceName_end = vars(PlaceName)['end'].__set__
SET_PlaceName_name = vars(PlaceName)['name'].__set__
SET_PlaceName_start = vars(PlaceName)['start'].__set__
SET_Place_aliases = vars(Place)['aliases'].__set__
SET_Place_citations = vars(Place)['citations'].__set__
SET_Place_country = vars(Place)['country'].__set__
SET_Place_id = vars(Place)['id'].__set__
SET_Place_name = vars(Place)['name'].__set__
SET_Place_names = vars(Place)['names'].__set__
SET_Post_aliases = vars(Post)['aliases'].__set__
SET_Post_citations = vars(Post)['citations'].__set__
SET_Post_country = vars(Post)['country'].__set__
SET_Post_id = vars(Post)['id'].__set__
SET_Post_name = vars(Post)['name'].__set__
SET_Post_organization = vars(Post)['organization'].__set__
SET_Series_aliases = vars(Series)['aliases'].__set__
SET_Series_citations = vars(Series)['citations'].__set__
SET_Series_id = vars(Series)['id'].__set__
SET_Series_name = vars(Series)['name'].__set__
SET_Signature_citations = vars(Signature)['citations'].__set__
SET_Signature_date = vars(Signature)['date'].__set__
SET_Signature_party = vars(Signature)['party'].__set__
SET_Signature_signatory = vars(Signature)['signatory'].__set__
SET_Source_corpus_file = vars(Source)['corpus_file'].__set__
SET_Source_id = vars(Source)['id'].__set__
SET_Source_kind = vars(Source)['kind'].__set__
SET_Source_language = vars(Source)['language'].__set__
SET_Source_notes = vars(Source)['notes'].__set__
SET_Source_origin = vars(Source)['origin'].__set__
SET_Source_published = vars(Source)['published'].__set__
SET_Source_publisher = vars(Source)['publisher'].__set__
SET_Source_retrieved = vars(Source)['retrieved'].__set__
SET_Source_title = vars(Source)['title'].__set__
SET_Source_url = vars(Source)['url'].__set__
SET_Statement_citations = vars(Statement)['citations'].__set__
SET_Statement_date = vars(Statement)['date'].__set__
SET_Statement_disputes = vars(Statement)['disputes'].__set__
SET_Statement_document = vars(Statement)['document'].__set__
SET_Statement_id = vars(Statement)['id'].__set__
SET_Statement_kind = vars(Statement)['kind'].__set__
SET_Statement_mentions = vars(Statement)['mentions'].__set__
SET_Statement_notes = vars(Statement)['notes'].__set__
SET_Statement_speaker = vars(Statement)['speaker'].__set__
SET_Statement_summit = vars(Statement)['summit'].__set__
SET_Statement_text = vars(Statement)['text'].__set__
SET_Statement_topics = vars(Statement)['topics'].__set__
SET_StatusChange_citations = vars(StatusChange)['citations'].__set__
SET_StatusChange_date = vars(StatusChange)['date'].__set__
SET_StatusChange_name = vars(StatusChange)['name'].__set__
SET_StatusChange_status = vars(StatusChange)['status'].__set__
SET_StatusChange_summit = vars(StatusChange)['summit'].__set__
SET_Summit_aliases = vars(Summit)['aliases'].__set__
SET_Summit_citations = vars(Summit)['citations'].__set__
SET_Summit_disputes = vars(Summit)['disputes'].__set__
SET_Summit_documents = vars(Summit)['documents'].__set__
SET_Summit_end = vars(Summit)['end'].__set__
SET_Summit_format = vars(Summit)['format'].__set__
SET_Summit_host_country = vars(Summit)['host_country'].__set__
SET_Summit_id = vars(Summit)['id'].__set__
SET_Summit_incidents = vars(Summit)['incidents'].__set__
SET_Summit_name = vars(Summit)['name'].__set__
SET_Summit_notes = vars(Summit)['notes'].__set__
SET_Summit_ordinal = vars(Summit)['ordinal'].__set__
SET_Summit_participants = vars(Summit)['participants'].__set__
SET_Summit_place = vars(Summit)['place'].__set__
SET_Summit_place_name = vars(Summit)['place_name'].__set__
SET_Summit_series = vars(Summit)['series'].__set__
SET_Summit_start = vars(Summit)['start'].__set__
SET_Summit_status = vars(Summit)['status'].__set__
SET_Summit_topics = vars(Summit)['topics'].__set__
SET_Summit_venue = vars(Summit)['venue'].__set__
SET_Tenure_attested = vars(Tenure)['attested'].__set__
SET_Tenure_citations = vars(Tenure)['citations'].__set__
SET_Tenure_disputes = vars(Tenure)['disputes'].__set__
SET_Tenure_end = vars(Tenure)['end'].__set__
SET_Tenure_notes = vars(Tenure)['notes'].__set__
SET_Tenure_post = vars(Tenure)['post'].__set__
SET_Tenure_start = vars(Tenure)['start'].__set__
SET_Tenure_title = vars(Tenure)['title'].__set__
SET_Topic_cameo = vars(Topic)['cameo'].__set__
SET_Topic_description = vars(Topic)['description'].__set__
SET_Topic_id = vars(Topic)['id'].__set__
SET_Topic_name = vars(Topic)['name'].__set__
SET_Topic_parent = vars(Topic)['parent'].__set__
SET_Topic_plover = vars(Topic)['plover'].__set__
SET_Topic_plover_context = vars(Topic)['plover_context'].__set__


def structurers() -> dict[type, Callable[[Any], Any]]:
    """One function per record type, from the bundled data's JSON objects to records."""
    dates: dict[str, PartialDate] = {}
    new = object.__new__

    def date(value: str) -> PartialDate:
        found = dates.get(value)
        if found is None:
            found = dates[value] = PartialDate.from_iso(value)
        return found

    def structure_metadata(data: dict[str, Any]) -> Metadata:
        record: Metadata = new(Metadata)
        SET_Metadata_dataset_version(record, data['dataset_version'])
        SET_Metadata_title(record, data.get('title'))
        SET_Metadata_description(record, data.get('description'))
        SET_Metadata_license(record, data.get('license'))
        value = data.get('created')
        SET_Metadata_created(record, None if value is None else date(value))
        return record

    def structure_source(data: dict[str, Any]) -> Source:
        record: Source = new(Source)
        SET_Source_id(record, data['id'])
        value = data.get('kind', MISSING)
        SET_Source_kind(record, DEFAULT_Source_kind if value is MISSING else (MEMBERS_SourceKind[value]))
        SET_Source_title(record, data.get('title'))
        SET_Source_publisher(record, data.get('publisher'))
        SET_Source_url(record, data.get('url'))
        value = data.get('published')
        SET_Source_published(record, None if value is None else date(value))
        SET_Source_language(record, data.get('language'))
        SET_Source_origin(record, data.get('origin'))
        SET_Source_corpus_file(record, data.get('corpus_file'))
        value = data.get('retrieved')
        SET_Source_retrieved(record, None if value is None else date(value))
        SET_Source_notes(record, data.get('notes'))
        return record

    def structure_citation(data: dict[str, Any]) -> Citation:
        record: Citation = new(Citation)
        SET_Citation_source(record, data['source'])
        SET_Citation_excerpt(record, data.get('excerpt'))
        SET_Citation_start(record, data.get('start'))
        SET_Citation_end(record, data.get('end'))
        SET_Citation_note(record, data.get('note'))
        value = data.get('rendering')
        SET_Citation_rendering(record, None if value is None else MEMBERS_RenderingKind[value])
        return record

    def structure_country(data: dict[str, Any]) -> Country:
        record: Country = new(Country)
        SET_Country_id(record, data['id'])
        SET_Country_alpha3(record, data['alpha3'])
        SET_Country_name(record, data['name'])
        value = data.get('aliases', MISSING)
        SET_Country_aliases(record, DEFAULT_Country_aliases if value is MISSING else (tuple(value)))
        value = data['citations']
        SET_Country_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_placename(data: dict[str, Any]) -> PlaceName:
        record: PlaceName = new(PlaceName)
        SET_PlaceName_name(record, data['name'])
        value = data.get('start')
        SET_PlaceName_start(record, None if value is None else date(value))
        value = data.get('end')
        SET_PlaceName_end(record, None if value is None else date(value))
        return record

    def structure_place(data: dict[str, Any]) -> Place:
        record: Place = new(Place)
        SET_Place_id(record, data['id'])
        SET_Place_name(record, data['name'])
        SET_Place_country(record, data.get('country'))
        value = data.get('names', MISSING)
        SET_Place_names(record, DEFAULT_Place_names if value is MISSING else (tuple([structure_placename(item) for item in value])))
        value = data.get('aliases', MISSING)
        SET_Place_aliases(record, DEFAULT_Place_aliases if value is MISSING else (tuple(value)))
        value = data['citations']
        SET_Place_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_organization(data: dict[str, Any]) -> Organization:
        record: Organization = new(Organization)
        SET_Organization_id(record, data['id'])
        SET_Organization_name(record, data['name'])
        value = data.get('kind', MISSING)
        SET_Organization_kind(record, DEFAULT_Organization_kind if value is MISSING else (MEMBERS_OrganizationKind[value]))
        value = data.get('aliases', MISSING)
        SET_Organization_aliases(record, DEFAULT_Organization_aliases if value is MISSING else (tuple(value)))
        SET_Organization_country(record, data.get('country'))
        SET_Organization_parent(record, data.get('parent'))
        value = data['citations']
        SET_Organization_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_topic(data: dict[str, Any]) -> Topic:
        record: Topic = new(Topic)
        SET_Topic_id(record, data['id'])
        SET_Topic_name(record, data['name'])
        SET_Topic_description(record, data['description'])
        SET_Topic_parent(record, data.get('parent'))
        value = data.get('plover')
        SET_Topic_plover(record, None if value is None else MEMBERS_PloverEvent[value])
        value = data.get('plover_context')
        SET_Topic_plover_context(record, None if value is None else MEMBERS_PloverContext[value])
        SET_Topic_cameo(record, data.get('cameo'))
        return record

    def structure_series(data: dict[str, Any]) -> Series:
        record: Series = new(Series)
        SET_Series_id(record, data['id'])
        SET_Series_name(record, data['name'])
        value = data.get('aliases', MISSING)
        SET_Series_aliases(record, DEFAULT_Series_aliases if value is MISSING else (tuple(value)))
        value = data['citations']
        SET_Series_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_post(data: dict[str, Any]) -> Post:
        record: Post = new(Post)
        SET_Post_id(record, data['id'])
        SET_Post_name(record, data['name'])
        SET_Post_organization(record, data.get('organization'))
        SET_Post_country(record, data.get('country'))
        value = data.get('aliases', MISSING)
        SET_Post_aliases(record, DEFAULT_Post_aliases if value is MISSING else (tuple(value)))
        value = data['citations']
        SET_Post_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_disputedvalue(data: dict[str, Any]) -> DisputedValue:
        record: DisputedValue = new(DisputedValue)
        SET_DisputedValue_value(record, data['value'])
        value = data['citations']
        SET_DisputedValue_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_dispute(data: dict[str, Any]) -> Dispute:
        record: Dispute = new(Dispute)
        SET_Dispute_field(record, data['field'])
        value = data['values']
        SET_Dispute_values(record, tuple([structure_disputedvalue(item) for item in value]))
        SET_Dispute_note(record, data.get('note'))
        return record

    def structure_tenure(data: dict[str, Any]) -> Tenure:
        record: Tenure = new(Tenure)
        SET_Tenure_post(record, data['post'])
        SET_Tenure_title(record, data.get('title'))
        value = data.get('start')
        SET_Tenure_start(record, None if value is None else date(value))
        value = data.get('end')
        SET_Tenure_end(record, None if value is None else date(value))
        value = data.get('attested', MISSING)
        SET_Tenure_attested(record, DEFAULT_Tenure_attested if value is MISSING else (tuple([date(item) for item in value])))
        value = data['citations']
        SET_Tenure_citations(record, tuple([structure_citation(item) for item in value]))
        value = data.get('disputes', MISSING)
        SET_Tenure_disputes(record, DEFAULT_Tenure_disputes if value is MISSING else (tuple([structure_dispute(item) for item in value])))
        SET_Tenure_notes(record, data.get('notes'))
        return record

    def structure_official(data: dict[str, Any]) -> Official:
        record: Official = new(Official)
        SET_Official_id(record, data['id'])
        SET_Official_name(record, data['name'])
        value = data.get('aliases', MISSING)
        SET_Official_aliases(record, DEFAULT_Official_aliases if value is MISSING else (tuple(value)))
        SET_Official_country(record, data.get('country'))
        SET_Official_description(record, data.get('description'))
        value = data.get('tenures', MISSING)
        SET_Official_tenures(record, DEFAULT_Official_tenures if value is MISSING else (tuple([structure_tenure(item) for item in value])))
        value = data['citations']
        SET_Official_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_statuschange(data: dict[str, Any]) -> StatusChange:
        record: StatusChange = new(StatusChange)
        value = data['status']
        SET_StatusChange_status(record, MEMBERS_InitiativeStatus[value])
        value = data.get('date')
        SET_StatusChange_date(record, None if value is None else date(value))
        SET_StatusChange_summit(record, data.get('summit'))
        SET_StatusChange_name(record, data.get('name'))
        value = data['citations']
        SET_StatusChange_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_signature(data: dict[str, Any]) -> Signature:
        record: Signature = new(Signature)
        SET_Signature_party(record, data['party'])
        SET_Signature_signatory(record, data.get('signatory'))
        value = data.get('date')
        SET_Signature_date(record, None if value is None else date(value))
        value = data['citations']
        SET_Signature_citations(record, tuple([structure_citation(item) for item in value]))
        return record

    def structure_initiative(data: dict[str, Any]) -> Initiative:
        record: Initiative = new(Initiative)
        SET_Initiative_id(record, data['id'])
        SET_Initiative_name(record, data['name'])
        value = data.get('kind', MISSING)
        SET_Initiative_kind(record, DEFAULT_Initiative_kind if value is MISSING else (MEMBERS_InitiativeKind[value]))
        value = data.get('aliases', MISSING)
        SET_Initiative_aliases(record, DEFAULT_Initiative_aliases if value is MISSING else (tuple(value)))
        SET_Initiative_proposer(record, data.get('proposer'))
        value = data.get('history', MISSING)
        SET_Initiative_history(record, DEFAULT_Initiative_history if value is MISSING else (tuple([structure_statuschange(item) for item in value])))
        value = data.get('signatures', MISSING)
        SET_Initiative_signatures(record, DEFAULT_Initiative_signatures if value is MISSING else (tuple([structure_signature(item) for item in value])))
        value = data['citations']
        SET_Initiative_citations(record, tuple([structure_citation(item) for item in value]))
        value = data.get('disputes', MISSING)
        SET_Initiative_disputes(record, DEFAULT_Initiative_disputes if value is MISSING else (tuple([structure_dispute(item) for item in value])))
        SET_Initiative_notes(record, data.get('notes'))
        return record

    def structure_participation(data: dict[str, Any]) -> Participation:
        record: Participation = new(Participation)
        SET_Participation_person(record, data.get('person'))
        SET_Participation_country(record, data.get('country'))
        SET_Participation_organization(record, data.get('organization'))
        value = data.get('role', MISSING)
        SET_Participation_role(record, DEFAULT_Participation_role if value is MISSING else (MEMBERS_Role[value]))
        SET_Participation_on_behalf_of(record, data.get('on_behalf_of'))
        SET_Participation_title(record, data.get('title'))
        value = data['citations']
        SET_Participation_citations(record, tuple([structure_citation(item) for item in value]))
        record.__attrs_post_init__()
        return record

    def structure_summit(data: dict[str, Any]) -> Summit:
        record: Summit = new(Summit)
        SET_Summit_id(record, data['id'])
        SET_Summit_name(record, data['name'])
        value = data.get('format', MISSING)
        SET_Summit_format(record, DEFAULT_Summit_format if value is MISSING else (MEMBERS_SummitFormat[value]))
        SET_Summit_series(record, data.get('series'))
        SET_Summit_ordinal(record, data.get('ordinal'))
        value = data.get('start')
        SET_Summit_start(record, None if value is None else date(value))
        value = data.get('end')
        SET_Summit_end(record, None if value is None else date(value))
        SET_Summit_place(record, data.get('place'))
        SET_Summit_place_name(record, data.get('place_name'))
        SET_Summit_venue(record, data.get('venue'))
        SET_Summit_host_country(record, data.get('host_country'))
        value = data.get('participants', MISSING)
        SET_Summit_participants(record, DEFAULT_Summit_participants if value is MISSING else (tuple([structure_participation(item) for item in value])))
        value = data.get('documents', MISSING)
        SET_Summit_documents(record, DEFAULT_Summit_documents if value is MISSING else (tuple(value)))
        value = data.get('status', MISSING)
        SET_Summit_status(record, DEFAULT_Summit_status if value is MISSING else (MEMBERS_SummitStatus[value]))
        value = data.get('topics', MISSING)
        SET_Summit_topics(record, DEFAULT_Summit_topics if value is MISSING else (tuple(value)))
        value = data.get('incidents', MISSING)
        SET_Summit_incidents(record, DEFAULT_Summit_incidents if value is MISSING else (tuple(value)))
        value = data.get('aliases', MISSING)
        SET_Summit_aliases(record, DEFAULT_Summit_aliases if value is MISSING else (tuple(value)))
        value = data['citations']
        SET_Summit_citations(record, tuple([structure_citation(item) for item in value]))
        value = data.get('disputes', MISSING)
        SET_Summit_disputes(record, DEFAULT_Summit_disputes if value is MISSING else (tuple([structure_dispute(item) for item in value])))
        SET_Summit_notes(record, data.get('notes'))
        return record

    def structure_statement(data: dict[str, Any]) -> Statement:
        record: Statement = new(Statement)
        SET_Statement_id(record, data['id'])
        SET_Statement_speaker(record, data['speaker'])
        value = data.get('date')
        SET_Statement_date(record, None if value is None else date(value))
        SET_Statement_summit(record, data.get('summit'))
        value = data['kind']
        SET_Statement_kind(record, MEMBERS_StatementKind[value])
        SET_Statement_text(record, data['text'])
        value = data.get('topics', MISSING)
        SET_Statement_topics(record, DEFAULT_Statement_topics if value is MISSING else (tuple(value)))
        value = data.get('mentions', MISSING)
        SET_Statement_mentions(record, DEFAULT_Statement_mentions if value is MISSING else (tuple(value)))
        SET_Statement_document(record, data.get('document'))
        value = data['citations']
        SET_Statement_citations(record, tuple([structure_citation(item) for item in value]))
        value = data.get('disputes', MISSING)
        SET_Statement_disputes(record, DEFAULT_Statement_disputes if value is MISSING else (tuple([structure_dispute(item) for item in value])))
        SET_Statement_notes(record, data.get('notes'))
        return record

    def structure_figure(data: dict[str, Any]) -> Figure:
        record: Figure = new(Figure)
        SET_Figure_id(record, data['id'])
        SET_Figure_description(record, data['description'])
        value = data['value']
        SET_Figure_value(record, CONVERT_Figure_value(float(value), FIELD_Figure_value))
        SET_Figure_unit(record, data['unit'])
        value = data.get('qualifier', MISSING)
        SET_Figure_qualifier(record, DEFAULT_Figure_qualifier if value is MISSING else (MEMBERS_Qualifier[value]))
        value = data.get('period_start')
        SET_Figure_period_start(record, None if value is None else date(value))
        value = data.get('period_end')
        SET_Figure_period_end(record, None if value is None else date(value))
        SET_Figure_speaker(record, data.get('speaker'))
        SET_Figure_statement(record, data.get('statement'))
        SET_Figure_incident(record, data.get('incident'))
        value = data.get('countries', MISSING)
        SET_Figure_countries(record, DEFAULT_Figure_countries if value is MISSING else (tuple(value)))
        value = data.get('topics', MISSING)
        SET_Figure_topics(record, DEFAULT_Figure_topics if value is MISSING else (tuple(value)))
        value = data['citations']
        SET_Figure_citations(record, tuple([structure_citation(item) for item in value]))
        value = data.get('disputes', MISSING)
        SET_Figure_disputes(record, DEFAULT_Figure_disputes if value is MISSING else (tuple([structure_dispute(item) for item in value])))
        SET_Figure_notes(record, data.get('notes'))
        return record

    def structure_incident(data: dict[str, Any]) -> Incident:
        record: Incident = new(Incident)
        SET_Incident_id(record, data['id'])
        SET_Incident_name(record, data['name'])
        value = data.get('aliases', MISSING)
        SET_Incident_aliases(record, DEFAULT_Incident_aliases if value is MISSING else (tuple(value)))
        value = data['event_type']
        SET_Incident_event_type(record, MEMBERS_IncidentType[value])
        value = data.get('plover')
        SET_Incident_plover(record, None if value is None else MEMBERS_PloverEvent[value])
        value = data.get('acled')
        SET_Incident_acled(record, None if value is None else MEMBERS_AcledEventType[value])
        value = data.get('start')
        SET_Incident_start(record, None if value is None else date(value))
        value = data.get('end')
        SET_Incident_end(record, None if value is None else date(value))
        SET_Incident_place_name(record, data.get('place_name'))
        value = data.get('places', MISSING)
        SET_Incident_places(record, DEFAULT_Incident_places if value is MISSING else (tuple(value)))
        value = data.get('countries', MISSING)
        SET_Incident_countries(record, DEFAULT_Incident_countries if value is MISSING else (tuple(value)))
        value = data.get('actors', MISSING)
        SET_Incident_actors(record, DEFAULT_Incident_actors if value is MISSING else (tuple(value)))
        value = data['citations']
        SET_Incident_citations(record, tuple([structure_citation(item) for item in value]))
        value = data.get('disputes', MISSING)
        SET_Incident_disputes(record, DEFAULT_Incident_disputes if value is MISSING else (tuple([structure_dispute(item) for item in value])))
        SET_Incident_notes(record, data.get('notes'))
        return record

    return {
        Metadata: structure_metadata,
        Source: structure_source,
        Citation: structure_citation,
        Country: structure_country,
        PlaceName: structure_placename,
        Place: structure_place,
        Organization: structure_organization,
        Topic: structure_topic,
        Series: structure_series,
        Post: structure_post,
        DisputedValue: structure_disputedvalue,
        Dispute: structure_dispute,
        Tenure: structure_tenure,
        Official: structure_official,
        StatusChange: structure_statuschange,
        Signature: structure_signature,
        Initiative: structure_initiative,
        Participation: structure_participation,
        Summit: structure_summit,
        Statement: structure_statement,
        Figure: structure_figure,
        Incident: structure_incident,
    }
