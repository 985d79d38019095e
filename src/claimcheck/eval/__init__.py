"""Scoring claimcheck's layers against annotated corpora (``claimcheck eval``)."""


def precision_recall_f1(
    right_predicted: int, predicted: int, right_gold: int, gold: int, empty: float = 0.0
) -> tuple[float, float, float]:
    """Precision (right predictions / predictions), recall (found gold / gold) and their F1.

    ``empty`` is the precision or recall of an empty denominator.
    """
    p = right_predicted / predicted if predicted else empty
    r = right_gold / gold if gold else empty
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
