"""Fixtures of the briefing tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from briefing_helpers import TODAY


@pytest.fixture(scope="module")
def demo(demo_master: Callable[..., Path]) -> Path:
    """The demo workbook dated from TODAY, shared: never change it (open it read-only). A test file that needs
    another demo workbook defines its own `demo`."""
    return demo_master(TODAY)
