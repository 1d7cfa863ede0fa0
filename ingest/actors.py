"""Find actor and place mentions: statistical NER corrected by gazetteers and rules.

Countries, capitals and demonyms come from countries.json; "Kazakh Foreign Ministry" is a
ministry of Kazakhstan, "Russian forces" stand for Russia, "Kyiv" acting stands for Ukraine.
A sentence-initial adverb is never a place, and a place is never a person.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest import lexicon
from ingest.dates import MONTHS, WEEKDAYS
from ingest.facilities import CODE, DESIGNATION, operator_railway
from ingest.lexicon import fold
from ingest.mention import Mention
from ingest.serialize import DataComponent
from ingest.toks import positions, sentences, tokens, word_ids
from ingest.toks import text as doc_text

# prepositions whose object is a place, whatever the model labelled it
STRONG_LOCATIVE = {"near", "through", "above", "below", "outside", "around", "towards", "toward", "via", "across"}
# besides the place nouns (facilities.json), words for the parts of a place: 'the outskirts of X'
AREA_OF = {"outskirts", "residents", "forests", "slopes", "centre", "center", "communities", "creeks", "department",
           "departments"}
FROM_A_PLACE = {"come", "be", "hail", "resident", "villager", "people", "family", "firefighter", "farmer", "man",
               "woman", "brigade", "refugee", "migrant", "native", "cross", "travel", "flee", "arrive", "evacuate",
               "drive", "return", "move", "commute"}
# people who come from a town, never from a company ('firefighters from Choele Choel')
PEOPLE_FROM = {"firefighter", "resident", "villager", "people", "family", "farmer", "refugee", "migrant", "native",
               "inhabitant", "fisherman", "herder"}
SUPPLIED = {"power", "electricity", "supply", "supplies", "water", "gas", "service", "services", "access", "bound",
            "trains", "flights", "traffic", "route", "cut", "restore", "restored"}
# words of going somewhere: 'sailed to Luganville', 'departures to Alat', 'left for Darwin'
TRAVEL = {"sail", "depart", "departure", "crossing", "divert", "move", "travel", "head", "ferry", "voyage", "sailing",
          "fly", "flight", "return", "evacuate", "redirect", "reroute", "leave", "drive", "walk", "commute", "deliver"}
# prepositions that put what follows on the map ('households in Sơn Đông', 'towers near Jema')
IN_PLACE = {"in", "near", "outside", "around", "across", "throughout"}
# nouns whose 'in' takes a company ('a stake in Eni', 'shares in X'), not a place
STAKE_NOUNS = {"stake", "share", "interest", "investment", "holding", "position", "role", "part"}
LOCATIVE = {"in", "at", "near", "off", "across", "throughout", "inside", "within", "outside", "around", "into", "towards",
            "toward"}
QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}
TOWN_BEFORE_OF = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
                  "north-west", "south-east", "south-west", "outskirts", "residents", "inhabitants", "suburbs", "mayor"}
TOWN_AFTER = {"mayor", "residents", "municipality"}
NEAR_WORDS = {"near", "towards", "toward", "outside"}
GEO_WORDS = {"delta", "valley", "coast", "basin", "peninsula", "river", "lake", "sea", "gulf", "bay", "mountains",
             "highlands", "desert", "plain", "plains", "steppe", "hills", "islands", "island", "strait", "lagoon",
             "estuary", "gorge", "fjord", "plateau", "creek", "brook", "stream", "canyon", "glacier", "volcano", "swamp",
             "marsh", "wetlands"}
# the first word of a lake's, a river's or a mountain's name in other languages: "Lac de Guiers", "Río Indio"
FEATURE_FIRST = {"lake", "lac", "lago", "rio", "mount", "monte", "mont", "sungai", "wadi", "oued"}
# "Straits of Johor", "Gulf of Guinea", "Bay of Biscay", "Sea of Azov": a feature named "X of Y"
FEATURE_OF = {"strait", "straits", "gulf", "bay", "sea", "cape", "isle", "isles", "mouth", "delta", "valley"}
DIRECTIONS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
              "southwestern", "north", "south", "east", "west"}
# "Centrenergo, the state-owned company ...", "a local fuel distributor, Belgorodnefteprodukt": a name is an organisation
ORG_NOUNS = {"company", "operator", "firm", "utility", "subsidiary", "group", "agency", "regulator", "provider", "producer",
             "distributor", "corporation", "conglomerate", "giant", "monopoly", "carrier", "owner", "association", "unit"}
OPERATE_VERBS = {"operate", "run", "own", "manage"}
ORG_TAILS = {"administration", "agency", "authority", "commission", "company", "corporation", "council", "department",
             "office", "service", "services", "association", "institute", "board", "networks", "network", "ministry",
             "bureau", "directorate", "committee", "organisation", "organization", "federation", "union", "group"}
# a political or armed movement's name, which may end in its country: "the Communist Party of Peru"
MOVEMENT_TAILS = {"party", "front", "movement"}
GROUP_WORDS = {"group", "gang", "collective", "faction", "cell"}
# the last word of an institution named with its seat: "the Preliminary Investigation Court of Nauta"
INSTITUTION_TAILS = {"court", "tribunal", "police", "prosecutor", "prosecutors", "municipality", "utility", "university"}
# a capitalized title the model takes into a person's name: "Engineer K. Sivaruban", "Inspector Ana Ruiz"
PLACE_PREFIXES = {"port", "upper", "lower", "greater", "new", "old", "mount", "cape", "lake"}  # 'Port Sudan', 'New Zealand'
TONNAGE = {"dwt", "gt", "grt", "teu", "tonne", "ton"}  # "the 37,000 dwt Coral Meridian"
# offices and ranks that stand before a name ("Governor X", "Rear Admiral Y"): in both lists below
OFFICES = {"minister", "president", "governor", "commander", "chief", "director", "ambassador", "mayor", "general",
           "colonel", "premier", "admiral", "brigadier", "major", "lieutenant", "captain", "marshal"}
PERSON_TITLES = {"engineer", "inspector", "superintendent", "commissioner", "officer", "constable", "detective",
                 "sergeant", "judge", "justice", "professor", "doctor", "councillor", "councilor", "senator", "deputy",
                 "newsreader", "reader", "presenter", "reporter", "correspondent", "listener", "caller", "lawyer",
                 "attorney", "advocate", "spokesman", "spokeswoman", "spokesperson", "sheriff", "corporal",
                 "congressman", "congresswoman", "representative"} | OFFICES
INITIALLED = re.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")  # "S. Paramanathan", "K.R. Perera"
PARTICLES = {"de", "del", "della", "do", "da", "dos", "das", "di", "du", "des"}  # inside Romance names


def _titled(t) -> bool:
    return t.is_alpha and t.text[:1].isupper() and not t.is_sent_start


OWNER_WORDS = {"the", "its", "their"}  # "the energy ministry", "its military intelligence service"
BIG_TOWN = 100_000  # a town this large is a place by its name alone, unless the model read a person
TOLD_TOWN = 20_000  # a town this large that only one country has places the text in that country
SMALL_TOWN = 15_000  # a town smaller than this is a place only where it reads as one (see known_town), and a facility
# named for it keeps the town's name as its bare name ('San Alberto gas field' is also 'San Alberto')
NAMED_ORGANS = {"army", "navy", "military"}  # "the Indian Army": capitalized, a named organ of the state
MOVEMENT_WORDS = {"movement", "rebels", "militia", "militias", "insurgents"}
# "a group calling itself X", "which calls itself X"
SIGNED_TEXTS = {"letter", "statement", "message", "communique", "communiqué", "claim", "note", "post", "manifesto"}
NAME_USING = {"using", "uses", "used", "going", "goes", "operating", "operates"}  # '... by/under the name X' too
SELF_NAMING = {"calling", "calls", "called", "styling", "styles", "styled", "naming", "names", "named"}
# "CyberAv3ngers": letters and digits mixed inside one capitalized word, ending in letters
LEET = re.compile(r"^[A-Z][A-Za-z]*[a-z][A-Za-z]*\d+[A-Za-z\d]*$")
WEAPON_NOUNS = {"drone", "drones", "missile", "missiles", "rocket", "rockets", "jet", "jets", "warplane", "warplanes",
                "helicopter", "helicopters", "shell", "shells", "bomb", "bombs", "uav", "uavs"}
LEAD_WORDS = {"the", "a", "an", "suspected", "alleged", "unidentified"}  # before a name: 'Suspected ELN rebels'
# a role written before a company's name, capitalized when it opens a sentence: 'Owner X Corp. reports ...'
ROLE_WORDS = {"owner", "operator", "contractor", "client", "insured", "charterer", "shipowner", "supplier", "vendor",
              "concessionaire", "licensee", "developer", "builder", "manager"}
NOT_NAMES = LEAD_WORDS | {"unknown", "armed", "local", "rival", "former"}
GROUP_KINDS = {"guerrilla", "guerrillas", "ransomware", "hacker", "hacking", "hacktivist", "cybercrime", "cybercriminal", "criminal", "extortion",
               "militant", "armed", "rebel", "insurgent", "separatist", "threat", "apt", "espionage"}
# "Egypt's interior ministry", "the Chinese foreign ministry": a ministry written in lower case
MINISTRY_WORDS = {"ministry", "coast guard", "security service", "general staff", "prosecutor's office", "emergencies ministry"}
CITATION = re.compile(r"\[\d*\]?|\[\d+$")
# "YENAGOA - ...", "HASSI R'MEL, Algeria, Sept 9 (Reuters) - ...": the city of a dateline is a place; "SANAA/JERUSALEM, Oct 2 -" names two
DATELINE_CITY = re.compile(r"^[ \t]*(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ'’.]+(?:[ /-][A-ZÀ-Þ][A-ZÀ-Þ'’.]*)*)"
                           r"(?=(?P<rest>(?:,[^\n]{0,60}?)?\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]\s))", re.M)
# "Bishkek, 11 December 2025", "Timaru, 30 September 2025 - ...": a title-case town and the day, opening a line
_MONTH_NAMES = "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
DATELINE_DATED = re.compile(r"^[ \t]*(?P<city>[A-ZÀ-Þ][\w'’.\-]+(?: [A-ZÀ-Þ][\w'’.\-]+){0,2})"
                            rf"(?=(?P<rest>,\s+(?:\d{{1,2}}(?:st|nd|rd|th)? (?i:{_MONTH_NAMES})|(?i:{_MONTH_NAMES}) \d{{1,2}})"
                            r"(?:,? \d{4})?)\s*(?:$|[-–—.]))", re.M)
# a turn in a broadcast transcript: "GARIK SARGSYAN, deputy chairman, Water Committee:", "REPORTER (Jo Lee):"
SPEAKER_LABEL = re.compile(r"^[ \t]*(?P<label>[A-ZÀ-Þ][A-ZÀ-Þ'’.-]*(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.-]*){0,3})"
                           r"(?: \((?P<paren>[^)\n]{0,60})\))?(?:, [^:\n]{1,120})?:[ \t]", re.M)
TURN_OPENING = re.compile(r"\W*[A-Za-z]+[ ,]+[a-z]")  # what a speaker's turn opens with: words, not a code
# "CHAIBASA: Train services ...": a dateline with a colon, taken only for a town the gazetteer knows
DATELINE_COLON = re.compile(r"^[ \t]*(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ'’.]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’.]*)*)(?=(?P<rest>:)\s+[A-Z])", re.M)
# "the Houthi-run health ministry", "Hamas-led interior ministry": a ministry named by who runs it
RUN_BY = {"run", "led", "controlled", "backed"}
# the last word of an armed body's name: "People's Defence Force", "Liberation Army"
FORCE_HEADS = {"force", "forces", "army", "front", "brigade", "brigades", "militia", "guard", "guards", "corps", "movement"}
# verbs whose object is an actor: 'blamed Moscow', 'accused Kyiv' (a capital standing for its government)
# heads on which 'between A and B' says where a thing runs, and 'from X' where a thing comes from
LINK_WORDS = {"cable", "pipeline", "link", "interlink", "interconnector", "connector", "line", "border", "bridge", "road",
              "railway", "corridor", "route", "frontier", "strait", "sea", "waters"}
FROM_WORDS = {"fire", "launch", "ship", "truck", "fly", "import", "export", "come", "originate", "pump", "transport",
              "smuggle", "cross", "crude", "oil", "gas", "imports", "exports", "flight", "train", "supply", "arrive", "bring",
              "power", "electricity", "copper", "transit"}
# heads whose 'to' names where a thing goes: 'gas transit to Armenia', 'shipped to Germany', 'the route to Greece'
TO_WORDS = {"transit", "ship", "route", "export", "exports", "link", "links", "flow", "pipe", "pump", "train", "trains", "deliver"}
# links that run somewhere ("the line to Brazil"; not "no link to the gang")
RUNNING_LINKS = {"cable", "pipeline", "interconnector", "line", "railway", "road", "bridge", "corridor", "highway"}
# heads of 'from X to Y' that say where a thing runs or goes ('carries gas from X to Y'; not 'sold from X to Y')
ROUTE_HEADS = FROM_WORDS | RUNNING_LINKS | {"carry", "run", "flow", "stretch", "extend", "travel", "go", "send", "deliver",
                                           "haul", "connect", "link", "journey", "drive", "trip", "crossing", "way", "move",
                                           "route", "ferry", "sail", "evacuate", "divert", "reroute", "redirect"}
FLAGGED_IDS = word_ids(["flagged"])
GOVERNMENT_IDS = word_ids(["government"])
# the last word of an administrative area's name: "Bangka Regency", "Mandera County"
AREA_WORDS = {"regency", "county", "province", "district", "governorate", "oblast", "region", "prefecture",
              "municipality", "krai", "okrug", "raion", "canton", "parish", "borough", "township", "emirate"}
# 'Islamic State', 'Member State': no area of a country
STATE_NOT_AREA = {"islamic", "member", "nation", "welfare", "deep", "sovereign", "police", "client", "puppet", "rogue",
                  "buffer", "failed", "successor", "flag", "coastal", "home", "host", "transit", "partner", "secretary"}
# words inside a body named for its area: 'Marawi City Water District', 'Emfuleni Local Municipality'
SERVICE_WORDS = {"utility", "water", "fire", "army", "military", "police", "school", "irrigation", "health", "local",
                 "sanitation", "power", "electric", "transit", "drainage", "conservation", "public", "guard", "city"}
# the last word of a street's name: "Comercio Street", "Commercial Avenue" (a place, whatever NER says)
# public buildings named as where people went ('taken to Nishtar Hospital', 'water at the Thames Civic Centre'):
# facilities, no actors
BUILDING_TAILS = {"hospital", "school", "arena", "stadium", "clinic"}
BUILDING_PAIRS = {("community", "centre"), ("community", "center"), ("civic", "centre"), ("civic", "center"),
                  ("community", "hall"), ("town", "hall"), ("health", "centre"), ("health", "center")}
STREET_WORDS = {"street", "st", "road", "drive", "route", "avenue", "boulevard", "lane", "square", "highway", "expressway",
                "motorway"}
BEARING_SUFFIXES = {"north", "south", "east", "west"}  # 'Pine Street South', 'Lansdowne Street West'
# streets named the other way round ('Rua Padre Libério', 'Avenida Mitre') or with the word glued on ('Kyrkvägen')
STREET_FIRST = {"rua", "avenida", "calle", "rue", "jalan", "carrera", "calzada", "rodovia", "ulitsa", "ulica"}
STREET_ENDINGS = ("vägen", "gatan", "straße", "strasse", "veien", "gata", "gade", "katu")
# what a country's possessive may own without acting: its land and its infrastructure
OWNED_PLACES = {"grid", "grids", "network", "networks", "system", "systems", "economy", "exports", "imports", "rice",
                "coast", "coastline", "border", "borders", "territory", "waters", "airspace", "infrastructure",
                "road", "roads", "link", "links", "railway", "railways", "line", "lines", "region", "regions",
                "province", "provinces", "state", "north", "south", "east", "west", "interior", "capital", "largest",
                "biggest", "only", "main", "supply", "supplies", "farmland", "fields", "mountains", "highlands",
                "city", "cities", "port", "ports", "busiest"}
# what only a body does to a facility: 'the hydro station operated by KenGen' (the model: a place)
OPERATING = {"operate", "own", "run", "manage", "maintain", "lease", "build", "commission"}
ACCUSING = {"blame", "accuse", "condemn", "warn", "urge", "criticise", "criticize", "suspect", "hold", "fault"}
SECRETARIES = {"secretary", "secretariat", "undersecretary", "under-secretary"}
TITLES = {"spokesman", "spokeswoman", "spokesperson", "secretary", "prosecutor", "head", "chairman", "ceo",
          "chancellor", "envoy", "adviser", "advisor", "official", "commodore"} | OFFICES


# a person's role, after which a name set off by commas is a person's ('the mayor of Boquerón, Rubén Caballero,')
ROLE_NOUNS = TITLES | PERSON_TITLES | {"fellow", "analyst", "researcher", "economist", "expert", "witness", "manager",
                                       "editor", "founder", "resident", "owner", "farmer", "engineer", "chairwoman"}


MEMBER_WORDS = {"fighters", "members", "militants", "gunmen", "supporters", "operatives", "insurgents", "rebels",
                "elements", "cadres"}


TITLE_QUALIFIERS = {"deputy", "acting", "prime", "vice", "first", "provincial", "regional", "national", "general",
                    "d'affaires", "d’affaires", "affaires", "assistant", "senior"}
DIPLOMATIC_TITLES = {"chargé", "charge", "consul", "attaché", "attache"}
ALL_TITLES = TITLES | PERSON_TITLES | DIPLOMATIC_TITLES


# what a capital that stands for its government owns, says or is given: "Kyiv's usual practice", "no comment
# from Moscow", "support for Kyiv" (but "Kyiv's metro", "flights from Moscow": the city)
GOVERNMENT_DEEDS = {"practice", "policy", "position", "stance", "claim", "denial", "response", "decision", "strategy",
                    "government", "military", "army", "navy", "forces", "troops", "officials", "allies", "ally",
                    "drones", "strikes", "attacks", "offensive", "campaign", "invasion", "intelligence", "envoy"}
GOVERNMENT_WORDS = {"comment", "response", "reaction", "statement", "word", "confirmation", "denial"}
GOVERNMENT_GIFTS = {"support", "aid", "backing", "assistance", "loyalty", "sympathy"}


def _government_named(root) -> bool:
    """A capital named as the government it stands for, by what it owns, says or is given."""
    if root.dep_ == "poss":
        return root.head.lower_ in GOVERNMENT_DEEDS
    if root.dep_ == "pobj" and root.head.lower_ == "from":
        return root.head.head.lemma_ in GOVERNMENT_WORDS
    return root.dep_ == "pobj" and root.head.lower_ in ("for", "to") and root.head.head.lemma_ in GOVERNMENT_GIFTS


OWNERS = {"state", "government", "privately", "publicly", "family", "foreign", "municipally", "city"}
OWNED = {"owned", "controlled", "run", "held", "listed", "backed"}


def _owned_before(toks, start: int) -> bool:
    """'state-controlled Ecopetrol', 'government-owned X': who owns it, said of a body, never of a town."""
    words = [t.lower_ for t in toks[max(start - 3, 0):start]]
    return len(words) == 3 and words[1] == "-" and words[0] in OWNERS and words[2] in OWNED


def _bare_title(span: Span) -> bool:
    """A title with its portfolio and no name: 'Minister of Foreign Affairs', 'Chargé d'Affaires', 'Provincial
    Director' (not 'President Alejandro Giammattei')."""
    words = [t.lower_ for t in span if t.lower_ not in ("the", "a", "an")]
    if "of" in words:
        words = words[:words.index("of")]
    return bool(words) and all(w in TITLE_QUALIFIERS or w in ALL_TITLES for w in words) \
        and any(w in ALL_TITLES for w in words)


def _state_secretariat(span: Span) -> bool:
    """'Secretary of State for Civil Protection': in Spain, Portugal and their former lands a secretariat of
    state is a body of the government, told by its office's title."""
    return len(span) > 3 and span[0].lower_ in SECRETARIES and span[1].lower_ == "of" and span[2].text == "State" \
        and span[3].lower_ == "for"


def _portfolio_of_named(doc: Doc, span: Span) -> bool:
    """A portfolio inside a named person's title: 'Undersecretary of Water Resources Mariela Quintana', 'Digital
    Affairs Minister Tomasz Wierzbicki'; the person is named, the words before the name are no body."""
    toks = tokens(doc)
    after = toks[span.end] if span.end < len(doc) else None
    if span.start >= 2 and toks[span.start - 1].lower_ == "of" and toks[span.start - 2].lower_ in ALL_TITLES | SECRETARIES \
            and after is not None and after.ent_type_ == "PERSON":
        return True
    k = span.end  # (the model may have cut the portfolio: 'Digital' | 'Affairs Minister')
    while k < min(span.end + 3, len(doc) - 1) and toks[k].text[:1].isupper() and toks[k].lower_ not in OFFICES | SECRETARIES:
        k += 1
    return k + 1 < len(doc) and toks[k].lower_ in OFFICES | SECRETARIES and toks[k].text[:1].isupper() \
        and toks[k + 1].ent_type_ == "PERSON"


CERT = re.compile(r"CERT|CSIRT")  # a computer emergency response team's name: 'CERT Polska', 'SK-CERT', 'ThaiCERT'


def _acronym(doc: Doc, tok) -> bool:
    """A word in capitals among words that are not: an acronym that names a body ('UNICEF', 'NATO'), even one the
    lemmatizer's index lists as a noun. (In a line in capitals, 'WEATHER WARNING', a capital says nothing.)"""
    toks = tokens(doc)
    if not (tok.is_upper and tok.is_alpha and len(tok.text) >= 2) or tok.dep_ == "compound":
        return False  # ('IP addresses': a kind of thing)
    k = tok.i
    while k > 0 and toks[k - 1].is_punct and "\n" not in toks[k - 1].whitespace_:
        k -= 1
    if k == 0 or "\n" in toks[k - 1].whitespace_ or "\n" in toks[k - 1].text:
        # ('QUESTION: Were there ...', 'OVERVIEW', '[JINGLE]': a line's label; but 'UKMTO has issued ...' opens
        # a paragraph with its subject)
        nxt = toks[tok.i + 1] if tok.i + 1 < len(doc) else None
        return nxt is not None and nxt.is_alpha and nxt.is_lower and "\n" not in tok.whitespace_ \
            and tok.dep_ in ("nsubj", "nsubjpass")
    near = [toks[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc) and toks[j].is_alpha]
    return not any(t.is_upper and len(t.text) >= 2 for t in near)


def _clean(doc: Doc, span: Span) -> Span | None:
    """Trim determiners, possessives, citation marks and anything after a line break."""
    toks = tokens(doc)
    start, end = span.start, span.end
    for k in range(start, end):
        if "\n" in toks[k].text:
            end = k
            break
    while start < end and (toks[start].lower_ in LEAD_WORDS or toks[start].is_punct or toks[start].is_space
                           or not any(c.isalnum() for c in toks[start].text)
                           or toks[start].lower_.rstrip(".") in lexicon.honorifics() and (
                               toks[start].text.endswith(".") or start + 1 < len(doc) and toks[start + 1].text == ".")):
        start += 1  # also symbols and spaces: "§\f I00" names "I00"
    if end - start >= 3 and (toks[start].lower_ in ROLE_WORDS or toks[start].lower_ in lexicon.honorifics()) \
            and toks[start].is_title and toks[start + 1].text[:1].isupper():
        start += 1  # 'Owner Pasuquin Hills Wind Power Corp.', 'Mr Bounmy Phommachanh': the name after the role
    board = start + (start < end and toks[start].lower_ == "management")
    if end - board >= 3 and toks[board].lower_ == "board" and toks[board + 1].lower_ == "of" \
            and toks[end - 1].lower_.rstrip(".") in LEGAL_TAILS | COMPANY_SUFFIXES:
        start = board + 2  # 'the Board of Brolga Energy Limited': the company
    if end - start >= 3 and toks[start].lower_ in MEMBER_WORDS and toks[start + 1].lower_ in ("of", "from"):
        start += 2  # 'Fighters of Islamic State Mozambique Province': the group they belong to
        while start < end and toks[start].lower_ == "the":
            start += 1
    if start < end and toks[start].lower_ == "no" and (end - start == 1 or toks[start + 1].is_lower):
        return None  # "No group has claimed responsibility": nobody
    for k in range(start, end):
        if toks[k].text == "(":
            end = k
            break
        if toks[k].text == "," and k > start and not (k + 1 < end and toks[k + 1].lower_.rstrip(".") in COMPANY_SUFFIXES):
            end = k  # "Marcus Lindqvist, Communications": the name before the comma
            break
    while end > start and (toks[end - 1].text in ("'s", "’s", "'") or toks[end - 1].is_punct or toks[end - 1].is_space
                           or toks[end - 1].lower_ in ("of", "and", "for", "the", "in", "on")
                           or toks[end - 1].text.startswith("[") or toks[end - 1].like_num and end - 1 > start):
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


LEGAL_TAILS = {"limited", "ltd", "inc", "incorporated", "llc", "plc", "gmbh", "corporation", "corp", "pty", "ag", "asa"}
COMPANY_SUFFIXES = {"inc", "ltd", "llc", "co", "corp", "plc", "sa", "ag", "as", "asa", "ab", "oy", "nv", "bv", "gmbh", "spa", "srl"}
LINKING = {"and", "of", "for", "the", "on", "la", "le", "les", "y", "et", "&", "pour", "für"} | PARTICLES


ACTOR_NAME_TYPES = {"organisation", "company", "armed_group", "person", "government_agency"}
STORM_WORDS = {"hurricane", "cyclone", "typhoon", "storm"}


def _storm_names(doc: Doc) -> frozenset:
    """The names storms are given ('Hurricane Selene', 'Severe Tropical Cyclone Wirra', 'Storm
    Ilse'), folded: told alone later ('Wirra's core'), they name no actor."""
    toks = tokens(doc)
    names = set()
    for t in toks:
        if t.lower_ in STORM_WORDS and t.text[:1].isupper() and t.i + 1 < len(doc) and toks[t.i + 1].is_title:
            names.add(fold(toks[t.i + 1].text))
    return frozenset(names)


def _joined_particle(doc: Doc, j: int) -> bool:
    """'al-Haqq', 'el-Sisi', 'bin-Laden' at token j: a particle hyphened onto a capitalized word."""
    toks = tokens(doc)
    return j + 2 < len(doc) and toks[j].lower_ in ("al", "el", "ul", "ad", "as", "ash", "ar", "an", "at", "az", "bin", "ibn")\
        and toks[j + 1].text == "-" and not toks[j].whitespace_ and not toks[j + 1].whitespace_ \
        and toks[j + 2].text[:1].isupper()


def _hyphen_linked(doc: Doc, span: Span) -> Span:
    """A name joined on by a hyphenated particle ('Tehreek-e-Taliban Pakistan', 'Jaish-e-Mohammed') or
    an Arabic 'and the' ('... al-Islam wal-Muslimin', '... wa al-Jihad'): the whole name, with the
    capitalized words after the particle."""
    toks = tokens(doc)
    j = span.end
    while j + 2 < len(doc) and toks[j].text == "-" and not toks[j - 1].whitespace_ and not toks[j].whitespace_ \
            and toks[j + 1].is_lower and len(toks[j + 1]) <= 3 and not toks[j + 1].whitespace_ \
            and toks[j + 2].text == "-" and not toks[j + 2].whitespace_ and j + 3 < len(doc) \
            and toks[j + 3].text[:1].isupper():
        j += 4
        while j < len(doc) and toks[j].text[:1].isupper() and toks[j].is_alpha and "\n" not in toks[j - 1].whitespace_:
            j += 1
    while j < len(doc) and toks[j - 1].whitespace_ == " ":  # "... al-Islam wal-Muslimin", "... wa al-Jihad": 'and the'
        k = j + 1 if toks[j].lower_ == "wa" and toks[j].whitespace_ == " " else j  # the article after "wa"
        if k + 2 >= len(doc) or toks[k].lower_ not in (("al", "el") if k > j else ("wal",)) or toks[k].whitespace_ \
                or toks[k + 1].text != "-" or toks[k + 1].whitespace_ or not _titled(toks[k + 2]):
            break
        j = k + 3
    return doc[span.start:j] if j > span.end else span


def _and_joined(doc: Doc) -> list[Span]:
    """The model's entities, with one name it cut at 'and' made whole again: 'the Danish Security and |
    Intelligence Service' (the second part ends in an institution's word the first lacks), 'the National
    Office of Electricity and | Drinking Water' (the first part names an institution 'of' something and the
    second is no institution itself). 'Shell and BP' stays two."""
    toks, ents, out = tokens(doc), list(doc.ents), []
    k = 0
    while k < len(ents):
        a = ents[k]
        b = ents[k + 1] if k + 1 < len(ents) else None
        if b is not None and b.label_ == "ORG" and (a.label_ == "ORG" or a.label_ in ("PERSON", "GPE", "FAC") and len(a) >= 2
                                                     and b[-1].lower_ in ORG_TAILS) and _one_name(toks, a, b):
            # ('Cumbria Fire' + 'Rescue Service': the model often reads the first part as a person or a place)
            out.append(Span(doc, a.start, b.end, label="ORG"))
            k += 2
            continue
        out.append(_and_led(doc, a))
        k += 1
    return out


def _and_led(doc: Doc, ent: Span) -> Span:
    """An organisation the model cut after a lone capitalized word and 'and' ('Environment and | Climate
    Change Canada'): that word opens the name. Not a name of its own before 'and' ('Shell and BP'), nor a
    body's word ('Police and Ministry of Interior officials')."""
    toks = tokens(doc)
    if ent.label_ != "ORG" or len(ent) < 2 or ent.start < 2 or toks[ent.start - 1].lower_ != "and" \
            or ent[0].lower_ == "the":
        return ent  # ('Copel and the Federal Police': two)
    countries = lexicon.countries()
    if ent[-1].lower_ not in ORG_TAILS and not any(countries.country(ent[k:].text) for k in (len(ent) - 1, len(ent) - 2)):
        return ent  # (a body's word or its country ends such a name: not 'Primrose and Marais Steyn Park')
    lead, before = toks[ent.start - 2], toks[ent.start - 3] if ent.start >= 3 else None
    if not (lead.is_title and lead.is_alpha and not lead.ent_type_ and lead.lower_ not in STOP_WORDS
            and lead.lower_ not in ORG_TAILS and lead.lower_ not in lexicon.actors()["authority_nouns"]) \
            or any("\n" in t.whitespace_ for t in toks[ent.start - 2:ent.start]):
        return ent
    if before is not None and "\n" not in before.whitespace_ and (before.text[:1].isupper() or before.is_digit):
        return ent  # (a lone word only: 'the Kora Energy and | X Ltd' are two)
    return Span(doc, ent.start - 2, ent.end, label="ORG")


# lower-case words after a place's name that a text names it with ("the Daule river", "the Kursk region")
FEATURE_WORDS = (GEO_WORDS | AREA_WORDS) - {"sea", "island", "islands", "coast"}


def _with_feature_word(doc: Doc, span: Span) -> Span:
    """The place's span with the lower-case feature word after it ('the Niger river'), or the span itself."""
    toks = tokens(doc)
    nxt = toks[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.lower_ in FEATURE_WORDS and "\n" not in toks[span.end - 1].whitespace_:
        return doc[span.start:span.end + 1]
    return span


def _one_name(toks, a: Span, b: Span) -> bool:
    """Two organisations the model found side by side, 'and' between them, are one name cut in two."""
    gap = [t.lower_ for t in toks[a.end:b.start]]
    inner = [t for t in a if t.lower_ != "and"]
    if not (gap == ["and"] or not gap and a[-1].lower_ == "and") or not inner or len(b) > 3:
        return False
    if not all(t.text[:1].isupper() for t in b) or any("\n" in t.whitespace_ for t in toks[a.start:b.end - 1]):
        return False
    words = [t.lower_ for t in inner if t.lower_ != "the"]
    if b[-1].lower_ in ORG_TAILS:  # 'Security and Intelligence Service', not 'Shell and the Energy Agency'
        return len(words) >= 2 and not set(words) & ORG_TAILS
    # 'Office of Electricity and Drinking Water', 'Ministry of Energy and Mines'
    return "of" in words[1:-1] and any(w in ORG_TAILS | {"ministry"} for w in words[:words.index("of")])


# lower-case words inside a name of another language: "Coalition pour la Renaissance du Centrafrique"
INNER_PARTICLES = PARTICLES | {"pour", "la", "le", "les", "et", "y", "e", "van", "von", "der", "den"}
# after an organisation's name, what carries it on: 'Calea Ferată din Moldova', 'Servicio de Agua Potable y
# Alcantarillado de Arequipa', 'Société Malienne de Transport d'Électricité'
ELIDED = re.compile(r"^(?:d|l|dell)['’][A-ZÀ-Þ]")
ORG_PARTICLES = PARTICLES | {"din", "y", "e", "d'", "d’", "dell'", "dell’"}


def _particle_linked(doc: Doc, span: Span) -> Span:
    """A name the model cut after a particle ('the Coalition pour la | Renaissance du Centrafrique'):
    the capitalized words before the particles belong to it."""
    toks = tokens(doc)
    k = span.start
    while k > 0 and toks[k - 1].lower_ in INNER_PARTICLES and toks[k - 1].is_lower and "\n" not in toks[k - 1].whitespace_:
        k -= 1
    if k == span.start or k == 0 or not toks[k - 1].text[:1].isupper() or not toks[k - 1].is_alpha \
            or toks[k - 1].is_sent_start or toks[k - 1].ent_type_ not in ("", "ORG") or "\n" in toks[k - 1].whitespace_:
        return span
    j = k - 1
    while j > 0 and toks[j - 1].text[:1].isupper() and toks[j - 1].is_alpha and not toks[j - 1].is_sent_start \
            and toks[j - 1].ent_type_ in ("", "ORG") and not toks[j - 1].is_stop and "\n" not in toks[j - 1].whitespace_:
        j -= 1
    return doc[j:span.end]


# legal forms that close a company's name the model left unlabelled ('Nordhav Gas AS'; 'Ltd' and the like are
# read by from_legal_names first)
UNLABELLED_LEGAL_TAILS = {"AS", "ASA", "AB", "SA", "S.A.", "Oy", "GmbH", "BV", "NV"}
BODY_HEADS = {"service", "services", "inspectorate", "directorate", "agency", "authority", "department", "office",
              "bureau", "commission", "council", "board", "brigade", "administration", "institute", "committee",
              "ministry", "regulator", "secretariat"}
BODY_OPENERS = BODY_HEADS | {"centre", "center"}  # 'the Centre for | Cybersecurity Belgium' (not 'X Civic Centre')


def _body_linked(doc: Doc, span: Span) -> Span:
    """A body's name the model cut at a linking word or before its head noun: 'Cumbria Fire | and Rescue
    Service', 'Petroleum and Gas | Inspectorate', 'Agency for | Hydrometeorology': the capitalized words that
    close it with a body's noun (or open it with one, then 'for' or 'of', when the name has none) belong to it."""
    toks = tokens(doc)

    def titled(k: int) -> bool:
        return _titled(toks[k]) and toks[k].ent_type_ in ("", "ORG") and "\n" not in toks[k - 1].whitespace_ \
            and not toks[k].is_sent_start

    start, end = span.start, span.end
    j = end
    if j < len(doc) and toks[j].lower_ == "and":
        j += 1
    k = j
    while k < len(doc) and k - end < 6 and titled(k):
        k += 1
    if k > j and toks[k - 1].lower_ in BODY_HEADS:
        end = k
    if start >= 2 and toks[end - 1].lower_ not in BODY_HEADS and toks[start - 1].lower_ in ("for", "of") \
            and toks[start - 2].lower_ in BODY_OPENERS \
            and _titled(toks[start - 2]) and toks[start - 2].ent_type_ in ("", "ORG") \
            and toks[end - 1].lower_.rstrip(".") not in LEGAL_TAILS | COMPANY_SUFFIXES:  # ('the Board of X Limited')
        start -= 2
        while start > 0 and titled(start - 1) and toks[start - 1].lower_ != "the" and span.start - start < 6:
            start -= 1
    return doc[start:end]


def _listed_remit(doc: Doc, end: int) -> int:
    """Where a ministry's remit listed after its name ends: ', Mines and Energy' after 'the Ministry of
    Industry' (a comma list closed by 'and'); ``end`` when no such list follows."""
    toks = tokens(doc)
    j = end
    while j + 1 < len(doc) and toks[j].text == "," and _titled(toks[j + 1]) and "\n" not in toks[j].whitespace_:
        j += 1
        while j < len(doc) and _titled(toks[j]) and toks[j].ent_type_ in ("", "ORG") and j - end <= 8:
            j += 1
    if j == end or j + 1 >= len(doc) or toks[j].lower_ != "and" or not _titled(toks[j + 1]):
        return end
    j += 1
    while j < len(doc) and _titled(toks[j]) and toks[j].ent_type_ in ("", "ORG") and j - end <= 10:
        j += 1
    return j


def _initials_start(doc: Doc, paren: int, acr: str) -> int | None:
    """Where the capitalized words before ``paren`` begin whose initials spell ``acr``: the
    initials of the capitalized words only ("NSCDC") or of every word ("DoE"); None if none do."""
    toks = tokens(doc)
    for every in (False, True):
        got, k = "", paren
        while k > 0 and len(got) < len(acr) and paren - k < 14:
            tok = toks[k - 1]
            if tok.is_sent_end or "\n" in tok.whitespace_ or tok.text in (",", ";", ":", "("):
                break
            if tok.lower_ in LINKING and not every:
                k -= 1
                continue
            if not tok.text[:1].isalpha() or (not tok.text[:1].isupper() and tok.lower_ not in LINKING):
                break
            parts = [p for p in re.split(r"[-\s]", tok.text) if p]
            got = "".join(p[0].upper() for p in parts) + got
            k -= 1
            if got == acr:
                while k < paren and toks[k].lower_ in LINKING:
                    k += 1
                return k
            if not acr.endswith(got):
                break
    return None


UNIT_WORDS = {"mva", "mw", "gw", "kw", "kv", "mwe", "twh", "gwh", "mwh", "bcm", "tcf", "bpd", "teu"}
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
FORCES_OF = re.compile(r"^(?:the\s+)?(?:General Staff of (?:the\s+)?)?(?P<organ>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
                       r" of (?:the\s+)?(?P<country>[A-Z][\w\s]+)$")


class ActorFinder(DataComponent):
    """Match actor and place mentions from doc.ents plus gazetteer rules."""

    def __init__(self, data: dict, place_nouns: list[str]):
        self.c = lexicon.countries()
        self.authority = set(data["authority_nouns"])
        self.org_types = [tuple(x) for x in data["org_types"]]
        self.extenders = set(data["org_extenders"])
        self.vessel_prefixes = set(data["vessel_prefixes"])
        self.ship_nouns = set(data["ship_nouns"])
        self.vessel_ids = word_ids(self.vessel_prefixes)
        self.legal_forms = set(data.get("legal_forms", []))
        self.stop_first = set(data.get("stop_first_words", []))
        self.led_groups = set(data.get("led_groups", {}).get("words", []))
        offices = data.get("office_holders", {})
        self.office_holders = dict(offices.get("holders", {}))
        self.office_qualifiers = set(offices.get("qualifiers", []))
        self.commodities = set(data.get("commodities", []))
        self.stop = set(data["stop_orgs"]) | set(data.get("weapons", {}).get("names", ())) | set(data.get("vessel_classes", ()))
        self.place_nouns = set(place_nouns)
        self.event_words = set(data["event_words"])
        self.document_words = set(data["document_words"]["words"])
        self.state_forces = set(data["state_forces"]["names"])
        self.dateline_labels = set(data["dateline_labels"]["names"])
        self.transcript_roles = set(data.get("transcript_roles", {}).get("names", ()))
        self.credit_words = set(data.get("credit_words", {}).get("words", ()))
        self.operator_verbs = set(data.get("operator_verbs", {}).get("words", ()))
        self.facility_heads = set(lexicon.facilities()["heads"])
        self.facility_last = {h.split()[-1] for h in self.facility_heads}
        self.facility_prefixes = {k for k in lexicon.facilities().get("prefix_heads", {}) if not k.startswith("_")}
        self.claimed = set(data["claimed_deeds"]["words"])
        organs = data.get("organ_heads", {})
        self.organ_heads = dict(organs.get("heads", {}))
        self.bare_organs = set(organs.get("bare", ()))
        self.organ_last_ids = word_ids({h.split()[-1] for h in self.organ_heads})
        self.not_qualifiers = set(organs.get("not_qualifiers", ()))
        self.qualified_only = set(organs.get("qualified_only", ()))
        self.named_by_place = set(organs.get("named_by_place", ()))
        self.trigger_words = {w for spec in lexicon.incidents()["types"].values()
                              for w in spec["triggers"] + spec["cues"] if " " not in w} | self.event_words
        self.glued = sorted(data["infobox"]["glued_keys"], key=len, reverse=True)
        self.actor_keys = set(data["infobox"]["actor_keys"])
        self.place_keys = set(data["infobox"]["place_keys"])
        self.towns = lexicon.towns()
        self.regions = lexicon.regions()
        self.common_nouns: frozenset = frozenset()  # set by the factory from the model's lemmatizer
        self.speech = set(lexicon.cues()["speech_verbs"])
        self._countries_of: tuple = (None, frozenset())

    # ---- helpers -------------------------------------------------------------------------
    def _doc_countries(self, doc: Doc) -> frozenset:
        """The countries a text names, by name, demonym or capital, or by a place that only one country has: a
        region ('South Australia') or a town of TOLD_TOWN people or more ('Mildura') (worked out once per Doc)."""
        if self._countries_of[0] is not doc:
            found = set()
            for ent in doc.ents:
                key = fold(ent.text)
                country = self.c.country(ent.text) or self.c.by_demonym.get(key) or self.c.by_capital.get(key)
                if not country and ent.label_ == "GPE" and len(self.regions.get(key, ())) == 1:
                    country = self.regions[key][0]
                if not country and ent.label_ == "GPE" and len({c for c, _ in self.towns.get(key, ())}) == 1 \
                        and max(p for _, p in self.towns[key]) >= TOLD_TOWN:
                    country = self.towns[key][0][0]
                if country:
                    found.add(country)
            self._countries_of = (doc, frozenset(found))
        return self._countries_of[1]

    def known_town(self, doc: Doc, span: Span) -> bool:
        """'carries gas to Yevlakh' in a story of Azerbaijan, 'Quetta', 'Morelos' in a story of Mexico: a name
        the model took for a person or an organisation that the towns or regions gazetteer holds in a country
        the text names (or a city of a million people), and that says nothing, is a place."""
        # (a region counts as a town of no size: only a text that names its country makes it one)
        entries = self.towns.get(fold(span.text), ()) + tuple((c, 0) for c in self.regions.get(fold(span.text), ()))
        if not entries or self.c.by_capital.get(fold(span.text)):
            return False  # a capital may stand for its government: "blamed Kyiv"
        toks = tokens(doc)
        if self._speaks(span.root):
            return False  # "Hassan said": a person
        if span.start > 0 and (toks[span.start - 1].lower_.rstrip(".") in TITLES | {"mr", "ms", "mrs", "dr"}):
            return False
        if all(population < SMALL_TOWN for _, population in entries) and self._acts_like_a_body(doc, span):
            return False  # 'Pemex publishes less', 'the aluminium company Alcoa', 'INDE': a body that shares a
            # village's name
        named = self._doc_countries(doc)
        if any(country in named or population >= 1_000_000 for country, population in entries):
            return True
        # a name no one bears, of several words or one the model took for an organisation ('Lower Saxony',
        # 'Piraeus'), and not the first word of a longer name ('Falcon' of 'Falcon DataHub'): a region of one
        # country, or a city of BIG_TOWN people, even with no country told
        plain = len(span) > 1 or (
            toks[span.start].ent_type_ in ("ORG", "FAC")
            and not (span.end < len(doc) and toks[span.end].text[:1].isupper())
            and not any(len(e) > 1 and e.label_ == "ORG" and e[0].text == span.text for e in doc.ents))
        return plain and not span.text.isupper() and (
            len(set(self.regions.get(fold(span.text), ()))) == 1
            or any(population >= BIG_TOWN for _, population in self.towns.get(fold(span.text), ())))

    def _name_lead(self, tok, start: int, end: int) -> bool:
        """A capitalized proper noun before a name that the parse makes part of it, and no title, country,
        town or word ('Minister', 'Kenya', 'Prime')."""
        return tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper) and tok.is_alpha and tok.dep_ == "compound" \
            and start <= tok.head.i < end and tok.ent_type_ in ("", "ORG", "PERSON") and "\n" not in tok.whitespace_ \
            and tok.lower_ not in TITLES | PERSON_TITLES | LEAD_WORDS | ROLE_WORDS \
            and tok.lower_ not in lexicon.honorifics() and not self._common_word(tok.lower_) \
            and not self.c.country(tok.text) and fold(tok.text) not in self.towns and not self.c.by_demonym.get(fold(tok.text))

    @staticmethod
    def _acts_like_a_body(doc: Doc, span: Span) -> bool:
        """Written as an acronym, after an organisation's noun, as a clause's subject or as an owner."""
        toks = tokens(doc)
        return span.text.isupper() or span.root.dep_ in ("nsubj", "nsubjpass", "poss") \
            or span.start > 0 and toks[span.start - 1].lower_ in ORG_NOUNS \
            or span.end < len(doc) and toks[span.end].text in ("'s", "’s")

    def _speaks(self, tok) -> bool:
        """The subject of a speech or accusing verb ('Hassan said', 'Shell blamed')."""
        return tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.lemma_ in self.speech or tok.head.lemma_ in ACCUSING)

    def _common_word(self, word: str) -> bool:
        """A noun of the lemmatizer's index, or its plural ('residents')."""
        return word in self.common_nouns or word.endswith("s") and word[:-1] in self.common_nouns

    def _capitalized_noun(self, doc: Doc, tok) -> bool:
        """A sentence's first word that is a common noun of the lemmatizer's index and is never
        capitalized inside a sentence in this text, and that says nothing ('Shell said' stays)."""
        if not (tok.is_sent_start or tok.i > 0 and "\n" in tokens(doc)[tok.i - 1].whitespace_) \
                or tok.lower_ not in self.common_nouns or not tok.is_title:
            return False
        if self._speaks(tok):
            return False
        return not any(t.text == tok.text and not t.is_sent_start and t.i != tok.i for t in tokens(doc))

    def org_type(self, text: str) -> str:
        words = [fold(w).strip(".,") for w in text.split()]
        for word, typ in self.org_types:
            if word in words:
                return typ
        return "organisation"

    def infobox_key(self, doc: Doc, i: int) -> str | None:
        """The key of the infobox line holding token i ("- Operator: ..."), lower-cased."""
        return self._keys.get(i)

    def _index_infobox(self, doc: Doc) -> None:
        """Token -> infobox key, for every token after the colon of a '- Key: value' line."""
        self._keys: dict[int, str] = {}
        for sent in sentences(doc):
            if len(sent) > 2 and sent[0].text == "-":
                colon = next((t.i for t in sent if t.text == ":"), None)
                if colon is not None:
                    key = doc[sent.start + 1:colon].text.lower().strip()
                    for i in range(colon + 1, sent.end):
                        self._keys[i] = key

    def place_like(self, doc: Doc, span: Span) -> bool:
        """A country used as a location: 'in Finland', 'Ingå, Finland', 'oblasts of Ukraine'."""
        toks = tokens(doc)
        first = toks[span.start]
        key = self.infobox_key(doc, span.start)
        if key is not None and key in self.place_keys:
            return True
        if span.start_char < getattr(self, "_dateline_end", 0):
            return True  # "BOGOTÁ, Colombia (AP) -": where the story was filed
        head = span.root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        prev = toks[head.i - (head.i - span.start) - 1] if span.start > 0 else None
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE:
            return True
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in self.place_nouns:
            return True
        if prev is not None and prev.text == "," and span.start >= 2 and toks[span.start - 2].ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "ORG"):
            return True
        if span.end < len(doc) and toks[span.end].lower_ in GEO_WORDS and toks[span.end].lower_ not in ("sea", "islands", "island"):
            return True  # "floodwaters on the Niger river"
        j = span.end
        while j < len(doc) and (toks[j].text in (",", "and", "or") or toks[j].text[:1].isupper()) and j < span.end + 6:
            j += 1
        if j > span.end and j < len(doc) and toks[j].tag_ == "NNS" and toks[j].lemma_ in GEO_WORDS:
            return True  # "the swollen Moldova and Siret rivers"
        if span.end < len(doc) and toks[span.end].text in ("-based", "based", "-flagged", "flagged"):
            return True  # "a UK-based monitor", "the Panama-flagged carrier"
        if span.end + 1 < len(doc) and toks[span.end].text == "-" and toks[span.end + 1].lower_ in ("based", "flagged"):
            return True
        if self._owns_place(doc, span) or self._owns_thing(doc, span):
            return True  # "Kenya's north-eastern Mandera County", "Nepal's grid", "Italy's Adriatic line"
        if self._dashed_link(doc, span):
            return True  # "the Azerbaijan–Georgia border", "the Finland-Estonia cable"
        if self._route_end(doc, span):
            return True  # "gas from Onești to Piatra Neamț", "the line to Brazil"
        if head.dep_ == "pobj" and self._located_by(head.head):
            return True  # "gas through Jordan", "a cable between Finland and Estonia", "fired from Yemen"
        if span.end < len(doc) and toks[span.end].text == "." and (span.start == 0 or "\n" in toks[span.start - 1].whitespace_
                                                                   or toks[span.start - 1].is_space):
            return True  # "Mexico. A natural gas pipeline ...": a round-up's heading
        if first.i > 1 and toks[first.i - 1].lower_ == "the" and toks[first.i - 2].lower_ in LOCATIVE:
            return True
        if first.i > 0 and toks[first.i - 1].lower_ in DIRECTIONS:
            return True  # "northern Yemen"
        return first.i > 0 and toks[first.i - 1].lower_ in LOCATIVE

    def _facility_before(self, doc: Doc, i: int) -> bool:
        """Token i follows a facility's head word, or its number or code ('the relay cabin at',
        'compressor station CS-3 at')."""
        toks = tokens(doc)
        k = i - 1
        if k >= 1 and (CODE.fullmatch(toks[k].text) or DESIGNATION.fullmatch(toks[k].text)):
            k -= 1
        return k >= 0 and toks[k].lower_ in self.facility_last

    @staticmethod
    def _dashed_link(doc: Doc, span: Span) -> bool:
        """'the Azerbaijan–Georgia border', 'the Finland-Estonia cable': names joined by dashes before a
        link or a border say where it runs."""
        toks = tokens(doc)
        j = span.end
        while j + 1 < len(doc) and toks[j].text in ("-", "–", "—") and toks[j + 1].text[:1].isupper():
            j += 2
            while j < len(doc) and toks[j].text[:1].isupper():
                j += 1  # "the Georgia–South Ossetia line"
        k = span.start
        while k >= 2 and toks[k - 1].text in ("-", "–", "—") and toks[k - 2].text[:1].isupper():
            k -= 2
        if j == span.end and k == span.start:
            return False
        return j < len(doc) and (toks[j].lower_ in LINK_WORDS or toks[j].lemma_ in LINK_WORDS)

    @staticmethod
    def _area_name(span) -> bool:
        """'Bangka Regency', 'Lika-Senj County', 'Akwa Ibom State', 'Birnin Gwari Local Government Area': a
        name ending in the word for an administrative area is that area ('Islamic State' is no state's area)."""
        toks = list(span)
        if not 2 <= len(toks) <= 5 or any(t.lower_ in ("of", "and", "&", "for") for t in toks):
            return False
        last = toks[-1].lower_
        if any(t.lower_ == "state" and k and toks[k - 1].lower_ in STATE_NOT_AREA for k, t in enumerate(toks)):
            return False  # 'Islamic State', 'Islamic State Mozambique Province': a group and its branch
        if len(toks) > 2 and (any(t.lower_ in SERVICE_WORDS for t in toks) or toks[0].ent_type_ == "ORDINAL"):
            return False  # 'Cowlitz County Public Utility District', 'Second Army Region': bodies
        if last in AREA_WORDS:
            return True
        if last == "state":
            return all(t.text[:1].isupper() or t.text == "-" for t in toks)
        return last == "area" and len(toks) >= 3 and [t.lower_ for t in toks[-3:]] == ["local", "government", "area"]

    @staticmethod
    def _route_end(doc: Doc, span: Span) -> bool:
        """An end of a route: 'carries gas from Onești to Piatra Neamț', 'the line from Dostyk' (on a
        link), 'the line to Brazil' (on a link): where a thing runs, not who acts."""
        toks = tokens(doc)
        head = span.root
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ != "pobj":
            return False
        prep = head.head
        on = prep.head
        if prep.lower_ in ("from", "to") and (on.lower_ in RUNNING_LINKS or on.lemma_ in RUNNING_LINKS):
            return True
        if on.lemma_ not in ROUTE_HEADS and on.lower_ not in ROUTE_HEADS:
            return False  # "sold from X to Y": an owner, not a place
        if prep.lower_ == "from":  # "from X to Y"
            return span.end + 1 < len(doc) and toks[span.end].lower_ == "to" and toks[span.end + 1].text[:1].isupper()
        if prep.lower_ == "to":
            k = prep.i - 1
            while k > 0 and toks[k].text[:1].isupper():
                k -= 1
            return k < prep.i - 1 and toks[k].lower_ == "from"
        return False

    def _owns_place(self, doc: Doc, span: Span) -> bool:
        """'Kenya's north-eastern Mandera County', 'Venezuela's western Zulia state': the country's
        possessive before a place of it names where, not who."""
        toks = tokens(doc)
        j = span.end
        if j >= len(doc) or toks[j].text not in ("'s", "’s"):
            return False
        j += 1
        while j < len(doc) and (toks[j].lower_ in DIRECTIONS or toks[j].text in ("-",) or toks[j].lower_ in (
                "north-eastern", "north-western", "south-eastern", "south-western", "far", "restive", "remote")):
            j += 1
        if j >= len(doc):
            return False
        if toks[j].ent_type_ in ("GPE", "LOC") and toks[j].ent_iob_ == "B":
            return True
        k = j
        while k < len(doc) and toks[k].text[:1].isupper() and k < j + 4:
            k += 1
        return k > j and k < len(doc) and (toks[k].lower_ in self.place_nouns or toks[k].lower_ in GEO_WORDS)

    @staticmethod
    def _located_by(prep) -> bool:
        """A preposition that says where: 'through' and 'via' always; on these heads, 'between'
        on a link ('a cable between Finland and Estonia'), 'from' on a launch or a shipment
        ('fired from Yemen', 'crude from South Sudan'), 'with' on a border ('the border with
        Venezuela'), 'of' on a part of the land ('most of Venezuela', 'the tip of Taiwan')."""
        word, on = prep.lower_, prep.head
        if word in ("through", "via"):
            return True  # "gas through Jordan and Syria" ("its oil to China" names a buyer, an actor)
        if word == "between":
            return on.lemma_ in LINK_WORDS or on.lower_ in LINK_WORDS
        if word == "from":
            return on.lemma_ in FROM_WORDS
        if word == "to":  # ('officials linked to Iran': a tie, not a route)
            return (on.lemma_ in TO_WORDS or on.lower_ in TO_WORDS) and not (on.lemma_ == "link" and on.pos_ != "NOUN")
        if word == "with":
            return on.lemma_ in ("border", "link", "connection", "interconnection", "frontier")
        if word == "of":
            return on.lower_ in ("most", "much", "part", "parts", "rest", "tip", "north", "south", "east", "west",
                                 "coast", "heart", "interior", "centre", "center", "outskirts")
        return False

    @staticmethod
    def _after_article(doc: Doc, i: int) -> bool:
        """Token i follows 'the', across adjectives ('the Drina', 'the swollen Drina'): a one-word name the model
        took for a person's that a person's is not."""
        toks = tokens(doc)
        j = i - 1
        while j >= 0 and toks[j].tag_ == "JJ":
            j -= 1
        return j >= 0 and toks[j].lower_ == "the"

    def _named_place(self, doc: Doc, span: Span) -> bool:
        """A short name the model took for a person or an organisation that the words around make a
        place: 'in neighbouring Melamchi', 'in the high Himalaya' (a place preposition across
        adjectives), 'the Hamrin mountains' (a landform after it)."""
        toks = tokens(doc)
        j = span.start - 1
        while j >= 0 and toks[j].is_lower and (toks[j].tag_ in ("JJ", "VBG", "VBN") or toks[j].lower_ == "the"):
            j -= 1
        if j >= 0 and j < span.start - 1 and toks[j].lower_ in LOCATIVE:
            return True
        return span.end < len(doc) and toks[span.end].lower_ in GEO_WORDS | {"regency", "range", "gorge", "pass"}

    def _located(self, doc: Doc, span: Span, label: str) -> bool:
        """A name the model took for a person or an organisation as the object of a preposition that
        only places take ('near Saint-Isidore', 'through Beyneu', 'parts of Abu Salim'), or, for a
        'person', of 'in' or 'at' ('at Leixões'); not a possessor ('in Smith's view')."""
        toks = tokens(doc)
        root = span.root
        if span.end < len(doc) and toks[span.end].text in ("'s", "’s"):
            return False
        listed = root.dep_ == "conj"
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # 'to Marjayoun, Qlayaa and Bourj al-Mlouk': the list's first name says how
        if root.dep_ != "pobj":
            return False
        prep = root.head
        if not listed and prep.i != span.start - 1 and not (prep.i == span.start - 2 and toks[span.start - 1].lower_ == "the"):
            return False  # the preposition right before the name
        if prep.lower_ in STRONG_LOCATIVE:
            return True
        if prep.lower_ == "of" and (prep.head.lower_ in AREA_OF or prep.head.lemma_ in self.place_nouns):
            return True
        if prep.lower_ in ("to", "for") and any(c.dep_ == "dobj" and c.lemma_ in TRAVEL for c in prep.head.children):
            return True  # 'suspending crossings to Barra'
        if prep.lower_ in ("to", "for") and (prep.head.lemma_ in SUPPLIED | TRAVEL or prep.head.lower_ in SUPPLIED):
            return True  # 'cut power to Marjayoun', 'supplies drinking water to Rijeka', 'bound for Ust-Luga'
        if label == "PERSON" and prep.lower_ == "from":  # 'comes from Kaloleni', 'firefighters from María Elena'
            return prep.head.lemma_ in FROM_A_PLACE  # (not 'crews from Elettrodotti Sardi')
        if label == "ORG" and prep.lower_ == "from" and prep.head.lemma_ in PEOPLE_FROM:
            return True  # 'firefighters from Choele Choel', 'residents from Tudun Bako
        return label == "PERSON" and prep.lower_ in ("in", "at")

    @staticmethod
    def _town_context(doc: Doc, span: Span) -> bool:
        """Words that only a town has around its name: 'east of Gillam', 'the residents of Churchill',
        'Churchill mayor Dawn Selkirk', 'Thompson residents'."""
        toks = tokens(doc)
        if span.start >= 2 and toks[span.start - 1].lower_ == "of" and toks[span.start - 2].lower_ in TOWN_BEFORE_OF:
            return True
        return span.end < len(doc) and toks[span.end].lower_ in TOWN_AFTER and not (
            span.end + 1 < len(doc) and toks[span.end + 1].text[:1].isupper() and toks[span.end].lower_ != "mayor")

    def _owns_thing(self, doc: Doc, span: Span) -> bool:
        """'Nepal's grid', 'Mali's rice', 'Italy's Adriatic railway': a country's possessive before
        its infrastructure or its land says where, not who acts ('Russia's ministry', 'Russia's
        invasion' do)."""
        toks = tokens(doc)
        if span.end >= len(doc) or toks[span.end].text not in ("'s", "’s"):
            return False
        owned = span.root.head if span.root.dep_ == "poss" else None
        if owned is None or owned.i < span.end:
            return False
        word = owned.lower_
        return word in self.facility_last or owned.lemma_ in self.facility_last or word in OWNED_PLACES

    def _conj_of_place(self, doc: Doc, span: Span) -> bool:
        """'across Maracaibo, Cabimas and Ciudad Ojeda', 'Mandera, Wajir and Garissa counties': a name
        in a list with places, after a place preposition or before a plural place noun, is a place too.
        Read on the surface: the parser often breaks such lists."""
        toks = tokens(doc)

        def listed(t) -> bool:
            return t.text in (",", "and", "or") or (t.text[:1].isupper() and not t.is_sent_start)

        i = span.start - 1
        while i >= 0 and listed(toks[i]) and "\n" not in toks[i].whitespace_:
            i -= 1
        # 'supply to Outjo, Kamanjab and Khorixas was restored': a list the places it goes to
        supplied = i > 0 and toks[i].lower_ == "to" and (toks[i - 1].lower_ in SUPPLIED or toks[i - 1].lemma_ in SUPPLIED)
        if not supplied and (span.root.dep_ in ("nsubj", "nsubjpass")
                             or (span.start > 0 and toks[span.start - 1].text in ("'s", "’s"))):
            return False  # "..., and Chunghwa Telecom has ordered": a clause's subject; "Finland's Fingrid": an owned name
        j = span.end
        while j < len(doc) and listed(toks[j]) and "\n" not in toks[j - 1].whitespace_:
            j += 1
        items, cur = [], []
        for t in toks[i + 1:j]:
            if t.text in (",", "and", "or"):
                items.append(cur)
                cur = []
            else:
                cur.append(t)
        items = [x for x in items + [cur] if x and not (x[-1].i + 1 < len(doc) and toks[x[-1].i + 1].text in ("'s", "’s"))]
        own = next((x for x in items if x[0].i <= span.start < x[-1].i + 1), None)
        if len(items) < 2 or own is None or (own[0].i, own[-1].i + 1) != (span.start, span.end):
            return False  # "Moore County Sheriff Ronnie Fields, a ...": no list the name is an item of
        if i >= 0 and toks[i].lower_ in LOCATIVE | {"between", "across"} or supplied:
            return True
        if j < len(doc) and toks[j].tag_ == "NNS" and (toks[j].lemma_ in self.place_nouns or toks[j].lower_ in self.place_nouns):
            return True
        return any(t.ent_type_ in ("GPE", "LOC") or self.c.country(t.text) or self.c.by_capital.get(fold(t.text))
                   for x in items if x is not own for t in x)

    def demonym_state(self, doc: Doc, i: int) -> tuple[str, int] | None:
        """'Kazakh government', 'Estonian and Finnish inquiries': (country, end token) when an authority follows."""
        toks = tokens(doc)
        if not toks[i].is_alpha or not toks[i].text[:1].isupper():
            return None
        country = self.c.by_demonym.get(fold(toks[i].text))
        if not country and i + 1 < len(doc):
            country = self.c.by_demonym.get(fold(toks[i].text + " " + toks[i + 1].text))
            if country:
                i += 1
        if not country:
            return None
        j = i + 1
        while j < len(doc) and (toks[j].lower_ in ("and", ",") or self.c.by_demonym.get(fold(toks[j].text))):
            j += 1
        for n in (2, 1):
            words = " ".join(t.lower_ for t in doc[j:j + n])
            if words in self.authority and j + n <= len(doc):
                after = toks[j + n] if j + n < len(doc) else None
                if after is not None and after.is_alpha and after.is_lower and after.pos_ in ("NOUN", "PROPN"):
                    return None  # "Russian military intelligence" is not the state
                if j == i + 1 and all(t.is_title for t in doc[j:j + n]) and (n > 1 or toks[j].lower_ in NAMED_ORGANS):
                    return None  # "the Turkish Armed Forces", "the Indian Army": an organ's proper name
                return country, j + n
        return None

    def _country_branch(self, doc: Doc, i: int) -> bool:
        """Token i and the country named right after it are one company's name ('MTN Cameroon',
        'Interconnect Malta said'): an acronym, or a proper noun that is no place, no date word and no
        common word, on the same line, before a country that ends the name (a verb, "'s" or a
        punctuation mark follows) and is not itself after 'in', 'to', 'from' or 'between'."""
        toks = tokens(doc)
        t, c = toks[i], toks[i + 1]
        if not self.c.country(c.text) or t.whitespace_ != " " or not t.text[:1].isupper() or not t.is_alpha:
            return False
        if self.c.country(t.text) or self.c.by_demonym.get(fold(t.text)) or t.is_stop or t.lower_ in MONTHS or t.lower_ in WEEKDAYS:
            return False
        pair = f"{t.text} {c.text}"
        if fold(t.text) in DIRECTIONS or fold(t.text) in PLACE_PREFIXES or self.c.country(pair) or fold(pair) in self.towns:
            return False  # 'North Macedonia', 'Western Kazakhstan', 'Port Sudan': one place
        if i > 0 and (toks[i - 1].text[:1].isupper() and toks[i - 1].is_alpha and "\n" not in toks[i - 1].whitespace_):
            return False  # 'the Republic of Djibouti', a title-case headline: no two-word name here
        if i > 0 and toks[i - 1].lower_ in ("in", "to", "from", "across", "near", "and", "between"):
            return False
        acronym = t.is_upper and len(t.text) >= 2
        if not acronym and (t.pos_ != "PROPN" or fold(t.text) in self.towns or self.c.by_capital.get(fold(t.text))):
            return False  # 'Kyiv Ukraine', 'Quetta Pakistan': a place and its country
        nxt = toks[i + 2] if i + 2 < len(doc) else None
        return nxt is None or nxt.text in ("'s", "’s", ",", ".", ";", ")") or nxt.pos_ in ("VERB", "AUX")

    # ---- matching ------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[Mention]:
        toks = tokens(doc)
        self._index_infobox(doc)
        out: list[Mention] = []
        covered: set[int] = set()

        storms = _storm_names(doc)

        def add(span: Span, kind: str, typ: str, name: str | None = None, **kw) -> None:
            if any(k in covered for k in range(span.start, span.end)):
                return
            if kind == "actor" and fold(span.text) in storms:
                return  # 'the eye of Selene' after 'Hurricane Selene': the storm, no actor
            if kind == "actor" and typ in ACTOR_NAME_TYPES:
                whole = self._hyphen_joined(doc, span)  # "Z-Sokol", "Sotrab-BTP", not "Z", "BTP"
                if whole is not span and (name is None or name == span.text):
                    span, name = whole, None
                    if any(k in covered for k in range(span.start, span.end)):
                        return
            if kind == "place" and (name is None or name == span.text) and not kw.get("aliases"):
                whole = _with_feature_word(doc, span)
                if whole is not span and whole.end - 1 not in covered:
                    # "the Daule river", "Russia's Kursk region": named with the word, and without it
                    span, name, kw = whole, None, {**kw, "aliases": [span.text]}
            covered.update(range(span.start, span.end))
            name = re.sub(r"\s*\[.*$", "", name or span.text, flags=re.S).strip(" ,.;:\n")
            if not name or name.split()[0].lower() == "no" and (len(name.split()) == 1 or name.split()[1].islower()):
                return  # "No group has claimed responsibility": nobody
            out.append(Mention(span.start, span.end, kind, typ, name,
                               char_start=span.start_char, char_end=span.end_char, **kw))

        # vessels: "MV Dali", "the ship NewNew Polar Bear"
        for t in (toks[i] for i in positions(doc, self.vessel_ids)):
            quoted = t.i + 2 < len(doc) and toks[t.i + 1].text in QUOTES and not t.is_upper
            first = t.i + 1 + quoted  # 'the cargo ship "Jin Hai 17"'
            if t.lower_ in self.vessel_prefixes and first < len(doc) and toks[first].text[:1].isupper() \
                    and (t.is_upper or t.lower_ in ("tanker", "ship", "vessel", "freighter", "carrier", "dredger", "trawler")
                         and t.pos_ != "VERB"):  # "to ship Kazakh wheat": the verb
                k = first
                while k < len(doc) and toks[k].text[:1].isupper() and "\n" not in toks[k].text and not toks[k].is_sent_start:
                    k += 1
                if k < len(doc) and toks[k].is_digit and len(toks[k].text) <= 3 and not toks[k].is_sent_start \
                        and "\n" not in toks[k - 1].whitespace_:
                    k += 1  # "Yi Peng 3", "Hong Tai 58"
                elif k > first and toks[k - 1].text == "No" and k + 1 < len(doc) and toks[k].text == "." \
                        and toks[k + 1].is_digit:
                    k += 2  # "Daikichi Maru No. 3"
                elif k > first and toks[k - 1].text == "No." and k < len(doc) and toks[k].is_digit:
                    k += 1
                if quoted and not (k < len(doc) and toks[k].text in QUOTES):
                    continue  # a quotation, not a quoted name
                name_span = doc[first:k]
                if t.is_upper:
                    add(doc[t.i:k], "actor", "vessel", aliases=[name_span.text], source="vessel")
                else:
                    add(name_span, "actor", "vessel", source="vessel")
        # "MTN Cameroon", "OCP Ecuador", "Telecom Egypt": a company's name with its country after it
        for t in toks:
            if t.i + 1 >= len(doc) or t.i in covered or not self._country_branch(doc, t.i):
                continue
            named = _body_linked(doc, doc[t.i:t.i + 2])  # "the Centre for | Cybersecurity Belgium": a body's name
            add(named, "actor", "company" if named.start == t.i else "government_agency", source="country-branch")
        for t in toks:  # "Georgian Railway", "South Eastern Railway": a national or a zone's operator
            start = operator_railway(doc, t.i) if t.text == "Railway" else None
            if start is not None and not any(k in covered for k in range(start, t.i + 1)):
                add(doc[start:t.i + 1], "actor", "company", source="operator-railway")
        # "the 37,000 dwt Coral Meridian": a tonnage names a ship (the model's name there, or the capitalized
        # words); "Coral Meridian, a Singapore-flagged MR tanker": so does an apposition that is a ship
        starts = {ent.start: ent for ent in doc.ents}
        for t in toks:
            if t.lower_ in TONNAGE and t.i >= 1 and toks[t.i - 1].like_num and t.i + 1 < len(doc) and _titled(toks[t.i + 1]):
                k = starts[t.i + 1].end if t.i + 1 in starts else t.i + 1
                while k < len(doc) and _titled(toks[k]) and "\n" not in toks[k - 1].whitespace_:
                    k += 1
                add(doc[t.i + 1:k], "actor", "vessel", source="tonnage")
        for ent in doc.ents:
            if ent.label_ in ("ORG", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART") and ent.text[:1].isupper() and any(
                    c.dep_ == "appos" and c.lemma_.lower() in self.ship_nouns and c.i >= ent.end for c in ent.root.children):
                add(ent, "actor", "vessel", source="ship-apposition")
        # "the Togo-flagged Hong Tai 58": a flag names a ship
        for t in (toks[i] for i in positions(doc, FLAGGED_IDS)):
            if t.lower_ != "flagged" or t.i < 2 or toks[t.i - 1].text not in ("-", "–") or t.i + 1 >= len(doc):
                continue
            k = t.i + 1
            if toks[k].lower_ in self.vessel_prefixes or not toks[k].text[:1].isupper():
                continue  # "Hong Kong-flagged ship X": the ship word leads, handled above
            j = k
            while j < len(doc) and toks[j].text[:1].isupper() and "\n" not in toks[j].text and not toks[j].is_sent_start:
                j += 1
            if j < len(doc) and toks[j].is_digit and len(toks[j].text) <= 3:
                j += 1
            if j < len(doc) and toks[j].lower_ in self.vessel_prefixes or fold(doc[k:j].text) in self.stop:
                continue  # "the Marshall Islands-flagged LR1 tanker Amber Solace", "... Capesize bulk carrier X":
                # a class, the name follows
            if j > k:
                add(doc[k:j], "actor", "vessel", source="flag")
        # "the Saudi-led coalition", "US-led forces": a party of its own, named with who leads it
        for t in toks:
            if t.lower_ == "led" and 2 <= t.i < len(doc) - 1 and toks[t.i - 1].text in ("-", "–") \
                    and not toks[t.i - 1].whitespace_ and not toks[t.i - 2].whitespace_ \
                    and toks[t.i + 1].lower_ in self.led_groups and toks[t.i + 1].is_lower \
                    and (self.c.country(toks[t.i - 2].text) or self.c.by_demonym.get(fold(toks[t.i - 2].text))):
                group = toks[t.i + 1].lower_
                add(doc[t.i - 2:t.i + 2], "actor", "armed_forces" if group in ("coalition", "forces", "force", "troops")
                    else "organisation", source="led-group")

        # demonym + authority noun: a state acting
        def end_of_name(end: int) -> bool:
            return any(toks[k].lower_ in ORG_TAILS and toks[k].is_title for k in range(end, min(end + 3, len(doc)))
                       if all(toks[j].is_title and "\n" not in toks[j - 1].whitespace_ for j in range(end, k + 1))) \
                and toks[end - 1].is_title

        for t in toks:
            if not t.text[:1].isupper() or t.i in covered:
                continue
            hit = self.demonym_state(doc, t.i)
            if hit and end_of_name(hit[1]):
                continue  # 'the South African Police Service', 'the Norwegian Police Security Service': a body's
                # own name, not the state acting through its police
            if hit and t.i not in covered:
                country, end = hit
                noun = toks[end - 1].text
                k = t.i
                while k < end - 1:
                    c = self.c.by_demonym.get(fold(toks[k].text))
                    if c and k not in covered:
                        add(doc[k:k + 1], "actor", "state", name=f"{toks[k].text} {noun}", canonical=c, source="demonym")
                    k += 1
                if end - 1 not in covered:
                    covered.add(end - 1)
        # "Government of Lebanon"
        for t in (toks[i] for i in positions(doc, GOVERNMENT_IDS)):
            if t.lower_ != "government":
                continue
            if t.i + 2 < len(doc) and toks[t.i + 1].lower_ == "of":
                for n in (3, 2, 1):
                    cand = doc[t.i + 2:t.i + 2 + n]
                    country = self.c.country(cand.text)
                    if country and "\n" not in cand.text:
                        add(doc[t.i:t.i + 2 + n], "actor", "state", canonical=country, source="government-of")
                        break
        self.from_dateline(doc, add)
        self.from_speaker_labels(doc, add)
        self.from_lowercase_ministries(doc, add)
        self.from_lowercase_organs(doc, add)
        self.from_offices(doc, add)
        self.from_run_by_ministries(doc, add)
        self.from_infobox(doc, add)
        self.from_alias_cues(doc, add)
        self.from_self_names(doc, add)
        self.from_signed(doc, add)
        self.from_kind_named(doc, add)
        self.from_acronyms(doc, add)
        self.from_digit_names(doc, add)
        for ent in _and_joined(doc):
            self._from_ent(doc, ent, add)
        self.from_acting_acronyms(doc, add)
        self.from_legal_names(doc, add)
        self.from_unlabelled_bodies(doc, add)
        self.from_appositions(doc, add)
        self.from_operating_subjects(doc, add)
        self.from_group_names(doc, add)
        self.from_force_names(doc, add)
        self.from_claimants(doc, add, out)
        self.from_speakers(doc, add)
        return sorted(out, key=lambda m: m.start)

    def from_speakers(self, doc: Doc, add) -> None:
        """'SOCAR said ...', 'a Delgaz Grid spokeswoman said': who speaks is an actor, whatever NER made of
        the name (it missed it: this runs after the model's entities). A name of capitalized words that is
        the subject of a speech verb, or that qualifies its spokesman, and names no country, town, place
        or facility."""
        toks = tokens(doc)
        known = {fold(w) for e in doc.ents for w in e.text.split()}
        for t in toks:
            if t.pos_ != "VERB" or t.lemma_ not in self.speech:
                continue
            for subj in (c for c in t.children if c.dep_ == "nsubj"):
                head = subj
                if subj.lower_ in ("spokesman", "spokeswoman", "spokesperson"):
                    head = next((c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
                if head is None or head.pos_ != "PROPN" or not head.text[:1].isupper() or head.ent_type_:
                    continue
                start = head.i
                while start > 0 and toks[start - 1].pos_ == "PROPN" and toks[start - 1].text[:1].isupper() \
                        and not toks[start - 1].ent_type_ and "\n" not in toks[start - 1].whitespace_:
                    start -= 1
                span = doc[start:head.i + 1]
                text = span.text
                key = fold(text)
                if self.c.country(text) or self.c.by_demonym.get(key) or self.c.by_capital.get(key) \
                        or key in self.towns or key in self.stop or toks[head.i].lower_ in self.facility_last \
                        or not text.replace(" ", "").isalpha() or text.isupper() and len(text) <= 2 \
                        or self._common_word(toks[start].lower_) \
                        or any(x.lower_ in TITLES for x in span) or key in known:
                    continue  # "Residents said", "Chief Executive Officer X said": no name of its own; "Ndlovu
                    # said" after "Sipho Ndlovu": a name the model found elsewhere
                add(span, "actor", self.org_type(text), source="speaker")


    def from_claimants(self, doc: Doc, add, found: list) -> None:
        """'The Niger Delta Avengers claimed responsibility', 'the Houthis have claimed the attack': whoever
        claims an attack is an armed group, named or not by NER (a name NER took for a person is retyped)."""
        toks = tokens(doc)
        for t in toks:
            if t.lemma_ not in ("claim", "take", "accept") or not any(
                    c.lower_ == "responsibility" or (t.lemma_ == "claim" and c.dep_ == "dobj" and c.lower_ in self.claimed)
                    for c in t.children):
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ != "PROPN" or not subj.text[:1].isupper() or subj.ent_type_ in ("DATE", "TIME"):
                continue  # 'BOGOTA, Sept 23 - ... claimed responsibility': a dateline's day, misparsed
            if toks[subj.sent.start].is_upper and any(x.text in ("-", "–", "—") for x in toks[subj.i:t.i]):
                continue  # 'BOGOTA, Sept 23 (Andes Newswire) - X claimed ...': the dateline's agency
            span = self._name_span(doc, subj)
            if span is not None and fold(span.text) not in self.stop:
                add(span, "actor", "armed_group", source="claimant")
                for m in found:
                    if m.kind == "actor" and m.type in ("person", "organisation") and m.start <= subj.i < m.end:
                        m.type = "armed_group"

    def from_group_names(self, doc: Doc, add) -> None:
        """'the DarkSide ransomware group', 'LockBit gang': a capitalized name before a kind of group."""
        toks = tokens(doc)
        for t in toks:
            if (t.lower_ not in GROUP_WORDS and t.lower_ not in MOVEMENT_WORDS) or t.i == 0:
                continue
            j = t.i - 1
            while j >= 0 and toks[j].lower_ in GROUP_KINDS:
                j -= 1
            if j < 0 or not toks[j].text[:1].isupper() or not any(c.isalpha() for c in toks[j].text) or toks[j].is_sent_start:
                continue
            if toks[j].is_stop or toks[j].pos_ == "DET":
                continue  # 'KÖPING - A ransomware group has claimed ...': an article after a dateline, no name
            start = j
            while start - 1 >= 0 and toks[start - 1].text[:1].isupper() and not toks[start].is_sent_start \
                    and toks[start - 1].is_alpha and toks[start - 1].lower_ not in NOT_NAMES:
                start -= 1
            span = doc[start:j + 1]
            if self.c.country(span.text) or self.c.by_demonym.get(fold(span.text)) or fold(span.text) in self.stop:
                continue
            if t.lower_ in MOVEMENT_WORDS and (j != t.i - 1 or toks[j].ent_type_ not in ("", "NORP") or toks[j].pos_ != "PROPN"
                                               or self.c.by_capital.get(fold(span.text))):
                continue  # "Houthi rebels", "Houthi movement"; never "Kyiv rebels" or a named org's "forces"
            if t.lower_ in MOVEMENT_WORDS:
                add(doc[start:t.i + 1], "actor", "armed_group", aliases=[span.text], source="movement-name")
                continue
            add(span, "actor", "armed_group" if t.lower_ in MOVEMENT_WORDS or any(
                toks[k].lower_ in ("militant", "armed", "rebel", "insurgent") for k in range(j + 1, t.i)) else "organisation",
                aliases=[doc[start:t.i + 1].text], source="group-name")

    def from_force_names(self, doc: Doc, add) -> None:
        """"the Yedashe People's Defence Force", "the Arakan Liberation Army": a capitalized name,
        possessive inside it, ending in a word for an armed body, that the model did not tag."""
        toks = tokens(doc)
        for t in toks:
            if t.lower_ not in FORCE_HEADS or not t.text[:1].isupper() or t.i < 2 or t.is_sent_start:
                continue
            start, k = t.i, t.i - 1
            while k >= 0 and not toks[k + 1].is_sent_start and (
                    _titled(toks[k]) or toks[k].text in ("'s", "’s") and k > 0 and _titled(toks[k - 1])):
                start, k = k, k - 1
            span = doc[start:t.i + 1]
            if len(span) < 3 or not any(x.text in ("'s", "’s") for x in span) \
                    or any(self.c.country(x.text) or self.c.by_demonym.get(fold(x.text)) for x in span):
                continue  # a possessive inside the name: the model splits it; a state's forces are the state's
            add(span, "actor", "armed_group", source="force-name")

    def _unknown_word(self, tok) -> bool:
        """A capitalized word no index knows: not a common noun, a stop word, a town or a region."""
        return tok.is_title and tok.is_alpha and not self._common_word(tok.lower_) \
            and tok.lower_ not in STOP_WORDS and tok.lower_ not in LEGAL_TAILS | COMPANY_SUFFIXES \
            and fold(tok.text) not in self.towns and fold(tok.text) not in self.regions

    def _name_span(self, doc: Doc, tok, unknown: bool = False) -> Span | None:
        """The capitalized name around a proper-noun token (its compounds), or None (``unknown``: or a word no
        index knows that the tagger took for a noun)."""
        toks = tokens(doc)
        if not tok.text[:1].isupper() or tok.pos_ != "PROPN" and not (unknown and self._unknown_word(tok)):
            return None
        start = tok.i
        while start - 1 >= 0 and toks[start - 1].text[:1].isupper() and toks[start - 1].head.i == tok.i \
                and toks[start - 1].dep_ in ("compound", "amod", "nmod") and "\n" not in toks[start - 1].whitespace_:
            start -= 1
        span = doc[start:tok.i + 1]
        if self.c.country(span.text) or self.c.by_capital.get(fold(span.text)) or self.c.by_demonym.get(fold(span.text)):
            return None
        return span

    def from_operating_subjects(self, doc: Doc, add) -> None:
        """'Ukrenergo introduced emergency outages': an untagged name no index knows, the subject of what an
        operator or an agency does (``operator_verbs``), is a body."""
        toks = tokens(doc)
        known = {fold(e.text) for e in doc.ents if e.label_ in ("PERSON", "GPE", "LOC")}
        for t in toks:
            if t.ent_type_ or t.dep_ != "nsubj" or t.head.lemma_ not in self.operator_verbs \
                    or not (t.pos_ == "PROPN" and self._unknown_word(t)):
                continue
            name = self._name_span(doc, t)
            if name is None or fold(name.text) in known or fold(name.text) in self.stop \
                    or any(x.ent_type_ or x.lower_ in lexicon.honorifics() for x in name):
                continue
            prev = toks[name.start - 1] if name.start > 0 else None
            if prev is not None and prev.text[:1].isupper() and not prev.is_sent_start and "\n" not in prev.whitespace_:
                continue  # (the tail of a longer name: '... Services Sdn Bhd')
            add(name, "actor", self.org_type(name.text), source="operating-subject")

    def from_appositions(self, doc: Doc, add) -> None:
        """Names NER missed, typed by an apposition or an 'operates' clause: 'X, the state-owned company,',
        'a local fuel distributor, X,', 'X, which operates the substation,'."""
        toks = tokens(doc)
        for t in toks:
            name = None
            if t.dep_ == "appos" and t.lemma_.lower() in ORG_NOUNS and (t.head.pos_ == "PROPN" or self._unknown_word(t.head)):
                name = self._name_span(doc, t.head, unknown=True)  # ('Yuzhvolganeft, the privately held company':
                # a name the tagger took for a noun)
            elif t.dep_ == "appos" and t.pos_ == "PROPN" and t.head.lemma_.lower() in ORG_NOUNS:
                name = self._name_span(doc, t)
            elif t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ == "by" and t.head.head.lemma_ in OPERATE_VERBS:
                name = self._name_span(doc, t)  # "operated by KazMunayGas"
            elif t.dep_ == "relcl" and t.lemma_ in OPERATE_VERBS and t.head.pos_ == "PROPN" and any(
                    c.dep_ == "nsubj" and c.lower_ in ("which", "that", "who") for c in t.children):
                name = self._name_span(doc, t.head)
            if name is not None and len(name) <= 5:
                if fold(name.text) not in self.stop:
                    add(name, "actor", self.org_type(name.text) if self.org_type(name.text) != "organisation" else "company",
                        source="apposition")

    def from_lowercase_ministries(self, doc: Doc, add) -> None:
        """"Egypt's interior ministry", "China's foreign ministry", "Taiwan's coast guard": an organ of a state."""
        toks = tokens(doc)
        for t in toks:
            if t.i + 2 >= len(doc) or not t.text[:1].isupper():
                continue
            country = None
            j = t.i + 1
            if toks[j].text in ("'s", "’s"):
                country = self.c.country(t.text)
                j += 1
            if not country:
                continue
            k = j
            while k < len(doc) and k < j + 3 and toks[k].is_lower and toks[k].is_alpha:
                k += 1
                words = " ".join(x.lower_ for x in doc[j:k])
                if any(words.endswith(w) for w in MINISTRY_WORDS):
                    add(doc[t.i:k], "actor", "ministry" if "ministry" in words else "government_agency",
                        aliases=[doc[j:k].text], source="lowercase-organ")
                    break

    @staticmethod
    def _organ_word(t) -> bool:
        return t.is_alpha and t.is_lower and t.pos_ in ("NOUN", "ADJ", "PROPN")

    def from_lowercase_organs(self, doc: Doc, add) -> None:
        """'the energy ministry', 'the Russian embassy in Sofia', 'Basra operations command', 'its military
        intelligence service': an organ written in lower case after a qualifier (a demonym, a country, a
        capitalised name) or, for the heads that say which organ, after a plain 'the'/'its'."""
        toks = tokens(doc)
        ends = positions(doc, self.organ_last_ids)  # an organ's head word ends each run worth reading
        starts = sorted({i for p in ends for i in range(max(p - 4, 1), p + 1)})
        for t in (toks[i] for i in starts):
            if not self._organ_word(t):
                continue
            prev = toks[t.i - 1]
            if prev.is_alpha and prev.is_lower and prev.lower_ not in OWNER_WORDS:
                continue  # not the start of the lower-case run
            k = t.i
            while k < len(doc) and k < t.i + 4 and self._organ_word(toks[k]) and "\n" not in toks[k].whitespace_:
                k += 1
            if k < len(doc) and k < t.i + 4 and self._organ_word(toks[k]):
                k += 1  # the last word of the run may end a line
            end, head = None, None
            for e in range(k, t.i, -1):
                for n in (2, 1):
                    words = " ".join(x.lower_ for x in doc[max(e - n, t.i):e])
                    if e - n >= t.i and words in self.organ_heads:
                        end, head = e, words
                        break
                if end:
                    break
            if end is None or end < k and toks[end].lemma_ not in TITLES:
                continue  # 'Russian intelligence services': the organ noun must head the phrase
            typ = self.organ_heads[head]
            nxt = end + 1 + (end + 1 < len(doc) and toks[end + 1].lower_ == "the")
            if nxt + 1 < len(doc) and toks[end].text == "," and all(
                    x.pos_ == "PROPN" and x.text[:1].isupper() for x in doc[nxt:nxt + 2]):
                # "The Argentine coast guard, the Prefectura Naval Argentina, said": one organ, by its name
                stop = nxt
                while stop < len(doc) and toks[stop].text[:1].isupper() and toks[stop].pos_ == "PROPN":
                    stop += 1
                start = prev.i if prev.lower_ not in OWNER_WORDS else t.i
                add(doc[nxt:stop], "actor", typ, aliases=[doc[start:end].text], source="organ-apposition")
                continue
            qualified = end - len(head.split()) > t.i  # 'energy' in 'the energy ministry'
            if any(x.lower_ in self.not_qualifiers for x in doc[t.i:end]):
                continue  # 'the news agency'
            if head in self.qualified_only and not qualified:
                continue  # 'the Finnish government': the state
            if prev.lower_ in OWNER_WORDS and end < len(doc) and toks[end].pos_ == "PROPN" and toks[end].text[:1].isupper() \
                    and "\n" not in toks[end - 1].whitespace_:
                stop = end
                while stop < len(doc) and toks[stop].text[:1].isupper() and toks[stop].pos_ == "PROPN":
                    stop += 1
                add(doc[end:stop], "actor", typ, source="organ-named")  # 'the national water agency DINEPA': its name
                continue
            if prev.lower_ in OWNER_WORDS:
                if head not in self.bare_organs or not qualified:
                    continue
                if t.i >= 2 and toks[t.i - 2].text in ("'s", "’s"):
                    continue  # "Egypt's interior ministry" is found with its country
                add(doc[t.i:end], "actor", typ, source="lowercase-organ")
                continue
            start = prev.i
            if start >= 2 and toks[start - 1].lower_ in ("of", "for") and toks[start - 2].lower_ in ("charge", "responsible"):
                continue  # "the organization in charge of Russian military intelligence": a remit, not an organ
            state = self.c.by_demonym.get(fold(prev.text)) or self.c.country(prev.text)
            if not state:
                if not (prev.pos_ == "PROPN" and prev.text[:1].isupper()) or prev.is_sent_start \
                        or not (qualified or head in self.named_by_place):
                    continue
                while start > 0 and (toks[start - 1].pos_ == "PROPN" and toks[start - 1].text[:1].isupper()
                                     or toks[start - 1].text in ("-", "–")) and not toks[start].is_sent_start \
                        and "\n" not in toks[start - 1].whitespace_:
                    start -= 1
                if not qualified and not lexicon.is_place_name(doc[start:t.i].text):
                    continue  # 'Brandenburg police', 'Central Java police': named by a town or a region only
            stop = end
            if head in ("embassy", "consulate") and stop + 1 < len(doc) and toks[stop].lower_ == "in" \
                    and toks[stop + 1].text[:1].isupper():
                stop += 2  # "the Russian embassy in Sofia"
                while stop < len(doc) and toks[stop].text[:1].isupper() and not toks[stop].is_sent_start:
                    stop += 1
            add(doc[start:stop], "actor", typ, aliases=[doc[start:end].text] if stop > end else [],
                source="lowercase-organ")

    def from_acting_acronyms(self, doc: Doc, add) -> None:
        """'CAMMESA said', 'data from SENAMHI', 'according to TANESCO', 'CERT Polska warned': an acronym the model
        left untagged that speaks, acts or is cited is a body (a computer emergency team by its 'CERT' or 'CSIRT'
        anywhere). Not a unit, a time zone, a weapon or a commodity (the stop lists), nor a facility's code."""
        toks = tokens(doc)
        facility_tokens = {i for m in (doc._.ig_facilities or []) for i in range(m.start, m.end)}
        for t in toks:
            if t.ent_type_ or t.i in facility_tokens or not _acronym(doc, t) and not CERT.search(t.text):
                continue
            text = t.text
            if len(text) < 3 or fold(text) in self.stop or fold(text) in self.commodities or text.lower() in UNIT_WORDS \
                    or text.lower() in self.legal_forms or text.lower() in LEGAL_TAILS | COMPANY_SUFFIXES:
                continue  # (and 'Belomorsky Terminal JSC': a company's legal form)
            nxt = toks[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and (nxt.like_num or nxt.text == "(" or nxt.lower_ == "of" and t.i > 0
                                    and toks[t.i - 1].lower_ == "the"):
                continue  # 'cranes STS 3 and STS 4': a code; 'PRO (Coast Guard Region West)': a title; 'the SDM
                # of Munsiyari': an office
            cert = CERT.search(text) is not None
            if cert and text in ("CERT", "CSIRT") and not (nxt is not None and (_titled(nxt) or nxt.text == "-")
                                                           and "\n" not in t.whitespace_) \
                    and not (t.i > 0 and toks[t.i - 1].text == "-" and not toks[t.i - 1].whitespace_):
                continue  # 'the national CSIRT': which one, the text does not say
            if not (cert or t.is_alpha and self._acronym_acts(toks, t)):
                continue
            end = t.i + 1
            if cert and end < len(doc) and _titled(toks[end]) and "\n" not in t.whitespace_:
                end += 1  # 'CERT Polska' ('SK-CERT', 'CERT-In': ``add`` joins what the tokenizer split at a hyphen)
            add(doc[t.i:end], "actor", "government_agency" if cert else "organisation", source="acronym")

    def _acronym_acts(self, toks, t) -> bool:
        """The acronym is a clause's subject, follows a body's noun ('the distributor EEGSA'), joins a written-out
        body ('Carabineros and SENAPRED'; not 'the HMI and the SCADA/EMS', systems), is bracketed after a body's
        name, or is an agent or a source ('by', 'from', 'with', 'according to')."""
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.i > 0 and toks[t.i - 1].lower_ in ORG_NOUNS and toks[t.i - 1].is_lower:
            return True
        if t.dep_ == "conj" and t.head.ent_type_ == "ORG" and not t.head.is_upper:
            return True
        if self._bracketed_after_body(toks, t):
            return True
        return t.dep_ == "pobj" and (t.head.dep_ == "agent" or t.head.lower_ in ("from", "with") or t.head.lower_ == "to"
                                     and t.head.i > 0 and toks[t.head.i - 1].lower_ == "according")

    @staticmethod
    def _bracketed_after_body(toks, t) -> bool:
        """'The municipal water operator of La Paz (OOMSAPAS) says': the short name of the body just named."""
        if t.i < 2 or t.i + 1 >= len(toks) or toks[t.i - 1].text != "(" or toks[t.i + 1].text != ")":
            return False
        before = [toks[k] for k in range(max(t.i - 8, 0), t.i - 1)]
        return any(b.lower_ in ORG_NOUNS or b.lower_ in ORG_TAILS for b in before) and not any("\n" in b.whitespace_ for b in before)

    def from_offices(self, doc: Doc, add) -> None:
        """'the Marseille prosecutor's office', 'the prosecutor's office in Lublin', 'the Kay County Sheriff's
        Office': an official's office named by a place or a word that says which (``office_holders``)."""
        toks = tokens(doc)
        for t in toks:
            if t.lower_ != "office" or t.i < 2 or toks[t.i - 1].text not in ("'s", "’s"):
                continue
            role = t.i - 2
            holder = toks[role].lower_
            if role >= 1 and f"{toks[role - 1].lower_} {holder}" in self.office_holders:
                role, holder = role - 1, f"{toks[role - 1].lower_} {holder}"
            if holder not in self.office_holders:
                continue
            start = role
            while start > 0 and "\n" not in toks[start - 1].whitespace_ and not toks[start].is_sent_start and (
                    toks[start - 1].lower_ in self.office_qualifiers
                    or toks[start - 1].is_title and toks[start - 1].is_alpha and toks[start - 1].pos_ == "PROPN"):
                start -= 1
            end = t.i + 1
            if t.is_title and end < len(doc) and _titled(toks[end]) and "\n" not in t.whitespace_:
                continue  # 'the Basic Public Prosecutor's Office Kumanovo': a name the model reads better
            if end + 1 < len(doc) and toks[end].lower_ in ("in", "of", "for") and _titled(toks[end + 1]) \
                    and not self.c.country(toks[end + 1].text):
                stop = end + 1
                while stop < len(doc) and _titled(toks[stop]) and "\n" not in toks[stop - 1].whitespace_:
                    stop += 1
                if toks[stop - 1].lower_ not in ORG_TAILS:  # (not '... of the Meriküla Port Authority')
                    end = stop + (stop < len(doc) and toks[stop].lower_ in self.office_qualifiers)  # 'of Karaganda region'
            if start < role and all(toks[k].is_title for k in range(start, t.i + 1)) and end == t.i + 1 \
                    and all(toks[k].lower_ in self.office_qualifiers for k in range(start, role)):
                continue  # 'the Provincial Prosecutor's Office': a name the text tells in full elsewhere
            if start == role and end == t.i + 1:
                continue  # 'the prosecutor's office': which one, the text does not say here
            if start < role and all(toks[k].lower_ in self.office_qualifiers for k in range(start, role)) \
                    and end == t.i + 1 and not toks[start].is_title:
                continue  # 'the regional prosecutor's office' alone: still no name
            add(doc[start:end], "actor", self.office_holders[holder], source="office")

    def _forces_of(self, doc: Doc, span: Span) -> str | None:
        """The state whose military this name is: 'Armed Forces of Ukraine', 'the General Staff of the
        Armed Forces of Ukraine', 'Ukraine's General Staff'. A branch without its state names none."""
        toks = tokens(doc)
        m = FORCES_OF.match(span.text)
        if m and fold(m.group("organ")) in self.state_forces:
            return self.c.country(m.group("country"))
        if fold(span.text) not in self.state_forces:
            return None
        if span.start >= 2 and toks[span.start - 1].text in ("'s", "’s"):
            return self.c.country(toks[span.start - 2].text)
        # 'the Defence Forces' in a text that names them 'the Defence Forces of Ukraine'
        full = re.search(re.escape(span.text) + r" of (?:the )?([A-Z]\w+(?: [A-Z]\w+)*)", doc_text(doc))
        return self.c.country(full.group(1)) if full else None

    def _hyphen_joined(self, doc: Doc, span: Span) -> Span:
        """A name the model cut at a hyphen with no spaces ('Z-|Sokol', 'Sotrab-|BTP'): the whole name,
        unless the other part is a country or a demonym ('Russia-Ukraine', 'Sino-Russian')."""
        toks = tokens(doc)
        start, end = span.start, span.end

        def joins(h: int, other: int) -> bool:
            t = toks[other]
            return toks[h].text == "-" and not toks[h].whitespace_ and not toks[h - 1].whitespace_ \
                and (t.text[:1].isupper() or t.is_digit) and t.text.isalnum() and "\n" not in toks[h - 1].whitespace_ \
                and not self.c.country(t.text) and not self.c.by_demonym.get(fold(t.text))
        while start >= 2 and joins(start - 1, start - 2):
            start -= 2
        while end + 1 < len(doc) and joins(end, end + 1):
            end += 2
        return doc[start:end]

    def _from_ent(self, doc: Doc, ent: Span, add) -> None:
        toks = tokens(doc)
        label = ent.label_
        if label not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            return
        span = _clean(doc, ent)
        if span is None:
            return
        span = _hyphen_linked(doc, span)  # "Tehreek-e-Taliban Pakistan", not "Tehreek"
        if label in ("ORG", "PERSON"):
            span = _particle_linked(doc, span)  # "Coalition pour la Renaissance du Centrafrique", not "Renaissance ..."
        if label == "ORG":
            span = _body_linked(doc, span)  # "Cumbria Fire and Rescue Service", not "Cumbria Fire"
            if span.start >= 2 and span[0].text == "State" and toks[span.start - 1].lower_ == "of" \
                    and toks[span.start - 2].lower_ in SECRETARIES and toks[span.start - 2].text[:1].isupper():
                span = doc[span.start - 2:span.end]  # "Secretary of State for Civil Protection", not "State for ..."
            elif _portfolio_of_named(doc, span):
                return  # "Undersecretary of Water Resources Mariela Quintana", "Digital Affairs Minister X": a title
        if label in ("PERSON", "ORG") and any(
                t.text in ("-", "–", "—") and t.whitespace_ and toks[t.i - 1].whitespace_ for t in span[1:]):
            return  # "ANTOFAGASTA, Chile - A strong earthquake": a dateline's dash, not a name
        if label in ("PERSON", "ORG") and span.start > 0 and toks[span.start - 1].lower_ in self.legal_forms \
                and toks[span.start - 1].is_upper:
            span, label = doc[span.start - 1:span.end], "ORG"  # "PT Banten Daya Energi", "PJSC Transneft"
        if label == "PERSON" and span.end_char <= getattr(self, "_dateline_end", 0):
            return  # "SANAA/JERUSALEM, Oct 2 (LGW) -": a dateline names a city, a day and an agency, no person
        if label == "ORG" and self._dateline_agency(doc, span):
            return  # "PORT HARCOURT, Nigeria, Sept 9 (WAW) - ...": the agency that filed it, not an actor
        if label in ("PERSON", "GPE", "LOC", "ORG", "FAC") and self._role_named(doc, span):
            end = span.end
            while end < len(doc) and end - span.start < 4 and toks[end].is_alpha and toks[end].is_title \
                    and not toks[end].is_sent_start and "\n" not in toks[end - 1].whitespace_ \
                    and not self._common_word(toks[end].lower_) and toks[end].lower_ not in self.facility_last:
                end += 1
            span = doc[span.start:end]  # "regional director Hervé Ndong" + "Obiang": the rest of the name
            add(span, "actor", "person", source="role-named")  # "TCN spokeswoman Ifeoma Okafor", "the mayor of
            return  # Boquerón, Rubén Caballero, said", "By Nino Kavtaradze, senior fellow": a person, whatever the model read
        if label in ("PERSON", "ORG", "PRODUCT") and len(span) == 2 and self.c.by_demonym.get(fold(span[0].text)) \
                and span.end < len(doc) and toks[span.end].lower_ in WEAPON_NOUNS:
            # "a Russian Shahed drone": the demonym's state fired a weapon named by its model
            c = self.c.by_demonym[fold(span[0].text)]
            add(doc[span.start:span.start + 1], "actor", "state", name=f"{span[0].text} {toks[span.end].text}",
                canonical=c, source="demonym")
            return
        if label in ("PERSON", "ORG") and len(span) >= 3 and self.c.by_demonym.get(fold(span[0].text)) \
                and span[1].lower_ in ORG_NOUNS and span[2].text[:1].isupper():
            span = doc[span.start + 2:span.end]  # "Danish company Nordlys Offshore"
            label = "ORG"
        if label == "PERSON" and span.start > 0 and toks[span.start - 1].lower_ in ORG_NOUNS:
            label = "ORG"  # "the Danish company Nordlys Offshore", "the operator Gasgrid"
        if label in ("GPE", "LOC", "PERSON") and span.end < len(doc) and toks[span.end].lower_ in GROUP_WORDS \
                and not self.c.country(span.text) and not self.c.by_demonym.get(fold(span.text)):
            return  # "the Kuyambana group": a group's name (from_group_names), not a place
        if label == "ORG" and span.start > 0 and ORDINAL.match(toks[span.start - 1].text):
            span = doc[span.start - 1:span.end]  # "the 10th Front", "101st Airborne Division": a numbered unit
        if label in ("ORG", "PERSON") and len(span) == 3 and toks[span.start + 1].lower_ == "and" \
                and all(_titled(t) for t in (span[0], span[2])) and span.start > 0 \
                and toks[span.start - 1].lower_ in ("from", "in", "near", "between", "around") \
                and not any(t.lower_ in ORG_TAILS or t.lower_ in self.organ_heads for t in span):
            add(doc[span.start:span.start + 1], "place", "city", source="and-places")  # "young people from
            add(doc[span.end - 1:span.end], "place", "city", source="and-places")  # Redeyef and Metlaoui"
            return
        if label in ("ORG", "PERSON") and len(span) >= 3 and span.start > 0 and toks[span.start - 1].lower_ in ("and", "of") \
                and self._common_word(toks[span.start].lower_) and INITIALLED.fullmatch(doc[span.start + 1:span.end].text):
            span, label = doc[span.start + 1:span.end], "PERSON"  # "Minister of Energy D. Ganbold": the remit's last word
        if label in ("GPE", "LOC", "ORG") and INITIALLED.fullmatch(span.text):
            label = "PERSON"  # "S. Paramanathan": initials and a surname name a person
        if label == "PERSON" and len(span) >= 2 and toks[span.start].lower_ in PERSON_TITLES and toks[span.start].is_title \
                and (len(span) >= 3 or toks[span.start + 1].pos_ == "PROPN"):
            span = doc[span.start + 1:span.end]  # "Engineer K. Sivaruban", "Reader Shanice": the title is not the name
        if label == "PERSON" and len(span) >= 3 and span.start > 0 and toks[span.start - 1].lower_ in ("and", "of") \
                and self._common_word(toks[span.start].lower_) and toks[span.start + 1].is_title:
            span = doc[span.start + 1:span.end]  # "Minister of Infrastructure and Energy Mirela Dervishi": the remit's last word
        if label in ("GPE", "LOC", "ORG", "PERSON", "NORP") and span.end < len(doc) and toks[span.end].lower_ == "government" \
                and not self.c.country(span.text) and not self.c.by_demonym.get(fold(span.text)) \
                and not any(t.lower_ in self.organ_heads or t.lower_ in ORG_TAILS for t in span):
            gov = doc[span.start:span.end + 1]  # "the Punjab government", "the Lagos State government": a region's
            add(gov, "actor", "government_agency", name=gov.text, source="region-government")
            return
        country = self._forces_of(doc, span) if label in ("ORG", "PERSON", "FAC") else None
        if country:
            add(span, "actor", "state", name=country, canonical=country, aliases=[span.text], source="state-forces")
            return
        text = span.text
        key = fold(text)
        first = toks[span.start]
        if not any(c.isalpha() for c in text) or text.islower() or key in self.stop \
                or first.lower_ in self.stop_first:
            return
        if key in self.commodities and not (span.start > 0 and _titled(toks[span.start - 1])):
            return  # 'six million tonnes of LNG a year', 'Brent rose 3%': a commodity
        if toks[span.end - 1].text in ("No", "NO", "Nos") and span.end < len(doc) and (
                toks[span.end].text == "." or toks[span.end].like_num):
            return  # 'replaces Notice No. 2/2026', 'Bulletin No. 3': a document's number, no body
        if key in self.dateline_labels or (len(span) == 1 and key in UNIT_WORDS):
            return  # "Explainer: Who is ...", "160 MVA units": a label or a unit, not a name
        if len(span) == 1 and (key in self.facility_heads or text in self.facility_prefixes):
            return  # 'loadings resume at Berths 1 and 2', 'the FSO was damaged': a kind of facility, no organisation
        if len(span) == 1 and key in ORG_NOUNS:
            return  # '("Hanbit" or "the Company")': a press release's defined term, not a name
        if len(span) == 1 and first.is_sent_start and first.text.endswith("ly") and span.end < len(doc) \
                and toks[span.end].text == ",":
            return  # "Evidently," is an adverb
        if any(key.startswith(g.lower()) and len(key) > len(g) and text[len(g):len(g) + 1].isupper() for g in self.glued):
            return  # "TypeAdvanced": an infobox key glued to its value
        if label == "NORP" and not self.c.by_demonym.get(key) and not self.c.country(text) \
                and span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE | {"from"}:
            add(span, "place", "city", source="norp-place")  # "the tank farm in Iqaluit": a town the model took
            return  # for a nationality
        if label == "NORP":
            end = span.end
            while end < len(doc) and toks[end].lower_ in self.extenders and "\n" not in toks[end].text:
                end += 1
            if end > span.end and not self.c.by_demonym.get(key) and not self.c.country(text):
                add(doc[span.start:end], "actor", "armed_group", source="norp-group")  # "the Houthi movement"
            return
        if label in ("GPE", "LOC") and toks[span.end - 1].lower_ in ORG_TAILS | {"police"}:
            label = "ORG"  # "South West Jutland Police": an organisation named after its area
        if label == "PERSON" and (any(self.c.by_demonym.get(fold(t.text)) for t in span)
                                  or (len(span) == 1 and first.is_sent_start and first.lower_ in self.trigger_words)):
            return  # "Benchmark Dutch gas prices", "Gunfire punctured ...": no person
        if label == "ORG" and toks[span.end - 1].lower_ in TITLES and span.end < len(doc) \
                and toks[span.end].ent_type_ == "PERSON":
            return  # "Defense Minister Ramiro Otálora": a title before a name
        if span.start > 0 and toks[span.start - 1].lower_ in self.event_words:
            return  # "a storm like Daniel": the name of an event
        root = span.root
        if label in ("PERSON", "ORG") and root.dep_ == "pobj" and root.head.lower_ in LOCATIVE and span.start >= 2 \
                and toks[span.start - 1].text in ("'s", "’s") and self.c.country(toks[span.start - 2].text) \
                and (toks[span.end - 1].lower_ in self.place_nouns or toks[span.end - 1].lower_ in GEO_WORDS):
            add(span, "place", "region", source="country-region")  # "in Nigeria's Niger Delta"
            return
        if label in ("PERSON", "ORG") and len(span) <= 2 and not self.c.country(text) and not INITIALLED.fullmatch(text) \
                and not any(t.lower_ in self.organ_heads or t.lower_ in ORG_TAILS for t in span) \
                and self._conj_of_place(doc, span):
            add(span, "place", "city", source="conj-place")  # "between Parma and La Spezia"
            return
        if label == "ORG" and len(span) <= 3 and root.dep_ == "pobj" and root.head.lower_ in IN_PLACE \
                and root.head.head.lemma_ not in STAKE_NOUNS and not self.c.country(text) \
                and not any(t.lower_ in self.organ_heads or t.lower_ in ORG_TAILS or t.lower_ in ORG_NOUNS for t in span):
            add(span, "place", "city", source="in-place")  # "towers near Jema": a town the model took for a firm
            return
        if label in ("ORG", "PERSON") and root.dep_ == "pobj" and root.head.lower_ == "in" and any(
                fold(w) in DIRECTIONS or fold(w) in GEO_WORDS or fold(w) in ("northwest", "northeast", "southwest", "southeast")
                for w in text.split()):
            add(span, "place", "region", source="region-in")  # "in the Pacific Northwest"
            return
        if label in ("PERSON", "ORG") and root.dep_ == "pobj" and root.head.lower_ == "of" \
                and root.head.head.lower_ in self.place_nouns:
            add(span, "place", "city", source="place-of")  # "the town of Bir al-Abd"
            return
        organ = any(t.lower_ in self.organ_heads or t.lower_ in ORG_TAILS for t in (span[0], span[-1]))
        if set(key.split()) & self.event_words and not organ:
            return  # "Yemeni Civil War", "Winter Olympics": events, not actors ("Ministry of Disaster ..." is one)
        if toks[span.end - 1].lower_ in self.document_words and not organ:
            return  # "the Pipeline Safety Regulations", "Compliance Order": a text, not who wrote it
        if _bare_title(span) and not _state_secretariat(span):
            return  # "Minister of Foreign Affairs", "Chargé d'Affaires", "Spokesperson": an office, no one named
        if len(span) == 1 and first.pos_ != "PROPN" and label in ("PERSON", "ORG") and not _acronym(doc, first) and not (
                (first.is_upper and len(first.text) >= 2 or self._speaks(first)) and not self._common_word(first.lower_)):
            return  # (but 'regulator OEFA said', 'grid operator Elering said': a name the tagger took for a noun;
            # 'UNICEF is supporting', 'NATO said': capitals amid lower-case words, whatever the lemmatizer's index holds)
        if len(span) == 1 and label in ("PERSON", "ORG") and self._capitalized_noun(doc, first):
            return  # "Weather is the other constant": a common noun capitalized to open a sentence
        ibkey = self.infobox_key(doc, span.start)
        if ibkey is not None and ibkey in self.place_keys and not self.c.country(text):
            add(span, "place", self.place_type(text), source="infobox")
            return
        if label == "ORG" and len(span) == 1 and span.start > 0 and toks[span.start - 1].lower_ in NEAR_WORDS:
            add(span, "place", "city", source="org-near")  # "fired towards Eilat", "near Gabin"
            return
        if label in ("ORG", "PERSON") and len(span) <= 3 and not organ and self.org_type(text) == "organisation" \
                and not self.c.country(text) and self._town_context(doc, span):
            add(span, "place", "city", source="town-context")  # "60 km east of Gillam", "Churchill mayor Dawn Selkirk"
            return
        if label in ("ORG", "PERSON", "FAC") and len(span) <= 3 and not organ and self.org_type(text) == "organisation" \
                and not self.c.country(text) and self._located(doc, span, label):
            add(span, "place", "city", source="located")  # "collapsed near Saint-Isidore", "at Leixões, near Porto"
            return
        if label == "PERSON" and len(span) == 1 and not text.endswith("s") and self._after_article(doc, span.start) \
                and not (span.end < len(doc) and toks[span.end].pos_ == "NOUN" and toks[span.end].is_lower):
            # (not 'the Kyrgyzhydromet service', 'the Scintilla text': a name before what it names)
            add(span, "place", "region", source="the-name")  # "along the Drina", "the Serbian Danube" (not "the Houthis")
            return
        if label in ("ORG", "PERSON", "FAC") and len(span) <= 2 and not organ and self.org_type(text) == "organisation" \
                and self._named_place(doc, span):
            add(span, "place", "city", source="name-as-place")
            return
        if label in ("ORG", "PERSON", "FAC") and len(span) <= 3 and not organ and self.org_type(text) == "organisation" \
                and not self.c.country(text) and self.known_town(doc, span):
            kind = "city" if fold(span.text) in self.towns else "region"
            add(span, "place", kind, source="gazetteer")  # "Quetta", "Yevlakh", "Morelos" (the model: an organisation)
            return
        if label in ("ORG", "PERSON", "FAC") and span.start > 1 and toks[span.start - 1].lower_ in ("at", "in", "near") \
                and self._facility_before(doc, span.start - 1) and not organ \
                and self.org_type(text) == "organisation":
            add(span, "place", "city", source="facility-at")  # "the relay cabin at Castel San Pietro Terme"
            return
        if label in ("ORG", "PERSON", "FAC") and len(span) <= 3 and not organ and self.org_type(text) == "organisation" \
                and not self.c.country(text) and self._route_end(doc, span):
            add(span, "place", "city", source="route-end")  # "gas from Onești to Piatra Neamț"
            return
        if label in ("ORG", "PERSON", "FAC") and not organ and self._area_name(span):
            add(span, "place", "region", source="area")  # "parts of Bangka Regency", "off Akwa Ibom State"
            return
        if label in ("ORG", "PERSON", "FAC") and len(span) >= 2 and not organ and (
                toks[span.end - 1].lower_ in GEO_WORDS or fold(toks[span.start].text) in FEATURE_FIRST
                or toks[span.start].lower_ in FEATURE_OF and toks[span.start + 1].lower_ == "of") \
                and not (span.end < len(doc) and toks[span.end].lower_ in self.facility_last):
            add(span, "place", "region", source="feature")  # "Gatun Lake", "Lac de Guiers": water and land, no actor
            return
        if label in ("ORG", "PERSON", "FAC") and not organ and root.dep_ not in ("nsubj", "nsubjpass") and (
                len(span) >= 2 and toks[span.start].lower_ in STREET_FIRST and not toks[span.start].is_sent_start
                or len(span) == 1 and toks[span.start].lower_.endswith(STREET_ENDINGS)) \
                and not (span.end < len(doc) and toks[span.end].lower_ in self.facility_last):
            add(span, "place", "street", source="street")  # 'a telecom tower on Rua Padre Libério', 'on Kyrkvägen'
            return
        street_end = span.end - 1 - (len(span) >= 3 and toks[span.end - 1].lower_ in BEARING_SUFFIXES)
        if label in ("ORG", "PERSON", "FAC") and len(span) >= 2 and toks[street_end].lower_.rstrip(".") in STREET_WORDS \
                and not any(t.lower_ in ("of", "and", "&") for t in span) \
                and root.dep_ not in ("nsubj", "nsubjpass", "compound") and not (span.end < len(doc) and toks[span.end].lower_ in self.facility_last):
            add(span, "place", "street", source="street")  # "shopkeepers on Comercio Street", "on Springvale Road"
            return
        if label in ("ORG", "FAC", "PERSON") and len(span) >= 2 and (
                toks[span.end - 1].lower_ in BUILDING_TAILS
                or (toks[span.end - 2].lower_, toks[span.end - 1].lower_) in BUILDING_PAIRS):
            add(span, "facility", "building", source="public-building")  # 'the Kintampo Municipal Hospital'
            return
        if label == "FAC":
            label = "ORG"
        country = self.c.country(text)
        if country:
            typ = "country"
            add(span, "actor", "state", name=country, canonical=country, aliases=[text],
                place_like=self.place_like(doc, span), source="country")
            return
        capital = self.c.by_capital.get(key)
        if capital:
            dateline = text.isupper() and (span.start == 0 or "\n" in toks[span.start - 1].whitespace_ or toks[span.start - 1].is_space) \
                and span.end < len(doc) and toks[span.end].text == ","
            root = span.root
            acts = root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "dobj" and root.head.lemma_ in ACCUSING \
                or root.dep_ == "pobj" and root.head.dep_ == "agent" \
                or _government_named(root)  # 'Kyiv blamed Moscow', 'accused by Moscow', 'no comment from Kyiv'
            if acts and not self.place_like(doc, span) and not dateline:
                add(span, "actor", "state", name=capital, canonical=capital, aliases=[text], source="capital")
            else:
                add(span, "place", "city", source="capital")
            return
        demonym = self.c.by_demonym.get(key)
        if demonym and len(span) == 1:
            return  # a bare demonym names nobody
        if label == "GPE" and len(span) == 1 and span.root.dep_ == "nsubj" and self._speaks(span.root) \
                and not self.known_town(doc, span):
            add(span, "actor", self.org_type(text), source="speaking-gpe")  # "..., Moldelectrica said": who speaks
            return
        if label in ("GPE", "LOC") and len(span) == 1 and not self.c.country(text) and not self.known_town(doc, span) \
                and (span.root.dep_ == "appos" and span.root.head.lower_ in ORG_NOUNS and self._speaks(span.root.head)
                     or span.start > 0 and toks[span.start - 1].lower_ in ORG_NOUNS and self._speaks(span.root)):
            add(span, "actor", self.org_type(text), source="speaking-gpe")  # "state railway company Ukrzaliznytsia said"
            return
        if label in ("GPE", "LOC") and len(span) == 1 and not self.known_town(doc, span) and (
                self._operates(span) or re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", text) and key not in self.towns
                or not self.c.country(text) and (_owned_before(toks, span.start)
                                                 or span.start > 0 and toks[span.start - 1].lower_ in ORG_NOUNS)):
            add(span, "actor", self.org_type(text), source="operating-gpe")  # 'operated by KenGen', 'PetroGas',
            # 'state-controlled Ecopetrol'
            return
        if label in ("GPE", "LOC"):
            add(span, "place", self.place_type(text), source="ner")
            return
        nxt = toks[span.end] if span.end < len(doc) else None
        if label == "PERSON":
            nxt_ent = next((e for e in doc.ents if e.start == span.end and e.label_ == "PERSON"), None)
            if nxt_ent is not None and "\n" not in toks[span.end - 1].whitespace_:
                span = doc[span.start:nxt_ent.end]  # "Ramiro Otálora" + "Quintero": one name cut in two
            end = span.end
            while end < len(doc) and end - span.end < 2 and toks[end].pos_ == "PROPN" and toks[end].is_title \
                    and not toks[end].ent_type_ and not toks[end].is_sent_start and "\n" not in toks[end - 1].whitespace_ \
                    and not self._common_word(toks[end].lower_) and toks[end].lower_ not in self.facility_last:
                end += 1
            span = doc[span.start:end]  # "Kelvin Chai" + "Soon Hock": the rest of the name, left unlabelled
            start = span.start
            while start > 0 and self._name_lead(toks[start - 1], span.start, span.end):
                start -= 1
            span = doc[start:span.end]  # "Rede" + "Sertão Transmissora", "CELEC EP" + "Transelectric": a name's lead
            # words the model left out
            while span.start > 1 and toks[span.start - 1].pos_ == "PROPN" and toks[span.start - 1].is_title \
                    and toks[span.start - 2].text in (",", "(", "and") and toks[span.start - 1].ent_type_ in ("", "PERSON") \
                    and toks[span.start - 1].lower_.rstrip(".") not in lexicon.honorifics() \
                    and not (self._common_word(toks[span.start - 1].lower_) and toks[span.start - 2].lower_ == "and"
                             and any(t.lower_ in ("of", "for") for t in toks[max(span.start - 7, 0):span.start - 2])):
                # not 'Mr', not 'Minister of Infrastructure and Energy' (but 'and Rosa Quispe')
                span = doc[span.start - 1:span.end]
            words = [t for t in span if t.is_alpha and len(t) > 1]
            if words and (len(words) >= 2 or INITIALLED.match(span.text.title())) \
                    and all(t.is_upper and self._common_word(t.lower_) for t in words):
                return  # 'B. DAMAGE', 'C. BACKGROUND': a report's section heading
            initialled = bool(INITIALLED.fullmatch(span.text))  # "S. Paramanathan": a person wherever he stands
            if not initialled and (self.near_place_noun(span) or (nxt is not None and (
                    nxt.lower_ in self.place_nouns or nxt.is_lower and nxt.lower_ in FEATURE_WORDS))):
                add(span, "place", "region", source="person-as-place")
                return
            if not initialled and span.start > 0 and (toks[span.start - 1].lower_ in LOCATIVE or
                                   (span.start > 1 and toks[span.start - 1].lower_ == "the" and toks[span.start - 2].lower_ in LOCATIVE)):
                add(span, "place", "city", source="person-as-place")
                return
            if any(t.like_num for t in span):
                return
            if len(span) == 1 and self._operates(span):
                add(span, "actor", "company", source="operating-gpe")  # 'the pipeline run by Tullow'
                return
            body = self.org_type(span.text) if toks[span.end - 1].lower_ in ORG_TAILS else "person"
            add(span, "actor", body, source="ner")  # (not 'Odisha Fire and Emergency Services')
            return
        # "Frente de Defensa Comunitaria" + "del Quijos", "Águas" + "do Norte de Moçambique": a name's particles
        start = span.start
        if label == "ORG":
            while start >= 2 and toks[start - 1].lower_ in PARTICLES and _titled(toks[start - 2]) \
                    and "\n" not in toks[start - 2].whitespace_ + toks[start - 1].whitespace_:
                start -= 2
                while start >= 1 and _titled(toks[start - 1]) and not toks[start].is_sent_start:
                    start -= 1
            end = span.end
            while end + 1 < len(doc) and toks[end].lower_ in ORG_PARTICLES and _titled(toks[end + 1]) \
                    and "\n" not in toks[end - 1].whitespace_ + toks[end].whitespace_:
                end += 2
                while end < len(doc) and _titled(toks[end]) and "\n" not in toks[end - 1].whitespace_:
                    end += 1
            if end < len(doc) and ELIDED.match(toks[end].text) and "\n" not in toks[end - 1].whitespace_:
                end += 1  # "... de Transport" + "d'Électricité": the particle glued to the word it elides into
            # "United Nations Office" + "for the Coordination of Humanitarian Affairs": an office's remit;
            # "the Preliminary Investigation Court" + "of Nauta": an institution's seat
            tail = toks[end - 1].lower_
            if tail in ORG_TAILS | INSTITUTION_TAILS | MOVEMENT_TAILS | {"command"} and end + 1 < len(doc) \
                    and toks[end].lower_ in ("for", "of"):
                k = end + 1 + (toks[end + 1].lower_ == "the")
                j = k
                while j < len(doc) and (_titled(toks[j]) or toks[j].lower_ in ("of", "and", "for") and j + 1 < len(doc)
                                        and _titled(toks[j + 1])) and "\n" not in toks[j - 1].whitespace_:
                    j += 1
                # ("the Joint Command of the Armed Forces"; a party or a front is named for its country: "the
                # Militarized Communist Party of Peru", where a ministry "of Ukraine" is Ukraine's ministry)
                if j > k and (tail in MOVEMENT_TAILS or not self.c.country(doc[k:j].text)):
                    end = j
            # "the Ministry of Energy" + "and Mines", "the Fire Service" + "and Civil Defence": one body's name
            organ = any(toks[x].lower_ in ORG_TAILS | {"ministry", "department"} for x in range(start, end))
            if organ and any(toks[x].lower_ == "of" for x in range(start, end)):
                end = _listed_remit(doc, end)  # "the Ministry of Industry" + ", Mines and Energy"
            if organ and end + 1 < len(doc) and toks[end].lower_ == "and" and _titled(toks[end + 1]) \
                    and not toks[end + 1].ent_type_ and "\n" not in toks[end].whitespace_:
                j = end + 1
                while j < len(doc) and _titled(toks[j]) and not toks[j].ent_type_ and "\n" not in toks[j - 1].whitespace_:
                    j += 1
                if j - end - 1 <= 3 and not (j < len(doc) and toks[j].text in ("'s", "’s")):
                    end = j
            if (start, end) != (span.start, span.end):
                span = doc[start:end]
                text, key, first = span.text, fold(span.text), toks[span.start]
        # ORG: extend over "movement", "rebels" and the like
        end = span.end
        while end < len(doc) and toks[end].lower_ in self.extenders and "\n" not in toks[end].text:
            end += 1
        # "Niger Delta" + "Avengers": the capitalized head the name modifies
        while end < len(doc) and toks[end].pos_ == "PROPN" and toks[end].text[:1].isupper() and span.root.head.i == end \
                and span.root.dep_ == "compound" and "\n" not in toks[end - 1].whitespace_:
            end += 1
        start = span.start
        # "Freeport" + "LNG": a capitalized compound before the name
        while start > 0 and toks[start - 1].pos_ == "PROPN" and toks[start - 1].text[:1].isupper() and toks[start - 1].is_alpha \
                and toks[start - 1].dep_ == "compound" and span.start <= toks[start - 1].head.i < end \
                and not toks[start - 1].ent_type_ in ("GPE", "LOC") and "\n" not in toks[start - 1].whitespace_ \
                and toks[start - 1].lower_ not in LEAD_WORDS | ROLE_WORDS:  # not 'Suspected', 'Operator' before the name
            start -= 1
        # "Scottish and Southern Electricity Networks", "Pipeline and Hazardous Materials Safety Administration"
        if start >= 2 and toks[start - 1].lower_ == "and" and toks[start - 2].text[:1].isupper() and toks[start - 2].is_alpha \
                and toks[end - 1].lower_ in ORG_TAILS and toks[start - 2].ent_type_ in ("", "NORP") \
                and "\n" not in toks[start - 2].whitespace_:
            start -= 2
            while start > 0 and toks[start - 1].text[:1].isupper() and toks[start - 1].is_alpha and toks[start - 1].ent_type_ in ("", "NORP") \
                    and not toks[start].is_sent_start and "\n" not in toks[start - 1].whitespace_:
                start -= 1
        span = doc[start:end]
        if (nxt is not None and nxt.lower_ in self.place_nouns) or self.near_place_noun(span):
            add(span, "place", "region", source="org-as-place")
            return
        if toks[span.end - 1].lower_ in TITLES and span.end < len(doc) and toks[span.end].ent_type_ == "PERSON":
            return  # "Defense Minister Ramiro Otálora": a title before a name
        typ = self.org_type(span.text)
        owner = self._possessor_country(doc, span) if typ in ("ministry", "government_agency", "armed_forces") else None
        if owner:  # "Russia's Foreign Ministry": the ministry, also known by its country's possessive
            add(span, "actor", typ, aliases=[f"{owner}'s {span.text}"], source="ner")
            return
        add(span, "actor", typ, source="ner")

    @staticmethod
    def _operates(span: Span) -> bool:
        """The agent of 'operated by', 'owned by', 'run by': a body, whatever the model took it for."""
        root = span.root
        return root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_ in OPERATING

    def _role_named(self, doc: Doc, span: Span) -> bool:
        """A name of two or three capitalized words that follows a person's role: right after it ('spokeswoman
        Ifeoma Okafor'), or set off by commas after a phrase it heads ('a spokesperson for X, Márcia Albuquerque,
        said'), or a byline's ('By Nino Kavtaradze, senior fellow'). The model often reads such names as places."""
        toks = tokens(doc)
        if 2 <= len(span) <= 3 and all(t.is_alpha and t.is_title or t.text == "-" for t in span) and not any(
                t.lower_ in ORG_TAILS or t.lower_ in self.organ_heads for t in span) and self._credited(toks, span.start):
            return True  # ('Editing by Helen Marsh': a person, though a marsh is land)
        if not 2 <= len(span) <= 3 or not all(t.is_alpha and t.is_title or t.text == "-" for t in span) \
                or any(t.lower_ in ORG_TAILS or t.lower_ in self.organ_heads or t.lower_ in self.facility_last
                       or t.lower_ in ROLE_NOUNS or t.lower_ in self.place_nouns or fold(t.text) in GEO_WORDS
                       or fold(t.text) in DIRECTIONS for t in span) \
                or all(self._common_word(t.lower_) for t in span) or self.c.country(span.text) or span.start == 0:
            return False  # ('Director, Southwest Region', 'Chief Inspector X, Public Relations': a unit, no one)
        before = toks[span.start - 1]
        if before.lower_ in ROLE_NOUNS and before.is_lower:
            return True
        after = toks[span.end] if span.end < len(doc) else None
        if after is None or after.text not in (",", ")"):
            return False
        if before.text != ",":
            return False
        k = span.start - 2
        while k >= 0 and span.start - k <= 8 and "\n" not in toks[k].whitespace_:
            t = toks[k]
            if t.lower_ in ROLE_NOUNS:
                return True
            if t.text == "," or t.pos_ in ("VERB", "AUX", "PRON") or t.is_sent_start:
                return False
            k -= 1
        return False

    def _credited(self, toks, start: int) -> bool:
        """A name in a story's credits: 'By A and B' opening a line, '(Reporting by A in X and B in Y; Editing
        by C)'; the names before it on the way back to 'by' are names and where they reported from."""
        k = start - 1
        if k >= 0 and toks[k].lower_ == "in":
            return False  # ('Reporting by A in Port Harcourt': where A reported from)
        while k >= 0 and start - k <= 12 and "\n" not in toks[k].whitespace_ and toks[k].lower_ != "by":
            t = toks[k]
            if not (t.text in ("-", "in", "and") or t.is_alpha and t.is_title):
                return False  # (not 'By A, Energy Security Programme': a name's affiliation)
            k -= 1
        if k < 0 or toks[k].lower_ != "by" or "\n" in toks[k].whitespace_:
            return False
        opens_line = k == 0 or "\n" in toks[k - 1].whitespace_ or toks[k - 1].is_space
        return opens_line or k > 0 and toks[k - 1].lower_ in self.credit_words

    def _possessor_country(self, doc: Doc, span: Span) -> str | None:
        """The country in "Russia's Foreign Ministry", as written, else None."""
        toks = tokens(doc)
        j = span.start - 1
        if j < 1 or toks[j].text not in ("'s", "’s"):
            return None
        k = j
        while k > 0 and toks[k - 1].text[:1].isupper() and k > j - 3:
            k -= 1
            if self.c.country(doc[k:j].text):
                return doc[k:j].text
        return None

    @staticmethod
    def _dateline_agency(doc: Doc, span: Span) -> bool:
        """A name in parentheses between a dateline and its dash, on the first line of a paragraph."""
        toks = tokens(doc)
        if span.start < 2 or span.end + 1 >= len(doc) or toks[span.start - 1].text != "(" or toks[span.end].text != ")":
            return False
        if toks[span.end + 1].text not in ("-", "–", "—", "--"):
            return False
        k = span.start - 1
        while k > 0 and "\n" not in toks[k - 1].text and "\n" not in toks[k - 1].whitespace_:
            k -= 1
        return bool(DATELINE_CITY.match(doc_text(doc)[toks[k].idx:toks[span.end + 1].idx + 2]))

    def near_place_noun(self, span: Span) -> bool:
        """'Kherson, Zaporizhzhia and Dnipropetrovsk oblasts': a name inside a list headed by a place noun."""
        tok = span.root
        for _ in range(4):
            if tok.dep_ not in ("compound", "conj", "nmod", "amod", "appos") or tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.lower_ in self.place_nouns:
                return True
        return False

    def from_dateline(self, doc: Doc, add) -> None:
        """The city that opens a wire story is where it was filed: a place, never an organisation."""
        self._dateline_end = 0
        whole = doc_text(doc)
        for m in DATELINE_CITY.finditer(whole[:400]):
            line_end = whole.find("\n", m.end("rest"))
            if whole[m.end("rest"):line_end if line_end >= 0 else len(whole)].isupper():
                continue  # "FIRE – TANK 12": a heading in capitals, not a dateline before a story
            self._dateline_end = max(self._dateline_end, m.end("rest"))
            start = m.start("city")
            for part in m.group("city").split("/"):  # "SANAA/JERUSALEM": filed from two cities
                span = doc.char_span(start, start + len(part), alignment_mode="contract")
                start += len(part) + 1
                if span is not None and len(span) and sum(c.isalpha() for c in span.text) >= 3 \
                        and fold(span.text) not in self.dateline_labels:
                    add(span, "place", "city", name=span.text.title(), source="dateline")
        for m in DATELINE_DATED.finditer(whole[:400]):
            span = doc.char_span(m.start("city"), m.end("city"), alignment_mode="contract")
            if span is not None and len(span) and not self.c.country(span.text) and not span.text[:1].islower():
                self._dateline_end = max(self._dateline_end, m.end("rest"))
                add(span, "place", "city", source="dateline")
        for m in DATELINE_COLON.finditer(whole[:200]):
            key = fold(m.group("city"))
            if key in self.towns or key in self.c.by_capital:
                span = doc.char_span(m.start("city"), m.end("city"), alignment_mode="contract")
                if span is not None and len(span):
                    self._dateline_end = max(self._dateline_end, m.end("rest"))
                    add(span, "place", "city", name=span.text.title(), source="dateline")

    def from_speaker_labels(self, doc: Doc, add) -> None:
        """In a broadcast transcript (a turn opened by 'ANCHOR:' or 'REPORTER:'), a turn opened by a
        name in capitals names who speaks: 'ALMAZ GIRMA, Ethiopian Electric Utility:' is a person
        (the model misses names in capitals), 'OROMIA POLICE COMMISSION:' an organisation."""
        whole = doc_text(doc)
        labels = [(m, [fold(w).strip(".") for w in m.group("label").split()]) for m in SPEAKER_LABEL.finditer(whole)]
        named = [" ".join(words) for m, words in labels
                 if 2 <= len(words) <= 4 and not any(w in STOP_WORDS for w in words)
                 and not all(self._common_word(w) for w in words)
                 and TURN_OPENING.match(whole, m.end())]  # (words follow, as a speaker's: not 'UMM ID: SG-2024-...')
        if not any(len(words) == 1 and words[0] in self.transcript_roles for _, words in labels) \
                and not any(named.count(n) >= 2 for n in named):
            return  # (a name in capitals that opens two turns makes a transcript too: 'KIRI ASHBY: Does the
            # Minister accept ...' ... 'KIRI ASHBY: Will the Minister commit ...')
        for m, words in labels:
            paren = m.group("paren") or ""
            if len(words) == 1 and words[0] in self.transcript_roles and paren.isupper() and 2 <= len(paren.split()) <= 4:
                # 'PRESENTER (MEKDES ALEMU):': the presenter's name
                span = doc.char_span(m.start("paren"), m.end("paren"), alignment_mode="contract")
                if span is not None and len(span):
                    add(span, "actor", "person", name=span.text.title(), source="speaker-label")
                continue
            if len(words) < 2 or any(w in self.transcript_roles or w in self.dateline_labels or w in STOP_WORDS
                                     for w in words) \
                    or fold(m.group("label")) in self.towns or self.c.country(m.group("label")):
                continue
            start = m.start("label")
            if words[0] in lexicon.honorifics():
                start = whole.index(" ", start) + 1  # 'DR. ...': the name after the title
            span = doc.char_span(start, m.end("label"), alignment_mode="contract")
            if span is None or len(span) < 1:
                continue
            typ = self.org_type(span.text)
            add(span, "actor", "person" if typ == "organisation" and len(span) <= 4 else typ,
                name=span.text.title(), source="speaker-label")

    def from_run_by_ministries(self, doc: Doc, add) -> None:
        """'the Houthi-run health ministry': the ministry of whoever runs it, named as written."""
        toks = tokens(doc)
        for t in toks:
            if t.lower_ not in RUN_BY or t.i < 2 or toks[t.i - 1].text not in ("-", "–") or not toks[t.i - 2].text[:1].isupper():
                continue
            k = t.i + 1
            while k < len(doc) and k < t.i + 4 and toks[k].is_lower and toks[k].is_alpha:
                k += 1
                words = " ".join(x.lower_ for x in doc[t.i + 1:k])
                if any(words.endswith(w) for w in MINISTRY_WORDS):
                    add(doc[t.i - 2:k], "actor", "ministry" if "ministry" in words else "government_agency",
                        aliases=[doc[t.i + 1:k].text], source="run-by-organ")
                    break

    def from_acronyms(self, doc: Doc, add) -> None:
        """'the Nigeria Security and Civil Defence Corps (NSCDC)': the acronym spells the name's
        initials, which fixes where the name starts (the model often cuts it at 'and'); both the
        name and the acronym in brackets are one organisation."""
        toks = tokens(doc)
        facility = {i for m in doc._.ig_facilities or [] for i in range(m.start, m.end)}
        for t in toks:
            if t.text != "(" or t.i + 2 >= len(doc) or toks[t.i + 2].text != ")":
                continue
            acr = toks[t.i + 1].text
            letters = [c for c in acr if c.isalpha()]
            if not (2 <= len(letters) <= 10 and acr[:1].isupper() and sum(c.isupper() for c in letters) >= 2):
                continue
            start = _initials_start(doc, t.i, "".join(letters).upper())
            if start is None:  # 'West Papua National Liberation Army (TPNPB)': initials of another language
                self._foreign_acronym(doc, t.i, acr, add)
                continue
            if t.i - start < 2:
                continue
            inside = [m for m in doc._.ig_facilities or [] if start <= m.start and m.end < t.i]
            if any(i in facility for i in range(start, t.i)):
                if not inside or any(m.start < start or m.end > t.i for m in doc._.ig_facilities or []
                                     if m.start < t.i and m.end > start):
                    continue
                # "Petroleum Facilities Guard (PFG)": the acronym spells an organisation around the facility word
                doc._.ig_facilities = [m for m in doc._.ig_facilities if m not in inside]
                facility -= {i for m in inside for i in range(m.start, m.end)}
            span = doc[start:t.i]
            if self.c.country(span.text) or any("\n" in x.text for x in span):
                continue
            typ = self.org_type(span.text)
            add(span, "actor", typ, aliases=[acr], source="acronym")
            add(doc[t.i + 1:t.i + 2], "actor", typ, name=span.text, aliases=[acr], source="acronym")

    def _foreign_acronym(self, doc: Doc, paren: int, acr: str, add) -> None:
        """An organisation the model found, with an acronym in brackets that does not spell its initials
        ('West Papua National Liberation Army (TPNPB)', from the group's own language): the acronym is its
        other name, here and wherever the text uses it."""
        ent = next((e for e in doc.ents if e.end == paren and e.label_ == "ORG" and len(e) >= 2), None)
        ent = _clean(doc, ent) if ent is not None else None
        if ent is None or self.c.country(ent.text) or "\n" in ent.text:
            return
        before = tokens(doc)[ent.start - 1] if ent.start > 0 else None
        if before is not None and (before.text[:1].isupper() or before.lower_ in ("and", "of", "&", "for", "-")):
            return  # "Bình Sơn Refining and Petrochemical JSC (BSR)": the model's name is only the end of it
        typ = self.org_type(ent.text)
        add(ent, "actor", typ, aliases=[acr], source="acronym")
        for u in tokens(doc):
            if u.text == acr:
                add(doc[u.i:u.i + 1], "actor", typ, name=ent.text, aliases=[acr], source="acronym")

    def from_alias_cues(self, doc: Doc, add) -> None:
        """'Sandworm also known as ...' and 'Sandworm (hacker group)': the name before is an actor."""
        toks = tokens(doc)
        for t in toks:
            before = None
            if t.lower_ == "also" and t.i + 2 < len(doc) and toks[t.i + 1].lower_ in ("known", "called"):
                before = t.i - 1 if toks[t.i - 1].text != "," else t.i - 2
            elif t.text == "(" and t.i + 2 < len(doc) and " ".join(x.lower_ for x in doc[t.i + 1:t.i + 3]) in (
                    "hacker group", "armed group", "militant group", "hacking group", "threat actor"):
                before = t.i - 1
            if before is None or before < 0 or not toks[before].text[:1].isupper():
                continue
            k = before
            while k - 1 >= 0 and toks[k - 1].text[:1].isupper() and not toks[k].is_sent_start and "\n" not in toks[k - 1].text:
                k -= 1
            if self.c.country(doc[k:before + 1].text):
                continue
            add(doc[k:before + 1], "actor", "armed_group" if t.text == "(" else "organisation", source="alias-cue")

    def _given_name(self, doc: Doc, k: int) -> Span | None:
        """The name a group gives itself from token k on: quoted ('"Kommando Stiller Protest"') or
        capitalized (Handala, CyberTeam 1945), at most six words, not a country's, not a stop name."""
        toks = tokens(doc)
        quoted = k < len(doc) and toks[k].is_quote
        k += quoted
        j = k
        while j < len(doc) and j < k + 6 and "\n" not in toks[j].text and not (j > k and toks[j].is_sent_start):
            if j > k and _joined_particle(doc, j):
                j += 3  # 'Kataib Sayf al-Haqq'
            elif toks[j].text[:1].isupper() or toks[j].like_num or (quoted and not toks[j].is_quote and toks[j].is_alpha):
                j += 1
            else:
                break
        if j == k or (quoted and (j >= len(doc) or not toks[j].is_quote)) or self.c.country(doc[k:j].text) \
                or fold(doc[k:j].text) in self.stop:
            return None
        return doc[k:j]

    def from_self_names(self, doc: Doc, add) -> None:
        """'a group calling itself "Kommando Stiller Protest"', 'a cell that calls itself Handala': the name a group
        gives itself is an actor, quoted or capitalized, whatever NER made of it."""
        toks = tokens(doc)
        for t in toks:
            if t.lower_ in NAME_USING and t.i + 3 < len(doc) and toks[t.i + 1].lower_ == "the" \
                    and toks[t.i + 2].lower_ in ("name", "names", "moniker", "alias") and t.i >= 2 \
                    and any(c.lower_ in GROUP_KINDS for c in doc[max(t.i - 3, 0):t.i]):
                at = t.i + 3  # 'a ransomware group using the name SteppeLock', 'going by the name X'
            elif t.lower_ in SELF_NAMING and t.i + 2 < len(doc) and toks[t.i + 1].lower_ in ("itself", "themselves"):
                at = t.i + 2
            else:
                continue
            name = self._given_name(doc, at)
            if name is not None:
                add(name, "actor", "armed_group" if any(c.lower_ in GROUP_KINDS for c in doc[t.i - 3:t.i])
                    else "organisation", source="self-name")

    def from_signed(self, doc: Doc, add) -> None:
        """'a letter signed "Kommando X"', 'a statement signed by the Y Brigades': who signs a letter or a
        claim is an actor, whatever NER made of the name."""
        toks = tokens(doc)
        for t in toks:
            if t.lower_ != "signed" or t.i == 0 or t.i + 2 >= len(doc) or toks[t.i - 1].lemma_ not in SIGNED_TEXTS:
                continue
            k = t.i + 1 + (toks[t.i + 1].lower_ == "by")
            k += toks[k].lower_ == "the"
            name = self._given_name(doc, k)
            if name is not None:
                add(name, "actor", "armed_group", source="signed")

    def from_kind_named(self, doc: Doc, add) -> None:
        """'the ransomware group Nyx9', 'the hacker group CyberTeam 1945': the name after a kind of group."""
        toks = tokens(doc)
        for t in toks:
            if t.lower_ not in GROUP_WORDS or t.i == 0 or t.i + 1 >= len(doc) or toks[t.i - 1].lower_ not in GROUP_KINDS:
                continue
            k = t.i + 1
            while k < len(doc) and k < t.i + 5 and toks[k].text[:1].isupper() and not toks[k].is_sent_start \
                    and "\n" not in toks[k - 1].whitespace_:
                k += 1
            if k > t.i + 1 and k < len(doc) and toks[k].like_num and len(toks[k].text) <= 4:
                k += 1  # a number that ends the name: "CyberTeam 1945"
            name = doc[t.i + 1:k]
            if k > t.i + 1 and not self.c.country(name.text) and fold(name.text) not in self.stop:
                add(name, "actor", "armed_group" if toks[t.i - 1].lower_ in ("militant", "armed", "rebel", "insurgent")
                    else "organisation", source="kind-named")

    def from_unlabelled_bodies(self, doc: Doc, add) -> None:
        """'Paradip Port Authority said', 'the Faro Volunteer Fire Department', 'Nordhav Gas AS': capitalized
        words the model left unlabelled that end in a body's noun or a company's legal form name a body (this
        runs after the model's entities; not in a heading, whose words are all capitalized)."""
        toks = tokens(doc)
        for sent in sentences(doc):
            lower = sum(1 for t in sent if t.is_alpha and t.is_lower)
            if lower < 3:
                continue  # a heading or a label line
            for t in sent:
                tail = t.lower_ in BODY_HEADS or t.text in UNLABELLED_LEGAL_TAILS
                if not tail or not t.text[:1].isupper() or t.ent_type_ or t.i == sent.start:
                    continue
                start = t.i
                while start > sent.start and (toks[start - 1].is_title or toks[start - 1].lower_ in ("of", "for", "and")
                                              and start - 2 >= sent.start and toks[start - 2].is_title) \
                        and toks[start - 1].ent_type_ in ("", "GPE", "NORP") and "\n" not in toks[start - 1].whitespace_ \
                        and (toks[start - 1].lower_ not in STOP_WORDS or toks[start - 1].lower_ in ("of", "for", "and")) \
                        and t.i - start < 6:
                    start -= 1
                while start < t.i and toks[start].lower_ in ("of", "for", "and"):
                    start += 1
                if start == t.i or any(toks[k].ent_type_ not in ("", "GPE", "NORP") for k in range(start, t.i)):
                    continue
                if start > sent.start and toks[start - 1].text[:1].isupper() and toks[start - 1].is_alpha:
                    continue  # the end of a longer capitalized run (a title-case line): no name of its own
                if t.i - start == 1 and self._common_word(toks[start].lower_):
                    continue  # 'Customer Service', 'Press Service': a department of whoever is told, no name
                end = t.i + 1
                if end + 1 < len(doc) and toks[end].lower_ in ("of", "for") and toks[end + 1].is_title \
                        and toks[end + 1].ent_type_ in ("", "GPE", "ORG"):
                    end += 2  # 'Security Service of Ukraine'
                    while end < len(doc) and toks[end].is_title and end - t.i < 5 and "\n" not in toks[end - 1].whitespace_:
                        end += 1
                add(doc[start:end], "actor", self.org_type(doc[start:end].text), source="unlabelled-body")

    def from_legal_names(self, doc: Doc, add) -> None:
        """'Timaru, 30 September - Rangitata Networks Limited, the distribution business ...': capitalized
        words ending in a company's legal form name a company, where the model found no name (this runs
        after its entities)."""
        toks = tokens(doc)
        for t in toks:
            if t.lower_.rstrip(".") not in LEGAL_TAILS or not t.text[:1].isupper() or t.i == 0:
                continue
            start = t.i
            while start > 0 and toks[start - 1].tag_ in ("NNP", "NNPS") and toks[start - 1].text[:1].isupper() \
                    and "\n" not in toks[start - 1].whitespace_ and not toks[start].is_sent_start:
                start -= 1
            while start + 1 < t.i and toks[start].lower_ in ROLE_WORDS:
                start += 1  # 'Operator Andes Midstream SA said': the company, after its role
            if start < t.i and not (start > 0 and (toks[start - 1].lower_ in ("and", "&", "of")
                                                   or toks[start - 1].text == "-" and not toks[start - 1].whitespace_)):
                add(doc[start:t.i + 1], "actor", "company", source="legal-name")  # not 'Gas Corporation' of 'X Oil and Gas Corporation'

    def from_digit_names(self, doc: Doc, add) -> None:
        """'CyberAv3ngers', 'N3tw0rm': a name that spells letters with digits names a group, which NER misses,
        when it stands where an actor does (the agent of 'by', a subject, an apposition to a group noun)."""
        toks = tokens(doc)
        for t in toks:
            if not LEET.match(t.text):
                continue
            actorish = t.dep_ in ("nsubj", "nsubjpass", "appos") or (t.dep_ == "pobj" and t.head.lower_ == "by") \
                or (t.i + 2 < len(doc) and toks[t.i + 1].text == "," and toks[t.i + 2].lower_ in ("a", "an")) \
                or (t.i + 1 < len(doc) and toks[t.i + 1].lower_ in GROUP_WORDS)
            if actorish and fold(t.text) not in self.stop:
                add(doc[t.i:t.i + 1], "actor", "organisation", source="digit-name")

    def from_infobox(self, doc: Doc, add) -> None:
        """Values of '- Operator: A and B' lines name actors."""
        toks = tokens(doc)
        for sent in sentences(doc):
            if len(sent) < 4 or sent[0].text != "-":
                continue
            colon = next((t.i for t in sent if t.text == ":"), None)
            if colon is None:
                continue
            key = doc[sent.start + 1:colon].text.lower().strip()
            if key not in self.actor_keys:
                continue
            k = colon + 1
            while k < sent.end:
                j = k
                while j < sent.end and toks[j].text not in (",", "(", ";") and toks[j].lower_ != "and" and "\n" not in toks[j].text:
                    j += 1
                part = doc[k:j]
                if len(part) and part[0].text[:1].isupper() and not self.c.country(part.text):
                    typ = "person" if key == "leader" else self.org_type(part.text)
                    if fold(part.text) not in self.stop:
                        add(part, "actor", typ, source="infobox")
                if j < sent.end and toks[j].text == "(":
                    while j < sent.end and toks[j].text != ")":
                        j += 1
                k = j + 1

    @staticmethod
    def place_type(text: str) -> str:
        low = text.lower()
        for word, typ in (("sea", "sea"), ("gulf", "sea"), ("bay", "sea"), ("ocean", "sea"), ("river", "river"),
                          ("oblast", "region"), ("province", "region"), ("region", "region"), ("county", "region"),
                          ("district", "region")):
            if word in low.split():
                return typ
        return "city"

    def set_annotations(self, doc: Doc, mentions: list[Mention]) -> None:
        doc._.ig_actors = mentions

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.match(doc)
        for m in mentions:
            m.plain = not any(self._common_word(fold(w)) for w in m.name.replace("-", " ").split())
        self.set_annotations(doc, mentions)
        return doc


if not Doc.has_extension("ig_actors"):
    Doc.set_extension("ig_actors", default=None)


@Language.factory("ig_actors", assigns=["doc._.ig_actors"], default_config={"data": None, "place_nouns": None})
def make_actor_finder(nlp: Language, name: str, data: dict | None, place_nouns: list | None) -> ActorFinder:
    """Lexicons default to ingest/data/actors.json and facilities.json (place nouns)."""
    config = {"data": data if data is not None else lexicon.actors(),
              "place_nouns": place_nouns if place_nouns is not None else lexicon.facilities()["place_nouns"]}
    finder = ActorFinder(**config).remember(config, lambda cfg: make_actor_finder(nlp, name, **cfg))
    finder.common_nouns = _common_nouns(nlp)
    return finder


def _common_nouns(nlp: Language) -> frozenset:
    """The base nouns the model's lemmatizer knows (its WordNet index): 'weather', 'gang', 'circuit'."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))
