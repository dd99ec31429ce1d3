"""Read-only look into the Redis broker: which conversion tasks does it still hold?

Kombu's Redis transport keeps waiting messages in one list per queue and priority, and
messages handed to a worker but not yet acknowledged in the ``unacked`` hash (we run with
``acks_late``, so a task stays there until it finishes or its worker is presumed dead).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import redis

UNACKED_HASH = "unacked"
# Kombu's default priority steps and the separator it puts between queue name and priority.
_PRIORITY_STEPS = (0, 3, 6, 9)
_PRIORITY_SEPARATOR = "\x06\x16"


def _queue_keys(queue: str) -> list[str]:
    return [queue] + [f"{queue}{_PRIORITY_SEPARATOR}{step}" for step in _PRIORITY_STEPS[1:]]


def _task_id(raw_message: str | bytes) -> str | None:
    try:
        message = json.loads(raw_message)
    except ValueError:
        return None
    if isinstance(message, list):  # unacked entries are [message, exchange, routing_key]
        message = message[0] if message else {}
    headers = message.get("headers") if isinstance(message, dict) else None
    task_id = headers.get("id") if isinstance(headers, dict) else None
    return task_id if isinstance(task_id, str) else None


def task_ids_in_broker(redis_url: str, queue: str) -> set[str]:
    """Ids of tasks waiting in ``queue`` or delivered and not yet acknowledged."""
    client = redis.Redis.from_url(redis_url, socket_timeout=5)
    try:
        raw: list[bytes] = []
        for key in _queue_keys(queue):
            raw.extend(client.lrange(key, 0, -1))
        unacked: Iterable[bytes] = client.hvals(UNACKED_HASH)
        raw.extend(unacked)
    finally:
        client.close()
    return {task_id for task_id in map(_task_id, raw) if task_id}


def queue_length(redis_url: str, queue: str) -> int:
    """Tasks waiting in ``queue`` (not those a worker has taken)."""
    client = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
    try:
        return sum(int(client.llen(key)) for key in _queue_keys(queue))
    finally:
        client.close()


def ping(redis_url: str, timeout: float = 2.0) -> bool:
    client = redis.Redis.from_url(redis_url, socket_timeout=timeout, socket_connect_timeout=timeout)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()
