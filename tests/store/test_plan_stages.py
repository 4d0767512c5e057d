"""Plan files written with the older four stages still load: each word is read as the
ledger's stage, and the stage a plan states counts only while a project has no dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.assess import project_stages
from planwatch.errors import InvalidInput
from planwatch.records.plans import read_plan_file, store_plan
from planwatch.store import Store

OLD_PLAN = """\
region: 武昌区
year: 2018
projects:
- {name: 甲项目, stage: planned}
- {name: 乙项目, stage: started}
- {name: 丙项目, stage: under_construction}
- {name: 丁项目, stage: completed}
- {name: 戊项目, stage: 在建}
- {name: 己项目, stage: completed, actual_start: '2018-03-01'}
"""


def test_an_old_plan_file_loads_in_the_one_vocabulary(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "old-plan.yaml"
    path.write_text(OLD_PLAN, encoding="utf-8")
    plan_in = read_plan_file(path)
    assert [p.stage for p in plan_in.projects] == [
        "preliminary",
        "new_start",
        "continuing",
        "finished",
        "continuing",
        "finished",
    ]
    with sample_store.transaction() as session:
        store_plan(session, plan_in)
    with sample_store.reading() as session:
        stages = project_stages(session, "武昌区", "2018H1")
    # 己项目 states 竣工 but its dates say it started this year
    assert stages.names["new_start"] == ["乙项目", "己项目"]
    assert stages.names["finished"] == ["丁项目"]
    assert stages.names["continuing"] == ["丙项目", "戊项目"]


def test_a_word_that_is_no_stage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad-plan.yaml"
    path.write_text("region: 武昌区\nyear: 2018\nprojects:\n- {name: 甲, stage: 半途}\n", "utf-8")
    with pytest.raises(InvalidInput):
        read_plan_file(path)
