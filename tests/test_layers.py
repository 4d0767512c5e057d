"""The import rules of docs/architecture.md, checked on the source so a change that breaks
them fails CI; the checker is itself tested on a package that breaks each rule."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "planwatch"

# the domain's words: importable from everywhere, importing only each other
CORE = {
    "vocabulary",
    "periods",
    "catalog",
    "regions",
    "units",
    "numberformat",
    "links",
    "errors",
    "config",
    "jsondata",
}
# each layer and the layers (besides itself and the core) it may import
MAY_IMPORT: dict[str, set[str]] = {
    "core": set(),
    "extract": set(),
    "store": set(),
    "records": {"store", "extract"},
    "reads": {"store"},
    "assess": {"reads", "store"},
    "report": {"assess", "reads", "store", "extract"},
    "demo": {"records", "store", "extract"},
    "web": {"report", "assess", "reads", "records", "store", "extract"},
    "cli": {"web", "demo", "report", "assess", "reads", "records", "store", "extract"},
    "__main__": {"cli"},
}
FACES = {"web", "report", "cli"}
# faces read through planwatch.reads: no query building, no table classes
FORBIDDEN_IN_FACES = {"planwatch.store.models"}
QUERY_NAMES = {"select", "insert", "update", "delete", "text", "func", "bindparam"}
# web modules that are libraries for pages; every other web module is a page, a leaf
WEB_LIBRARIES = {
    "__init__",
    "app",
    "auth",
    "cache",
    "errors",
    "forms",
    "i18n",
    "limits",
    "params",
    "parts",
    "preconditions",
    "render",
    "shapes",
    "spans",
    "tables",
}


@dataclass(frozen=True)
class Breach:
    module: str
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.module} imports {self.imported}: {self.rule}"


def layer_of(parts: tuple[str, ...]) -> str:
    """``('reads', 'figures')`` → reads; ``('units',)`` → core."""
    head = parts[0].removesuffix(".py")
    return "core" if head in CORE else head


def imports_of(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every import in the file, function-level ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def breaches(root: Path) -> list[Breach]:
    """Every import under ``root`` (a package named planwatch) that breaks a rule."""
    found: list[Breach] = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if "migrations" in parts:
            continue
        found += _breaches_of(path, parts)
    return found


def _breaches_of(path: Path, parts: tuple[str, ...]) -> list[Breach]:
    layer = layer_of(parts)
    module = ".".join(("planwatch", *parts)).removesuffix(".py")
    found = []
    for imported, names in imports_of(path):
        if imported.startswith("sqlalchemy") and layer in FACES:
            if QUERY_NAMES & set(names):
                found.append(Breach(module, imported, "faces build no queries"))
        if not imported.startswith("planwatch"):
            continue
        target = imported.split(".")[1:] or names[:1]
        if not target:
            continue
        other = layer_of(tuple(target))
        if other not in ({layer, "core"} | MAY_IMPORT.get(layer, set())):
            found.append(Breach(module, imported, f"{layer} may not import {other}"))
        if layer in FACES and imported in FORBIDDEN_IN_FACES:
            found.append(Breach(module, imported, "faces read through planwatch.reads"))
        # from planwatch.web import indicator names the module in its names
        named = [target + [name] for name in names] if len(target) == 1 else [target]
        if any(_page_imports_page(parts, t) for t in named):
            found.append(Breach(module, imported, "pages do not import each other"))
    return found


def _page_imports_page(parts: tuple[str, ...], target: list[str]) -> bool:
    if parts[0] != "web" or len(target) < 2 or target[0] != "web":
        return False
    here = parts[-1].removesuffix(".py")
    return here not in WEB_LIBRARIES and target[1] not in WEB_LIBRARIES


def test_the_package_keeps_its_import_rules() -> None:
    assert [str(b) for b in breaches(PACKAGE)] == []


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "planwatch"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def test_the_checker_finds_each_kind_of_breach(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "reads/figures.py": "from planwatch.assess.model import Figure\n",
            "web/overview.py": "from sqlalchemy import select\nfrom planwatch.web import indicator\n",
            "web/indicator.py": "from planwatch.store.models import Observation\n",
            "report/draft.py": "def f():\n    from planwatch.records.review import accept_fact\n",
            "extract/grammar.py": "import planwatch.store.db\n",
            "web/render.py": "from planwatch.web.parts import card\n",
        },
    )
    rules = {(b.module, b.rule) for b in breaches(root)}
    assert rules == {
        ("planwatch.reads.figures", "reads may not import assess"),
        ("planwatch.web.overview", "faces build no queries"),
        ("planwatch.web.overview", "pages do not import each other"),
        ("planwatch.web.indicator", "faces read through planwatch.reads"),
        ("planwatch.report.draft", "report may not import records"),
        ("planwatch.extract.grammar", "extract may not import store"),
    }


def test_the_checker_passes_a_package_that_keeps_the_rules(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "reads/figures.py": "from planwatch.store.models import Observation\n",
            "web/overview.py": "from planwatch.reads.figures import FigureBook\n",
            "web/parts.py": "from planwatch import links\n",
            "assess/region.py": "from planwatch.reads.figures import FigureBook\n",
        },
    )
    assert breaches(root) == []
