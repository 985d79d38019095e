"""``claimcheck_quotes``: direct and partial quotations with their speakers.

Finding quotations is a scan of the characters (:func:`find_quote_spans`):
double marks (straight, curly, ``…''), single marks when they are not
apostrophes (scare quotes, headline quotes), and quotations that run over
several paragraphs (an opening mark at each paragraph, a closing one only at
the end). Each span is then read against the parse (:func:`read_quote`):

* **direct** when it stands as a whole utterance (it starts a sentence or
  follows ``:`` or ``,``), **partial** when it is embedded in the paraphrase
  ("described them as 'cannon fodder'");
* the **cue** is the reporting verb that governs it (an ancestor in the
  tree, or a verb just before or after it in the same sentence), with its
  auxiliaries as written ("have noted");
* the **speaker** is that verb's subject (climbing from "noting" to the verb
  it modifies), split into name, role and organization; pronouns are resolved
  to the nearest preceding person (or the previous speaker for "they"); a
  quotation with no cue of its own continues the previous speaker's;
* the **form**: a *quotation* (words someone said), a *term* (a word or short
  phrase without a verb, in scare quotes: "cash for access", "unacceptable") or a
  *title* (a name in marks: the film "Jaws", "Operation Desert Fox", Randy "Duke"
  Cunningham). Titles are no quotations and are left out of ``cc_quotes``; a term
  is always partial and never continues a speaker (:func:`quotation_form`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..doccache import sent_start_of, span_ents
from ..language import syntax
from ..language.reference import Entity, lexicon as people_lexicon, pronoun, references
from ..language.reporting import is_addressed, is_speech_cue
from ..language.segment import doc_crosses_paragraph, paragraph_spans
from ..models import Speaker
from ..textmap import doc_text, make_span


@dataclass
class QuoteMention:
    """A quotation: ``[start, end)`` is the content without the marks."""

    start: int
    end: int
    text: str
    quote_type: str = "direct"  # direct | partial
    speaker: Optional[Speaker] = None
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    marks: list[tuple[int, int]] = field(default_factory=list)
    form: str = "quotation"  # quotation | term | title


@dataclass
class RawQuote:
    """A quotation found by the character scan, before it is read."""

    start: int
    end: int
    single: bool
    marks: list[tuple[int, int]]


# --- 1. finding the marks ------------------------------------------------------------

_MARK = re.compile(r"``|''|[\"“”„«»‘’']")
_DOUBLE_OPEN = {"“", "„", "«", "``"}
_DOUBLE_CLOSE = {"”", "»"}
_DECADE = re.compile(r"'\d0s\b")
#: Longest scare quote (characters) a pair of single marks may enclose.
MAX_SINGLE = 160


def find_quote_spans(text: str) -> list[RawQuote]:
    """Every quotation in ``text``: its content span (marks excluded) and marks."""
    quotes: list[RawQuote] = []
    paragraphs = [p for span in paragraph_spans(text) for p in _split_at_opening_lines(text, *span)]
    carried: Optional[RawQuote] = None
    for n, (p_start, p_end) in enumerate(paragraphs):
        carried, found = _scan_paragraph(text, p_start, p_end, carried)
        quotes.extend(found)
        if carried is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            if nxt is None or not _opens_double(text, nxt):
                end = p_start + len(text[p_start:p_end].rstrip())
                quotes.append(RawQuote(carried.start, end, False, carried.marks))
                carried = None
    return [q for q in quotes if text[q.start : q.end].strip()]


_LINE_OPENING_QUOTE = re.compile(r"\n[ \t]*(?=``|[\"“„«])")


def _split_at_opening_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph cut where a line opens with a quotation mark: a quotation continued
    over several paragraphs reopens at each, whether blank lines separate them or not."""
    cuts = [m.end() for m in _LINE_OPENING_QUOTE.finditer(text, start, end)]
    bounds = [start, *cuts, end]
    return [(a, a + len(text[a:b].rstrip())) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def _opens_double(text: str, i: int) -> bool:
    return text.startswith(tuple(_DOUBLE_OPEN) + ('"', "''"), i)


def _scan_paragraph(
    text: str, p_start: int, p_end: int, carried: Optional[RawQuote]
) -> tuple[Optional[RawQuote], list[RawQuote]]:
    """Quotations closed in one paragraph, and the double quote left open (if any)."""
    found: list[RawQuote] = []
    double = carried  # an open double quotation
    double_mark = '"'
    single: Optional[tuple[int, int]] = None  # (content start, mark start) of an open single quote
    for m in _MARK.finditer(text, p_start, p_end):
        mark, i, j = m.group(), m.start(), m.end()
        before = text[i - 1] if i > p_start else " "
        after = text[j] if j < p_end else " "
        if double is not None and i == p_start and carried is not None and _opens_double(text, i):
            double.marks.append((i, j))  # the opening mark of a continued paragraph
            continue
        if double is None:
            if _is_double_open(mark, before, after):
                double, double_mark, single = RawQuote(j, j, False, [(i, j)]), mark, None
                continue
            single = _single(text, found, single, mark, i, j, before, after)
            continue
        if _is_double_close(mark, double_mark, before, after):
            found.append(RawQuote(double.start, i, False, [*double.marks, (i, j)]))
            double = None
        elif mark in _DOUBLE_OPEN:  # an unbalanced opening: restart from here
            double, double_mark = RawQuote(j, j, False, [(i, j)]), mark
    return double, found


def _is_double_open(mark: str, before: str, after: str) -> bool:
    if mark in _DOUBLE_OPEN:
        return True
    if mark in ('"', "''"):
        return not after.isspace() and (before.isspace() or before in "([{—–-/:,")
    return False


def _is_double_close(mark: str, open_mark: str, before: str, after: str) -> bool:
    if mark in _DOUBLE_CLOSE or mark == "''":
        return True
    if mark == '"':
        return not before.isspace() or after.isspace() or not after.isalnum()
    return mark == "'" and open_mark == "''" and not before.isspace() and not after.isalnum()


def _single(
    text: str,
    found: list[RawQuote],
    open_: Optional[tuple[int, int]],
    mark: str,
    i: int,
    j: int,
    before: str,
    after: str,
) -> Optional[tuple[int, int]]:
    """Track single marks; append a closed scare quote to ``found``. Returns the open one."""
    if mark not in ("‘", "’", "'"):
        return open_
    if open_ is None:
        opening = mark == "‘" or (mark == "'" and not _DECADE.match(text, i))
        # an opening mark follows a space or an opening bracket/dash, never a letter or
        # a period: "Intel Corp.'s chip" is a possessive, not a quotation
        if opening and (before.isspace() or before in "([{—–-/“\"") and (after.isalnum() or after in "$"):
            return (j, i)
        return None
    if before.isalnum() and after.isalnum():  # an apostrophe inside a word: it's, Russia's
        return open_
    if not before.isspace() and not after.isalnum():
        if 0 < i - open_[0] <= MAX_SINGLE:
            found.append(RawQuote(open_[0], i, True, [(open_[1], open_[1] + 1), (i, j)]))
        return None
    return open_


# --- 2. reading a quotation against the parse ----------------------------------------


@dataclass
class Cue:
    """A reporting verb (or noun) and the characters it covers as written."""

    token: Token
    start: int
    end: int


def tokens_in(doc: Doc, start: int, end: int) -> Optional[Span]:
    """The tokens covering ``[start, end)``, expanded to token boundaries."""
    return doc.char_span(start, end, alignment_mode="expand")


def is_reporting(token: Token) -> bool:
    """A word that can introduce a quotation (see :func:`claimcheck.language.reporting.is_speech_cue`)."""
    return is_speech_cue(token)


def _negated(token: Token) -> bool:
    """"didn't suggest": a denied statement is no cue."""
    return any(c.dep_ == "neg" for c in token.children)


def make_cue(token: Token) -> Cue:
    """The cue as written: the verb with its auxiliaries and particle ("have noted", "pointed out")."""
    left = [c for c in token.lefts if c.dep_ in ("aux", "auxpass", "neg") and c.i >= token.i - 3]
    joined = ("prt", "prep") if token.dep_ == "prep" else ("prt",)  # "according to"
    right = [c for c in token.rights if c.dep_ in joined and c.i == token.i + 1]
    first = left[0] if left else token
    last = right[-1] if right else token
    return Cue(token, first.idx, last.idx + len(last.text))


def governing_cue(doc: Doc, start: int, end: int) -> Optional[Cue]:
    """The reporting verb whose clause contains the quotation, if any.

    Walks up from the quotation's tokens to the first reporting verb outside it.
    """
    span = tokens_in(doc, start, end)
    if span is None:
        return None
    seen: set[int] = set()
    for tok in span:
        head = tok
        for _ in range(6):
            if head.head.i == head.i or head.i in seen:
                break
            seen.add(head.i)
            head = head.head
            if not (start <= head.idx < end) and is_reporting(head):
                return make_cue(head)
            if head.dep_ == "ROOT" or sent_start_of(head) != sent_start_of(tok):
                break
    return None


def nearby_cue(doc: Doc, q: RawQuote) -> Optional[Cue]:
    """A reporting verb right after the closing mark, else just before the opening one."""
    return after_cue(doc, q) or before_cue(doc, q)


def after_cue(doc: Doc, q: RawQuote) -> Optional[Cue]:
    """A reporting verb within a few words after the closing mark (``,” she said``)."""
    close_end = q.marks[-1][1] if q.marks else q.end
    after = doc.char_span(close_end, min(len(doc_text(doc)), close_end + 60), alignment_mode="contract")
    if after is not None:
        for tok in after[:8]:
            if tok.text in ("“", '"') or doc_crosses_paragraph(doc, tok.text) or tok.is_sent_start and tok.i > after.start + 1:
                break
            if is_reporting(tok) and tok.pos_ != "NOUN":
                return make_cue(tok)
    return None


def before_cue(doc: Doc, q: RawQuote) -> Optional[Cue]:
    """The last reporting verb before the opening mark in the same sentence."""
    open_start = q.marks[0][0] if q.marks else q.start
    first = tokens_in(doc, q.start, q.end)
    if first is None:
        return None
    sent = first[0].sent
    for tok in reversed(doc[sent.start : first.start]):
        if tok.idx >= open_start:
            continue
        if tok.text in ("”", '"') or doc_crosses_paragraph(doc, tok.text):
            break
        if is_reporting(tok):
            return make_cue(tok)
    return None


def same_paragraph(doc: Doc, cue: Cue, outer: tuple[int, int]) -> bool:
    """No paragraph break between the cue and the quotation (marks included),
    unless the cue's paragraph introduces it with a colon ("He said:⏎⏎“…”")."""
    text = doc_text(doc)
    if cue.end <= outer[0]:
        between = text[cue.end : outer[0]]
        return not doc_crosses_paragraph(doc, between) or between.rstrip().endswith(":")
    return cue.start < outer[1] or not doc_crosses_paragraph(doc, text[outer[1] : cue.start])


def quote_type(doc: Doc, q: RawQuote) -> str:
    """``direct`` for a whole utterance, ``partial`` for words embedded in a paraphrase."""
    open_start = q.marks[0][0] if q.marks else q.start
    before = doc_text(doc)[:open_start].rstrip(" \t\u00a0")
    if not before or before[-1] in "\n:,.?!—–-…(" or before.endswith(("”", '"')):
        return "direct"
    return "partial"


#: Words after which marks enclose a name, not words said ("the film", "dubbed").
NAMING_WORDS = frozenset(
    {
        "called", "dubbed", "named", "nicknamed", "titled", "entitled", "labelled", "labeled", "branded",
        "so-called", "codenamed", "code-named", "film", "movie", "book", "novel", "memoir", "song", "album",
        "single", "show", "series", "programme", "program", "play", "musical", "documentary", "poem",
        "opera", "painting", "exhibition", "magazine", "column", "operation", "campaign", "slogan",
        "hashtag", "motto", "brand", "game", "app", "website", "blog", "podcast", "headline",
    }
)
#: Words a title leaves in lower case ("Lord of the Rings").
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "de", "la", "vs", "vs."})
#: The longest name in marks (words) read as a title.
MAX_TITLE_WORDS = 8
#: The longest verbless phrase (words) read as a term.
MAX_TERM_WORDS = 3


def quotation_form(doc: Doc, q: RawQuote, qtype: str) -> str:
    """``title`` for a name in marks, ``term`` for a word or verbless phrase in scare
    quotes, else ``quotation``.

    A **title** follows a naming word ("the film", "dubbed", "Operation"), sits inside
    a name (Randy "Duke" Cunningham), or is a short run of capitalized words used as a
    noun in its sentence: embedded in the paraphrase, or followed by a word rather
    than the punctuation an utterance ends with (``"Jaws" opened in 1975``). A **term**
    is at most three words without a verb, embedded or used as a noun in the same way.
    """
    text = doc_text(doc)
    inner = text[q.start : q.end].strip()
    bare = inner.rstrip(" ,.;:!?…—–-")
    words = bare.split()
    if not words:
        return "quotation"
    close_end = q.marks[-1][1] if q.marks else q.end
    open_start = q.marks[0][0] if q.marks else q.start
    after = text[close_end : close_end + 2].lstrip(" ")
    used_as_noun = qtype == "partial" or (bare == inner and after[:1].isalnum())
    before = doc.char_span(max(0, open_start - 40), open_start, alignment_mode="contract")
    previous = [t for t in before if not t.is_space] if before is not None else []
    if previous and len(words) <= MAX_TITLE_WORDS * 2 and previous[-1].lower_ in NAMING_WORDS:
        return "title"
    if _inside_name(doc, previous, words, bare == inner, open_start, close_end):
        return "title"  # a nickname inside a name
    if used_as_noun and len(words) <= MAX_TITLE_WORDS and bare == inner and _title_case(words):
        return "title"
    span = tokens_in(doc, q.start, q.end)
    verbless = span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)
    if used_as_noun and len(words) <= MAX_TERM_WORDS and verbless and not inner.endswith(("?", "!")):
        return "term"
    return "quotation"


def _title_case(words: list[str]) -> bool:
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    if not letters or not letters[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in letters)


def _inside_name(doc: Doc, previous: list[Token], words: list[str], bare: bool, open_start: int, close_end: int) -> bool:
    """Randy "Duke" Cunningham: a word or two in marks between a given name and a surname
    on one line, nothing but a space on either side."""
    if not previous or not bare or len(words) > 2 or not previous[-1].is_alpha:
        return False
    first = previous[-1]
    text = doc_text(doc)
    if text[first.idx + len(first.text) : open_start] != " " or text[close_end : close_end + 1] != " ":
        return False
    return first.is_title and first.pos_ == "PROPN" and _name_follows(doc, close_end)


def _name_follows(doc: Doc, close_end: int) -> bool:
    nxt = doc.char_span(close_end, min(len(doc_text(doc)), close_end + 30), alignment_mode="contract")
    words = [t for t in nxt if not t.is_space] if nxt is not None else []
    return bool(words) and words[0].is_title and words[0].pos_ == "PROPN"


# --- 3. speakers ------------------------------------------------------------------


def subject_of(verb: Token) -> Optional[Token]:
    """The speaker phrase of a cue: the subject of a reporting verb (its clause's, for a
    participle), the object of a cue preposition ("according to X"), the owner of a cue
    noun ("his statement")."""
    if verb.dep_ == "prep":
        return next((o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"), None)
    if is_addressed(verb) and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        # "Jones was told by Smith": the one told is no speaker; the agent is
        return next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    if (lost := _lost_subject(verb)) is not None:
        return lost
    subject = syntax.subject_of(verb)
    if subject is not None:
        return subject
    if verb.pos_ == "NOUN":
        return next((c for c in verb.children if c.dep_ == "poss"), None)
    return None


def _lost_subject(verb: Token) -> Optional[Token]:
    """The noun phrase right before a finite reporting verb the parser left without a subject
    ("…, fireworks and a parade, *the city council* said", with the council read as one more
    item of the list): the verb's own speaker, not its clause's."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0 or any(c.dep_.startswith("nsubj") or c.dep_ == "expl" for c in verb.children):
        return None
    t = verb.doc[verb.i - 1]
    if t.is_punct or t.head.i == verb.i:
        return None
    while t.dep_ in ("pobj", "prep", "compound") and t.head.i < verb.i:
        t = t.head  # "the News Agency *of Nigeria*": the phrase's head
    return t if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("appos", "conj") else None


def mention_span(subject: Token, avoid: tuple[int, int]) -> Span:
    """The subject's phrase as written, cut at a relative clause or the quotation."""
    doc = subject.doc
    keep = [
        t
        for t in subject.subtree
        if not (avoid[0] <= t.idx < avoid[1]) and t.dep_ not in ("relcl",) and not _under(t, subject, "relcl")
    ]
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ in ("cc",)):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo : hi + 1]


def _under(tok: Token, top: Token, dep: str) -> bool:
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ == dep:
            return True
        tok = tok.head
    return False


def describe_speaker(mention: Span, head: Token) -> Speaker:
    """Name, role, organization and group-ness of a speaker mention."""
    lex = people_lexicon()
    doc = mention.doc
    person = next((e for e in span_ents(mention) if e.label_ == "PERSON" and e.start <= head.i < e.end), None)
    person = person or next((e for e in span_ents(mention) if e.label_ == "PERSON"), None)
    orgs = [e for e in span_ents(mention) if e.label_ in ("ORG", "GPE", "NORP", "FAC") and (person is None or e.end <= person.start or e.start >= person.end)]
    organization = _strip_the(orgs[0].text) if orgs else None
    group = head.tag_ in ("NNS", "NNPS") and person is None or head.lower_ in lex.group_nouns
    role = None
    if person is not None:
        name = _strip_possessive(person.text)
        titles = [t for t in doc[mention.start : person.start] if t.lower_ in lex.titles and t.ent_type_ != "ORG"]
        if titles:
            role = doc[titles[0].i : titles[-1].i + 1].text
        elif any(c.dep_ == "appos" for c in person.root.children):
            appos = next(c for c in person.root.children if c.dep_ == "appos")
            role = " ".join(t.text for t in appos.subtree if t.dep_ in ("compound", "amod") or t.i == appos.i) or None
        return Speaker(text=mention.text, name=name, role=role, organization=organization, group=False)
    name = _strip_the(mention.text)
    if head.ent_type_ in ("ORG", "GPE", "NORP") and not group:
        organization = None
    return Speaker(text=mention.text, name=name, role=role, organization=organization, group=bool(group))


def _strip_the(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)


def _strip_possessive(text: str) -> str:
    return re.sub(r"(['’]s?)$", "", text.strip())


class SpeakerResolver:
    """Resolves a speaker mention through the doc's references (``claimcheck_references``):
    pronouns to the nearest compatible antecedent, surnames and descriptions to the
    person they name; an unresolved singular pronoun falls back to the previous speaker
    when that speaker's gender agrees."""

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.refs = references(doc)
        self.previous: Optional[Speaker] = None
        #: The quotations (marks included), sorted: a speaker is not among the people they name.
        self.quoted = sorted(quoted)

    def resolve(self, speaker: Speaker, head: Token) -> Speaker:
        """``speaker`` (whose phrase has ``head`` as its head) with its name resolved."""
        p = pronoun(head.lower_) if speaker.text.lower() == head.lower_ else None
        if p is not None and p.kind == "person" and p.number == "plural":
            if self.previous is not None and self.previous.group:
                return speaker.model_copy(update={"name": self.previous.name, "group": True, "organization": self.previous.organization})
            return speaker
        found = self.refs.referent(head, self.quoted)
        entity = found.entity or (self.refs.person_named(speaker.name) if p is None else None)
        if entity is not None:
            return self._named(speaker, entity)
        if found.description is not None:  # "my father … he said": someone the article does not name
            return speaker
        if p is not None and p.kind == "person" and self.previous is not None and not self.previous.group:
            if p.gender is None or self._gender_of(self.previous.name) in (None, p.gender):
                return speaker.model_copy(update=self.previous.model_dump(include={"name", "role", "organization"}))
        return speaker

    def _named(self, speaker: Speaker, entity: Entity) -> Speaker:
        update: dict[str, object] = {"name": entity.name}
        if entity.kind == "org" and speaker.text.lower() in ("it", "its"):
            update["organization"] = entity.name
        return speaker.model_copy(update=update)

    def _gender_of(self, name: str) -> Optional[str]:
        return next((e.gender for e in self.refs.people() if e.name == name), None)

    def nearest_person(self, token: Token) -> Optional[str]:
        """The name of the person a pronoun or name token refers to, if any."""
        entity = self.refs.resolve(token)
        return entity.name if entity is not None and entity.kind == "person" else None


# --- 4. the component -------------------------------------------------------------


def read_quote(
    doc: Doc, q: RawQuote, resolver: SpeakerResolver, prev: Optional[QuoteMention], quoted: list[tuple[int, int]]
) -> QuoteMention:
    """One :class:`QuoteMention`: type, cue and speaker of a found quotation.

    ``quoted`` holds every quotation's outer span: a speaker is never inside one.
    """
    text = doc_text(doc)[q.start : q.end]
    qtype = quote_type(doc, q)
    form = quotation_form(doc, q, qtype)
    if form != "quotation":
        qtype = "partial"
    trailing = doc_text(doc)[q.start : q.end].rstrip()[-1:] in (",", "?", "!", "—", "-")
    mention = QuoteMention(q.start, q.end, text, qtype, marks=q.marks, form=form)
    if form == "title":
        return mention  # a name in marks: no one said it
    outer = (q.marks[0][0], q.marks[-1][1]) if q.marks else (q.start, q.end)
    candidates = ((after_cue(doc, q) if trailing else None), governing_cue(doc, q.start, q.end), nearby_cue(doc, q))
    cue = next((c for c in candidates if c is not None and same_paragraph(doc, c, outer)), None)
    if cue is not None:
        mention.cue, mention.cue_start, mention.cue_end = doc_text(doc)[cue.start : cue.end], cue.start, cue.end
        subject = referent(subject_of(cue.token))
        if subject is not None and not _inside(subject, quoted):
            mention.speaker = speaker_from(doc, subject, outer, resolver)
        elif (adjacent := adjacent_speaker(doc, cue, outer)) is not None:
            mention.speaker = written_speaker(doc, adjacent, adjacent.root, resolver)
    if mention.speaker is not None:
        return mention
    if (byline := dash_speaker(doc, outer[1])) is not None:
        mention.speaker = written_speaker(doc, byline, byline.root, resolver)
    elif cue is None and trailing and (alone := elided_speaker(doc, outer[1])) is not None:
        mention.speaker = written_speaker(doc, alone, alone.root, resolver)
    elif qtype == "direct" and cue is None and form == "quotation":
        _continue_speaker(doc, mention, outer, resolver, prev, quoted)
    return mention


def _inside(token: Token, quoted: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in quoted)


#: Longest speaker phrase (tokens) read next to a cue when the parse gives it no subject.
MAX_ADJACENT = 8


def adjacent_speaker(doc: Doc, cue: Cue, outer: tuple[int, int]) -> Optional[Span]:
    """A named speaker written right beside the cue when the parse gives the cue no
    subject: between the closing mark and the cue (``,” police Chief Ann Lee said``), or
    right after a cue that opens its sentence (``Said Ellis: “…”``) or directly follows
    the closing mark (``,” added KCNA``)."""
    between = doc_text(doc)[outer[1] : cue.start] if cue.start >= outer[1] else None
    if between is not None and between.strip(" \t,;—–-"):
        phrase = doc.char_span(outer[1], cue.start, alignment_mode="contract")
    elif between is not None or cue.token.is_sent_start:
        # the cue opens its sentence or follows the quotation: the name comes after it
        # (``Said Ellis: “…”``, ``“…,” added KCNA, the state agency``)
        rest = doc[cue.token.i + 1 : cue.token.sent.end]
        stop = next((t.i for t in rest if t.is_punct or (t.pos_ == "VERB" and t.i > rest.start) or _ends_name(t)), rest.end)
        phrase = doc[rest.start : stop]
    else:
        return None
    phrase = _words(phrase) if phrase is not None and len(phrase) else None
    if phrase is None or len(phrase) > MAX_ADJACENT or doc_crosses_paragraph(doc, phrase.text):
        return None
    named = any(e.label_ in ("PERSON", "ORG") for e in phrase.ents) or phrase.root.pos_ == "PROPN"
    return phrase if named else None


def _ends_name(token: Token) -> bool:
    """A preposition right after a name ends the speaker phrase: "virologist Anna
    Lindqvist *of* the Karolinska Institute"."""
    return token.pos_ == "ADP" and token.i > 0 and token.nbor(-1).pos_ == "PROPN"


def elided_speaker(doc: Doc, close_end: int) -> Optional[Span]:
    """A name standing alone between the closing mark and the end of the sentence, its
    verb left out: ``“…,” Nyakairima.``"""
    after = doc.char_span(close_end, min(len(doc_text(doc)), close_end + 60), alignment_mode="contract")
    if after is None:
        return None
    words = [t for t in after if not t.is_space]
    end = next((k for k, t in enumerate(words) if t.text in (".", "!", "?") or "\n" in t.text), None)
    if not end or end > 4 or not all(t.pos_ == "PROPN" and t.is_title for t in words[:end]):
        return None
    return doc[words[0].i : words[end - 1].i + 1]


#: Subjects that name no one: "That leaves us worried".
_NON_REFERENTIAL = frozenset({"that", "this", "which", "what", "there"})


def referent(subject: Optional[Token]) -> Optional[Token]:
    """The subject, or the noun a relative pronoun stands for; None for "that", "this"."""
    if subject is None:
        return None
    if subject.lower_ in ("who", "whom") and subject.head.dep_ == "relcl":
        return subject.head.head
    return None if subject.lower_ in _NON_REFERENTIAL else subject


def dash_speaker(doc: Doc, close_end: int) -> Optional[Span]:
    """A person named after a dash right after the closing mark (``”— Jane Doe``)."""
    rest = doc_text(doc)[close_end : close_end + 4]
    if not re.match(r"\s*[―—–-]", rest):
        return None
    after = doc.char_span(close_end, min(len(doc_text(doc)), close_end + 80), alignment_mode="contract")
    if after is None:
        return None
    names = (_words(e) for e in span_ents(after) if e.label_ in ("PERSON", "ORG") and e.start <= after.start + 3)
    return next((n for n in names if n is not None), None) or _capitalized_line(after)


def _capitalized_line(after: Span) -> Optional[Span]:
    """A byline the model did not tag: a short run of capitalized words ending the line."""
    breaks = [t.i for t in after if "\n" in t.text]
    if not breaks and after.end < len(after.doc):
        return None
    line = _words(after.doc[after.start : breaks[0] if breaks else after.end])
    if line is None or len(line) > 6:
        return None
    return line if all(t.is_title or t.is_punct for t in line) else None


def _words(span: Span) -> Optional[Span]:
    """``span`` without space or punctuation tokens at its ends (an entity that took the dash)."""
    words = [t.i for t in span if not (t.is_space or t.is_punct)]
    return span.doc[words[0] : words[-1] + 1] if words else None


def _continue_speaker(
    doc: Doc,
    mention: QuoteMention,
    outer: tuple[int, int],
    resolver: SpeakerResolver,
    prev: Optional[QuoteMention],
    quoted: list[tuple[int, int]],
) -> None:
    """A quotation with no cue of its own: the closer of the previous speaker and a
    reporting verb with a subject in the sentence before ("She added:")."""
    verb = _verb_in_previous_sentence(doc, outer[0])
    prev_at = prev.end if prev is not None and prev.speaker is not None and outer[0] - prev.end < 600 else None
    if verb is not None and (prev_at is None or verb.idx > prev_at):
        subject = subject_of(verb)
        if subject is not None and not _inside(subject, quoted):
            cue = make_cue(verb)
            mention.cue, mention.cue_start, mention.cue_end = doc_text(doc)[cue.start : cue.end], cue.start, cue.end
            mention.speaker = speaker_from(doc, subject, outer, resolver)
            return
    if prev_at is not None and prev is not None:
        mention.speaker, mention.cue = prev.speaker, prev.cue
        mention.cue_start, mention.cue_end = prev.cue_start, prev.cue_end


def _verb_in_previous_sentence(doc: Doc, open_start: int) -> Optional[Token]:
    span = doc.char_span(open_start, min(len(doc_text(doc)), open_start + 2), alignment_mode="expand")
    if span is None or span[0].sent.start == 0:
        return None
    previous = doc[span[0].sent.start - 1].sent
    verbs = [t for t in previous if is_reporting(t) and t.pos_ != "NOUN" and t.idx < open_start and not _negated(t)]
    return verbs[-1] if verbs else None


def speaker_from(doc: Doc, subject: Token, avoid: tuple[int, int], resolver: SpeakerResolver) -> Speaker:
    """The :class:`Speaker` of a subject token, resolved and with its file span."""
    return written_speaker(doc, mention_span(subject, avoid), subject, resolver)


def written_speaker(doc: Doc, span: Span, head: Token, resolver: SpeakerResolver) -> Speaker:
    """The :class:`Speaker` of a mention as written, its name resolved, with its file span."""
    speaker = describe_speaker(span, head)
    speaker = resolver.resolve(speaker, head)
    return speaker.model_copy(update={"span": make_span(doc, span.start_char, span.end_char)})


def extract_quotes(doc: Doc) -> list[QuoteMention]:
    """Everything ``doc`` puts in quotation marks, with its form, type, cue and speaker
    (titles included: :class:`QuotesComponent` keeps only what was said)."""
    out: list[QuoteMention] = []
    prev: Optional[QuoteMention] = None
    raws = find_quote_spans(doc_text(doc))
    quoted = [(r.marks[0][0], r.marks[-1][1]) if r.marks else (r.start, r.end) for r in raws]
    resolver = SpeakerResolver(doc, quoted)
    for raw in raws:
        mention = read_quote(doc, raw, resolver, prev, quoted)
        out.append(mention)
        if mention.form == "title":
            continue
        if mention.quote_type == "direct" or mention.speaker is not None:
            prev = mention
        if mention.speaker is not None:
            resolver.previous = mention.speaker
    return out


@Language.factory("claimcheck_quotes")
def make_quotes(nlp: Language, name: str) -> "QuotesComponent":
    """The ``claimcheck_quotes`` component."""
    return QuotesComponent()


class QuotesComponent:
    """Writes ``doc._.cc_quotes``: a list of :class:`QuoteMention` — quotations and
    terms; a title in marks is no quotation and is left out."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_quotes = [q for q in extract_quotes(doc) if q.form != "title"]
        return doc
