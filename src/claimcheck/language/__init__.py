"""claimcheck's language layer: one module per question, used by every component.

- :mod:`.segment` — where sentences, paragraphs and the headline begin and end
  (a blank line and the headline always end a sentence);
- :mod:`.syntax` — the verb that governs a token or an expression;
- :mod:`.tense` — the tense of a verb and the direction (ahead, behind) it gives a date;
- :mod:`.reporting` — the one reporting vocabulary, with roles (speech,
  attribution, plan, estimate, speculative) and the tests built on it;
- :mod:`.numbers` — the value of a number written in digits or words;
- :mod:`.reference` — who a mention refers to: pronouns, "the 48-year-old",
  titles, surnames alone and name variants, with gender and number agreement.

Nothing here imports a model; the functions read the parse spaCy wrote.
"""
