"""Who a mention refers to: the people and bodies an article names, and its pronouns.

The ``claimcheck_references`` component builds one :class:`References` per doc
(``doc._.cc_references``); every component that needs to know who "she", "the
48-year-old", "the minister", "Ruiz" or "it" is asks it:

- **People** are the model's PERSON entities, clustered: a surname alone
  ("Ruiz") joins the full name written before it ("Marco Ruiz"), and a spelling
  variant ("Zelenskyy") joins the name it varies (:func:`name_variants`).
- **Gender** comes from the text first — an honorific or gendered noun beside a
  mention ("Mrs. Ortiz", "Ruiz, a father of three", "the spokeswoman, Ana
  Lim") — then from the given name (the ``gender-guesser`` name dictionary; a
  name written alone, "Melanie", counts as a given name), and only then from a
  possessive the person's own predicate uses ("Ruiz said his …").
- **Pronouns** resolve to the nearest compatible antecedent, sentence by
  sentence back from the pronoun: in each sentence the main clause's subject
  first, then other subjects, then any other mention, nearest first. "she"
  never resolves to a man, "him" never to the subject of its own clause, and a
  person the text gives no sign of being one (no title, role, age, gender or
  known given name: "Bluewater Advisory") counts as one sentence further
  away. A gendered description ("my father", "the woman") is an antecedent
  too: "the woman" stands for the latest woman named, "my father" for no one
  named (:meth:`References.referent`). Mentions inside quotation marks can be
  left out (a speaker is not among the people their own words name). "it"
  resolves to an organization, "they" to a group
  (:meth:`References.resolve_group`).
- **Descriptions** — "the 48-year-old", "the minister", "the woman" — resolve to
  the most recent person whose age, role or gender fits; an age no one named has
  goes to the most recent person who fits otherwise ("Ruiz, 52, … the
  49-year-old" is Ruiz, given two ages), unless someone unnamed was given it
  ("a 49-year-old man … the 49-year-old") or brought in since ("… arrested a
  man. The 30-year-old …").
"""

from __future__ import annotations

import os
import pickle
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .. import lexicons
from ..doccache import doc_ents, sent_starts, string_ids, token_tags

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

Gender = Literal["male", "female"]
EntityKind = Literal["person", "org"]


class Pronoun(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    gender: Optional[Gender] = None
    number: Literal["singular", "plural"]
    kind: Literal["person", "thing", "speaker"]


#: Subject pronouns that carry their antecedent forward to a later pronoun.
CHAIN_PRONOUNS = frozenset({"he", "she"})


class PeopleLexicon(BaseModel):
    """``lexicons/people.json``, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    doc: str = Field(alias="_doc")
    pronouns: dict[str, Pronoun]
    titles: frozenset[str]
    gendered_words: dict[Gender, frozenset[str]]
    group_nouns: frozenset[str]
    organization_nouns: frozenset[str]
    people_nouns: frozenset[str]
    military_nouns: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> PeopleLexicon:
    return lexicons.load("people", PeopleLexicon)


@lru_cache(maxsize=1)
def _word_gender() -> dict[str, Gender]:
    return {w: g for g, words in lexicon().gendered_words.items() for w in words}  # type: ignore[misc]


def pronoun(word: str) -> Optional[Pronoun]:
    """The pronoun entry of ``word`` ("she", "its", "they"), if it is one."""
    return lexicon().pronouns.get(word.lower())


def is_military(noun: "Token") -> bool:
    nouns = lexicon().military_nouns
    return noun.lemma_.lower() in nouns or noun.lower_ in nouns


def is_people_noun(noun: "Token") -> bool:
    nouns = lexicon().people_nouns
    return noun.lemma_.lower() in nouns or noun.lower_ in nouns


# -- names ----------------------------------------------------------------------------


class DemonymLexicon(BaseModel):
    demonyms: dict[str, str]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    return lexicons.load("demonyms", DemonymLexicon).demonyms


def demonym(text: str) -> str:
    """'North Korea' → 'north korean'; demonyms and unknown names unchanged (lower-case)."""
    key = text.lower().strip()
    key = key[:-2] if key.endswith("'s") or key.endswith("’s") else key
    if key.endswith("ns") and key[:-1] in demonyms().values():  # 'North Koreans'
        key = key[:-1]
    return demonyms().get(key, key)



def name_words(name: str) -> list[str]:
    """The words of a name, lower-case, without punctuation or a possessive."""
    return list(_name_words(name))


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    name = re.sub(r"['’]s?$", "", name.strip())
    return tuple(re.sub(r"[^\w\s-]+", " ", name.lower()).replace("-", " ").split())


def same_name(a: str, b: str) -> bool:
    """Two mentions of one name: equal, or one's words all within the other's."""
    wa, wb = set(name_words(a)), set(name_words(b))
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


#: Surnames at least this similar (difflib ratio), and this long, are spellings of one name.
VARIANT_SIMILARITY = 0.85
VARIANT_MIN_LETTERS = 5


def name_variants(a: str, b: str) -> bool:
    """Two spellings of one person's name: "Zelensky" / "Zelenskyy", "Kim Jong-un" /
    "Kim Jong Un" — near-identical surnames with the same or no given names."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if "".join(wa) == "".join(wb):
        return _hyphenation(a) != _hyphenation(b)
    surname_a, surname_b = wa[-1], wb[-1]
    if surname_a == surname_b or min(len(surname_a), len(surname_b)) < VARIANT_MIN_LETTERS:
        return False
    # a slip of a letter or two (one in a short name): "Jimenez"/"Jimienez", not "Robson"/"Robinson"
    slips = 1 if min(len(surname_a), len(surname_b)) < 8 else 2
    if abs(len(surname_a) - len(surname_b)) > slips:  # more edits than that, whatever the letters
        return False
    similar = SequenceMatcher(None, surname_a, surname_b)
    if similar.quick_ratio() < VARIANT_SIMILARITY or similar.ratio() < VARIANT_SIMILARITY:  # quick_ratio bounds ratio
        return False
    if edit_distance(surname_a, surname_b) > slips:
        return False
    given_a, given_b = wa[:-1], wb[:-1]
    return not given_a or not given_b or given_a == given_b


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) that turn ``a`` into ``b``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _hyphenation(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum() or ch in " -")


def given_name_gender(given: str) -> Optional[Gender]:
    """The gender a given name has (``gender-guesser``), when the name dictionary is sure:
    worldwide, and no English-speaking country's usage says otherwise ("Kay", "Jean")."""
    return _name_genders().get(given.capitalize())


#: Countries whose usage of a given name must not contradict its worldwide gender.
ENGLISH_USAGE = ("usa", "great_britain")


def _sure_gender(detector, name: str) -> Optional[Gender]:
    overall = detector.get_gender(name)
    if overall not in ("male", "female"):
        return None
    other = "female" if overall == "male" else "male"
    if any(detector.get_gender(name, country) in (other, f"mostly_{other}") for country in ENGLISH_USAGE):
        return None
    return overall  # type: ignore[return-value]


@lru_cache(maxsize=1)
def _name_genders() -> dict[str, Gender]:
    """Given name → gender, for the names the ``gender-guesser`` dictionary is sure of.

    Parsing the dictionary takes a good part of a second, so the table is kept in the
    user's cache directory and read back on later runs (rebuilt when the dictionary
    changes; only kept in memory when the cache cannot be written)."""
    try:
        import gender_guesser.detector as gd
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    source = Path(gd.__file__).parent / "data" / "nam_dict.txt"
    cache: Optional[Path] = None
    try:
        stat = source.stat()
        cache = _cache_dir() / f"given-names-{stat.st_size}-{int(stat.st_mtime)}.pickle"
        if cache.is_file():
            with cache.open("rb") as fh:
                table = pickle.load(fh)
            if isinstance(table, dict):
                return table
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    detector = gd.Detector()
    table = {name: g for name in detector.names if (g := _sure_gender(detector, name)) is not None}
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache)
        except OSError:
            pass
    return table


def _cache_dir() -> Path:
    """Where claimcheck keeps what it derives once per machine ($XDG_CACHE_HOME or ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "claimcheck"


# -- entities -------------------------------------------------------------------------


@dataclass
class Mention:
    """One place the article names an entity: tokens ``[start, end)``."""

    start: int
    end: int
    text: str
    subject: bool = False  # the subject of its clause
    main: bool = False  # the subject of its sentence's main clause


@dataclass
class Referent:
    """What a pronoun stands for: a named entity, or a description of someone unnamed."""

    entity: Optional["Entity"] = None
    description: Optional["Token"] = None  # "my father", "the woman" when no one named fits


@dataclass
class Entity:
    """A person or organization the article names, with every mention of it."""

    id: int
    kind: EntityKind
    name: str
    spellings: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: Optional[Gender] = None
    roles: list[str] = field(default_factory=list)  # titles and descriptions: "minister", "father"
    ages: list[float] = field(default_factory=list)

    @property
    def given_name(self) -> Optional[str]:
        words = self.name.split()
        return words[0] if len(words) > 1 else None


class References:
    """The entities of one doc and the resolution of its pronouns and descriptions."""

    #: A pronoun or description looks this far back (characters) for its antecedent.
    WINDOW = 1500

    def __init__(self, doc: "Doc") -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self._by_token: dict[int, Entity] = {}
        self._mentions: list[tuple[int, Mention, Entity]] = []  # (start token, mention, entity), doc order
        for ent in doc_ents(doc):
            if ent.label_ == "PERSON" or (ent.label_ == "ORG" and _personal_name(ent)):
                self._add_person(ent)
            elif ent.label_ == "ORG":
                self._add_org(ent)
        from spacy.symbols import NOUN, PROPN

        tags, lowers = token_tags(doc)  # part of speech and lower-case form of every token
        self._add_missed_surnames([i for i, pos in enumerate(tags) if pos == PROPN])
        self._mentions.sort(key=lambda m: m[0])
        self._starts = [m[0] for m in self._mentions]
        self._sent_starts = sent_starts(doc)
        # gendered nouns, doc order
        self._described = [i for i, pos in enumerate(tags) if pos == NOUN and self._is_description(doc[i])]
        pronouns = string_ids(CHAIN_PRONOUNS)
        self._pronouns = [i for i, lower in enumerate(lowers) if lower in pronouns]  # "he", "she", doc order
        self._chained: dict[tuple[int, int], Referent] = {}
        for entity in self.entities:
            if entity.kind == "person":
                self._describe(entity)

    # -- building --------------------------------------------------------------------

    def _register(self, entity: Entity, span: "Span") -> None:
        root = span.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or _source_object(root)
        mention = Mention(span.start, span.end, span.text, subject, subject and _main_verb(root.head))
        entity.mentions.append(mention)
        if span.text not in entity.spellings:
            entity.spellings.append(span.text)
        for i in range(span.start, span.end):
            self._by_token[i] = entity
        self._mentions.append((span.start, mention, entity))

    def _add_person(self, ent: "Span") -> None:
        ent = _proper_part(ent)
        if ent is None:
            return
        words = name_words(ent.text)
        if not words:
            return
        name = re.sub(r"['’]s?$", "", ent.text.strip())
        match = self._person_named(name)
        if match is None:
            match = Entity(len(self.entities), "person", name)
            self.entities.append(match)
        elif len(words) > len(name_words(match.name)) and same_name(name, match.name):
            match.name = name  # the fuller name, when a surname came first
        self._register(match, ent)

    def _person_named(self, name: str) -> Optional[Entity]:
        """The person already seen that ``name`` names: same name, surname, or a variant."""
        words = name_words(name)
        people = [e for e in reversed(self.entities) if e.kind == "person"]
        for e in people:
            if name_words(e.name) == words:
                return e
        if len(words) == 1:
            for e in people:  # a surname alone: the latest person with that last (or any) name
                if name_words(e.name)[-1] == words[0]:
                    return e
            for e in people:
                if words[0] in name_words(e.name):
                    return e
        for e in people:
            if same_name(name, e.name) or name_variants(name, e.name):
                return e
        return None

    def _add_missed_surnames(self, proper: list[int]) -> None:
        """A proper noun (of the token indices ``proper``) the recognizer did not tag, written as
        (or like) the surname of a person named before it ("Zelenskyy added …" after "Volodymyr Zelensky")."""
        people = [(e, e.mentions[0].start, words[-1]) for e in self.entities if e.kind == "person" and len(words := name_words(e.name)) > 1]
        if not people:
            return
        for i in proper:
            token = self.doc[i]
            if not token.is_title or token.i in self._by_token or len(token.text) < 3 or token.pos_ != "PROPN":
                continue
            # "Britain" beside "Leon Brittan": a place, a people, a body; but a surname the
            # recognizer took for a place and the text sets off with an age ("Gascoigne, 33,")
            # is the person's
            aged = token.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "FAC") and _age_apposition(token)
            if token.ent_type_ and not aged:
                continue
            for person, first, surname in people:
                if aged and token.lower_ != surname:
                    continue
                if first < token.i and (token.lower_ == surname or name_variants(token.text, person.name)):
                    self._register(person, self.doc[token.i : token.i + 1])
                    break

    def _add_org(self, ent: "Span") -> None:
        name = re.sub(r"^(?:the)\s+", "", re.sub(r"['’]s?$", "", ent.text.strip()), flags=re.I)
        person = self._person_named(name) if ent.text[:1].isupper() and len(name.split()) == 1 else None
        if person is not None and name_words(name)[0] in name_words(person.name):
            self._register(person, ent)  # "Fowler said" tagged as a body after "Don Fowler"
            return
        key = name.lower()
        match = next((e for e in self.entities if e.kind == "org" and e.name.lower() == key), None)
        if match is None:
            match = Entity(len(self.entities), "org", name)
            self.entities.append(match)
        self._register(match, ent)

    def _describe(self, person: Entity) -> None:
        """Gender, roles and ages the text gives a person beside its mentions."""
        votes: Counter[str] = Counter()  # honorifics and gendered nouns
        possessives: Counter[str] = Counter()
        genders = _word_gender()
        lex = lexicon()
        for m in person.mentions:
            span = self.doc[m.start : m.end]
            root = span.root
            # the words written before the name in its own phrase: "Foreign Minister", "Mrs."
            before = [t for t in self.doc[max(0, m.start - 5) : m.start] if (t.i == root.i or root.is_ancestor(t)) and not t.is_punct]
            for t in before + list(span):
                g = genders.get(t.lower_)
                if g:
                    votes[g] += 3  # "Mrs. Ortiz", "spokeswoman Ana Lim"
                if t.lower_ in lex.titles and t.lower_ not in person.roles:
                    person.roles.append(t.lower_)
            for noun in self._descriptions(root):
                g = genders.get(noun.lemma_.lower()) or genders.get(noun.lower_)
                if g:
                    votes[g] += 3  # "Ruiz, a father of three"
                person.roles.append(noun.lemma_.lower())
                if (age := stated_age(noun)) is not None:  # "Ruiz, a 52-year-old teacher"
                    person.ages.append(age)
            for c in root.children:  # "Marco Ruiz, 52, said"
                if (age := stated_age(c)) is not None:
                    person.ages.append(age)
            if m.subject:
                g = self._own_possessive(root)
                if g:
                    possessives[g] += 1  # "Ruiz said his …"
        person.gender = _decided(votes)
        if person.gender is None:
            given = person.given_name or (person.name if not person.roles and len(name_words(person.name)) == 1 else None)
            person.gender = given_name_gender(given) if given else None
        if person.gender is None:
            person.gender = _decided(possessives)

    @staticmethod
    def _descriptions(root: "Token") -> list["Token"]:
        """Nouns in apposition with a name: "Ruiz, *a father* of three", "his *wife*, Ana"."""
        out = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            out.append(root.head)
        out += [c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        return out

    def _own_possessive(self, subject: "Token") -> Optional[Gender]:
        """The gender of a possessive in the subject's own clause, before another person."""
        verb = subject.head
        own = range(subject.left_edge.i, subject.right_edge.i + 1)  # "Trump, her opponent, said": not his own
        for t in verb.doc[subject.right_edge.i + 1 : verb.right_edge.i + 1]:
            if t.i in own:
                continue
            if t.i in self._by_token and self._by_token[t.i].kind == "person":
                return None
            if t.lower_ in ("his", "her", "himself", "herself") and t.dep_ in ("poss", "dobj", "pobj"):
                p = pronoun(t.lower_)
                return p.gender if p else None
        return None

    # -- looking up --------------------------------------------------------------------

    def entity_at(self, i: int) -> Optional[Entity]:
        """The entity a mention covering token ``i`` names."""
        return self._by_token.get(i)

    def person_named(self, name: str) -> Optional[Entity]:
        """The person a name as written refers to: that spelling, else a surname or variant."""
        exact = next((e for e in self.people() if name in e.spellings or e.name == name), None)
        return exact or self._person_named(name)

    def people(self) -> Iterator[Entity]:
        return (e for e in self.entities if e.kind == "person")

    def resolve(self, token: "Token", outside: "Sequence[tuple[int, int]]" = ()) -> Optional[Entity]:
        """The entity ``token`` refers to: a name, a pronoun, or a description.

        ``outside``: sorted character ranges (quotations) whose mentions a pronoun
        may not stand for."""
        return self.referent(token, outside).entity

    def referent(self, token: "Token", outside: "Sequence[tuple[int, int]]" = ()) -> Referent:
        """What ``token`` refers to; for a pronoun whose nearest compatible antecedent
        is a description of someone unnamed ("my father … he"), that description."""
        named = self.entity_at(token.i)
        if named is not None:
            return Referent(named)
        p = pronoun(token.lower_)
        if p is not None:
            if p.kind == "person" and p.number == "singular":
                return self._resolve_person_pronoun(token, p.gender, outside)
            if p.kind == "thing":
                return Referent(self._resolve_organization(token))
            return Referent()
        if token.pos_ in ("NOUN", "ADJ"):  # "the minister", "the 48-year-old"
            return Referent(self._resolve_description(token))
        return Referent()

    def _before(self, token: "Token") -> list[tuple[Mention, Entity]]:
        """Mentions that end before ``token``, nearest first, within the window."""
        k = bisect_left(self._starts, token.i)
        out = []
        for _, m, e in reversed(self._mentions[:k]):
            if m.end > token.i:
                continue
            if token.idx - self.doc[m.end - 1].idx > self.WINDOW:
                break
            out.append((m, e))
        return out

    def _sentence(self, i: int) -> int:
        return bisect_right(self._sent_starts, i) - 1

    #: How many sentences further away a person with no sign of being one counts.
    WEAK_PERSON_DISTANCE = 1

    def _resolve_person_pronoun(
        self, token: "Token", gender: Optional[Gender], outside: "Sequence[tuple[int, int]]" = ()
    ) -> Referent:
        """The nearest compatible antecedent, sentence by sentence back from the pronoun."""
        bound = self._clause_subject(token)
        here = self._sentence(token.i)
        ranked: list[tuple[tuple[int, int, int], Referent]] = []
        for m, e in self._before(token):
            if e.kind != "person" or e is bound or (gender is not None and e.gender not in (None, gender)):
                continue
            if _inside(self.doc[m.start].idx, outside):
                continue
            distance = here - self._sentence(m.start) + (0 if self._evidenced(e) else self.WEAK_PERSON_DISTANCE)
            rank = 0 if m.main else 1 if m.subject else 2
            ranked.append(((distance, rank, -m.start), Referent(e)))
        for i in self._pronouns_before(token):
            earlier = self.doc[i]
            if _inside(earlier.idx, outside) or pronoun(earlier.lower_).gender not in (None, gender):  # type: ignore[union-attr]
                continue
            found = self._chain(earlier, outside)
            if found.entity is None and found.description is None:
                continue
            subject = earlier.dep_ in ("nsubj", "nsubjpass")
            rank = 0 if subject and _main_verb(earlier.head) else 1 if subject else 2
            distance = here - self._sentence(i)
            if found.entity is not None and not self._evidenced(found.entity):
                distance += self.WEAK_PERSON_DISTANCE
            ranked.append(((distance, rank, -i), found))
        for noun in self._descriptions_before(token, gender):
            if _inside(noun.idx, outside):
                continue
            subject = noun.dep_ in ("nsubj", "nsubjpass")
            rank = 0 if subject and _main_verb(noun.head) else 1 if subject else 2
            ranked.append(((here - self._sentence(noun.i), rank, -noun.i), Referent(description=noun)))
        if not ranked:
            return Referent()
        best = min(ranked, key=lambda r: r[0])[1]
        if best.description is not None:
            return Referent(self._resolve_description(best.description), best.description)
        return best

    def _chain(self, token: "Token", outside: "Sequence[tuple[int, int]]") -> Referent:
        """What an earlier "he"/"she" stands for (each resolved once): a pronoun carries its
        antecedent forward ("Fowler said … But he said … “…,” he said")."""
        key = (token.i, id(outside))
        if key not in self._chained:
            self._chained[key] = Referent()  # no cycles
            p = pronoun(token.lower_)
            self._chained[key] = self._resolve_person_pronoun(token, p.gender if p else None, outside)
        return self._chained[key]

    def _pronouns_before(self, token: "Token") -> list[int]:
        k = bisect_left(self._pronouns, token.i)
        out = []
        for i in reversed(self._pronouns[:k]):
            if token.idx - self.doc[i].idx > self.WINDOW:
                break
            out.append(i)
        return out

    def _evidenced(self, person: Entity) -> bool:
        """Whether the text gives any sign the entity is a person (not a firm the model took for one)."""
        return bool(person.gender or person.roles or person.ages) or any(
            given_name_gender(w) is not None for w in name_words(person.name)[:-1]
        )

    def _is_description(self, t: "Token") -> bool:
        """A singular gendered noun that describes someone on its own ("my father", "the
        woman"), not one beside a name ("his wife, Ana", "spokeswoman Ana Lim")."""
        if t.pos_ != "NOUN" or t.tag_ != "NN" or t.lower_ not in _word_gender() or t.i in self._by_token:
            return False
        if t.dep_ in ("compound", "appos") and t.head.i in self._by_token:
            return False
        if any(c.dep_ in ("appos", "compound") and c.i in self._by_token for c in t.children):
            return False
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        return owner is None or owner.lower_ in ("my", "our")

    def _descriptions_before(self, token: "Token", gender: Optional[Gender]) -> list["Token"]:
        k = bisect_left(self._described, token.i)
        out = []
        for i in reversed(self._described[:k]):
            noun = self.doc[i]
            if token.idx - noun.idx > self.WINDOW:
                break
            if gender is None or _word_gender().get(noun.lower_) == gender:
                out.append(noun)
        return out

    def _clause_subject(self, token: "Token") -> Optional[Entity]:
        """The subject of the clause an object pronoun is in: "Lee told *him*" is not Lee."""
        if token.dep_ not in ("dobj", "pobj", "dative", "iobj") or token.lower_ in ("his", "her"):
            return None
        verb = token.head if token.dep_ != "pobj" else token.head.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return self.entity_at(subject.i) if subject is not None else None

    def _resolve_organization(self, token: "Token") -> Optional[Entity]:
        """ "it said": the nearest organization named before, in this or the last sentences."""
        for m, e in self._before(token):
            if e.kind == "org" and token.idx - self.doc[m.end - 1].idx < 600:
                return e
        return None

    def _resolve_description(self, noun: "Token") -> Optional[Entity]:
        """ "the 48-year-old", "the minister", "the woman": the latest person it fits."""
        if not (any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or _the_before_age(noun)) or noun.tag_ not in ("NN", "JJ"):
            return None
        lemma = noun.lemma_.lower()
        age = stated_age(noun)
        gender = _word_gender().get(lemma)
        titled = lemma in lexicon().titles
        if age is None and gender is None and not titled:
            return None
        fits = []
        before = self._before(noun)
        if age is not None:  # "Berg, 52, … takes over from Weber … The 52-year-old": the one of that age
            same_age = next((e for _, e in before if e.kind == "person" and age in e.ages and (gender is None or e.gender in (None, gender))), None)
            if same_age is not None:
                return same_age
        for _, e in before:
            if e.kind != "person":
                continue
            if gender is not None and e.gender not in (None, gender):
                continue
            if titled and gender is None and age is None and lemma not in e.roles:
                continue
            if age is not None and e.ages and age not in e.ages:
                fits.append(e)  # another age: the latest fit, should no one have this age
                continue
            return e
        if age is not None and fits and not self._unnamed_of_age(noun, age) and not self._someone_since(fits[0], noun):
            return fits[0]  # "Ruiz, 52, … the 49-year-old": the latest person, given two ages
        return None

    def _someone_since(self, person: Entity, noun: "Token") -> bool:
        """Whether someone unnamed was brought in after ``person``'s last mention before
        ``noun`` ("Ruiz, 52, … police arrested *a man*. The 30-year-old …")."""
        last = max((m.end for m in person.mentions if m.end <= noun.i), default=noun.i)
        for t in self.doc[last : noun.i]:
            if t.pos_ != "NOUN" or t.tag_ != "NN" or t.i in self._by_token:
                continue
            if t.dep_ == "appos" and self._by_token.get(t.head.i) is person:
                continue  # "Claire Moreau, 34, a maths teacher": the person described, no one new
            if not (is_people_noun(t) or is_military(t) or t.lower_ in _word_gender()):
                continue
            if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children):
                return True
        return False

    def _unnamed_of_age(self, noun: "Token", age: float) -> bool:
        """Whether someone unnamed was given this age before ``noun`` ("a 49-year-old man was
        hurt … the 49-year-old"): then the description is that person's, not a named one's."""
        for t in reversed(self.doc[max(0, noun.i - 400) : noun.i]):
            if t.pos_ not in ("NOUN", "ADJ") or t.i in self._by_token or stated_age(t) != age:
                continue
            if t.lower_ == "old" and t.dep_ == "amod":
                continue  # "a 49-year-old man": the noun it describes answers
            if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                continue  # an earlier description, not someone introduced
            near = [*(c for c in t.children if c.dep_ in ("appos", "compound")), t.head]
            if t.dep_ in ("appos", "compound") and t.head.i in self._by_token or any(c.i in self._by_token for c in near[:-1]):
                continue  # "Ruiz, a 52-year-old teacher", "her 61-year-old mother Ines Moreau"
            return True
        return False

    def resolve_group(self, token: "Token", accept: Callable[["Token"], bool]) -> Optional["Token"]:
        """The plural noun "they"/"them"/"their" stands for: the nearest before it, in
        its sentence or the two before, that ``accept`` takes."""
        doc = self.doc
        start = token.sent.start
        for _ in range(2):
            if start == 0:
                break
            start = doc[start - 1].sent.start
        for t in reversed(doc[start : token.i]):
            if t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS") and accept(t):
                return t
        return self._cataphor(token, accept)

    @staticmethod
    def _cataphor(token: "Token", accept: Callable[["Token"], bool]) -> Optional["Token"]:
        """A pronoun in a clause fronted before its main clause stands for that clause's
        subject: "Since *they* were deployed in May, *French gendarmes* have …"."""
        clause = next((a for a in token.ancestors if a.dep_ == "advcl"), None)
        if clause is None or clause.head.i < token.i:
            return None
        subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject if subject is not None and subject.i > token.i and accept(subject) else None


def _age_apposition(token: "Token") -> bool:
    """A name set off with an age right after it: "Gascoigne*, 33,*"."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "," and stated_age(doc[token.i + 2]) is not None


def _inside(char: int, ranges: "Sequence[tuple[int, int]]") -> bool:
    """Whether ``char`` falls in one of the sorted, disjoint ``ranges``."""
    k = bisect_right(ranges, (char, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= char < ranges[k][1]


def _source_object(token: "Token") -> bool:
    """The object of "according to" or of a passive's "by": a source, ranked as a subject."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return (prep.lower_ == "to" and prep.head.lower_ == "according") or prep.dep_ == "agent"


def _main_verb(verb: "Token") -> bool:
    """The sentence's root verb, or a verb coordinated with it."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _decided(votes: Counter) -> Optional[Gender]:
    if not votes:
        return None
    (top, n), *rest = votes.most_common()
    return top if not rest or rest[0][1] < n else None  # type: ignore[return-value]


def _personal_name(ent: "Span") -> bool:
    """A body by the model's label that is written as a person's name: two or three
    capitalized words, the first a given name the name dictionary is sure of, and no
    word of a body ("Ines Varga", not "Varga Holdings")."""
    words = [t for t in ent if not t.is_punct]
    if not 2 <= len(words) <= 3 or not all(t.is_title for t in words):
        return False
    if any(t.lower_ in lexicon().organization_nouns for t in words):
        return False
    return given_name_gender(words[0].text) is not None


def _proper_part(ent: "Span") -> Optional["Span"]:
    """A PERSON entity without the lower-case words the model took with it ("pro-Clinton")."""
    start = ent.start
    while start < ent.end and not (ent.doc[start].is_title or ent.doc[start].is_upper):
        start += 1
    return ent.doc[start : ent.end] if start < ent.end else None


def stated_age(token: "Token") -> Optional[float]:
    """The age a token states: "old" of "52-year-old" or "52 years old", the noun an
    "N-year-old" modifies ("the 49-year-old *man*"), or a number in apposition to a
    name and set off with commas ("Marco Ruiz, *52*,")."""
    if token.lower_ != "old":
        old = next((c for c in token.children if c.lower_ == "old" and c.dep_ == "amod"), None)
        if old is not None:
            return stated_age(old)
        if token.like_num and _set_off_as_age(token):
            return _age_value(token)
        return None
    year = next((c for c in token.children if c.lemma_.lower() == "year"), None)
    number = next((c for c in year.children if c.like_num), None) if year is not None else None
    return _age_value(number) if number is not None else None


def _set_off_as_age(token: "Token") -> bool:
    """A number written as someone's age: after "aged" ("a man aged 61"), or set off by
    commas after a name or a word for a person ("Marco Ruiz, 52, said", "Protester, 23,
    shot dead", "the spokeswoman, 41,")."""
    doc, i = token.doc, token.i
    if i >= 1 and doc[i - 1].lower_ == "aged":
        return True
    if age_clause_holder(token) is not None:
        return True
    if i < 2 or doc[i - 1].text != ",":
        return False
    person = doc[i - 2]
    after = i + 1 >= len(doc) or doc[i + 1].text in (",", ".", ";", ")")
    return after and (
        person.pos_ == "PROPN" or is_people_noun(person) or is_military(person) or person.lower_ in _person_words()
    )


def age_clause_holder(token: "Token") -> Optional["Token"]:
    """The name an age is told of in a clause of its own: "Ruiz, who is *52*, said"."""
    doc, i = token.doc, token.i
    if i < 4 or doc[i - 1].lower_ not in ("is", "was") or doc[i - 2].lower_ != "who" or doc[i - 3].text != ",":
        return None
    if i + 1 < len(doc) and doc[i + 1].text not in (",", ".", ";", ")"):
        return None  # "who is 52 years into …", "who is 52 kilometres away"
    return doc[i - 4] if doc[i - 4].pos_ == "PROPN" else None


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Titles and gendered nouns that name a person ("the spokeswoman, 41,")."""
    lex = lexicon()
    return frozenset(lex.titles) | frozenset(w for words in lex.gendered_words.values() for w in words)


def _age_value(token: "Token") -> Optional[float]:
    from .numbers import number_value

    value = number_value(token.text)
    return value if value is not None and 0 < value < 125 and float(value).is_integer() else None


def references(doc: "Doc") -> References:
    """The doc's :class:`References` (built on first use when the component did not run)."""
    refs = doc._.cc_references
    if refs is None:
        refs = doc._.cc_references = References(doc)
    return refs


def _the_before_age(old: "Token") -> bool:
    """ "*The* 56-year-old told reporters": "the" before the age, whatever the parse hung it on."""
    if old.lower_ != "old":
        return False
    first = min((t.i for t in old.subtree if t.i <= old.i), default=old.i)
    return first > 0 and old.doc[first - 1].lower_ == "the"
