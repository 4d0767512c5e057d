"""Sign-in throttling per account and per address, in fixed memory.

``FAILURES`` wrong passwords within ``WINDOW`` seconds for one account, or from
one address, and the next attempts are refused (429) until the window has passed, even
with the right password: guessing costs a minute per ten tries. Memory stays bounded
under a flood of random names: the least recently failed keys are forgotten first.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque

from planwatch.errors import TooManyRequests

FAILURES = 10
WINDOW = 60.0
KEYS = 10_000  # ~10,000 x (key + 10 floats): about 2 MB at most


class Throttle:
    def __init__(self, failures: int = FAILURES, window: float = WINDOW, keys: int = KEYS) -> None:
        self.failures, self.window, self.keys = failures, window, keys
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def attempt(self, *keys: str) -> None:
        """Refuse if any key failed too often lately; else count this try as a failure
        until ``succeeded`` says otherwise, so tries checked side by side count too."""
        now = time.monotonic()
        with self._lock:
            for key in keys:
                times = self._recent(key, now)
                if times is not None and len(times) >= self.failures:
                    wait = int(self.window - (now - times[0])) + 1
                    raise TooManyRequests("web.throttle.paused", wait=wait)
            self._count(keys, now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                times = self._seen.get(key)
                if times:
                    times.pop()

    def _count(self, keys: tuple[str, ...], now: float) -> None:
        """Called with the lock held."""
        for key in keys:
            times = self._recent(key, now) or deque(maxlen=self.failures)
            times.append(now)
            self._seen[key] = times
            self._seen.move_to_end(key)
        while len(self._seen) > self.keys:
            self._seen.popitem(last=False)

    def _recent(self, key: str, now: float) -> deque[float] | None:
        times = self._seen.get(key)
        while times and now - times[0] > self.window:
            times.popleft()
        return times


def sign_in_keys(name: str, address: str | None) -> tuple[str, str]:
    return f"account:{name.strip().lower()[:100]}", f"address:{address or 'unknown'}"
