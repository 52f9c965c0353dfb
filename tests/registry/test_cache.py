"""registry.cache.RedisCache: Django's Redis cache, with one client per connection pool instead of one per call."""

import os

import pytest

from registry.cache import RedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")


def test_the_client_is_made_once_per_pool():
    cache = RedisCache("redis://127.0.0.1:6379/15", {})

    assert cache._cache.get_client() is cache._cache.get_client()
    assert cache._cache.get_client(write=True) is cache._cache.get_client("any key", write=True)


@pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL")
def test_values_go_through_the_shared_client():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "test-registry-cache"})
    cache.set("answer", {"n": 42}, 30)

    assert cache.get("answer") == {"n": 42}
    cache.delete("answer")
    assert cache.get("answer") is None
