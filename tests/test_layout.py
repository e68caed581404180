"""The layout shows the flow: imports point one way, cli -> usage -> app -> commands/render
-> load/text -> domain, and only the edges import Typer, Rich and matplotlib."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "kanaalstats"
# A module may import its own layer's modules and those of lower layers, never a sibling
# layer of the same rank (commands and render, load and text know nothing of each other).
RANK = {
    "cli": 6,
    "usage": 5,  # the command line's words: usage errors and help, for cli only
    "app": 4,
    "commands": 3,
    "render": 3,
    "load": 2,
    "text": 2,
    "domain": 1,
}
ONLY_IN = {"typer": {"cli", "usage"}, "rich": {"render"}, "matplotlib": {"render"}}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "kanaalstats" else None


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in ("__init__.py", "__main__.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path) -> None:
    relative = path.relative_to(PACKAGE)
    own = relative.parts[0].removesuffix(".py")
    assert own in RANK, f"{relative} is in no layer"
    for name in _imports(path):
        top = name.split(".")[0]
        if top in ONLY_IN:
            assert own in ONLY_IN[top], f"{relative} imports {name}"
        layer = _layer(name)
        if layer is None or layer == own or layer not in RANK:
            continue
        assert RANK[layer] < RANK[own], f"{relative} ({own}) imports {name} ({layer})"


def test_the_check_sees_a_wrong_import(tmp_path: Path) -> None:
    # The rule above would pass vacuously if _imports found nothing: show it finds imports.
    probe = tmp_path / "probe.py"
    probe.write_text("from kanaalstats.app import run\nimport rich.table\n", encoding="utf-8")
    assert _imports(probe) == ["kanaalstats.app", "rich.table"]
