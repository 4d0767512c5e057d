"""Extraction throughput and recall: planwatch against jionlp and Microsoft Recognizers-Text.

    pip install -e '.[bench]'
    PLANWATCH_CORPUS=/path/to/reports python bench/bench_extract.py

Every tool reads the same texts in one process: the sample report plus every
report in $PLANWATCH_CORPUS (when set). A second table times planwatch and jionlp's
money-only pass on the sample report repeated 1, 4 and 16 times in one text, so the
time per character shows whether extraction stays linear in the text's length. Throughput is characters of text per
second of the tool's own call (loading files is not timed); each tool is warmed
up first, then run over all texts for at least --seconds. Recall is measured on
the sample report's gold facts: a gold fact counts as found when a tool's hit
covers its number with the same value and unit once scales are folded
(32万平方米 = 320000平方米). Measures and subjects are not compared: the peers
do not produce them.

``--save-facts FILE`` and ``--same-facts FILE`` time nothing: they write, or compare
with, every document's facts (the sample, $PLANWATCH_CORPUS and $PLANWATCH_GENRES), so
an optimisation can show that it changed no fact (exit 1 when one did).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from planwatch.extract import extract_text  # noqa: E402
from planwatch.extract.loaders import is_supported, load  # noqa: E402

SAMPLE = ROOT / "planwatch" / "sample" / "wuchang-2017h1-plan-execution.txt"
GOLD = ROOT / "tests" / "data" / "wuchang-2017h1-plan-execution.gold.json"
SCALES = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
# Recognizers-Text names units in English; the report writes them in Chinese.
ENGLISH_UNITS = {
    "Chinese yuan": "元",
    "United States dollar": "美元",
    "Euro": "欧元",
    "Hong Kong dollar": "港元",
    "Square meter": "平方米",
    "Square kilometer": "平方公里",
    "Kilometer": "公里",
    "Meter": "米",
    "Ton": "吨",
    "Kilogram": "千克",
    "Hectare": "公顷",
    "Mu": "亩",
    "Cubic meter": "立方米",
    "Kilowatt hour": "千瓦时",
}


@dataclass(frozen=True)
class Hit:
    """A number a tool found: where, and its value and unit with the scale folded in."""

    start: int
    end: int
    value: float
    unit: str


@dataclass
class Tool:
    name: str
    run: Callable[[str], Any]  # the timed call
    hits: Callable[[str, Any], list[Hit]]  # its output as hits, not timed


def fold(value: float, unit: str | None) -> tuple[float, str]:
    """(525.69, '亿元') -> (52569000000.0, '元'), as shared/tools/score_facts.py folds."""
    unit = unicodedata.normalize("NFKC", unit or "").strip()
    while unit and unit not in {"个百分点", "百分点"} and unit[0] in SCALES and len(unit) > 1:
        value *= SCALES[unit[0]]
        unit = unit[1:]
    return value, unit


def hit(start: int, end: int, value: float | str | None, unit: str | None) -> Hit | None:
    if value is None:
        return None
    folded, folded_unit = fold(float(value), unit)
    return Hit(start, end, folded, folded_unit)


# --- the tools ---------------------------------------------------------------------------


def planwatch_tool() -> Tool:
    def hits(_: str, extraction: Any) -> list[Hit]:
        found = []
        for fact in extraction.facts:
            start, end = fact.number_span or fact.span
            found.append(hit(start, end, fact.value, fact.unit))
        return [h for h in found if h]

    return Tool("planwatch", extract_text, hits)


def jionlp_tool() -> Tool | None:
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
            import jionlp
    except ImportError:
        return None

    def run(text: str) -> Any:
        return jionlp.ner.extract_money(text, with_parsing=True)

    def hits(_: str, found: Any) -> list[Hit]:
        out = []
        for money in found:
            start, end = money["offset"]
            number = money["detail"]["num"]
            # a range (1000-2000万元) parses to a list: either end may be the gold number
            for value in number if isinstance(number, list) else [number]:
                out.append(hit(start, end, value, money["detail"]["case"]))
        return [h for h in out if h]

    return Tool("jionlp money", run, hits)


def recognizers_tool() -> Tool | None:
    try:
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture
    except ImportError:
        return None
    # Models are built once, outside the timing, as a long-running service would.
    units = NumberWithUnitRecognizer(Culture.Chinese)
    models = [
        NumberRecognizer(Culture.Chinese).get_number_model(),
        units.get_currency_model(),
        units.get_dimension_model(),
    ]

    def run(text: str) -> Any:
        return [result for model in models for result in model.parse(text)]

    def hits(_: str, results: Any) -> list[Hit]:
        out = []
        for result in results:
            resolution = result.resolution or {}
            unit = ENGLISH_UNITS.get(resolution.get("unit"), resolution.get("unit"))
            # its `end` is inclusive
            out.append(hit(result.start, result.end + 1, resolution.get("value"), unit))
        return [h for h in out if h]

    return Tool("Recognizers-Text", run, hits)


# --- measuring ---------------------------------------------------------------------------


def corpus_texts() -> tuple[list[str], str]:
    """The sample report plus $PLANWATCH_CORPUS's reports, and a line saying which."""
    texts = [load(SAMPLE).text]
    folder = os.environ.get("PLANWATCH_CORPUS")
    if not folder:
        return texts, "PLANWATCH_CORPUS is not set: running on the sample report only"
    path = Path(folder)
    if not path.is_dir():
        return (
            texts,
            f"PLANWATCH_CORPUS={folder} is not a folder: running on the sample report only",
        )
    files = sorted(p for p in path.iterdir() if p.is_file() and is_supported(p))
    texts += [load(p).text for p in files]
    return texts, f"corpus: the sample report + {len(files)} reports from {folder}"


def throughputs(tools: list[Tool], texts: list[str], seconds: float) -> dict[str, float]:
    """Characters per second of each tool's fastest whole pass over all texts.

    The tools take turns, one pass each, so a busy machine slows them alike; the
    fastest pass, as timeit reports, is the least disturbed. Passes repeat until
    every tool has run ``seconds`` (and at least three passes).
    """
    for tool in tools:
        tool.run(texts[0])  # warm up: caches, compiled patterns, lazy imports
    chars = sum(map(len, texts))
    fastest = {tool.name: float("inf") for tool in tools}
    spent = {tool.name: 0.0 for tool in tools}
    passes = 0
    while passes < 3 or min(spent.values()) < seconds:
        for tool in tools:
            started = time.perf_counter()
            for text in texts:
                tool.run(text)
            elapsed = time.perf_counter() - started
            fastest[tool.name] = min(fastest[tool.name], elapsed)
            spent[tool.name] += elapsed
        passes += 1
    return {name: chars / best for name, best in fastest.items()}


def recall(tool: Tool, text: str, gold: list[dict[str, Any]]) -> tuple[int, int]:
    """(found, of) over all gold facts, and the same over money facts (unit ends in 元)."""
    found = tool.hits(text, tool.run(text))
    return _count(found, gold), _count(found, [g for g in gold if (g["unit"] or "").endswith("元")])


def _count(found: list[Hit], gold: list[dict[str, Any]]) -> int:
    matched = 0
    for fact in gold:
        start, end = fact["number_span"]
        value, unit = fold(float(fact["value"]), fact["unit"])
        if any(
            h.start <= start
            and end <= h.end
            and h.unit == unit
            and abs(abs(h.value) - abs(value)) <= 1e-9 * max(1.0, abs(value))
            for h in found
        ):
            matched += 1
    return matched


# --- reporting ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds",
        type=float,
        default=2.0,
        help="least time each tool runs over the texts (default 2)",
    )
    parser.add_argument(
        "--save-facts",
        type=Path,
        metavar="FILE",
        help="write every document's facts (sample, $PLANWATCH_CORPUS, $PLANWATCH_GENRES) to FILE",
    )
    parser.add_argument(
        "--same-facts",
        type=Path,
        metavar="FILE",
        help="fail unless every document's facts are byte-identical to those --save-facts wrote",
    )
    args = parser.parse_args()
    if args.save_facts or args.same_facts:
        sys.exit(_facts_check(args.save_facts, args.same_facts))
    texts, corpus_line = corpus_texts()
    print(corpus_line)
    print(f"texts: {len(texts)}, characters: {sum(map(len, texts)):,}")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["facts"]
    money = sum(1 for g in gold if (g["unit"] or "").endswith("元"))
    tools = [planwatch_tool()]
    for name, make in (("jionlp", jionlp_tool), ("Recognizers-Text", recognizers_tool)):
        peer = make()
        if peer is None:
            print(f"{name} is not installed: pip install -e '.[bench]' to compare with it")
        else:
            tools.append(peer)
    speeds = throughputs(tools, texts, args.seconds)
    print()
    print(
        f"{'tool':<18}{'chars/s':>14}{'planwatch/peer':>16}"
        f"{'recall (value+unit)':>22}{'money recall':>15}"
    )
    for tool in tools:
        found, found_money = recall(tool, texts[0], gold)
        ratio = speeds["planwatch"] / speeds[tool.name]
        print(
            f"{tool.name:<18}{speeds[tool.name]:>14,.0f}{ratio:>15.2f}x"
            f"{found:>9}/{len(gold)} {found / len(gold):>6.1%}"
            f"{found_money:>8}/{money} {found_money / money:>4.0%}"
        )
    print()
    _targets(speeds)
    _sizes([tool for tool in tools if tool.name in ("planwatch", "jionlp money")], texts[0], args)


SIZES = (1, 4, 16)


def facts_snapshot() -> dict[str, str]:
    """Each document's extraction as canonical JSON, by file name: what an optimisation keeps."""
    paths = [SAMPLE]
    for variable in ("PLANWATCH_CORPUS", "PLANWATCH_GENRES"):
        folder = os.environ.get(variable)
        if folder and Path(folder).is_dir():
            paths += sorted(p for p in Path(folder).iterdir() if p.suffix == ".txt")
    out = {}
    for path in paths:
        loaded = load(path)
        extraction = extract_text(loaded.text, loaded.document)
        out[path.name] = json.dumps(extraction.as_dict(), ensure_ascii=False, sort_keys=True)
    return out


def _facts_check(save: Path | None, same: Path | None) -> int:
    """--save-facts writes the snapshot; --same-facts compares with one (0 when identical)."""
    snapshot = facts_snapshot()
    if save is not None:
        save.write_text(json.dumps(snapshot, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"facts of {len(snapshot)} documents written to {save}")
    if same is None:
        return 0
    before = json.loads(same.read_text(encoding="utf-8"))
    changed = sorted(
        name for name in before.keys() | snapshot.keys() if before.get(name) != snapshot.get(name)
    )
    for name in changed:
        print(f"facts differ: {name}")
    print(f"{len(snapshot) - len(changed)} of {len(snapshot)} documents have identical facts")
    return 1 if changed else 0


def _sizes(tools: list[Tool], text: str, args: argparse.Namespace) -> None:
    """Throughput on 1x, 4x and 16x the sample text: flat chars/s is linear time."""
    print()
    print(
        f"{'text size':<12}{'chars':>10}"
        + "".join(f"{tool.name + ' chars/s':>26}" for tool in tools)
    )
    first: dict[str, float] = {}
    for size in SIZES:
        long_text = "\n".join([text] * size)
        row = f"{str(size) + 'x':<12}{len(long_text):>10,}"
        speeds = throughputs(tools, [long_text], args.seconds / 2)
        for tool in tools:
            speed = speeds[tool.name]
            first.setdefault(tool.name, speed)
            row += f"{speed:>16,.0f} ({speed / first[tool.name]:>4.2f} of 1x)"
        print(row)
    print("linear time: chars/s stays near 1.00 of 1x as the text grows")


def _targets(speeds: dict[str, float]) -> None:
    own = speeds["planwatch"]
    print(
        f"target planwatch >= 1,000,000 chars/s: {'met' if own >= 1e6 else 'NOT met'} ({own:,.0f})"
    )
    if "Recognizers-Text" in speeds:
        ratio = own / speeds["Recognizers-Text"]
        print(
            f"target >= 10x Recognizers-Text: {'met' if ratio >= 10 else 'NOT met'} ({ratio:.1f}x)"
        )
    if "jionlp money" in speeds:
        ratio = own / speeds["jionlp money"]
        print(
            f"target at least as fast as jionlp money-only: {'met' if ratio >= 1 else 'NOT met'} "
            f"({ratio:.2f}x)"
        )


if __name__ == "__main__":
    main()
