"""The model's rule lemmatizer, run over the doc's arrays.

spaCy's rule lemmatizer makes a ``Token`` object for every word and looks its
lemma up by ``(orth, pos, morph)`` in a cache it fills as it goes. Reading those
three from the doc's arrays, looking the lemma up in the same cache and writing
all lemmas back at once gives the same lemmas at a fraction of the cost; a word
the cache does not know yet is lemmatized by the model's own rules.
"""

from __future__ import annotations


from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from .swap import with_mixin


class ArrayLemmatizing:
    """Mixed into a rule :class:`~spacy.pipeline.Lemmatizer` (or a language's subclass of it,
    such as English's): its ``__call__`` works on the doc's arrays."""

    _validated: bool
    overwrite: bool
    cache: dict

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            strings = doc.vocab.strings
            cache = self.cache
            changed = False
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue
                forms = cache.get((orth, pos, morph))
                if forms is None:
                    forms = self.rule_lemmatize(doc[i])
                lemmas[i] = strings.add(forms[0])
                changed = True
            if changed:
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
