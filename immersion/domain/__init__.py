"""The domain: entities, enumerations and the alignment and finance math. No Qt, no SQL, no I/O.

The main names are re-exported here; the modules are `enums`, `models`, `effort`, `alignment`, `gap_finder`
and `finance`.
"""

from immersion.domain.alignment import (
    Alignment,
    CategoryAlignment,
    GoalAlignment,
    Quadrant,
    compute_alignment,
    mutual_value,
    quadrant,
    quadrant_text,
)
from immersion.domain.finance import (
    Contribution,
    Period,
    PeriodKind,
    RoiBasis,
    RoiResult,
    contribution,
    contributions,
    parse_period,
    roi,
)
from immersion.domain.gap_finder import Gap, GapKind, gaps
from immersion.domain.models import MODEL_OF, TABLE_OF

__all__ = [
    "MODEL_OF", "TABLE_OF", "Alignment", "CategoryAlignment", "Contribution", "Gap", "GapKind",
    "GoalAlignment",
    "Period", "PeriodKind", "Quadrant", "RoiBasis", "RoiResult", "compute_alignment", "contribution",
    "contributions", "gaps", "mutual_value", "parse_period", "quadrant", "quadrant_text", "roi",
]
