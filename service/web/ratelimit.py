"""Per-client rate limit on form submissions, counted in Redis so every API process shares it.

A fixed window: the first submission in a window starts a counter that expires with it. If
Redis cannot be reached the submission is allowed: the limit protects the service, and a
broker outage must not turn people away (their request is safe in the database).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import redis

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the window ends


def hit(redis_url: str | None, client: str, *, limit: int, window: int) -> Verdict:
    """Count one submission by ``client``; refuse it if the window's limit is used up."""
    if not redis_url:
        return Verdict(True, 0)
    now = int(time.time())
    window_start = now - now % window
    key = f"af:ratelimit:submit:{client}:{window_start}"
    client_ = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
    try:
        pipe = client_.pipeline()
        pipe.incr(key)
        pipe.expire(key, window + 5)
        count = int(pipe.execute()[0])
    except redis.RedisError:
        log.warning("rate limit not checked: Redis unreachable")
        return Verdict(True, 0)
    finally:
        client_.close()
    return Verdict(count <= limit, window_start + window - now)
