"""The message catalogue is complete in both languages, and every raise site uses it.

``vocabulary/messages.yaml`` is the one place a user-facing error is worded. These tests
read the catalogue, and the source of ``planwatch/`` with ``ast``: a raise site that
writes its own English (or forgets a parameter a text needs) fails here, not in front
of a user."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import planwatch.records.ledger_month  # noqa: F401  errors with their own __init__
import planwatch.records.ledger_workbook  # noqa: F401
import planwatch.records.upload  # noqa: F401
import planwatch.web.errors  # noqa: F401  the web's own error classes
from planwatch.errors import InvalidInput, NotFound, PlanwatchError
from planwatch.vocabulary import word
from planwatch.vocabulary.messages import TEXTS, Both, catalogue, described, placeholders, say

PACKAGE = Path(__file__).resolve().parent.parent / "planwatch"
HAN = re.compile(r"[\u4e00-\u9fff]")
# calls that name a catalogue key as their first argument
KEYED_FUNCTIONS = {"say", "phrase", "within"}
# the catalogue's own plumbing passes a key it was given on
PLUMBING = {"planwatch/errors.py", "planwatch/vocabulary/messages.py"}


def _error_classes() -> set[str]:
    """The errors raised by key; one with its own ``__init__`` (every problem of an upload
    at once) says its message by key inside it, which the check reads there."""
    found, todo = set(), [PlanwatchError]
    while todo:
        cls = todo.pop()
        if cls is PlanwatchError or "__init__" not in vars(cls):
            found.add(cls.__name__)
        todo += cls.__subclasses__()
    return found


ERRORS = _error_classes()


def messages() -> dict[str, dict[str, str]]:
    return {k: v for k, v in catalogue().items() if k != "fields"}


def _needed(key: str) -> set[str]:
    return set().union(*(placeholders(t) for t in messages()[key].values()))


def _called(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def keyed_calls() -> list[tuple[str, ast.Call]]:
    """Every call that raises a PlanwatchError or names a catalogue key, with its place."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called(node) in ERRORS | KEYED_FUNCTIONS):
                continue
            place = str(path.relative_to(PACKAGE.parent))
            if place in PLUMBING and _called(node) in KEYED_FUNCTIONS:
                continue
            found.append((f"{place}:{node.lineno}", node))
    return found


def test_every_message_is_said_in_chinese_and_english() -> None:
    for key, entry in messages().items():
        assert set(entry) <= set(TEXTS), f"{key}: unknown texts {set(entry) - set(TEXTS)}"
        assert entry.get("en", "").strip() and entry.get("zh", "").strip(), key
        for en, zh in (("hint", "zh_hint"), ("web_hint", "zh_web_hint")):
            assert bool(entry.get(en)) == bool(entry.get(zh)), f"{key}: {en} without {zh}"


def _worded(text: str) -> str:
    """A text without its parameters and code (`planwatch plan load`, --region, .xlsx)."""
    text = re.sub(r"\{[^}]*\}|`[^`]*`", "", text)
    return re.sub(r"(--|-|\.)[a-z][\w-]*|[\w+]+://\S+|/\S*", "", text)


def test_chinese_texts_are_chinese_and_english_texts_english() -> None:
    english_sentence = re.compile(r"\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b")
    for key, entry in messages().items():
        for text in ("zh", "zh_hint", "zh_web_hint"):
            worded = _worded(entry.get(text) or "")
            if re.search("[A-Za-z]", worded):
                assert HAN.search(worded), f"{key}.{text} is not Chinese"
            assert not english_sentence.search(worded), f"{key}.{text} has English"
        for text in ("en", "hint", "web_hint"):
            worded = _worded(entry.get(text) or "")
            # Chinese only as an example (武昌区, 督办, 指标 …), never as the sentence
            assert len(HAN.findall(worded)) <= len(worded) / 2, f"{key}.{text}"


def test_a_hint_naming_a_command_has_a_web_hint() -> None:
    """On the web a hint names the button or page; a command is for the command line."""
    command = re.compile(r"`planwatch|\(planwatch [a-z]+|(^|\s)--[a-z]|\s-o\b")
    for key, entry in messages().items():
        if key.startswith("cli."):  # said only by the command line
            continue
        if command.search(entry.get("hint") or ""):
            assert entry.get("web_hint"), f"{key}: the hint names a command, give a web_hint"
            assert not command.search(entry["web_hint"] + entry["zh_web_hint"]), key


def test_every_field_is_named_in_both_languages() -> None:
    for name, entry in catalogue()["fields"].items():
        assert entry["en"].strip() and HAN.search(entry["zh"]), name


def test_every_raise_site_names_a_key_with_its_parameters() -> None:
    problems = []
    for place, call in keyed_calls():
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            problems.append(f"{place}: {_called(call)} without a catalogue key")
            continue
        key = first.value
        if key not in messages():
            problems.append(f"{place}: '{key}' is not in messages.yaml")
            continue
        if len(call.args) > 1 or any(k.arg is None for k in call.keywords):
            problems.append(f"{place}: parameters of '{key}' must be named")
            continue
        given = {k.arg for k in call.keywords if k.arg}
        if given != _needed(key):
            problems.append(f"{place}: '{key}' takes {sorted(_needed(key))}, given {sorted(given)}")
    assert not problems, "\n".join(problems)


def test_no_message_is_written_outside_the_catalogue() -> None:
    """``Said`` is built only by the catalogue's own module (``say``, ``prefixed``)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "messages.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _called(n) == "Said"]
        assert not calls, f"{path}: builds a Said by hand"


def _own_init_keys() -> set[str]:
    """Keys an error with its own ``__init__`` passes to ``super().__init__``."""
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _called(node) == "__init__" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and first.value in messages():
                    found.add(first.value)
    return found


def test_every_key_is_used() -> None:
    used = {c.args[0].value for _, c in keyed_calls() if isinstance(c.args[0], ast.Constant)}
    used |= _own_init_keys()
    dynamic = ("problem.",)  # said by pydantic's problem type (messages.described)
    unused = [k for k in messages() if k not in used and not k.startswith(dynamic)]
    assert not unused, f"keys no code says: {unused}"


def test_the_ast_check_finds_a_raise_without_the_catalogue() -> None:
    """The raise-site check itself fails on English written at the raise site."""
    bad = ast.parse('raise InvalidInput("the file is empty", "fill it in")').body[0]
    assert isinstance(bad, ast.Raise) and isinstance(bad.exc, ast.Call)
    assert _called(bad.exc) in ERRORS
    assert bad.exc.args[0].value not in messages()  # type: ignore[attr-defined]


def test_a_parameter_word_is_said_in_the_texts_language() -> None:
    role = word("roles", "reporter")
    action = Both("read the audit log", "查看操作日志")
    said = say("records.users.role_may_not", role=role, action=action, allowed=role)
    assert said.en == "your role 'reporting department' may not read the audit log"
    assert said.zh == "当前角色（填报单位）无权查看操作日志"


def test_a_prefixed_error_keeps_both_languages_and_its_class() -> None:
    error = InvalidInput("records.numbers.not_a_number", what="数值", raw="6,2")
    within = error.within("part.figure", number=3)
    assert type(within) is InvalidInput and within.status == 400
    assert within.message.startswith("figure 3: ") and within.zh.startswith("第3条数据：")
    assert within.hint == error.hint and within.said.zh_hint == error.said.zh_hint


def test_the_web_shape_carries_the_web_hint_and_the_cli_the_command() -> None:
    error = NotFound("reads.lookup.no_plan", region_name="江夏区", year=2024)
    assert "planwatch plan load" in str(error)
    shape = error.as_dict()["error"]
    assert isinstance(shape, dict) and shape["key"] == "reads.lookup.no_plan"
    assert "planwatch" not in shape["hint"] and "planwatch" not in shape["zh"]["hint"]
    assert shape["zh"]["message"] == "江夏区没有2024年的计划"


def test_a_validation_problem_names_the_field_in_both_languages() -> None:
    found = {"loc": ("body", "value"), "type": "float_parsing", "msg": "Input should be a number"}
    said = described(found)
    assert said.zh == "数值不是数字" and said.en == "value is not a number"
    nested = described({"loc": ("targets", 2, "value"), "type": "missing", "msg": "x"})
    assert nested.zh == "缺少数值（targets.2.value）"
    odd = described({"loc": ("query", "limit"), "type": "an_unknown_type", "msg": "Odd input"})
    assert odd.en == "limit: Odd input" and odd.zh == "每页条数填写有误"
