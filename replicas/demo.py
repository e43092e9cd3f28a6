"""Start the bundled replicas for one persona: what `--demo`, `replica` and the tests use."""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from replicas.personas import load_persona
from replicas.server import ReplicaServer


def replica_classes() -> dict:
    """Every replica: a folder here whose package has a ReplicaApp subclass (its name is the
    platform id). Found by looking, like the audit's platforms, never by reading the audit."""
    import importlib

    from replicas.base import ReplicaApp

    found = {}
    for folder in sorted(Path(__file__).resolve().parent.iterdir()):
        if not (folder / "__init__.py").is_file():
            continue
        module = importlib.import_module(f"replicas.{folder.name}")
        apps = [v for v in vars(module).values()
                if isinstance(v, type) and issubclass(v, ReplicaApp) and v is not ReplicaApp and v.__module__ == module.__name__]
        if apps:
            found[folder.name] = apps[0]
    return found


@dataclass
class RunningReplicas:
    """The running replicas of one persona: origins for --site, sessions for the audit."""

    persona: str
    apps: dict = field(default_factory=dict)
    servers: dict = field(default_factory=dict)
    _stack: ExitStack = field(default_factory=ExitStack)

    @property
    def sites(self) -> dict[str, str]:
        return {p: s.origin for p, s in self.servers.items()}

    def sessions(self) -> dict[str, dict]:
        return {p: app.storage_state() for p, app in self.apps.items()}

    def writes(self) -> dict[str, list]:
        return {p: list(app.writes) for p, app in self.apps.items()}

    def stop(self) -> None:
        self._stack.close()

    def __enter__(self) -> RunningReplicas:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_replicas(persona: str = "demo", platforms: list[str] | None = None, ports: dict[str, int] | None = None,
                   layout_seed: int | None = None) -> RunningReplicas:
    data = load_persona(persona)
    running = RunningReplicas(persona)
    for platform, cls in replica_classes().items():
        if platforms and platform not in platforms:
            continue
        if platform not in data:
            continue
        app = cls(load_persona(persona), layout_seed=layout_seed)
        server = running._stack.enter_context(ReplicaServer(app, port=(ports or {}).get(platform, 0)))
        running.apps[platform] = app
        running.servers[platform] = server
    return running
