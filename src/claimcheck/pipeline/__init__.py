"""claimcheck's spaCy components, one concern per module.

Importing this package registers the factories (``claimcheck_segmenter``,
``claimcheck_references``, ``claimcheck_dates``,
``claimcheck_quantities``, ``claimcheck_quotes``, ``claimcheck_sources``,
``claimcheck_claims``) and the ``Doc`` extensions they share.
"""

from . import (  # noqa: F401
    claims,
    dates,
    extensions,  # noqa: F401  (registers Doc._.cc_* first)
    language,
    quantities,
    quotes,
    sources,
)
