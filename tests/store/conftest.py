"""Fixtures of the store tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from immersion.store.workbook import Workbook


@pytest.fixture
def demo(demo_copy: Callable[..., Path]) -> Iterator[Workbook]:
    """A fresh copy of the demo workbook dated from 28 November 2026, open for editing. A test file that needs
    another demo workbook defines its own `demo`."""
    workbook = Workbook.open(demo_copy(dt.date(2026, 11, 28), "demo.immersion"))
    yield workbook
    workbook.close()
