"""Test-wide settings: the per-user cache (used for archives outside a git repository) goes to a
temporary directory, so tests never read an index left by an earlier run or by the developer."""
import pytest


@pytest.fixture(autouse=True)
def _private_user_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
