"""Each page speaks one language: English pages hold no Chinese of the interface's own,
Chinese pages no English words, beyond the data they show.

Data is what the database holds (region, indicator, plan, department, task and project
names, the plan's wording, notes, narratives, user names) and text quoted from a document,
which the templates mark ``lang="zh-CN"``. Everything else on a page is the interface's
and must be in the page's language: labels, assessments, status words, units of the
interface, chart labels. Swagger UI (``/docs``) is a vendored English tool and left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import String, Text, create_engine, select

from planwatch import catalog, regions
from planwatch.demo import Demo
from planwatch.store.models import Base
from tests.web.pages import every_page, in_language

CJK = re.compile(r"[\u3400-\u9fff]+")  # ideographs: 、 and ， between names part them
# the draft's own 【待填写：…】 placeholders, quoted where a note names one
DRAFT_PLACEHOLDER = re.compile(r"【[^】]*】")
WORD = re.compile(r"[A-Za-z]{2,}")
# English a Chinese page may show: names of formats and tools, the switch to English
ENGLISH_ALLOWED = {
    "api",
    "json",
    "excel",
    "csv",
    "english",
    "gdp",
    "pdf",
    "docx",
    "html",
    "md",
    "yaml",
}
CHINESE_ALLOWED = {"中文"}  # the switch back to Chinese
RULES = Path(catalog.__file__).with_name("data") / "rules.yaml"  # indicators a rule names
# a stored code (value, approved, on_track) is the interface's to name; a user's is a name
CODE = re.compile(r"[a-z0-9_]+")
NAMES = ("users.name", "audit_log.actor")
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


class _Visible(HTMLParser):
    """The text a reader sees, outside scripts, styles and elements marked Chinese."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"}

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, hidden from the scan)

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        # quoted Chinese (lang="zh-CN") and stored data (translate="no") are not the interface's
        hidden = (
            tag in ("script", "style")
            or (tag != "html" and (named.get("lang") or "").startswith("zh"))
            or named.get("translate") == "no"
        )
        if not self._hidden() and not hidden:
            self.texts.extend(named[a] or "" for a in SHOWN_ATTRIBUTES if named.get(a))
        if tag not in self.VOID:
            self._open.append((tag, hidden))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.texts.append(data)


def visible_text(html: str) -> list[str]:
    parser = _Visible()
    parser.feed(html)
    return parser.texts


def stored_texts(database_url: str) -> str:
    """Every text the database holds, but documents' text: the data a page may show."""
    engine = create_engine(database_url)
    found: list[str] = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in ("sign_ins", "api_tokens"):
                continue
            for column in table.columns:
                if isinstance(column.type, String | Text) and _data(table.name, column.name):
                    named = f"{table.name}.{column.name}" in NAMES
                    found.extend(
                        v
                        for v in connection.execute(select(column)).scalars()
                        if v and (named or not CODE.fullmatch(v))
                    )
    engine.dispose()
    names = [name for i in catalog.load_catalog() for name in i.names]
    names += [d.name for d in regions.divisions()]
    rules = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    names += [name for rule in rules.values() for name in rule.get("allow", [])]
    return "\n".join([*found, *names])


def _data(table: str, column: str) -> bool:
    """Names and wording are data; a document's text is quoted (and marked) where shown;
    units are the interface's (English pages name them in English), and so are the
    English names of indicators, which Chinese pages do not show."""
    quoted = f"{table}.{column}" in ("documents.text", "facts.text", "audit_log.changes")
    return not quoted and "unit" not in column and column != "english"


def foreign_words(texts: list[str], lang: str, data: str) -> set[str]:
    pattern, allowed = (CJK, CHINESE_ALLOWED) if lang == "en" else (WORD, ENGLISH_ALLOWED)
    found = set()
    for text in texts:
        for match in pattern.finditer(DRAFT_PLACEHOLDER.sub(" ", text)):
            run = match.group().strip("（）：，、。")
            if run and run.lower() not in allowed and run not in allowed and run not in data:
                found.add(run)
    return found


def _scan(client: TestClient, pages: list[str], data: str) -> dict[str, set[str]]:
    wrong: dict[str, set[str]] = {}
    for address in pages:
        if address.startswith("/docs"):
            continue
        for lang in ("zh", "en"):
            page = in_language(address, lang)
            words = foreign_words(visible_text(client.get(page).text), lang, data)
            if words:
                wrong[page] = words
    return wrong


def test_each_page_speaks_its_language(app: FastAPI, demo: Demo, planner: TestClient) -> None:
    data = stored_texts(demo.database_url)
    assert "武昌区" in data and "地区生产总值" in data
    pages = every_page(app, planner)
    assert len(pages) >= 20
    wrong = _scan(planner, pages, data)
    with TestClient(app) as anonymous:
        wrong |= _scan(anonymous, ["/login", "/regions/420106/2017H1"], data)
    assert wrong == {}, "\n".join(f"{page}: {sorted(words)}" for page, words in wrong.items())


def test_the_scan_finds_a_foreign_word() -> None:
    """The scan itself: interface words are caught, data and marked quotes are not."""
    page = '<p>Completion 上半年完成 <span lang="zh-CN">“上半年完成525亿元 PM2.5”</span> 武昌区</p>'
    assert foreign_words(visible_text(page), "en", "武昌区") == {"上半年完成"}
    assert foreign_words(visible_text(page), "zh", "") == {"Completion"}
    assert foreign_words(visible_text('<p title="Sign in">导出 Excel · JSON</p>'), "zh", "") == {
        "Sign",
        "in",
    }
