"""Every error the web can give is said in the reader's language, and only in it.

Each case drives the app to one error (bad files of ``tests/data/bad/``, a missing plan,
an unknown region, a role that may not, no session, a stale version, a body too large,
a wrong method, a form that fails validation, too many wrong passwords, a server
failure). A page is read in Chinese (the default) and in English (the language cookie):
the Chinese error box holds no English sentence, the English one no Chinese sentence.
An API answer carries both; its ``zh`` part is checked as Chinese and the rest as English.
Data keep their own language (武昌区 in an English message is a name, not a sentence).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from planwatch.demo import Demo
from planwatch.web.i18n import COOKIE
from tests.web.bombs import docx_bomb, xlsx_bomb
from tests.web.helpers import SignIn, error_of

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"
HUGE = str(2**64 + 1)
EXCEL = "/regions/420106/2017H1/enter/excel"
FORM = "/regions/420106/2017H1/enter"
MB = 1024 * 1024

# three English words in a row, once code (`planwatch plan load`), options, paths and
# file names are set aside
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ '][A-Za-z]{2,}){2,}")
CODE = re.compile(r"`[^`]*`|--?[a-z][\w-]*|https?://\S+|/[\w./{}-]*|\b[\w-]+\.[a-z]{2,4}\b")
# a Chinese sentence: a run of characters with a word no name has (请, 不, 无, 没 …)
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
SENTENCE_WORDS = re.compile(r"[请您无没不须已未的]")
FULL_WIDTH = re.compile(r"[，。：；（）“”！？]")


def english_sentences(text: str) -> list[str]:
    return ENGLISH_SENTENCE.findall(CODE.sub(" ", text))


def chinese_sentences(text: str) -> list[str]:
    runs = [run for run in HAN_RUN.findall(text) if SENTENCE_WORDS.search(run)]
    return runs + FULL_WIDTH.findall(text)


def _file(name: str) -> dict[str, Any]:
    return {"files": {"file": (name, (BAD / name).read_bytes())}}


@dataclass(frozen=True)
class Case:
    """One way to an error: who asks, how, and the status it answers."""

    name: str
    user: str | None
    method: str
    path: str
    status: int
    arguments: Callable[[], dict[str, Any]] = dict
    headers: dict[str, str] = field(default_factory=dict)


NOT_DRAFTED = {"text": "上半年开局良好。"}
CASES = [
    # addresses: missing, unknown, malformed
    Case("unknown address", "viewer", "get", "/nothing-here", 404),
    Case("unknown API address", "viewer", "get", "/api/nothing-here", 404),
    Case("unknown region", "viewer", "get", "/regions/999999/2017H1", 404),
    Case("bad period", "viewer", "get", "/regions/420106/2017X1", 400),
    Case("unknown indicator", "viewer", "get", "/regions/420106/2017H1/indicators/虚构指标", 400),
    Case("missing plan", "viewer", "get", "/regions/420106/2031H1", 404),
    Case("missing document", "viewer", "get", "/documents/4242", 404),
    Case("missing observation", "viewer", "get", "/observations/4242", 404),
    Case("missing plan page", "viewer", "get", "/plans/4242", 404),
    Case("missing fact", "planner", "post", "/api/facts/99999/accept", 404),
    Case("id too large", "planner", "get", f"/documents/{HUGE}", 400),
    Case("offset too large", "planner", "get", f"/api/observations?offset={HUGE}", 400),
    Case("wrong method", "viewer", "delete", "/regions", 405),
    Case("wrong API method", "viewer", "delete", "/api/facts", 405),
    # who may
    Case("not signed in (API)", None, "get", "/api/observations", 401),
    Case("not signed in (form)", None, "post", FORM, 401),
    Case("role may not", "reporter", "get", "/audit", 403),
    Case(
        "another department's figure", "caizheng", "post", "/api/observations", 403,
        lambda: {"json": {"region": "420106", "indicator": "全社会固定资产投资", "period": "2017Q3", "value": 1}},
    ),
    Case("a form without its CSRF token", "planner", "post", "/regions/420106/2017H1/report/narratives/opening", 403, lambda: {"data": NOT_DRAFTED}, {"X-CSRF-Token": ""}),
    Case("wrong API token", None, "get", "/api/regions", 401, dict, {"authorization": "Bearer nope"}),
    Case("bad Basic credentials", None, "get", "/api/regions", 401, dict, {"authorization": "Basic !!"}),
    # bad files (tests/data/bad)
    Case("damaged docx", "planner", "post", "/upload", 400, lambda: _file("damaged.docx")),
    Case("damaged pdf", "planner", "post", "/upload", 400, lambda: _file("damaged.pdf")),
    Case("docx without a document", "planner", "post", "/upload", 400, lambda: _file("no-document.docx")),
    Case("text named .docx", "planner", "post", "/upload", 400, lambda: _file("text-named.docx")),
    Case("empty text", "planner", "post", "/upload", 400, lambda: _file("empty.txt")),
    Case("docx bomb", "planner", "post", "/api/documents", 400, lambda: {"files": {"file": ("b.docx", docx_bomb(60 * MB))}}),
    Case("upload without a name", "planner", "post", "/api/documents", 422, lambda: {"files": {"file": ("", b"x")}}),
    Case("damaged sheet", "reporter", "post", EXCEL, 400, lambda: _file("damaged.xlsx")),
    Case("empty sheet", "reporter", "post", EXCEL, 400, lambda: {"files": {"file": ("e.xlsx", b"")}}),
    Case("sheet bomb", "reporter", "post", EXCEL, 400, lambda: {"files": {"file": ("b.xlsx", xlsx_bomb(60 * MB))}}),
    # forms and bodies
    Case("a typo in the value", "reporter", "post", FORM, 400, lambda: {"data": {"indicator": "地区生产总值", "measure": "value", "value": "6,2", "unit": "亿元"}}),
    Case("an unknown measure", "reporter", "post", FORM, 400, lambda: {"data": {"indicator": "地区生产总值", "measure": "volume", "value": "6", "unit": "亿元"}}),
    Case("validation (query)", "viewer", "get", "/api/facts?limit=0", 422),
    Case("validation (body)", "planner", "post", "/api/observations", 422, lambda: {"json": {"region": "420106", "indicator": "地区生产总值", "period": "2017H1", "value": "6,2"}}),
    Case("validation (missing field)", "planner", "post", "/api/observations", 422, lambda: {"json": {"region": "420106"}}),
    Case("unreadable body", "planner", "post", "/api/observations", 422, lambda: {"content": b"{not json", "headers": {"content-type": "application/json"}}),
    Case("too large", "planner", "post", FORM, 413, lambda: {"data": {"note": "x" * (2 * MB)}}),
    Case("If-Match without a version", "planner", "post", "/api/facts/1/accept", 400, dict, {"If-Match": "yesterday"}),
    Case("a server failure", "viewer", "get", "/test-failure", 500),
]  # fmt: skip


def _failing() -> None:
    raise RuntimeError("a bug the reader must not see")


@pytest.fixture
def app_with_failure(app: FastAPI) -> FastAPI:
    app.add_api_route("/test-failure", _failing)
    return app


def _client(client_as: SignIn, app: FastAPI, case: Case) -> TestClient:
    if case.name == "a server failure":
        return TestClient(app, raise_server_exceptions=False)
    return client_as(case.user)


def _ask(client: TestClient, case: Case, accept: str) -> Any:
    arguments = case.arguments()
    headers = {"accept": accept, **case.headers, **arguments.pop("headers", {})}
    return getattr(client, case.method)(
        case.path, headers=headers, follow_redirects=False, **arguments
    )


def error_box(page: str) -> str:
    """The text of the error page's box: summary, message, hint and code."""
    found = re.search(r'<div class="error-box"[^>]*>(.*?)</div>', page, re.S)
    assert found, page[:500]
    return html.unescape(re.sub(r"<[^>]+>", " ", found.group(1)))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_api_says_each_error_in_both_languages(
    client_as: SignIn, app_with_failure: FastAPI, case: Case
) -> None:
    client = _client(client_as, app_with_failure, case)
    error = error_of(_ask(client, case, "application/json"), case.status)
    zh = f"{error['zh']['message']} {error['zh']['hint'] or ''}"
    en = f"{error['message']} {error['hint'] or ''}"
    assert error["zh"]["message"] and not english_sentences(zh), zh
    assert not chinese_sentences(en), en


PAGES = [c for c in CASES if not c.path.startswith("/api/")]


@pytest.mark.parametrize("case", PAGES, ids=[c.name for c in PAGES])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_error_page_speaks_the_readers_language_only(
    client_as: SignIn, app_with_failure: FastAPI, case: Case, lang: str
) -> None:
    client = _client(client_as, app_with_failure, case)
    client.cookies.set(COOKIE, lang)
    answer = _ask(client, case, "text/html")
    assert answer.status_code == case.status, answer.text[:300]
    box = error_box(answer.text)
    if lang == "zh":
        assert HAN_RUN.search(box) and not english_sentences(box), box
    else:
        assert not chinese_sentences(box), box


def test_every_status_the_web_gives_is_covered() -> None:
    assert {c.status for c in CASES} >= {400, 401, 403, 404, 405, 413, 422, 500}


def test_a_stale_version_is_409_in_both_languages(planner: TestClient) -> None:
    narrative = "/api/narratives/420106/2017H1/opening"
    first = planner.put(narrative, json=NOT_DRAFTED, headers={"If-Match": '"0"'})
    assert first.status_code == 200, first.text
    error = error_of(planner.put(narrative, json=NOT_DRAFTED, headers={"If-Match": '"0"'}), 409)
    assert "changed since you read it" in error["message"]
    assert error["zh"]["message"].startswith("“") and "已被修改" in error["zh"]["message"]
    assert not english_sentences(error["zh"]["message"] + error["zh"]["hint"])


def test_too_many_wrong_passwords_is_429_in_both_languages(client_as: SignIn) -> None:
    client = client_as(None)
    for _ in range(10):
        assert client.get("/api/regions", auth=("admin", "wrong")).status_code == 401
    error = error_of(client.get("/api/regions", auth=("admin", "wrong")), 429)
    assert error["zh"]["message"].startswith("密码错误次数过多")
    assert not english_sentences(error["zh"]["message"] + error["zh"]["hint"])
    assert not chinese_sentences(error["message"] + error["hint"])


def test_a_role_is_named_in_the_pages_language(client_as: SignIn) -> None:
    """No English role name on a Chinese page, no Chinese one on an English page."""
    reporter = client_as("reporter")
    chinese = error_box(reporter.get("/audit", headers={"accept": "text/html"}).text)
    assert "填报单位" in chinese and "reporter" not in chinese
    reporter.cookies.set(COOKIE, "en")
    english = error_box(reporter.get("/audit", headers={"accept": "text/html"}).text)
    assert "reporter" in english and "填报单位" not in english


def test_the_checks_find_what_they_look_for() -> None:
    """The two detectors are not vacuous: each finds its language and passes the other."""
    assert english_sentences("数据未公开：sign in to read them")
    assert not english_sentences("请用 `planwatch plan load` 导入计划，或 --region 420106")
    assert chinese_sentences("区财政局 may not enter: 请联系规划科室")
    assert not chinese_sentences("区财政局 may not enter 全社会固定资产投资")


def test_the_demo_reporter_of_another_department_exists(demo: Demo) -> None:
    assert "caizheng" in demo.passwords
