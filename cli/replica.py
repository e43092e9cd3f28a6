"""`python main.py replica`: serve the bundled replicas for exploring them by hand."""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path

from cli.errors import UsageError


def add_parser(sub) -> None:
    p = sub.add_parser("replica", help="serve the bundled platform replicas on this computer only")
    p.add_argument("--persona", default="demo", help="demo, wide_open or locked_down (or a .toml file)")
    p.add_argument("--port", type=int, default=8701, help="first port (one per platform; default 8701)")
    p.add_argument("--write-sessions", metavar="DIR", help="write each platform's signed-in session file here")
    p.set_defaults(run=run)


def run(args) -> int:
    from replicas.demo import replica_classes, start_replicas
    from replicas.personas import PersonaError

    classes = replica_classes()
    if not 1024 <= args.port <= 65535 - len(classes):
        raise UsageError(f"--port must be from 1024 to {65535 - len(classes)} (one port per platform), not {args.port}")
    ports = {p: args.port + n for n, p in enumerate(classes)}
    try:
        running = start_replicas(args.persona, ports=ports)
    except FileNotFoundError as exc:
        raise UsageError(f"no persona '{args.persona}'") from exc
    except PersonaError as exc:
        raise UsageError(f"--persona: {exc}") from exc
    except OSError as exc:
        raise UsageError(f"can't listen on port {args.port}: {exc.strerror}") from exc
    with running:
        print(f"Replicas for persona '{args.persona}', on this computer only:")
        for platform, origin in running.sites.items():
            print(f"  {platform}: {origin}   (audit with --site {platform}={origin})")
        if args.write_sessions:
            folder = Path(args.write_sessions)
            folder.mkdir(parents=True, exist_ok=True)
            for platform, state in running.sessions().items():
                path = folder / f"{platform}-session.json"
                path.write_text(json.dumps(state, indent=2))
                path.chmod(0o600)
                print(f"  session for {platform}: {path}   (--session {platform}={path})")
        print("Press Ctrl+C to stop.")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0
