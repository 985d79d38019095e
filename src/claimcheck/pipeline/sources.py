"""``claimcheck_sources``: attributions that credit a source for a stretch of text.

Three shapes, read from the dependency parse of each sentence:

* prepositional: "according to X", "as per statements from X and Y";
* verbal: "X confirmed / estimated / indicated <clause>", "<clause>, officials
  said", passives with an agent ("estimated by X, including Y", "reported by
  outlets like Z") and without one ("it was reported" — a vague source);
* adverbial: "reportedly", "allegedly" (vague).

The attributed content is what the sentence says besides the source and cue
(the larger side of the sentence around them). Each source is normalized
(``name``: a parenthesized acronym when there is one, no article or
possessive), typed (person, org, media, government, vague) and flagged
``vague`` for unnamed ones ("various intelligence sources", "reports suggest",
"some speculate", "officials said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lexicons
from ..doccache import span_ents, string_ids, token_tags
from ..language.reporting import is_attribution_noun, is_attribution_verb
from ..language.reporting import lexicon as reporting_lexicon
from ..models import Source, SourceKind
from ..textmap import doc_text, make_span
from .quotes import SpeakerResolver, make_cue, subject_of


class SourcesLexicon(BaseModel):
    """``lexicons/sources.json``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    doc: str = Field(alias="_doc")
    example_markers: frozenset[str]
    vague_subjects: frozenset[str]
    vague_determiners: frozenset[str]
    media_words: frozenset[str]
    government_words: frozenset[str]


_LEXICON = lexicons.load("sources", SourcesLexicon)

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9.&-]{1,9})\)")
_PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "them"}


@dataclass
class Attribution:
    """Who (``sources``) is credited, by which cue, for the content ``[start, end)``."""

    start: int
    end: int
    sources: list[Source] = field(default_factory=list)
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    vague: bool = False


# --- naming and typing a source ------------------------------------------------------


def source_tokens(noun: Token) -> list[Token]:
    """The noun and its conjuncts, plus the examples it lists ("outlets like X")."""
    found: list[Token] = []
    for tok in [noun, *noun.conjuncts]:
        found.append(tok)
        for ex in _examples(tok):
            found.extend([ex, *ex.conjuncts])
    return found


def _examples(tok: Token) -> list[Token]:
    out = []
    for child in tok.children:
        word = child.lower_
        if child.dep_ == "prep" and child.i + 1 < len(child.doc) and child.nbor().lower_ == "as" and word == "such":
            word = "such as"
        if word in _LEXICON.example_markers or (word == "as" and child.i > 0 and child.nbor(-1).lower_ == "such"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def mention_of(tok: Token) -> Span:
    """The words of one source as written, without its conjuncts, examples or clauses."""
    skip: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("conj", "cc", "relcl", "acl") or (
            child.dep_ == "prep" and (child.lower_ in _LEXICON.example_markers or child.lower_ in ("such", "as"))
        ):
            skip.update(t.i for t in child.subtree)
        if child.dep_ == "punct" and child.i > tok.i and child.text == ",":
            skip.add(child.i)
    keep = [t.i for t in tok.subtree if t.i not in skip]
    lo, hi = min(keep), max(keep)
    while hi > lo and (tok.doc[hi].is_punct and tok.doc[hi].text != ")" or tok.doc[hi].dep_ == "cc"):
        hi -= 1
    return tok.doc[lo : hi + 1]


def source_name(mention: Span) -> str:
    """Normalized name: the acronym in parentheses, else the entity, else the phrase."""
    acronym = _ACRONYM.search(mention.text)
    if acronym:
        return acronym.group(1)
    person = next((e for e in span_ents(mention) if e.label_ == "PERSON"), None)
    if person is not None:
        return re.sub(r"['’]s?$", "", person.text)
    orgs = [e for e in span_ents(mention) if e.label_ == "ORG" and e.root.i == mention.root.i]
    text = orgs[0].text if orgs else mention.text
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    return re.sub(r"['’]s?$", "", text)


def is_vague(mention: Span, head: Token) -> bool:
    """An unnamed source: no person or organization, a generic head noun."""
    if any(e.label_ in ("PERSON", "ORG") for e in span_ents(mention)) or _ACRONYM.search(mention.text):
        return False
    if head.pos_ == "PROPN":
        return False
    dets = {t.lower_ for t in mention if t.dep_ in ("det", "amod") and t.i < head.i}
    return head.lower_ in _LEXICON.vague_subjects or bool(dets & _LEXICON.vague_determiners and head.tag_ == "NNS")


def source_kind(mention: Span, vague: bool, media_context: bool) -> SourceKind:
    """person, media, government, org — or vague."""
    if vague:
        return "vague"
    if any(e.label_ == "PERSON" for e in span_ents(mention)):
        return "person"
    orgs = [e for e in span_ents(mention) if e.label_ == "ORG"]
    low = f" {(orgs[0] if orgs else mention).text.lower()} "
    words = set(re.findall(r"[a-z.]+", low))
    if media_context or words & _LEXICON.media_words or any(" " in w and f" {w} " in low for w in _LEXICON.media_words):
        return "media"
    if words & _LEXICON.government_words or any(" " in w and f" {w} " in low for w in _LEXICON.government_words):
        return "government"
    return "org"


def make_source(doc: Doc, tok: Token, cue: str, resolver: SpeakerResolver, media_context: bool = False) -> Source:
    """A :class:`Source` for one source token."""
    mention = mention_of(tok)
    vague = is_vague(mention, tok)
    name = source_name(mention)
    if tok.lower_ in _PRONOUNS and tok.lower_ not in ("they", "them"):
        name = resolver.nearest_person(tok) or name
    kind = "person" if tok.lower_ in _PRONOUNS and not vague and name != tok.text else source_kind(mention, vague, media_context)
    return Source(
        text=mention.text,
        name=name,
        kind=kind,
        cue=cue,
        vague=vague,
        span=make_span(doc, mention.start_char, mention.end_char),
    )


def sources_for(doc: Doc, noun: Token, cue: str, resolver: SpeakerResolver) -> list[Source]:
    """Sources of a noun, its conjuncts and examples ("outlets like X" → media)."""
    out = []
    media = False  # examples of "outlets", "media" are media
    for tok in source_tokens(noun):
        out.append(make_source(doc, tok, cue, resolver, media_context=media and tok.pos_ == "PROPN"))
        media = media or tok.lower_ in _LEXICON.media_words
    return out


# --- content ----------------------------------------------------------------------


def content_around(sent: Span, lo: int, hi: int) -> Optional[tuple[int, int]]:
    """The larger part of ``sent`` outside tokens ``[lo, hi]``, trimmed, as characters."""
    doc = sent.doc
    left = doc[sent.start : lo]
    right = doc[hi + 1 : sent.end]
    part = right if _length(right) >= _length(left) else left
    toks = [t for t in part if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("that", "and", "but")):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _length(span: Span) -> int:
    """``len(span.text)``, from the span's characters (``span.text`` joins its tokens)."""
    return span.end_char - span.start_char if len(span) else 0


def _extent(tokens: list[Token]) -> tuple[int, int]:
    idx = [t.i for tok in tokens for t in tok.subtree]
    return min(idx), max(idx)


# --- the three shapes ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _cue_words() -> tuple[frozenset[int], frozenset[int]]:
    """The spaCy ids of the words a prepositional and an adverbial attribution turn on."""
    lex = reporting_lexicon()
    return string_ids(lex.prepositions), string_ids(lex.adverbs)


@lru_cache(maxsize=1)
def _verb_ids() -> frozenset[int]:
    from spacy.symbols import AUX, VERB

    return frozenset({VERB, AUX})


def prepositional(doc: Doc, sent: Span, resolver: SpeakerResolver) -> list[Attribution]:
    """ "According to X, …" and "…, as per statements from X and Y"."""
    out = []
    lowers = token_tags(doc)[1]
    prepositions = _cue_words()[0]
    for i in range(sent.start, sent.end):
        if lowers[i] not in prepositions:  # the word's lower-case form is none of the lexicon's
            continue
        tok = doc[i]
        phrase = reporting_lexicon().prepositions.get(tok.lower_)
        if phrase is None:
            continue
        prep = tok
        if tok.lower_ == "according":
            prep = next((c for c in tok.children if c.lower_ == "to"), None) or (
                tok.nbor() if tok.i + 1 < len(doc) and tok.nbor().lower_ == "to" else None
            )
            if prep is None:
                continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        first = tok.nbor(-1) if tok.lower_ == "per" and tok.i > sent.start and tok.nbor(-1).lower_ == "as" else tok
        noun = pobj
        if is_attribution_noun(pobj):
            inner = next((c for p in pobj.children if p.dep_ == "prep" and p.lower_ in ("from", "by", "of") for c in p.children if c.dep_ == "pobj"), None)
            noun = inner or pobj
        cue_end_tok = doc[noun.left_edge.i - 1] if noun.i != pobj.i and noun.left_edge.i > first.i else prep
        cue = doc[first.i : cue_end_tok.i + 1]
        lo, hi = _extent([tok])
        lo = min(lo, first.i)
        content = content_around(sent, lo, hi)
        if content is None:
            continue
        sources = sources_for(doc, noun, cue.text, resolver)
        out.append(_attribution(content, sources, cue.text, cue.start_char, cue.end_char))
    return out


def verbal(doc: Doc, sent: Span, resolver: SpeakerResolver, quoted: list[tuple[int, int]]) -> list[Attribution]:
    """ "X confirmed …", "…, officials said", "estimated by X", "it was reported"."""
    out = []
    tags = token_tags(doc)[0]
    verbs = _verb_ids()
    for i in range(sent.start, sent.end):
        if tags[i] not in verbs:  # is_attribution_verb wants a verb or an auxiliary
            continue
        tok = doc[i]
        if not is_attribution_verb(tok):
            continue
        if any(s <= tok.idx < e for s, e in quoted):
            continue
        cue = make_cue(tok)
        cue_text = doc_text(doc)[cue.start : cue.end]
        agent = next((c for a in tok.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"), None)
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        subject = agent or (None if passive else subject_of(tok))
        if subject is None or subject.i == tok.i:
            if not passive:
                continue
            sources = [_unnamed(doc, tok, cue_text)]
            lo, hi = tok.i, tok.i
            expl = [c for c in tok.children if c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it"]
            if expl:
                lo = min(lo, expl[0].i)
        elif subject.lower_ == "it" and not agent:
            if not any(c.dep_ == "auxpass" for c in tok.children):
                continue
            sources = [_unnamed(doc, tok, cue_text)]
            lo, hi = min(subject.i, tok.i), tok.i
        else:
            if any(s <= subject.idx < e for s, e in quoted):
                continue
            sources = sources_for(doc, subject, cue_text, resolver)
            lo, hi = _extent([subject])
            lo, hi = min(lo, tok.i), max(hi, tok.i)
            if agent is not None:
                lo = min(lo, tok.i)
        if not (sent.start <= lo and hi < sent.end):
            lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
        content = content_around(sent, lo, hi)
        if content is None:
            continue
        out.append(_attribution(content, sources, cue_text, cue.start, cue.end))
    return out


def adverbial(doc: Doc, sent: Span) -> list[Attribution]:
    """ "reportedly", "allegedly": the sentence rests on unnamed sources."""
    out = []
    lowers = token_tags(doc)[1]
    adverbs = _cue_words()[1]
    for i in range(sent.start, sent.end):
        if lowers[i] not in adverbs:
            continue
        tok = doc[i]
        if tok.lower_ in reporting_lexicon().adverbs:
            content = content_around(sent, tok.i, tok.i)
            if content is not None:
                src = _unnamed(doc, tok, tok.text)
                out.append(_attribution(content, [src], tok.text, tok.idx, tok.idx + len(tok.text)))
    return out


def _unnamed(doc: Doc, cue_tok: Token, cue: str) -> Source:
    return Source(text=cue, name="unnamed source", kind="vague", cue=cue, vague=True,
                  span=make_span(doc, cue_tok.idx, cue_tok.idx + len(cue_tok.text)))


def _attribution(content: tuple[int, int], sources: list[Source], cue: str, cs: int, ce: int) -> Attribution:
    vague = bool(sources) and all(s.vague for s in sources)
    return Attribution(content[0], content[1], sources, cue, cs, ce, vague)


def extract_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution of ``doc``, in text order."""
    resolver = SpeakerResolver(doc)
    quoted = [(q.start, q.end) for q in (doc._.cc_quotes or []) if q.quote_type == "direct"]
    out: list[Attribution] = []
    for sent in doc.sents:
        out.extend(prepositional(doc, sent, resolver))
        out.extend(verbal(doc, sent, resolver, quoted))
        out.extend(adverbial(doc, sent))
    return sorted(out, key=lambda a: (a.cue_start or a.start, a.start))


@Language.factory("claimcheck_sources")
def make_sources(nlp: Language, name: str) -> "SourcesComponent":
    """The ``claimcheck_sources`` component."""
    return SourcesComponent()


class SourcesComponent:
    """Writes ``doc._.cc_attributions``: a list of :class:`Attribution`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_attributions = extract_attributions(doc)
        return doc
