"""Claims: who said, believed, denied or attributed what, so attribution is never lost."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from ingest import lexicon
from ingest.resolve import Ent, Resolution
from ingest.toks import sentences

STANCES = {"deny": "denies", "reject": "denies", "accuse": "accuses", "blame": "accuses", "attribute": "accuses",
           "claim": "asserts"}


@dataclass
class RawClaim:
    """A claim before ids are given: speaker entity, cue words, sentence span, entities it is about."""

    speaker: Optional[Ent]
    cue: str
    span: tuple[int, int]
    about: list[Ent] = field(default_factory=list)
    stance: str = "asserts"
    sent: int = -1
    speaker_text: Optional[str] = None


def find_claims(doc: Doc, res: Resolution, attributions: list) -> list[RawClaim]:
    """Speech verbs with an actor subject, 'according to X', and the attribution cues events used."""
    verbs = set(lexicon.cues()["speech_verbs"])
    sents = sentences(doc)
    out: list[RawClaim] = []
    seen = set()
    for k, sent in enumerate(sents):
        for tok in sent:
            speaker, cue = None, None
            if tok.pos_ == "VERB" and tok.lemma_ in verbs:
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None and tok.dep_ == "conj":
                    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.dep_ == "nsubjpass" and tok.lemma_ != "quote":
                    # 'Armenia has long been warned by its neighbours': the one told is no speaker; the agent is
                    subj = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
                if subj is not None:
                    speaker = _actor_in(res, subj)
                    cue = tok.text + ("".join(" " + c.text for c in tok.children if c.dep_ == "prt"))
            elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                for t in doc[tok.i + 2:min(tok.i + 12, sent.end)]:
                    speaker = res.actor_at(t.i)
                    if speaker:
                        break
                cue = "according to"
            if speaker is None or cue is None or (k, id(speaker)) in seen:
                continue
            seen.add((k, id(speaker)))
            about = _about(res, sent, speaker)
            stance = STANCES.get(tok.lemma_, "asserts")
            if stance == "asserts" and any(c.lower_ == "responsibility" for c in sent):
                stance = "claims_responsibility" if tok.lemma_ == "claim" else stance
            out.append(RawClaim(speaker, cue, (sent.start_char, sent.end_char), about, stance, k))
    for k, cue, who, _ in attributions:
        sent = sents[k]
        if cue.stance == "claims_responsibility" and who is not None and (k, id(who)) not in seen:
            seen.add((k, id(who)))
            out.append(RawClaim(who, cue.phrase, (sent.start_char, sent.end_char), [who], "claims_responsibility", k))
        elif cue.stance == "accuses" and who is not None:
            existing = next((c for c in out if c.sent == k), None)
            if existing is not None:
                existing.stance = "accuses"
                if who not in existing.about:
                    existing.about.append(who)
            else:
                out.append(RawClaim(None, cue.phrase, (sent.start_char, sent.end_char), [who], "accuses", k))
    return sorted(out, key=lambda c: c.span)


def _actor_in(res: Resolution, tok) -> Optional[Ent]:
    for t in [tok, *tok.subtree]:
        a = res.actor_at(t.i)
        if a is not None:
            return a
    return None


def _about(res: Resolution, sent, speaker: Ent) -> list[Ent]:
    out = []
    for t in sent:
        for e in res.at.get(t.i, []):
            if e is not speaker and e.kind in ("actor", "facility") and e not in out and not e.weak:
                out.append(e)
    return out
