"""Rules: eligibility, recommendations and deficiency checks. Pure Python, data-driven, no Reflex."""
