"""The custom attributes claimcheck's components read and write on a ``Doc``.

Registered once, at import, guarded with ``has_extension``. Inputs set before
the pipeline runs: ``cc_published`` (a ``datetime.date`` or None) and
``cc_published_source``. Each component writes exactly one output attribute.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> default. Outputs are lists of the owning module's mention records.
DOC_EXTENSIONS: dict[str, object] = {
    # inputs (set by the caller) and the dates component's resolution of them
    "cc_published": None,  # datetime.date | None
    "cc_published_source": None,  # "cli" | "front-matter" | "html" | "dateline" | "inferred"
    "cc_published_from": None,  # str: how an inferred date was found
    "cc_source_map": None,  # claimcheck.textmap.SourceMap (None: the doc text is the file)
    "cc_regions": None,  # list of (kind, start, end): headline / standfirst ranges of the doc text
    # outputs
    "cc_references": None,  # claimcheck.language.reference.References (claimcheck_references)
    "cc_timexes": None,  # list[claimcheck.temporal.Timex]        (claimcheck_dates)
    "cc_quantities": None,  # list[pipeline.quantities.QuantityMention] (claimcheck_quantities)
    "cc_quotes": None,  # list[pipeline.quotes.QuoteMention]       (claimcheck_quotes)
    "cc_attributions": None,  # list[pipeline.sources.Attribution]   (claimcheck_sources)
    "cc_claims": None,  # list[models.Claim]                       (claimcheck_claims)
    "cc_people": None,  # list[models.Person]                      (claimcheck_claims)
    "cc_frames": None,  # list[models.Frame]                       (claimcheck_claims)
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
