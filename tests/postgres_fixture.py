"""A throwaway PostgreSQL server for the feedback store's tests (being written)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def postgres_url() -> str:
    pytest.fail("postgres_url is not written yet", pytrace=False)
