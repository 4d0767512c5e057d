"""Every word the templates ask for is in the catalogue, in Chinese and English."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from planwatch.vocabulary import MEASURES, OBSERVATION_STATUSES, REVIEW_STATUSES, TARGET_KINDS
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


def test_english_overview_judges_in_english(viewer: TestClient) -> None:
    english = viewer.get("/regions/420106/2017H1?lang=en").text
    assert "24.5 points ahead of time progress (50%)" in english
    assert "超序时进度24.5个百分点" not in english
    chinese = viewer.get("/regions/420106/2017H1?lang=zh").text
    assert "超序时进度24.5个百分点" in chinese
