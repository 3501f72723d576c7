"""The domain: entities, enumerations and the alignment and finance math. No Qt, no SQL, no I/O.

The main names are re-exported here; the modules are `enums`, `models`, `effort`, `alignment`, `gap_finder`
and `finance`.
"""

# The names are loaded on first use (PEP 562), so importing one submodule does not import them all:
# startup imports only what the first window needs.
_LAZY = {
    "Alignment": "immersion.domain.alignment",
    "CategoryAlignment": "immersion.domain.alignment",
    "GoalAlignment": "immersion.domain.alignment",
    "Quadrant": "immersion.domain.alignment",
    "compute_alignment": "immersion.domain.alignment",
    "mutual_value": "immersion.domain.alignment",
    "quadrant": "immersion.domain.alignment",
    "quadrant_text": "immersion.domain.alignment",
    "Contribution": "immersion.domain.finance",
    "Period": "immersion.domain.finance",
    "PeriodKind": "immersion.domain.finance",
    "RoiBasis": "immersion.domain.finance",
    "RoiResult": "immersion.domain.finance",
    "contribution": "immersion.domain.finance",
    "contributions": "immersion.domain.finance",
    "parse_period": "immersion.domain.finance",
    "roi": "immersion.domain.finance",
    "Gap": "immersion.domain.gap_finder",
    "GapKind": "immersion.domain.gap_finder",
    "gaps": "immersion.domain.gap_finder",
    "MODEL_OF": "immersion.domain.models",
    "TABLE_OF": "immersion.domain.models",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'immersion.domain' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "MODEL_OF", "TABLE_OF", "Alignment", "CategoryAlignment", "Contribution", "Gap", "GapKind",
    "GoalAlignment",
    "Period", "PeriodKind", "Quadrant", "RoiBasis", "RoiResult", "compute_alignment", "contribution",
    "contributions", "gaps", "mutual_value", "parse_period", "quadrant", "quadrant_text", "roi",
]
