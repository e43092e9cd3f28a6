"""The shape of the code: the core never needs the wizard, and nothing imports in a circle.

Every import is counted, the ones inside functions too (a late import hides a cycle, it
doesn't remove it). Rules:
- only `gui/` and the entry point `main.py` import `gui`; the wizard and the command line
  share the core, never each other;
- the core (`audits`, `checkup`, `checklists`, `store`, `report`, `reminders`) never imports
  the command line or the replicas (a replica must never read the audit's labels, and the
  audit must never lean on a replica);
- the replicas never import the audit's code or declarations;
- no module imports itself back through others (no cycles).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("audits", "checkup", "checklists", "store", "report", "reminders", "cli", "gui", "replicas")
CORE = ("audits", "checkup", "checklists", "store", "report", "reminders")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The project modules `path` imports (a `from a import b` names a.b when that is a module)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, base] if base else up)
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        else:
            continue
        for target in targets:
            # "import a.b.c" also runs a and a.b: count the deepest project module named.
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def project_graph() -> dict[str, set[str]]:
    files = [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")] + [ROOT / "main.py"]
    modules = {module_name(p) for p in files}
    return {module_name(p): imports_of(p, modules) for p in files}


def top(module: str) -> str:
    return module.split(".")[0]


def test_only_the_wizard_and_the_entry_point_import_the_wizard():
    offenders = sorted(f"{m} imports {t}" for m, targets in project_graph().items() for t in targets
                       if top(t) == "gui" and top(m) not in ("gui", "main"))
    assert offenders == []


def test_the_wizard_and_the_command_line_share_the_core_not_each_other():
    offenders = sorted(f"{m} imports {t}" for m, targets in project_graph().items() for t in targets
                       if (top(m), top(t)) in (("gui", "cli"), ("cli", "gui")))
    assert offenders == []


def test_the_core_imports_neither_the_command_line_nor_the_replicas():
    offenders = sorted(f"{m} imports {t}" for m, targets in project_graph().items() for t in targets
                       if top(m) in CORE and top(t) in ("cli", "replicas", "gui"))
    assert offenders == []


def test_the_replicas_never_read_the_audit():
    offenders = sorted(f"{m} imports {t}" for m, targets in project_graph().items() for t in targets
                       if top(m) == "replicas" and top(t) in ("audits", "checklists", "checkup"))
    assert offenders == []


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycles():
    cycle = find_cycle(project_graph())
    assert cycle is None, " -> ".join(cycle)


def test_the_cycle_finder_finds_a_cycle():
    # The rule above would pass vacuously if the finder were broken.
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    graph = project_graph()
    assert "audits.registry" in graph["audits.catalog"]  # imports inside the project are seen
