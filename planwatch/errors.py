"""Errors that reach users. Each carries an HTTP status and says how to fix the problem.

The CLI prints ``str(error)`` on one line and exits non-zero; the web app renders
the same error as the one JSON error shape with ``status``.
"""

from __future__ import annotations


class PlanwatchError(Exception):
    """A problem the user can fix; ``message`` names it, ``hint`` says how to fix it.

    ``zh`` and ``zh_hint`` say the same in Chinese for the web pages' readers; the command
    line and ``str()`` keep the English."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        *,
        zh: str | None = None,
        zh_hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.zh = zh
        self.zh_hint = zh_hint

    def within(self, en: str, zh: str) -> PlanwatchError:
        """The same error, said of one part of a larger input (``figure 3``, ``第3条``)."""
        zh_message = f"{zh}：{self.zh}" if self.zh else None
        return type(self)(f"{en}: {self.message}", self.hint, zh=zh_message, zh_hint=self.zh_hint)

    def __str__(self) -> str:
        return f"{self.message}: {self.hint}" if self.hint else self.message

    def as_dict(self) -> dict[str, object]:
        return {
            "error": {
                "code": self.code,
                "status": self.status,
                "message": self.message,
                "hint": self.hint,
                "zh": {"message": self.zh, "hint": self.zh_hint} if self.zh else None,
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
