"""Find incident triggers, type cues and attribution cues with one PhraseMatcher each.

The words live in incidents.json and cues.json, so a new trigger is a data change.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ingest import lexicon
from ingest.mention import Cue, Trigger
from ingest.serialize import DataComponent
from ingest.toks import positions, tokens, word_ids


class TriggerFinder(DataComponent):
    """Longest-match phrases, case-insensitive; triggers and cues of one type share a label."""

    def __init__(self, nlp: Language, types: dict, attribution: list[dict], police_verbs: list | None = None,
                 fired_at: dict | None = None, statement_nouns: list | None = None):
        vocab, make_doc = nlp.vocab, nlp.make_doc
        self.events = PhraseMatcher(vocab, attr="LOWER")
        self.cues = PhraseMatcher(vocab, attr="LOWER")
        self.attr = PhraseMatcher(vocab, attr="LOWER")
        self.attr_info: dict[str, dict] = {}
        self.police_verbs = set(police_verbs or ())
        fired = fired_at or {}  # 'fired rockets at X' (verbs, weapons, preps); 'rockets landed inside X' (landing_*)
        self.launch_verbs, self.weapons = set(fired.get("verbs", ())), set(fired.get("weapons", ()))
        self.aim_preps = set(fired.get("preps", ()))
        self.landing_verbs, self.landing_preps = set(fired.get("landing_verbs", ())), set(fired.get("landing_preps", ()))
        self.fragments = set(fired.get("fragments", ()))
        self.takeovers = {k: set(v) for k, v in fired.get("takeovers", {}).items()}
        self.armed = set(fired.get("armed_subjects", ()))
        self.hackers = set(fired.get("hacker_subjects", ()))
        self.similar_ids = word_ids(fired.get("similar_words", ()))  # 'a similar attempt': the kind told before
        self.similar_nouns = set(fired.get("similar_nouns", ()))
        self.removal_verbs, self.removed_parts = set(fired.get("removal_verbs", ())), set(fired.get("removed_parts", ()))
        self.deliberate = set(fired.get("deliberate_words", ()))
        self.statement_nouns = set(statement_nouns or ())
        for typ, spec in types.items():
            self.events.add(f"T|{typ}", [make_doc(p) for p in spec.get("triggers", [])])
            if spec.get("cues"):
                self.cues.add(f"C|{typ}", [make_doc(p) for p in spec["cues"]])
        self.verb_claims = [a for a in attribution if "lemma" in a or "lemmas" in a]  # matched on the parse, below
        for k, a in enumerate(attribution):
            if "lemma" in a or "lemmas" in a:
                continue
            key = f"A{k}"
            self.attr_info[key] = a
            self.attr.add(key, [make_doc(a["phrase"])])

    @staticmethod
    def _longest(matches, doc) -> list[tuple[int, int, int]]:
        best: list[tuple[int, int, int]] = []
        for mid, s, e in sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]))):
            if best and s < best[-1][2]:
                continue
            best.append((mid, s, e))
        return best

    def match(self, doc: Doc) -> tuple[list[Trigger], list[Cue]]:
        strings = doc.vocab.strings
        triggers = []
        for mid, s, e in self._longest(self.events(doc), doc):
            triggers.append(Trigger(s, e, strings[mid].split("|", 1)[1], False, doc[s:e].text))
        taken = {i for t in triggers for i in range(t.start, t.end)}
        for t in self._fired_at(doc, taken):
            triggers.append(t)
            taken.add(t.start)
        for t in self._similar(doc, triggers, taken):
            triggers.append(t)
            taken.add(t.start)
        for mid, s, e in self._longest(self.cues(doc), doc):
            if not any(i in taken for i in range(s, e)):
                triggers.append(Trigger(s, e, strings[mid].split("|", 1)[1], True, doc[s:e].text))
        cues = []
        for mid, s, e in self._longest(self.attr(doc), doc):
            a = self.attr_info[strings[mid]]
            if a.get("deed") and not self._tells_deed(doc, s, triggers):
                continue
            cues.append(Cue(s, e, a["phrase"], a["stance"], a["role"]))
        cues += self._verb_claims(doc, triggers, cues)
        return sorted(triggers, key=lambda t: t.start), sorted(cues, key=lambda c: c.start)

    def _similar(self, doc: Doc, triggers: list[Trigger], taken: set[int]) -> list[Trigger]:
        """'a similar attempt was found at X in October 2021': an event of the kind told last before it."""
        out = []
        for i in positions(doc, self.similar_ids):
            tok = doc[i]
            if tok.dep_ != "amod" or tok.head.i in taken \
                    or tok.head.lemma_.lower() not in self.similar_nouns:
                continue
            last = max((t for t in triggers if t.end <= tok.i and not t.cue), key=lambda t: t.start, default=None)
            if last is not None:
                out.append(Trigger(tok.head.i, tok.head.i + 1, last.type, False, tok.head.text))
        return out

    def _fired_at(self, doc: Doc, taken: set[int]) -> list[Trigger]:
        """Triggers found on the parse rather than by phrase (fired_at in incidents.json): an aimed launch, a
        weapon landing, tampering with a structure's fabric, armed men taking a place."""
        out = []
        for tok in tokens(doc):  # the list the other rule components made for this Doc
            if tok.pos_ != "VERB" or tok.i in taken:
                continue
            kids = list(tok.children)
            if tok.lemma_ in self.launch_verbs:
                typ = "attack" if self._launched(kids) else None
            elif tok.lemma_ in self.landing_verbs:
                typ = "attack" if self._landed(kids) else None
            elif tok.lemma_ in self.removal_verbs:
                typ = "sabotage" if self._removed(kids) else None
            elif tok.lemma_ in self.takeovers:
                typ = self._taken(tok, kids)
            elif self._done_on_purpose(kids):
                typ = "sabotage"
            else:
                continue
            if typ is not None:
                out.append(Trigger(tok.i, tok.i + 1, typ, False, tok.text))
        return out

    def _launched(self, kids) -> bool:
        """'militias fired rockets at the oil field', 'launched drones towards the port': a launch verb with a
        weapon as its object and a target preposition; 'Russian artillery fired on the substation': a weapon
        as its subject, fired on or at a place (not 'late on Tuesday, a missile fired from Yemen')."""
        by_weapon = any(c.dep_ == "dobj" and c.lemma_.lower() in self.weapons for c in kids) or any(
            c.dep_ == "nsubj" and self._weapon(c) for c in kids) and any(
            c.dep_ == "prep" and c.lower_ in ("on", "at") and any(
                g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children) for c in kids)
        return by_weapon and (any(c.dep_ == "prep" and c.lower_ in self.aim_preps for c in kids) or any(
            c.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ in self.aim_preps for g in c.children)
            for c in kids))

    def _landed(self, kids) -> bool:
        """'two rockets landed inside the station's perimeter', 'debris from a downed drone fell on the
        refinery': a weapon, or what is left of one, as the subject of a landing verb with a place preposition."""
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        return subj is not None and self._weapon(subj) and any(
            c.dep_ == "prep" and c.lower_ in self.landing_preps for c in kids)

    def _removed(self, kids) -> bool:
        """'unknown people removed angle irons and bolts from three towers', '42 bolts had been removed':
        a verb of taking away over a piece of a structure's fabric (not 'removed debris')."""
        objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
        objs += [g for c in objs for g in c.conjuncts]
        return any(o.lemma_.lower() in self.removed_parts or o.lower_ in self.removed_parts for o in objs)

    def _done_on_purpose(self, kids) -> bool:
        """'a block valve had been deliberately opened': a passive done on purpose by no one it names."""
        return any(c.dep_ == "advmod" and c.lower_ in self.deliberate for c in kids) \
            and any(c.dep_ == "nsubjpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)

    def _taken(self, tok, kids) -> str | None:
        """'armed men took over the pumping station', 'gunmen who seized the station', 'armed men forced the
        gates': a verb of taking, with the particle or object that makes it one, whose subject is armed (an
        assault) or a hacker ('hackers took over the control panel': an intrusion)."""
        words = self.takeovers[tok.lemma_]
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("who", "that"):
            subj = tok.head if tok.dep_ == "relcl" else None
        if subj is not None and subj.dep_ == "conj" and not self._armed(subj):
            subj = subj.head
        if subj is None or not ("" in words or any(c.dep_ in ("prt", "dobj", "advmod") and c.lemma_.lower() in words
                                                   for c in kids)):
            return None
        if self._armed(subj):
            return "armed_assault"
        return "cyberattack" if subj.lemma_.lower() in self.hackers or subj.lower_ in self.hackers else None

    def _armed(self, noun) -> bool:
        """'gunmen', 'militants', 'armed men', 'about a dozen armed men'."""
        return noun.lemma_.lower() in self.armed or noun.lower_ in self.armed or any(
            c.dep_ == "amod" and c.lower_ == "armed" for c in noun.children)

    def _weapon(self, noun) -> bool:
        """'rockets', 'a drone', or what is left of one ('debris from a downed drone')."""
        if noun.lemma_.lower() in self.weapons or noun.lower_ in self.weapons:
            return True
        return noun.lower_ in self.fragments and any(
            p.dep_ == "prep" and p.lower_ in ("from", "of") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in self.weapons for g in p.children) for p in noun.children)

    def _tells_deed(self, doc: Doc, i: int, triggers: list[Trigger]) -> bool:
        """'saboteurs acting on behalf of X', 'the attack was carried out on behalf of X': a cue of
        agency that needs a deed in its sentence, or acting or working as its verb."""
        sent = doc[i].sent
        verb = next((a for a in doc[i].ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.lemma_ in self.police_verbs:
            return False  # 'police, in coordination with the utility's guards, arrested two men'
        if any(sent.start <= t.start < sent.end and not t.cue for t in triggers):
            return True
        if any(t.lower_ == "responsibility" and t.head.lemma_ == "of" and t.head.head.lemma_ == "claim" for t in sent):
            return True  # 'a claim of responsibility appeared ..., signed by a group calling itself X'
        return verb is not None and verb.lemma_ in ("act", "work", "spy", "operate") and verb.lower_ != "operated"

    def _verb_claims(self, doc: Doc, triggers: list[Trigger], cues: list[Cue]) -> list[Cue]:
        """'the group claimed a bombing of the pipeline': a claim verb whose direct object heads an
        incident trigger (the phrase list has only 'claimed the attack')."""
        if not self.verb_claims:
            return []
        kinds = {doc[t.start:t.end].root.i: t.type for t in triggers if not t.cue}
        heads = set(kinds)
        taken = {i for c in cues for i in range(c.start, c.end)}
        claims = {lemma: a for a in self.verb_claims for lemma in a.get("lemmas", [a.get("lemma")])}
        out, seen = [], set()
        for h in sorted(heads):  # the claim verb is above the incident word in the parse
            for tok in doc[h].ancestors:
                a = claims.get(tok.lemma_)
                if a is None or tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and a.get("object") == "behind") \
                        or tok.i in taken or tok.i in seen:
                    continue
                if a.get("object") == "behind":
                    told = any(c.dep_ == "prep" and c.lower_ == "behind" and any(
                        g.dep_ == "pobj" and g.i in heads for g in c.children) for c in tok.children)
                elif a.get("object") == "own_deed":
                    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                    if subj is None or subj.i > tok.i or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
                        continue  # 'a militant group in the delta said it had ...': no named claimant; '"...," said X': a quote
                    deeds = {i for i, typ in kinds.items() if typ in a["deed_types"]}
                    told = any(c.i > tok.i and self._own_deed(c, deeds, a["deed_verbs"]) for c in self._told_clauses(tok))
                else:
                    told = any(c.dep_ == "dobj" and c.i in heads or self._own_deed(c, heads) for c in tok.children)
                if told:
                    seen.add(tok.i)
                    out.append(Cue(tok.i, tok.i + 1, tok.text, a["stance"], a["role"]))
        return out

    def _told_clauses(self, verb) -> list:
        """The clauses a speech verb tells: its own, and the one the parser hangs on its statement
        noun ('said in a statement sent to journalists that its fighters had planted the explosives')."""
        out = list(verb.children)
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "through", "via"):
                for noun in prep.children:
                    if noun.dep_ == "pobj" and noun.lemma_ in self.statement_nouns:
                        out += [c for c in noun.children if c.dep_ == "acl" and any(
                            g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        return out

    @staticmethod
    def _own_deed(clause, heads: set[int], deed_verbs: list[str] | None = None) -> bool:
        """'claimed that it carried out the attack', 'claimed its fighters had bombed the line': a
        clause whose subject is the claimant (a pronoun) and which tells an incident. With
        ``deed_verbs`` (after 'said'), the incident is the clause's verb or the object of one of
        them: 'its forces carried out a strike', not 'its forces repelled an attack'."""
        if clause.dep_ != "ccomp" and not (clause.dep_ == "acl" and clause.head.pos_ == "NOUN"):
            return False  # (an acl: the clause of a statement noun, from _told_clauses)
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not (subj.lower_ in ("it", "they", "we") or any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subj.children)):
            return False
        if deed_verbs is None:
            return any(t.i in heads for t in clause.subtree)
        if subj.dep_ == "nsubjpass":
            return False
        return clause.i in heads or clause.lemma_ in deed_verbs and any(
            c.dep_ == "dobj" and c.i in heads for c in clause.children)

    def set_annotations(self, doc: Doc, found: tuple[list[Trigger], list[Cue]]) -> None:
        doc._.ig_triggers, doc._.ig_cues = found

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


for _ext in ("ig_triggers", "ig_cues"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


@Language.factory("ig_triggers", assigns=["doc._.ig_triggers", "doc._.ig_cues"],
                  default_config={"types": None, "attribution": None, "police_verbs": None, "fired_at": None,
                                  "statement_nouns": None})
def make_trigger_finder(nlp: Language, name: str, types: dict | None, attribution: list | None,
                        police_verbs: list | None = None, fired_at: dict | None = None,
                        statement_nouns: list | None = None) -> TriggerFinder:
    """Phrases default to incidents.json and cues.json; tests pass inline ones."""
    config = {"types": types if types is not None else lexicon.incidents()["types"],
              "attribution": attribution if attribution is not None else lexicon.cues()["attribution"],
              "police_verbs": police_verbs if police_verbs is not None else lexicon.cues().get("police_verbs", []),
              "fired_at": fired_at if fired_at is not None else lexicon.incidents().get("fired_at", {}),
              "statement_nouns": statement_nouns if statement_nouns is not None else lexicon.cues()["statement_nouns"]}
    return TriggerFinder(nlp, **config).remember(config, lambda cfg: make_trigger_finder(nlp, name, **cfg))
