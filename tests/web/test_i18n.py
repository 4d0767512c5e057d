"""Every word the templates ask for is in the catalogue, in Chinese and English."""

from __future__ import annotations

import re

from planwatch.extract.model import MEASURES
from planwatch.store.models import OBSERVATION_STATUSES, REVIEW_STATUSES, TARGET_KINDS
from planwatch.web.i18n import LANGUAGES, MESSAGES, language, translator
from planwatch.web.render import TEMPLATES


def test_template_keys_are_all_in_the_catalogue() -> None:
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"\bt\('(\w+)'\)", template.read_text("utf-8")))
    dynamic = {f"measure_{m}" for m in MEASURES} | {f"figure_{s}" for s in OBSERVATION_STATUSES}
    dynamic |= set(REVIEW_STATUSES) | {"action_insert", "action_update", "action_delete"}
    dynamic |= {f"kind_{k}" for k in TARGET_KINDS}
    dynamic |= {f"metric_{m}" for m in ("completion", "growth", "reduction", "value")}
    missing = sorted((used | dynamic) - set(MESSAGES))
    assert missing == []
    assert len(used) > 60


def test_every_entry_has_both_languages() -> None:
    assert [k for k, v in MESSAGES.items() if set(v) != set(LANGUAGES)] == []


def test_language_choice_and_fallback() -> None:
    assert language("en", "zh") == "en"
    assert language(None, "en") == "en"
    assert language("fr", None) == "zh"
    assert translator("en")("overview") == "Overview"
    assert translator("zh")("no_such_key") == "no_such_key"
