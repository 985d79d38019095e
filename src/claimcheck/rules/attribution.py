"""Attribution rules (CC3xx): who said what, and on whose word a figure rests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations
from typing import NamedTuple

from ..language.reference import demonym, name_variants, name_words, same_name
from ..models import Claim, Finding, NameMention, Person, QuoteClaim, Source, Span
from .base import CheckContext, Rule, normalize_text

#: Claim kinds that carry a figure.
FIGURE_KINDS = frozenset({"casualty", "force_size", "money"})


def words(text: str) -> list[str]:
    return normalize_text(text).split()




class QuoteSpeakerConflict(Rule):
    """One quotation is attributed to two different speakers.

    ## What it does
    Compares every pair of quotations; when the same words (identical and at
    least four words, or one quotation of at least six words inside the other)
    are attributed to two people the article names who are not the same person,
    it flags the later one. Only words said count: a title in marks ("Jaws",
    "Operation Desert Fox") is no quotation, and a term in scare quotes ("cash
    for access", "unacceptable") is too short to be one person's words — many
    people repeat a slogan. A speaker must be a person the article names:
    groups ("analysts", "Both"), bodies and documents ("his ministry", "the
    report", "the poster"), descriptions ("the critic") and pronouns with no
    antecedent are left alone.

    ## Why is this bad?
    Misattributing a quotation puts words in someone's mouth, the most damaging
    mistake a report can make.

    ## Example
    ```text
    "We will not negotiate while the shelling continues," Foreign Minister Retno Marsudi said on Monday.
    The talks stalled after Defence Minister Prabowo Subianto said: "We will not negotiate while the shelling continues."
    ```

    ## Use instead
    ```text
    "We will not negotiate while the shelling continues," Foreign Minister Retno Marsudi said on Monday.
    The talks stalled after Defence Minister Prabowo Subianto repeated her words.
    ```
    """

    code = "CC301"
    name = "quote-speaker-conflict"
    severity = "error"
    groups = ("attribution",)

    #: The shorter quotation must have at least this many words to match inside a longer one.
    MIN_CONTAINED_WORDS = 6
    #: Identical quotations must have at least this many words to be one person's.
    MIN_WORDS = 4

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        people = {p.name for p in ctx.people}
        quotes = [c for c in ctx.claims if isinstance(c, QuoteClaim) and named_individual(c, people)]
        for a, b in combinations(quotes, 2):
            assert a.speaker is not None and b.speaker is not None
            if self.same_words(a.quote, b.quote) and not same_name(a.speaker.name, b.speaker.name):
                message = (
                    f"the quotation “{shorten(b.quote)}” is attributed to {a.speaker.name} "
                    f"and to {b.speaker.name}"
                )
                yield self.finding(message, b.span, sides=[(a, "first attribution"), (b, "second attribution")])

    def same_words(self, a: str, b: str) -> bool:
        wa, wb = words(a), words(b)
        if not wa or not wb:
            return False
        if wa == wb:
            return len(wa) >= self.MIN_WORDS
        short, long = sorted((wa, wb), key=len)
        return len(short) >= self.MIN_CONTAINED_WORDS and f" {' '.join(short)} " in f" {' '.join(long)} "


def named_individual(quote: QuoteClaim, people: "set[str] | frozenset[str]") -> bool:
    """A quotation whose speaker is one of the people the article names (not a group, a
    body, a document, a description or a pronoun left unresolved)."""
    speaker = quote.speaker
    return speaker is not None and not speaker.group and speaker.name in people


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class UnattributedQuote(Rule):
    """A direct quotation has no identifiable speaker.

    ## What it does
    Flags a direct quotation of at least four words for which neither a speaker
    nor a source could be found in its sentence or the sentences around it.

    ## Why is this bad?
    Readers cannot weigh words whose author they do not know, and an editor
    cannot check them.

    ## Example
    ```text
    Shelling resumed overnight near the river crossing. "We have nowhere left to go."
    ```

    ## Use instead
    ```text
    Shelling resumed overnight near the river crossing. "We have nowhere left to go,"
    said Amina Yusuf, a teacher sheltering in the school.
    ```
    """

    code = "CC302"
    name = "unattributed-quote"
    severity = "info"
    groups = ("attribution",)

    MIN_WORDS = 4

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for c in ctx.claims:
            if not isinstance(c, QuoteClaim) or c.quote_type != "direct" or len(words(c.quote)) < self.MIN_WORDS:
                continue
            if (c.speaker is None or not words(c.speaker.name)) and not c.sources:
                yield self.finding(
                    f"no speaker is given for the quotation “{shorten(c.quote)}”",
                    c.span,
                    sides=[(c, "quotation")],
                    suggestion="name who said it",
                )


class VagueAttribution(Rule):
    """A figure rests only on a vague source ("reports suggest", "various sources").

    ## What it does
    Flags a casualty, force-size or money figure whose only sources are vague
    ("reports suggest", "some speculate", "various sources") — at least one
    source phrase, and none of them named. A bare hedge with no source phrase
    ("apparently", "is expected") is modality, not attribution, and is ignored.

    ## Why is this bad?
    A number without a checkable source cannot be verified or weighed, yet it
    reads as fact.

    ## Example
    ```text
    Reports suggest that about 3,000 fighters have crossed the border since March.
    ```

    ## Use instead
    ```text
    About 3,000 fighters have crossed the border since March, according to the UN refugee agency.
    ```
    """

    code = "CC303"
    name = "vague-attribution"
    severity = "info"
    groups = ("attribution",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for c in ctx.claims:
            sources = [s for s in c.sources if names_someone(s)]
            if c.kind in FIGURE_KINDS and sources and all(s.vague for s in sources):
                cues = ", ".join(dict.fromkeys(f"“{s.text}”" for s in sources))
                yield self.finding(
                    f"the figure in “{c.span.text}” rests only on {cues}",
                    c.span,
                    sides=[(c, "figure")],
                    suggestion="name the source of the figure",
                )


def names_someone(source: Source) -> bool:
    """A source phrase beyond its cue: "reports" in "reports suggest", not a bare "apparently"."""
    return normalize_text(source.text) not in ("", normalize_text(source.cue or ""))


class Spelling(NamedTuple):
    """One way the article writes a person's name, where it first does, and the record there."""

    name: str
    side: "Claim | NameMention"
    span: Span


def spellings(ctx: CheckContext) -> list[tuple[Spelling, int]]:
    """The ways the article writes people's names, each at its first occurrence, in order,
    with how often it is written so.

    Names come from the reference layer (every mention of every person, surnames
    included) and from the claims' speakers and person sources (names the entity
    recognizer did not take for a person)."""
    found: list[Spelling] = []
    for person in ctx.people:
        found.extend(Spelling(m.text, m, m.span) for m in person.mentions)
    for c in ctx.claims:
        if isinstance(c, QuoteClaim) and c.speaker is not None and not c.speaker.group and c.speaker.name in c.speaker.text:
            found.append(Spelling(c.speaker.name, c, c.speaker.span or c.span))
        found.extend(Spelling(s.name, c, s.span or c.span) for s in c.sources if s.kind == "person" and not s.vague and s.name in s.text)
    first: dict[str, Spelling] = {}
    count: dict[str, int] = {}
    for sp in sorted((sp for sp in found if written_as_name(sp.name)), key=lambda sp: sp.span.start):
        key = spelling_key(sp.name)
        if name_words(key):
            first.setdefault(key, sp)
            count[key] = count.get(key, 0) + 1
    return [(sp, count[key]) for key, sp in first.items()]


def spelling_key(name: str) -> str:
    return re.sub(r"['’]s?$", "", name.strip()).lower()


def written_as_name(text: str) -> bool:
    """A person's name as written: capitalized words ("Kim Jong-un", "Saed al-Arabi"),
    not a phrase about someone ("the WHO spokeswoman") or a group ("Democrats")."""
    words = [w.split("-")[-1] if w.split("-")[0].lower() in NAME_PARTICLES else w for w in text.split()]
    if not words or len(words) == 1 and words[0].endswith("s") and not words[0].endswith("ss"):
        return False
    return words[0][:1].isupper() and words[-1][:1].isupper() and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


#: Lower-case words inside names: "Saed al-Arabi", "Ludwig van Beethoven".
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "la", "le", "der", "den", "dos", "das", "y"})


#: How a people's name ends beside its nation's: "Sri Lanka"/"Sri Lankan", "Sudan"/"Sudanese".
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ns", "ans", "ians")


def two_people(a: "Person | None", b: "Person | None") -> bool:
    """Two people the article names in full with different given names ("Robson" of Bryan
    Robson and "Robinson" of Paul Robinson are no spellings of one name)."""
    if a is None or b is None or a is b:
        return False
    wa, wb = name_words(a.name), name_words(b.name)
    return len(wa) > 1 and len(wb) > 1 and wa[0] != wb[0]


class NameVariant(Rule):
    """One person's name is spelled two ways (Zelensky / Zelenskyy).

    ## What it does
    Compares the ways the article writes the name of each person it mentions
    (full names, surnames alone). Two spellings whose surnames differ by a letter
    or two (or only by spacing and hyphens), with the same or no given name, are
    reported as one person spelled two ways — unless each is the name of a
    different person the article names in full (Bryan Robson, Paul Robinson).

    ## Why is this bad?
    Inconsistent spelling looks careless, breaks search and can make readers
    think two people are involved.

    ## Example
    ```text
    "We need air defence now," Volodymyr Zelensky said on Tuesday.
    Zelenskyy added that the talks would continue, according to his office.
    ```

    ## Use instead
    ```text
    "We need air defence now," Volodymyr Zelensky said on Tuesday.
    Zelensky added that the talks would continue, according to his office.
    ```
    """

    code = "CC304"
    name = "name-variant"
    severity = "warning"
    groups = ("attribution",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Each odd spelling once, against the usual one (the most written, else the first)."""
        written = spellings(ctx)
        owner = {m.text.lower(): person for person in ctx.people for m in person.mentions}
        pairs = [
            (i, j)
            for i, j in combinations(range(len(written)), 2)
            if self.variants(written[i][0].name, written[j][0].name)
            and not two_people(owner.get(written[i][0].name.lower()), owner.get(written[j][0].name.lower()))
        ]
        usual: dict[int, int] = {}
        for i, j in pairs:
            (a, na), (b, nb) = written[i], written[j]
            keep, odd = (i, j) if na >= nb else (j, i)
            if odd not in usual or written[keep][1] > written[usual[odd]][1]:
                usual[odd] = keep
        for odd, keep in sorted(usual.items()):
            if keep in usual:  # the usual spelling is itself odd: report against its own usual one
                keep = usual[keep] if usual[keep] != odd else keep
            a, b = written[keep][0], written[odd][0]
            yield self.finding(
                f"“{b.name}” looks like “{a.name}” spelled another way",
                b.span,
                sides=[(a.side, "usual spelling"), (b.side, "other spelling")],
                suggestion=f"did you mean {a.name}?",
            )

    @staticmethod
    def variants(a: str, b: str) -> bool:
        """Spellings of one person's name, not a nation and its people ("Sri Lanka"/"Sri Lankan")."""
        ka, kb = spelling_key(a), spelling_key(b)
        if demonym(ka) == demonym(kb) or any(kb == ka + end or ka == kb + end for end in DEMONYM_ENDINGS):
            return False
        return name_variants(a, b)
