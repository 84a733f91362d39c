from __future__ import annotations

import pytest

from service.settings import env_names


@pytest.fixture(autouse=True)
def _no_pagesplit_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks build Settings from the deploy files only, never from this shell."""
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
