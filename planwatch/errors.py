"""Errors that reach users. Each carries an HTTP status and says how to fix the problem.

The CLI prints ``str(error)`` on one line and exits non-zero; the web app renders
the same error as the one JSON error shape with ``status``.
"""

from __future__ import annotations

from typing import Self

from planwatch.vocabulary.messages import Said, say


class PlanwatchError(Exception):
    """A problem the user can fix, said by a key of the message catalogue
    (``vocabulary/messages.yaml``) in Chinese and English: ``message`` names it, ``hint``
    says how to fix it on the command line, ``web_hint`` in the browser; ``zh``,
    ``zh_hint`` and ``zh_web_hint`` say the same in Chinese. The command line and ``str()``
    keep the English and the command-line hint; the web shows the reader's language."""

    status = 400
    code = "bad_request"

    def __init__(self, key: str, /, **params: object) -> None:
        self._take(say(key, **params))

    @classmethod
    def of(cls, said: Said) -> Self:
        """The error saying ``said`` (a message already filled in, or prefixed)."""
        error = cls.__new__(cls)
        error._take(said)
        return error

    def _take(self, said: Said) -> None:
        super().__init__(said.en)
        self.said = said
        self.key = said.key
        self.message = said.en
        self.hint = said.hint
        self.zh = said.zh
        self.zh_hint = said.zh_hint

    def within(self, key: str, /, **params: object) -> Self:
        """The same error, said of one part of a larger input (``figure 3``, ``第3条``)."""
        error = self.of(self.said.prefixed(say(key, **params)))
        error.status = self.status
        return error

    def __str__(self) -> str:
        return f"{self.message}: {self.hint}" if self.hint else self.message

    def as_dict(self) -> dict[str, object]:
        """The one JSON error shape; hints are the web's (a button, a page)."""
        said = self.said
        return {
            "error": {
                "code": self.code,
                "status": self.status,
                "key": said.key,
                "message": said.en,
                "hint": said.web_hint or said.hint,
                "zh": {"message": said.zh, "hint": said.zh_web_hint or said.zh_hint},
            }
        }


class InvalidInput(PlanwatchError):
    status = 400
    code = "invalid_input"


class NotFound(PlanwatchError):
    status = 404
    code = "not_found"


class Conflict(PlanwatchError):
    status = 409
    code = "conflict"


class Forbidden(PlanwatchError):
    status = 403
    code = "forbidden"


class Unauthorized(PlanwatchError):
    status = 401
    code = "unauthorized"


class TooLarge(PlanwatchError):
    status = 413
    code = "too_large"


class TooManyRequests(PlanwatchError):
    status = 429
    code = "too_many_requests"


class Busy(PlanwatchError):
    """The database stayed locked by other writers longer than a writer waits."""

    status = 503
    code = "busy"
