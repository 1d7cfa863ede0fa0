"""Lay a document's mentions over its text as a tree, so the template can nest them.

Mentions can nest (an actor named inside an incident's evidence) and, rarely, cross. The
tree keeps every mention as one element whose id is ``m-<start>-<end>``; a mention that
crosses the end of the one it starts in is cut at that end, so the markup stays well formed.
Text stays plain strings here and is escaped by Jinja, never marked safe.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    subject: Optional[str] = None
    label: Optional[str] = None
    children: list[Union["Mark", str]] = field(default_factory=list)
    id: str = ""  # m-<start>-<end> of the mention as stored, kept when the span is cut

    def __post_init__(self):
        self.id = self.id or f"m-{self.start}-{self.end}"


def _merge(mentions: list[dict]) -> list[Mark]:
    """One Mark per span; where several subjects share a span, entities win over incidents and claims."""
    rank = {"actor": 0, "facility": 0, "place": 0, "incident": 1, "claim": 2}
    by_span: dict[tuple[int, int], Mark] = {}
    for m in mentions:
        start, end = int(m["start"]), int(m["end"])
        if end <= start:
            continue
        current = by_span.get((start, end))
        if current is None or rank.get(m["kind"], 3) < rank.get(current.kind, 3):
            by_span[(start, end)] = Mark(start, end, m["kind"], m.get("subject"), m.get("label"))
    return sorted(by_span.values(), key=lambda k: (k.start, -k.end))


def tree(text: str, mentions: list[dict]) -> list[Union[Mark, str]]:
    """The text as strings and nested Marks, in order."""
    root = Mark(0, len(text), "root")
    stack = [root]
    pos = 0
    for mark in _merge(mentions):
        if mark.start >= len(text):
            continue
        while len(stack) > 1 and mark.start >= stack[-1].end:
            top = stack.pop()
            if pos < top.end:
                top.children.append(text[pos:top.end])
                pos = top.end
        mark.end = min(mark.end, stack[-1].end)
        if mark.start > pos:
            stack[-1].children.append(text[pos:mark.start])
        pos = max(pos, mark.start)
        stack[-1].children.append(mark)
        stack.append(mark)
    while len(stack) > 1:
        top = stack.pop()
        if pos < top.end:
            top.children.append(text[pos:top.end])
            pos = top.end
    if pos < len(text):
        root.children.append(text[pos:])
    return root.children
