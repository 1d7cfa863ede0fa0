"""Incidents: trigger sentences become mentions, mentions of one real event merge.

A mention is one sentence's triggers with the facilities they hit, the date they give and
the actors said to have done it. Mentions merge when they share a target (or one target is
part of the other) and their dates agree; a consequence (outage, fire) joins the incident it
follows; a mention without a target only continues a neighbour; what is left without a
target was background and is dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from spacy.tokens import Doc, Span

from ingest import lexicon
from ingest.dates import DateExpr, Interval, hull, overlap
from ingest.resolve import Ent, Resolution

CAUSATIVE = {"cause", "launch", "carry", "conduct", "stage", "mount", "commit", "perpetrate", "execute"}
ATTACK_VERBS = {"attack", "strike", "hit", "shell", "sabotage", "bomb", "blow", "collide", "damage", "destroy",
                "target", "occupy", "seize", "capture", "storm", "raid", "hack", "breach", "cut", "ram"}


@dataclass(eq=False)
class Event:
    """One incident being built from one or more mentions."""

    sents: list[int]
    types: list[str]
    cues: list[str]
    targets: list[Ent]
    dates: Optional[Interval] = None
    precision: int = 9
    perps: list[Ent] = field(default_factory=list)
    effects: set[str] = field(default_factory=set)
    evidence: list[tuple[int, int]] = field(default_factory=list)  # char spans in the doc
    location: Optional[Ent] = None
    date_text: Optional[str] = None

    def absorb(self, o: "Event") -> None:
        self.sents += o.sents
        self.types += o.types
        self.cues += o.cues
        for t in o.targets:
            if t not in self.targets:
                self.targets.append(t)
        if o.dates and (not self.dates or o.precision < self.precision):
            self.dates, self.precision, self.date_text = o.dates, o.precision, o.date_text
        for p in o.perps:
            if p not in self.perps:
                self.perps.append(p)
        self.effects |= o.effects
        self.evidence += o.evidence
        self.location = self.location or o.location


def _related(a: Ent, b: Ent) -> bool:
    return a is b or a in b.ancestors() or b in a.ancestors()


def _tree_distance(a, b) -> int:
    pa = [a] + list(a.ancestors)
    pb = [b] + list(b.ancestors)
    ids = {t.i: k for k, t in enumerate(pa)}
    for k, t in enumerate(pb):
        if t.i in ids:
            return ids[t.i] + k
    return 99


class EventBuilder:
    """Builds incidents for one parsed document and its resolution."""

    def __init__(self, doc: Doc, res: Resolution, published: Optional[date]):
        self.doc, self.res, self.published = doc, res, published
        data = lexicon.incidents()
        self.rank = {t: spec["rank"] for t, spec in data["types"].items()}
        self.attack_family = set(data["attack_family"])
        self.cause_less = set(data["cause_less"])
        self.ref_preps = set(data["reference_preps"])
        self.hypo = set(data["hypothetical"])
        self.effects = {k: [tuple(p.split()) for p in v] for k, v in data["effects"].items()}
        self.default_attack = data["default_attack"]
        self.speech = set(lexicon.cues()["speech_verbs"])
        self.sents = list(doc.sents)
        self.sent_of = {}
        for k, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = k

    # ---- mentions --------------------------------------------------------------------------
    def _skip(self, trig) -> bool:
        doc = self.doc
        tok = doc[trig.end - 1]
        line = tok.sent
        if line[0].text in ("=", "==", "===") or (line[0].text == "-" and len(line) > 2 and line[1].lower_ == "title"):
            return True  # a heading names the article, it does not report an event
        window = [t.lower_ for t in doc[max(trig.start - 4, tok.sent.start):trig.start]]
        if tok.dep_ == "pobj" and tok.head.lower_ in self.ref_preps:
            return True
        if any(w in self.ref_preps for w in window[-3:]) and not any(doc[i].pos_ == "VERB" for i in range(max(trig.start - 3, 0), trig.start)):
            return True
        if any(w in self.hypo for w in window[-3:]) or tok.head.lower_ in self.hypo:
            return True
        return False

    def mentions(self) -> list[Event]:
        doc = self.doc
        by_sent: dict[int, list] = {}
        for trig in doc._.ig_triggers or []:
            by_sent.setdefault(self.sent_of.get(trig.start, -1), []).append(trig)
        events = []
        for k, trigs in sorted(by_sent.items()):
            real = [t for t in trigs if not t.cue and not self._skip(t)]
            if not real:
                continue
            sent = self.sents[k]
            targets = self._targets(sent, real)
            ev = Event([k], [t.type for t in real], [t.type for t in trigs if t.cue], [])
            ev.evidence.append((sent.start_char, sent.end_char))
            self._date(ev, sent, real)
            ev.perps = self._agents(sent, real)
            ev.effects = self._effects(sent)
            ev.location = self._location(sent, real)
            for group in self._split(targets, real):
                e = Event(list(ev.sents), list(ev.types), list(ev.cues), group, ev.dates, ev.precision,
                          list(ev.perps), set(ev.effects), list(ev.evidence), ev.location, ev.date_text)
                events.append(e)
        return events

    def _split(self, targets: list[Ent], real) -> list[list[Ent]]:
        """'The pipeline and a nearby data cable were damaged': one incident per kind of facility."""
        if len({t.type for t in targets}) <= 1:
            return [targets]
        groups: dict[str, list[Ent]] = {}
        for t in targets:
            groups.setdefault(t.type, []).append(t)
        return list(groups.values())

    def _targets(self, sent: Span, real) -> list[Ent]:
        cands: list[tuple[int, Ent, bool]] = []
        for t in sent:
            ents = [e for e in self.res.at.get(t.i, []) if e.kind == "facility"]
            for e in ents:
                d = min(_tree_distance(t, self.doc[r.end - 1]) for r in real)
                cands.append((d, e, t.dep_ == "conj"))
        if not cands:
            return []
        best = min(d for d, _, _ in cands)
        if best > 6:
            return []
        out = []
        for d, e, conj in sorted(cands, key=lambda x: x[0]):
            if (d <= best or (conj and d <= best + 1)) and e not in out:
                out.append(e)
        # prefer the specific part over the whole it belongs to
        return [e for e in out if not any(e in o.ancestors() for o in out)]

    def _date(self, ev: Event, sent: Span, real) -> None:
        best = None
        for s, e, expr in self.doc._.ig_dates or []:
            if s < sent.start or e > sent.end:
                continue
            interval = expr.resolve(self.published)
            if interval is None:
                if expr.relative and best is None:
                    best = (2, expr.precision + 5, 0, None, expr)
                continue
            dist = min(abs(s - r.start) for r in real)
            cand = (0 if self._attached(s, real) else 1, expr.precision, dist, interval, expr)
            if best is None or cand[:3] < best[:3]:
                best = cand
        if best and best[3]:
            ev.dates, ev.precision, ev.date_text = best[3], best[1], best[4].text

    def _attached(self, i: int, real) -> bool:
        """The date belongs to a trigger, not to a reporting verb ('said on Monday')."""
        heads = {self.doc[r.end - 1].i for r in real}
        for a in self.doc[i].ancestors:
            if a.i in heads:
                return True
            if a.lemma_ in self.speech:
                return False
        return False

    def _actor(self, i: int) -> Optional[Ent]:
        return self.res.actor_at(i)

    def _span_actor(self, tok) -> Optional[Ent]:
        for t in tok.subtree:
            a = self._actor(t.i)
            if a is not None:
                return a
        return None

    def _agents(self, sent: Span, real) -> list[Ent]:
        """Who did it: 'by X' on an attack verb, the subject of an attack verb, or of 'caused'."""
        out: list[Ent] = []
        for r in real:
            tok = self.doc[r.end - 1]
            verbs = [tok] if tok.pos_ == "VERB" else []
            if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in CAUSATIVE:
                verbs.append(tok.head)
            for v in list(verbs):
                verbs += [c for c in v.children if c.dep_ == "conj"]
                if v.dep_ == "conj":
                    verbs.append(v.head)
            for v in verbs:
                for c in v.children:
                    if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                        for p in c.children:
                            a = self._actor_of(p)
                            if a and a not in out:
                                out.append(a)
                    if c.dep_ == "nsubj" and (v.lemma_ in ATTACK_VERBS or v.lemma_ in CAUSATIVE):
                        a = self._actor_of(c)
                        if a and a not in out:
                            out.append(a)
        return out

    def _actor_of(self, tok) -> Optional[Ent]:
        a = self._actor(tok.i)
        if a is not None:
            return a
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "prep"):
                a = self._span_actor(c)
                if a is not None:
                    return a
        return None

    def _effects(self, sent: Span) -> set[str]:
        words = [t.lower_ for t in sent]
        out = set()
        for eff, phrases in self.effects.items():
            for p in phrases:
                n = len(p)
                if any(tuple(words[i:i + n]) == p for i in range(len(words) - n + 1)):
                    out.add(eff)
                    break
        return out

    def _location(self, sent: Span, real) -> Optional[Ent]:
        for t in sent:
            for e in self.res.at.get(t.i, []):
                if e.kind == "place":
                    return e
        return None

    # ---- merging ---------------------------------------------------------------------------
    def build(self) -> list[Event]:
        ms = self.mentions()
        ms = self._continue(ms)
        dated = [m for m in ms if m.targets and m.dates]
        undated = [m for m in ms if m.targets and not m.dates]
        events: list[Event] = []
        for m in dated:
            home = next((e for e in events if overlap(e.dates, m.dates)
                         and any(_related(a, b) for a in e.targets for b in m.targets)), None)
            if home is None:
                events.append(m)
            else:
                home.absorb(m)
        for m in undated:
            shared = [e for e in events if any(a is b for a in e.targets for b in m.targets)]
            related = [e for e in events if any(_related(a, b) for a in e.targets for b in m.targets)]
            same_type = [e for e in events if {a.type for a in e.targets} & {b.type for b in m.targets}]
            pool = shared or related or same_type
            if pool:
                home = min(pool, key=lambda e: (e.precision, -max(e.sents)))
                home.absorb(m)
            else:
                events.append(m)
        self._attributions(events)
        events.sort(key=lambda e: min(e.sents))
        return events

    def _continue(self, ms: list[Event]) -> list[Event]:
        """A mention without a target continues the next or the previous sentence's mention."""
        out = list(ms)
        for m in ms:
            if m.targets:
                continue
            k = m.sents[0]
            nxt = next((o for o in out if o.targets and o.sents[0] == k + 1), None)
            prv = next((o for o in reversed(out) if o.targets and k - 1 in o.sents), None)
            for o in (nxt, prv):
                if o is not None and (not o.dates or not m.dates or overlap(o.dates, m.dates)):
                    o.absorb(m)
                    out.remove(m)
                    break
        return [m for m in out if m.targets]

    def _attributions(self, events: list[Event]) -> None:
        """'X claimed responsibility', 'Y was behind the attack': perpetrators of the incident at hand."""
        self.attributions: list[tuple[int, object, Ent, Optional[Event]]] = []
        for cue in self.doc._.ig_cues or []:
            k = self.sent_of.get(cue.start)
            if k is None:
                continue
            who = self._cue_actor(cue, self.sents[k])
            home = next((e for e in events if k in e.sents), None)
            if home is None:
                before = [e for e in events if min(e.sents) < k]
                home = max(before, key=lambda e: max(s for s in e.sents if s < k) if any(s < k for s in e.sents) else -1) \
                    if before else (min(events, key=lambda e: min(e.sents)) if events else None)
            self.attributions.append((k, cue, who, home))
            if who is None or home is None or cue.stance == "denies":
                continue
            if who.kind == "actor" and who not in home.perps:
                home.perps.append(who)

    def _cue_actor(self, cue, sent: Span) -> Optional[Ent]:
        if cue.role == "subject":
            for i in range(cue.start - 1, sent.start - 1, -1):
                a = self._actor(i)
                if a is not None:
                    return a
            return None
        for i in range(cue.end, sent.end):
            a = self._actor(i)
            if a is not None:
                return a
        return None

    # ---- typing ----------------------------------------------------------------------------
    def doc_attack_type(self) -> Optional[str]:
        counts: dict[str, int] = {}
        for t in self.doc._.ig_triggers or []:
            if t.type in self.attack_family and not t.cue:
                counts[t.type] = counts.get(t.type, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def type_of(self, ev: Event) -> str:
        votes: dict[str, int] = {}
        for t in ev.types:
            votes[t] = votes.get(t, 0) + 1
        best = max(votes, key=lambda t: (self.rank.get(t, 0), votes[t]))
        if best == "attack":
            cues = [c for c in ev.cues if c in self.attack_family]
            if cues:
                return max(set(cues), key=cues.count)
            if "accident" in ev.cues or "accident" in votes:
                return "accident"
            return self.doc_attack_type() or self.default_attack
        if best in self.cause_less or best == "accident":
            if "accident" in ev.cues or best == "accident":
                return "accident"
            attack = [c for c in ev.cues if c in self.attack_family]
            if attack and best != "disruption":
                return max(set(attack), key=attack.count)
        return best
