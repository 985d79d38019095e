"""Scoring claimcheck's layers against annotated corpora (``claimcheck eval``)."""
