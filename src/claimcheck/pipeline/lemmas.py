"""The model's rule lemmatizer, run over the doc's arrays.

spaCy's rule lemmatizer makes a ``Token`` object for every word and looks its
lemma up by ``(orth, pos, morph)`` in a cache it fills as it goes, except for the
words its rules leave as they are (base forms, proper nouns, punctuation), which
it works out again every time. Reading those three from the doc's arrays, looking
each kind of word up once in a cache of every lemma already found and writing all
lemmas back at once gives the same lemmas at a fraction of the cost; a word the
cache does not know yet is lemmatized by the model's own rules.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from .swap import with_mixin


#: Kinds of word whose lemma is kept before the cache starts again (so a long batch's
#: memory stays flat).
MAX_KNOWN = 200_000


class ArrayLemmatizing:
    """Mixed into a rule :class:`~spacy.pipeline.Lemmatizer` (or a language's subclass of it,
    such as English's): its ``__call__`` works on the doc's arrays."""

    _validated: bool
    overwrite: bool
    cache: dict
    #: every lemma found so far, by ``(orth, pos, morph)``: the model's rules give one
    #: kind of word the same lemma every time
    _lemma_of: dict[tuple[int, int, int], str]

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            todo = numpy.arange(len(doc)) if self.overwrite else numpy.flatnonzero(lemmas == 0)
            if not len(todo):
                return doc
            # each kind of word once: the first token of each (orth, pos, morph)
            kinds, first, which = numpy.unique(rows[todo, :3], axis=0, return_index=True, return_inverse=True)
            strings = doc.vocab.strings
            known = self.__dict__.get("_lemma_of")
            if known is None or len(known) > MAX_KNOWN:
                known = self._lemma_of = {}
            found = numpy.empty(len(kinds), dtype=lemmas.dtype)
            for k, (key, i) in enumerate(zip(map(tuple, kinds.tolist()), todo[first].tolist())):
                lemma = known.get(key)
                if lemma is None:
                    lemma = known[key] = self.rule_lemmatize(doc[i])[0]
                found[k] = strings.add(lemma)
            lemmas[todo] = found[which.reshape(-1)]
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc
        except Exception as e:  # the model's error handler decides, as for its own lemmatizer
            self.get_error_handler()(self.name, self, [doc], e)


def use_array_lemmatizer(nlp: Language) -> None:
    """Run ``nlp``'s rule lemmatizer over arrays (other modes, and lemmatizers that lemmatize
    whole docs their own way, are left as they are)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    kind = type(lemmatizer)
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule" and kind.__call__ is Lemmatizer.__call__:
        lemmatizer.__class__ = with_mixin(ArrayLemmatizing, kind)
