"""The incidentgraph vocabulary as a closed namespace.

Every term is declared in ``ontologies/incidentgraph.ttl``; ``_fail = True`` turns a typo
into an AttributeError instead of a silent new IRI, and ``tests/graph/test_namespace.py``
checks that the two agree.
"""
from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

NS = "https://w3id.org/incidentgraph/ns#"
ID = Namespace("https://w3id.org/incidentgraph/id/")
GRAPH = Namespace("https://w3id.org/incidentgraph/graph/")
# The merged view: canonical entities and merged incidents, one description each.
MERGED_GRAPH = GRAPH["merged"]


class IG(DefinedNamespace):
    """Classes and properties of the incidentgraph ontology."""

    _NS = Namespace(NS)
    _fail = True

    # classes
    Incident: URIRef
    IncidentReport: URIRef
    Conflict: URIRef
    ReportedValue: URIRef
    Actor: URIRef
    Facility: URIRef
    Place: URIRef
    Document: URIRef
    Claim: URIRef
    Mention: URIRef
    Interval: URIRef
    MonthlyCount: URIRef
    SourceCountTally: URIRef
    Attack: URIRef
    DroneStrike: URIRef
    MissileStrike: URIRef
    Shelling: URIRef
    Airstrike: URIRef
    Sabotage: URIRef
    Cyberattack: URIRef
    ArmedAssault: URIRef
    Explosion: URIRef
    Fire: URIRef
    Accident: URIRef
    NaturalHazard: URIRef
    Damage: URIRef
    Disruption: URIRef
    State: URIRef
    Ministry: URIRef
    GovernmentAgency: URIRef
    Company: URIRef
    ArmedForces: URIRef
    ArmedGroup: URIRef
    Organisation: URIRef
    Person: URIRef
    Vessel: URIRef
    Pipeline: URIRef
    Terminal: URIRef
    Berth: URIRef
    Port: URIRef
    Refinery: URIRef
    Dam: URIRef
    Reservoir: URIRef
    PowerPlant: URIRef
    Substation: URIRef
    PowerGrid: URIRef
    Cable: URIRef
    Bridge: URIRef
    Storage: URIRef
    Canal: URIRef
    Building: URIRef

    # properties
    code: URIRef
    incidentType: URIRef
    target: URIRef
    perpetrator: URIRef
    location: URIRef
    when: URIRef
    earliest: URIRef
    latest: URIRef
    earliestDate: URIRef
    earliestYear: URIRef
    latestDate: URIRef
    effect: URIRef
    confidence: URIRef
    month: URIRef
    countedType: URIRef
    incidentCount: URIRef
    minimumSources: URIRef
    deaths: URIRef
    report: URIRef
    reportCount: URIRef
    sourceCount: URIRef
    dateSortKey: URIRef
    sourceTitles: URIRef
    claimedBy: URIRef
    accusedBy: URIRef
    targetOperator: URIRef
    conflict: URIRef
    conflictProperty: URIRef
    reportedValue: URIRef
    value: URIRef
    canonical: URIRef
    entityKind: URIRef
    entityType: URIRef
    partOf: URIRef
    locatedIn: URIRef
    operator: URIRef
    attackCount: URIRef
    firstAttack: URIRef
    lastAttack: URIRef
    attackSortKey: URIRef
    alias: URIRef
    speaker: URIRef
    speakerText: URIRef
    about: URIRef
    cue: URIRef
    stance: URIRef
    concerns: URIRef
    graph: URIRef
    sourceDocument: URIRef
    mention: URIRef
    evidence: URIRef
    inDocument: URIRef
    start: URIRef
    end: URIRef
    quote: URIRef
    text: URIRef
    path: URIRef
    sourceName: URIRef
    contentHash: URIRef
    extractorVersion: URIRef
