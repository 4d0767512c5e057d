"""How fast planwatch drafts reports: the 武昌区 sample in each format, then a city's batch.

    python bench/bench_report.py [--regions 100] [--repeat 5] [--formats md,html,docx,pdf]

Part one times draft + render of the sample (plan, H1 figures, narratives) per format.
Part two builds a temporary SQLite store with ``--regions`` synthetic districts under
武汉市, each with a generated plan (8 targets, 6 key tasks) and H1 figures, and drafts
every district's report in each format, as an office would for a city-wide round.
Prints seconds per report and reports per minute per format.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planwatch.config import Settings, sqlite_url  # noqa: E402
from planwatch.records.narratives import set_narrative  # noqa: E402
from planwatch.records.observations import ObservationIn, store_observations  # noqa: E402
from planwatch.records.plans import PlanIn, ProgressIn, TargetIn, TaskIn, store_plan  # noqa: E402
from planwatch.report import Report, draft_report, write_report  # noqa: E402
from planwatch.store import Store, open_store  # noqa: E402
from planwatch.store.reference import add_region  # noqa: E402
from tests.conftest import load_sample  # noqa: E402

PERIOD = "2017H1"
SECTIONS = ("深入实施创新驱动发展战略", "优化升级经济结构", "高标准实施城市建设")
# indicator, target kind, target value, unit, H1 level, level unit
TARGETS = (
    ("地区生产总值", "growth_at_least", 9.0, "%", 500.0, "亿元"),
    ("全社会固定资产投资", "value_at_least", 220.0, "亿元", 160.0, "亿元"),
    ("全社会固定资产投资", "growth_at_least", 10.0, "%", 160.0, "亿元"),
    ("地方一般公共预算收入", "growth_at_least", 10.0, "%", 80.0, "亿元"),
    ("招商引资", "value_at_least", 540.0, "亿元", 420.0, "亿元"),
    ("社会消费品零售总额", "growth_at_least", 10.0, "%", 300.0, "亿元"),
    ("城镇居民人均可支配收入", "growth_at_least", 9.0, "%", 24000.0, "元"),
    ("实际利用外资", "value_at_least", 3.0, "亿美元", 2.0, "亿美元"),
)


def open_temp_store(folder: Path) -> Store:
    folder.mkdir()
    settings = Settings(database_url=sqlite_url(folder / "bench.db"), secret_key="bench")
    return open_store(settings, create=True)


def synthetic_plan(code: str, rng: random.Random) -> PlanIn:
    targets = [
        TargetIn.model_validate(
            {"indicator": name, "kind": kind, "value": value, "unit": unit, "qualifier": "at_least"}
        )
        for name, kind, value, unit, _, _ in TARGETS
    ]
    tasks = [
        TaskIn(
            title=f"重点任务{number + 1}",
            section=SECTIONS[number // 2],
            unit="个",
            target_value=100,
            progress=[
                ProgressIn(
                    period=PERIOD,
                    note=f"完成项目{(done := rng.randint(30, 80))}个,占全年目标的{done}%。",
                    value=done,
                    unit="个",
                    completion=done,
                )
            ],
        )
        for number in range(6)
    ]
    return PlanIn(region=code, year=2017, targets=targets, tasks=tasks)


def synthetic_figures(code: str, rng: random.Random) -> list[ObservationIn]:
    figures = []
    for name, _, _, _, level, unit in dict.fromkeys(TARGETS):
        scale = rng.uniform(0.6, 1.3)
        figures.append(
            ObservationIn(
                region=code,
                indicator=name,
                period=PERIOD,
                value=round(level * scale, 2),
                unit=unit,
                status="published",
            )
        )
        figures.append(
            ObservationIn(
                region=code,
                indicator=name,
                period=PERIOD,
                measure="yoy_growth",
                value=round(rng.uniform(2, 16), 1),
                unit="%",
                status="published",
            )
        )
    return figures


def build_city(store: Store, count: int) -> list[str]:
    """``count`` districts under 武汉市 with plans, figures and an opening paragraph."""
    rng = random.Random(2017)
    codes = []
    with store.transaction(actor="bench") as session:
        for number in range(count):
            code = f"420100{number + 901:03d}"
            add_region(session, code, f"合成{number + 1:03d}区", "county", parent="420100")
            store_plan(session, synthetic_plan(code, rng))
            store_observations(session, synthetic_figures(code, rng))
            set_narrative(session, code, PERIOD, "opening", "今年以来,全区经济运行总体平稳。")
            codes.append(code)
    return codes


def timed(action: Callable[[], object], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        action()
    return (time.perf_counter() - start) / repeat


def draft_and_write(store: Store, region: str, fmt: str, folder: Path) -> Report:
    with store.reading() as session:
        report = draft_report(session, region, PERIOD)
    write_report(report, fmt, folder / f"{region}.{fmt}")
    return report


def draft_batch(store: Store, codes: list[str], fmt: str, folder: Path) -> None:
    for code in codes:
        draft_and_write(store, code, fmt, folder)


def print_row(label: str, seconds: float) -> None:
    print(f"  {label:<8} {seconds * 1000:9.1f} ms/report  {60 / seconds:9.0f} reports/min")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--formats", default="md,html,docx,pdf")
    args = parser.parse_args()
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-") as name:
        folder = Path(name)
        sample = open_temp_store(folder / "sample")
        load_sample(sample)
        print(f"武昌区 {PERIOD} sample, draft + render, mean of {args.repeat}:")
        draft_and_write(sample, "武昌区", "pdf", folder)  # warm-up: fonts, templates, imports
        for fmt in formats:
            one = partial(draft_and_write, sample, "武昌区", fmt, folder)
            print_row(fmt, timed(one, args.repeat))
        city = open_temp_store(folder / "city")
        start = time.perf_counter()
        codes = build_city(city, args.regions)
        print(
            f"\n{len(codes)} synthetic districts built in {time.perf_counter() - start:.1f} s; batch:"
        )
        for fmt in formats:
            total = timed(partial(draft_batch, city, codes, fmt, folder), 1)
            print_row(fmt, total / len(codes))


if __name__ == "__main__":
    main()
