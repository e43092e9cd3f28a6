"""Fault injection shared by every replica (README, "Faults").

A platform app owns a `Faults` registry, telling it where its login and checkpoint pages
are, and passes each request through `Faults.serve`. Every kind also takes `times=N`,
which limits the fault to the first N matching requests (the README documents it for
`rate_limit`, where it matters most).
"""

from __future__ import annotations

import html
import json
import random
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from .server import STOPPING_KEY
from .web import Response, path_with_query, request_url, status_line

# kind -> {parameter: default}; None marks a required parameter.
KINDS: dict[str, dict] = {
    "status": {"status": None},
    "rate_limit": {"retry_after": 1},
    "hang": {},
    "slow": {"seconds": 1.0},
    "empty": {},
    "login_wall": {},
    "checkpoint": {},
    "replace": {"mapping": None, "regex": False},
    "wrap": {"extra": 2},
    "redirect_loop": {},
    "third_party": {},
    # A page that tries to reach another host by every way a browser has (the audit must let
    # none of it through): fetch, an image, a beacon, a WebSocket and WebRTC (STUN over UDP).
    "egress": {"host": "127.0.0.2", "port": 0},
    # Hostile pages: script that never yields, reading functions overridden to lie, memory
    # or nodes without end, pop-ups and downloads (HOSTILE below).
    "hostile": {"what": None, "delay": 0.3},
    # Loading behaviour of single-page apps (README "Faults"); all randomness from `seed`,
    # drawn per request path (random.Random(f"{seed}:{path}")), so a failure replays.
    "late": {"seed": 0, "delay": 1.5},
    "skeleton": {"seed": 0, "delay": 1.5},
    "restless": {"seed": 0, "seconds": 1.0},
    "decoys": {"seed": 0},
}

THIRD_PARTY = ('<script src="https://tracker.example.net/t.js"></script>'
               '<img src="https://ads.example.com/p.gif" alt="" width="1" height="1">')


HOSTILE = {
    # The page's main thread never comes back: nothing evaluated in it can answer.
    "busy_loop": "setTimeout(() => { for (;;) {} }, DELAY);",
    # Every way script reads text and attributes, overridden to say the safe answer: a
    # reader running in the page's own world believes it; what is rendered still says
    # "Everyone" or "Public".
    "getters": """
      const lie = (s) => typeof s === "string" ? s.replace(/\\b(Everyone|Public|Anyone|On)\\b/g, "Only me") : s;
      for (const [proto, name] of [[Node.prototype, "textContent"], [HTMLElement.prototype, "innerText"],
                                   [Node.prototype, "nodeValue"], [Element.prototype, "innerHTML"]]) {
        const d = Object.getOwnPropertyDescriptor(proto, name);
        if (d && d.get) Object.defineProperty(proto, name, { get() { return lie(d.get.call(this)); }, set: d.set,
                                                               configurable: true });
      }
      const getAttribute = Element.prototype.getAttribute;
      Element.prototype.getAttribute = function (n) {
        const v = getAttribute.call(this, n);
        return n === "aria-checked" && v === "true" ? "false" : lie(v);
      };
      const checked = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "checked");
      Object.defineProperty(HTMLInputElement.prototype, "checked", { get() { return false; }, set: checked.set,
                                                                     configurable: true });""",
    # Memory without end: the renderer dies (a crash, not a network error).
    "memory": "setTimeout(() => { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(hoard.length)); }, DELAY);",
    # A million nodes added after the page looks ready.
    "nodes": """setTimeout(() => { const box = document.createElement("div"); box.hidden = true;
      for (let i = 0; i < 1e6; i++) box.appendChild(document.createElement("span"));
      document.body.appendChild(box); }, DELAY);""",
    # A page that sends itself somewhere new by script, for ever.
    "js_redirects": """setTimeout(() => { const u = new URL(location.href); u.searchParams.set("again", Date.now());
      location.replace(u.toString()); }, DELAY);""",
    # Windows and downloads nobody asked for.
    "popups": """setTimeout(() => { for (let i = 0; i < 5; i++) window.open("https://popup.example.net/" + i);
      const a = document.createElement("a"); a.href = URL.createObjectURL(new Blob(["x"])); a.download = "x.exe";
      document.body.appendChild(a); a.click(); }, DELAY);""",
}


def hostile_script(what: str, delay: float) -> str:
    if what not in HOSTILE:
        raise ValueError(f"unknown hostile page {what!r} (one of {', '.join(HOSTILE)})")
    return "<script>(() => {" + HOSTILE[what].replace("DELAY", str(int(delay * 1000))) + "})();</script>"


def egress_script(host: str, port: int) -> str:
    """Every way a page can send something to another host."""
    where = f"{host}:{port}"
    return f"""<img src="http://{where}/pixel.gif" alt="" width="1" height="1">
<script>
(() => {{
  try {{ fetch("http://{where}/fetch", {{ mode: "no-cors" }}).catch(() => {{}}); }} catch (e) {{}}
  try {{ navigator.sendBeacon("http://{where}/beacon", "x"); }} catch (e) {{}}
  try {{ new WebSocket("ws://{where}/socket"); }} catch (e) {{}}
  try {{
    const Peer = window.RTCPeerConnection || window.webkitRTCPeerConnection;
    const pc = new Peer({{ iceServers: [{{ urls: "stun:{where}" }}] }});
    pc.createDataChannel("x");
    pc.createOffer().then((o) => pc.setLocalDescription(o)).catch(() => {{}});
  }} catch (e) {{}}
}})();
</script>"""


@dataclass
class Fault:
    pattern: re.Pattern
    kind: str
    params: dict
    times: int | None = None
    hits: int = 0


def error_page(status: int) -> str:
    if status == 404:
        title, text = "This page isn't available", "The link may be broken, or the page may have been removed."
    elif status == 429:
        title, text = "You're Temporarily Blocked", "It looks like you were misusing this feature by going too fast."
    else:
        title, text = "Sorry, something went wrong.", "We're working on getting this fixed as soon as we can."
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'</head><body><div role="main"><h1>{title}</h1><p>{text}</p></div></body></html>')


class Faults:
    def __init__(self, login_url: Callable[[str], str], checkpoint_url: str):
        self._login_url = login_url  # absolute original URL -> login page location
        self._checkpoint_url = checkpoint_url
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._released = threading.Event()  # for apps run outside ReplicaServer

    def add(self, path_regex: str, kind: str, times: int | None = None, **params) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r} (one of {', '.join(KINDS)})")
        unknown = set(params) - set(KINDS[kind])
        if unknown:
            raise TypeError(f"fault {kind!r} takes no parameter {', '.join(sorted(unknown))}")
        merged = {**KINDS[kind], **params}
        missing = [name for name, value in merged.items() if value is None]
        if missing:
            raise TypeError(f"fault {kind!r} needs {', '.join(missing)}")
        fault = Fault(re.compile(path_regex), kind, merged, times)
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def release(self) -> None:
        """Let `hang` requests go (ReplicaServer.stop does this for its own requests)."""
        self._released.set()

    def _pick(self, target: str) -> Fault | None:
        with self._lock:
            for fault in reversed(self._faults):  # later faults win
                if fault.times is not None and fault.hits >= fault.times:
                    continue
                if fault.pattern.search(target):
                    fault.hits += 1
                    return fault
        return None

    def serve(self, environ, start_response, app):
        """Answer one request through `app`, unless a fault says otherwise."""
        fault = self._pick(path_with_query(environ))
        if fault is None:
            return app(environ, start_response)
        kind, p = fault.kind, fault.params
        stopping = environ.get(STOPPING_KEY) or self._released

        if kind == "status":
            return Response(error_page(p["status"]), p["status"])(environ, start_response)
        if kind == "rate_limit":
            headers = [("Retry-After", str(p["retry_after"]))]
            return Response(error_page(429), 429, headers)(environ, start_response)
        if kind == "hang":
            stopping.wait()
            return Response(error_page(503), 503)(environ, start_response)
        if kind == "slow":
            stopping.wait(p["seconds"])
            return app(environ, start_response)
        if kind == "empty":
            return Response("<html><body></body></html>")(environ, start_response)
        if kind == "login_wall":
            return _redirect(self._login_url(request_url(environ)), environ, start_response)
        if kind == "checkpoint":
            return _redirect(self._checkpoint_url, environ, start_response)
        if kind == "redirect_loop":
            return _redirect(path_with_query(environ), environ, start_response)
        return self._rewrite(fault, environ, start_response, app)

    def _rewrite(self, fault, environ, start_response, app):
        """replace / wrap / third_party and the loading kinds: change the rendered page after
        the app has run."""
        status, headers, body = _run(app, environ)
        content_type = dict((k.lower(), v) for k, v in headers).get("content-type", "")
        if content_type.startswith("text/"):
            text = body.decode("utf-8", "replace")
            if fault.kind == "replace":
                for old, new in fault.params["mapping"].items():
                    if fault.params.get("regex"):  # markup changes: a value moved, a control removed
                        text = re.sub(old, new, text)
                        continue
                    # Labels reach the page HTML-escaped (you're -> you&#39;re): replace both forms.
                    for a, b in ((old, new), (html.escape(old), html.escape(new)),
                                 (old.replace("'", "&#39;"), new.replace("'", "&#39;"))):
                        text = text.replace(a, b)
            elif fault.kind in SPA_KINDS:
                text = spa_rewrite(fault.kind, fault.params, path_with_query(environ), text)
            elif fault.kind == "wrap":
                n = int(fault.params["extra"])
                text = _around_body(text, "<div>" * n, "</div>" * n)
            elif fault.kind == "hostile":
                text = _around_body(text, "", hostile_script(fault.params["what"], fault.params["delay"]))
            elif fault.kind == "egress":
                text = _around_body(text, "", egress_script(fault.params["host"], fault.params["port"]))
            else:
                text = _around_body(text, "", THIRD_PARTY)
            body = text.encode("utf-8")
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(status, headers + [("Content-Length", str(len(body)))])
        return [body]


def _redirect(location, environ, start_response):
    return Response("", 302, [("Location", location)])(environ, start_response)


def _run(app, environ) -> tuple[str, list, bytes]:
    """Call a WSGI app and collect its whole answer."""
    answer: dict = {}
    chunks: list[bytes] = []

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, list(headers)
        return chunks.append

    result = app(environ, start_response)
    try:
        chunks.extend(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer.get("status", status_line(500)), answer.get("headers", []), b"".join(chunks)


_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)


def _around_body(html: str, before: str, after: str) -> str:
    """Insert text just inside <body>...</body>; fragments without a body are left alone."""
    opening, end = _BODY_OPEN.search(html), html.lower().rfind("</body")
    if not opening or end < opening.end():
        return html
    return html[:opening.end()] + before + html[opening.end():end] + after + html[end:]


# -- loading like a single-page app: late, skeleton, restless, decoys -------------------------
#
# Each is drawn from its `seed` and the request's path (with the query string), never from
# the order of requests: `loading_plan(kind, seed, path, ...)` gives the same plan for the
# same arguments, so a failing case can be replayed. The page's own content is never
# changed: `late` and `skeleton` only hold it back, `restless` touches harmless chrome, and
# `decoys` adds hidden copies that no person can see.

SPA_KINDS = ("late", "skeleton", "restless", "decoys")

PLACEHOLDER_FORMS = {"late": ("valuetext", "text", "bare"), "skeleton": ("busy", "status", "bare")}

# Values a decoy shows instead of the real ones (whole words; longest first when applied).
DECOY_SWAPS = {
    "Public": "Only me", "Only me": "Public", "Friends of friends": "Only me",
    "Friends": "Public", "Everyone": "No one", "No one": "Everyone", "Anyone": "Off",
    "Only people you follow": "Anyone", "Only you": "Public", "On": "Off", "Off": "On",
    "Yes": "No", "No": "Yes", "Anyone on LinkedIn": "No one",
    "Moi uniquement": "Public", "Tout le monde": "Personne", "Personne": "Tout le monde",
    "Amis": "Public", "Activé": "Désactivé", "Désactivé": "Activé",
}


def loading_plan(kind: str, seed=0, path: str = "/", delay: float = 1.5, seconds: float = 1.0) -> dict:
    """Everything random about one faulted page, drawn from `seed` and `path` only."""
    if kind not in SPA_KINDS:
        raise ValueError(f"{kind!r} is not a loading fault ({', '.join(SPA_KINDS)})")
    rng = random.Random(f"{seed}:{path}")
    if kind in ("late", "skeleton"):
        # Draw every value whatever is used, so one choice never shifts the others.
        first = round(rng.uniform(0.25, max(0.25, float(delay))), 3)
        two_stages = rng.random() < 0.5
        second = round(rng.uniform(0.2, 1.0), 3)
        form = rng.choice(PLACEHOLDER_FORMS[kind])
        boxes = [(rng.choice((12, 16, 20, 48, 120)), rng.randint(35, 100)) for _ in range(rng.randint(3, 7))]
        return {
            "kind": kind,
            "stages": [first, second] if two_stages else [first],
            "form": form,
            "boxes": boxes,
            "data_stays": rng.random() < 0.5,   # JSON/ld+json blocks in the shell, or late
            "title_late": rng.random() < 0.5,   # <title> starts as the site's bare name
            "head_late": rng.random() < 0.5,    # inline <script>s of <head> arrive with the content
            "css": f"x{rng.getrandbits(24):06x}",
        }
    if kind == "restless":
        kinds = ["badge", "ghost", "attr"]
        rng.shuffle(kinds)
        return {
            "kind": kind,
            "seconds": float(seconds),
            "interval": round(rng.uniform(0.04, 0.2), 3),
            "mutations": sorted(kinds[:rng.randint(1, 3)]),
            "count": rng.randint(1, 9),
        }
    return {
        "kind": kind,
        "hide": rng.choice(("hidden", "display", "aria")),     # how the copy is hidden
        "place": rng.choice(("before", "after", "end")),       # where it goes
        "dialog_place": rng.choice(("start", "end")),          # the closed dialog
        "dialog_title": rng.choice(("Select audience", "Who can see this?", "Choose an option")),
        "pick": rng.random(),                                  # which dialog option is "checked"
        "suffix": f"_{rng.getrandbits(16):04x}",                # renamed ids in the copy
    }


def spa_rewrite(kind: str, params: dict, path: str, text: str) -> str:
    """Apply one loading kind to a rendered page; answers without a <body> are left alone."""
    opening, end = _BODY_OPEN.search(text), text.lower().rfind("</body")
    if not opening or end < opening.end():
        return text
    plan = loading_plan(kind, params.get("seed", 0), path, delay=params.get("delay", 1.5),
                        seconds=params.get("seconds", 1.0))
    if kind in ("late", "skeleton"):
        return _shell(text, opening, end, plan)
    script = _RESTLESS_JS if kind == "restless" else _DECOYS_JS
    config = dict(plan, swaps=DECOY_SWAPS) if kind == "decoys" else plan
    return text[:end] + _inline(script, config) + text[end:]


def _inline(script: str, config: dict) -> str:
    return "<script>" + script.replace("__CONFIG__", _json(config)) + "</script>"


def _json(data) -> str:
    """JSON safe inside <script> (as web.json_script)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_HEAD_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>.*?</script\s*>", re.I | re.S)


def _shell(text: str, opening: re.Match, end: int, plan: dict) -> str:
    """late / skeleton: send the page's shell; a script puts its content in later."""
    head, body = text[:opening.start()], text[opening.end():end]
    title = None
    if plan["title_late"]:
        found = _TITLE.search(head)
        if found:
            raw = found.group(1)
            bare = re.split(r"\s+(?:\||/|-|·)\s+", raw.strip())[-1]  # "Settings | TikTok" -> "TikTok"
            if bare != raw.strip():
                title = html.unescape(raw.strip())
                head = head[:found.start(1)] + bare + head[found.end(1):]
    late_head: list[str] = []
    if plan["head_late"]:
        head_open = re.search(r"<head\b[^>]*>", head, re.I)
        start = head_open.end() if head_open else 0
        late_head = _HEAD_SCRIPT.findall(head, start)
        head = head[:start] + _HEAD_SCRIPT.sub("", head[start:])
    config = {"body": body, "head": late_head, "title": title, "stages": plan["stages"],
              "dataStays": plan["data_stays"], "placeholder": _placeholder(plan)}
    return head + opening.group(0) + _inline(_SHELL_JS, config) + text[end:]


def _placeholder(plan: dict) -> str:
    css, form = plan["css"], plan["form"]
    if plan["kind"] == "late":
        attrs = ' aria-valuetext="Loading..."' if form == "valuetext" else ""
        inner = '<span>Loading...</span>' if form == "text" else ""
        style = ("display:block;min-height:4px;min-width:40px;margin:16px auto;background-color:#e4e6eb"
                 if form != "text" else
                 "display:block;height:auto;width:auto;margin:16px auto;padding:16px;border:0;"
                 "animation:none;background:none;text-align:center;color:#65676b")
        return (f'<div class="{css}" role="progressbar" aria-label="Loading"{attrs} '
                f'style="{style}">{inner}</div>')
    boxes = "".join(f'<div class="{css}b" style="height:{h}px;width:{w}%;margin:12px 0;'
                    f'border-radius:6px;background:#e4e6eb"></div>' for h, w in plan["boxes"])
    attrs = {"busy": ' aria-busy="true"', "status": ' role="status" aria-label="Loading..."',
             "bare": ""}[form]
    return f'<div class="{css}"{attrs} style="padding:16px;max-width:680px;margin:0 auto">{boxes}</div>'


# The shell's script. C.body is the page's real <body> content; it keeps the page chrome
# (<header>/<nav>/banner/navigation outside the main content, and the JSON blocks when
# C.dataStays), holds back everything else behind the placeholder, and puts it back in place
# after C.stages (one or two delays, in seconds). Scripts parsed from a string never run, so
# the page's own are re-created once everything is in (in document order, <head>'s first).
_SHELL_JS = r"""(function (C) {
  var me = document.currentScript;
  var CHROME = "header,nav,[role=banner],[role=navigation]";
  var INSIDE = "main,[role=main],article,[role=article],section,aside,[role=region]";
  var DATA = 'script[type="application/json"],script[type="application/ld+json"]';
  var tpl = document.createElement("template");
  tpl.innerHTML = C.body;
  var root = tpl.content;
  function runnable(s) {
    var t = (s.getAttribute("type") || "").toLowerCase();
    return !t || /javascript|ecmascript|module/.test(t);
  }
  var scripts = Array.prototype.filter.call(root.querySelectorAll("script"), runnable);
  function kept(el) {
    if (C.dataStays && el.matches(DATA)) return true;
    return el.matches(CHROME) && !(el.parentElement && el.parentElement.closest(INSIDE));
  }
  function holdsKept(el) {
    var found = el.querySelectorAll(CHROME + "," + DATA);
    for (var i = 0; i < found.length; i++) if (kept(found[i])) return true;
    return false;
  }
  function hold(node, list) {
    var mark = document.createTextNode("");
    node.parentNode.replaceChild(mark, node);
    var entry = {mark: mark, node: node};
    list.push(entry);
    return entry;
  }
  var first = [], last = [];
  (function hollow(parent) {
    Array.prototype.slice.call(parent.childNodes).forEach(function (n) {
      if (n.nodeType === 1) {
        if (kept(n)) return;
        if (holdsKept(n)) { hollow(n); return; }
        hold(n, first);
      } else if (n.nodeType === 3 && n.data.trim()) {
        hold(n, first);
      }
    });
  })(root);
  function visual(n) { return n.nodeType === 3 || !/^(SCRIPT|TEMPLATE|STYLE|LINK|META)$/.test(n.nodeName); }
  var main = null, best = -1;  // the main column: the held part with the most text
  first.forEach(function (h) {
    if (h.node.nodeType === 1 && visual(h.node) && h.node.textContent.length > best) {
      best = h.node.textContent.length; main = h;
    }
  });
  var ph = document.createElement("template");
  ph.innerHTML = C.placeholder;
  ph = ph.content.firstElementChild;
  if (main) main.mark.parentNode.insertBefore(ph, main.mark); else root.appendChild(ph);
  var split = null;
  if (C.stages.length > 1) {
    if (main) {
      var box = main.node;
      while (box.children.length === 1) box = box.firstElementChild;
      var kids = box.children;
      if (kids.length >= 2) {  // the first half of the main column now, the rest later
        var n = kids[Math.ceil(kids.length / 2)], rest = [];
        for (; n; n = n.nextSibling) rest.push(n);
        rest.forEach(function (k) { hold(k, last); });
        split = last[0].mark;
      } else {  // nothing to halve: the other parts first, the main column later
        first.splice(first.indexOf(main), 1);
        last.push(main);
      }
    }
  }
  function put(list) {
    list.forEach(function (h) { h.mark.parentNode.replaceChild(h.node, h.mark); });
    list.length = 0;
  }
  function run(old) {
    var s = document.createElement("script");
    for (var i = 0; i < old.attributes.length; i++) s.setAttribute(old.attributes[i].name, old.attributes[i].value);
    if (s.src) s.async = false; else s.text = old.text;
    old.parentNode.replaceChild(s, old);
  }
  me.parentNode.insertBefore(root, me);
  me.parentNode.removeChild(me);
  scripts = scripts.filter(function (s) {  // chrome's own scripts run now, the rest at the end
    if (s.isConnected) { run(s); return false; }
    return true;
  });
  function partly() {
    put(first);
    if (split) split.parentNode.insertBefore(ph, split);
    setTimeout(done, C.stages[1] * 1000);  // the rest, that much after the first part
  }
  function done() {
    put(first);
    put(last);
    ph.remove();
    if (C.title !== null) document.title = C.title;
    C.head.forEach(function (markup) {
      var t = document.createElement("template");
      t.innerHTML = markup;
      Array.prototype.slice.call(t.content.childNodes).forEach(function (n) {
        document.head.appendChild(n);
        if (n.nodeName === "SCRIPT" && runnable(n)) run(n);
      });
    });
    scripts.forEach(function (s) { if (s.isConnected) run(s); });
  }
  setTimeout(C.stages.length > 1 ? partly : done, C.stages[0] * 1000);
})(__CONFIG__);"""

# After DOMContentLoaded, for C.seconds: a counter in the chrome ticks, an empty aria-hidden
# <div> comes and goes, a wrapper's data attribute flips (C.mutations says which). Then quiet.
_RESTLESS_JS = r"""(function (C) {
  var me = document.currentScript;
  if (me) me.parentNode.removeChild(me);
  function start() {
    var t0 = performance.now(), n = C.count, badge = null, ghost = null, flip = false;
    var host = document.querySelector("header,nav,[role=banner],[role=navigation]") || document.body;
    var wrapper = document.body.firstElementChild || document.body;
    var timer = setInterval(function () {
      if (performance.now() - t0 >= C.seconds * 1000) {
        clearInterval(timer);
        if (ghost) ghost.remove();
        return;
      }
      C.mutations.forEach(function (kind) {
        if (kind === "badge") {
          if (!badge) { badge = document.createElement("span"); host.appendChild(badge); }
          n = n % 9 + 1;
          badge.textContent = String(n);
        } else if (kind === "ghost") {
          if (ghost) { ghost.remove(); ghost = null; }
          else { ghost = document.createElement("div"); ghost.setAttribute("aria-hidden", "true"); document.body.appendChild(ghost); }
        } else {
          flip = !flip;
          wrapper.setAttribute("data-visualcompletion", flip ? "loading-state" : "ignore-dynamic");
        }
      });
    }, C.interval * 1000);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(__CONFIG__);"""

# Hidden copies a careless reader would pick up: the first main/form/region content again
# with every state flipped and the values swapped (ids renamed, so the page's own scripts and
# labels keep finding the real controls), and a closed dialog listing every option. Escape
# never reaches the decoy dialog (the page's "close the dialog" handlers see only real ones).
_DECOYS_JS = r"""(function (C) {
  var me = document.currentScript;
  if (me) me.parentNode.removeChild(me);
  var body = document.body;
  var words = Object.keys(C.swaps).sort(function (a, b) { return b.length - a.length; });
  var pattern = new RegExp("(^|[^\\w\\u00C0-\\u024F])(" + words.map(function (w) {
    return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }).join("|") + ")(?![\\w\\u00C0-\\u024F])", "g");
  function swap(text) { return text.replace(pattern, function (m, pre, w) { return pre + C.swaps[w]; }); }
  function clean(s) { return (s || "").replace(/\s+/g, " ").trim(); }
  function name(el) {
    var label = el.getAttribute("aria-label");
    if (label) return clean(label);
    var ids = el.getAttribute("aria-labelledby");
    if (ids) {
      var root = el.getRootNode();
      return clean(ids.split(/\s+/).map(function (id) {
        var ref = (root.getElementById ? root.getElementById(id) : null) || document.getElementById(id);
        return ref ? ref.textContent : "";
      }).join(" "));
    }
    if (el.labels && el.labels.length) return clean(el.labels[0].textContent);
    var wrap = el.closest("label");
    return clean(wrap ? wrap.textContent : el.textContent);
  }
  function hide(el, how) {
    if (how === "hidden") el.hidden = true;
    else if (how === "display") el.style.display = "none";
    else {
      el.setAttribute("aria-hidden", "true");
      el.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);visibility:hidden;pointer-events:none";
    }
  }
  function hidden(el) {  // a page's own CSS may override [hidden]: make sure
    var cs = getComputedStyle(el);
    if (cs.display !== "none" && cs.visibility !== "hidden") el.style.setProperty("display", "none", "important");
  }

  // Every option and switch of the page (menus kept in <template>s included), before the copy.
  var options = [], switches = [];
  (function scan(root) {
    root.querySelectorAll('option,[role=option],[role=radio],[role=menuitemradio],input[type=radio]').forEach(function (el) {
      var text = name(el);
      if (text && options.indexOf(text) < 0 && text.length < 80) options.push(text);
    });
    root.querySelectorAll('[role=switch],[role=checkbox],input[type=checkbox]').forEach(function (el) {
      var text = name(el);
      if (!text || text.length > 160) return;
      var on = el.getAttribute("aria-checked") === "true" || el.checked === true;
      switches.push([text, !on]);
    });
    root.querySelectorAll("template").forEach(function (t) { scan(t.content); });
  })(document);

  var target = document.querySelector("main,[role=main]")
    || document.querySelector("form,[role=form],[role=region]")
    || Array.prototype.filter.call(body.children, function (el) {
      return !/^(SCRIPT|TEMPLATE|STYLE)$/.test(el.nodeName) && !el.matches("header,nav,[role=banner],[role=navigation]");
    })[0];
  if (target) {
    var copy = target.cloneNode(true);
    copy.querySelectorAll("script,dialog,[role=dialog],[role=alertdialog]").forEach(function (el) { el.remove(); });
    var renamed = {};
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[id]"))).forEach(function (el) {
      if (el.id) { renamed[el.id] = el.id + C.suffix; el.id = renamed[el.id]; }
    });
    // States first, on the copy's own words: radios move to another value of their own
    // group (each keeps exactly one), selects to another option, switches and checkboxes flip.
    var groups = [];
    copy.querySelectorAll("[role=radio],[role=menuitemradio],input[type=radio]").forEach(function (el) {
      var key = (el.nodeName === "INPUT" && el.name) || el.closest("[role=radiogroup],[role=menu],fieldset,form") || el.parentNode;
      var g = groups.filter(function (x) { return x.key === key; })[0];
      if (!g) { g = {key: key, items: []}; groups.push(g); }
      g.items.push(el);
    });
    groups.forEach(function (g) {
      var items = g.items, cur = 0;
      items.forEach(function (el, i) {
        if (el.getAttribute("aria-checked") === "true" || el.hasAttribute("checked")) cur = i;
      });
      var want = C.swaps[name(items[cur])], to = (cur + 1) % items.length;
      items.forEach(function (el, i) { if (i !== cur && name(el) === want) to = i; });
      items.forEach(function (el, i) {
        if (el.hasAttribute("aria-checked") || el.getAttribute("role")) el.setAttribute("aria-checked", i === to ? "true" : "false");
        if (el.nodeName === "INPUT") {
          el.toggleAttribute("checked", i === to);
          if (!el.closest("form")) el.name = el.name + C.suffix;  // never one group with the real radios
        }
      });
    });
    copy.querySelectorAll("select").forEach(function (el) {
      var opts = Array.prototype.slice.call(el.options), cur = Math.max(0, el.selectedIndex);
      if (opts.length < 2) return;
      var want = C.swaps[clean(opts[cur].textContent)], to = (cur + 1) % opts.length;
      opts.forEach(function (o, i) { if (clean(o.textContent) === want && i !== cur) to = i; });
      opts.forEach(function (o, i) { o.toggleAttribute("selected", i === to); });
    });
    copy.querySelectorAll("[aria-checked],[aria-pressed],input[type=checkbox]").forEach(function (el) {
      if (el.matches("[role=radio],[role=menuitemradio]")) return;
      ["aria-checked", "aria-pressed"].forEach(function (n) {
        var v = el.getAttribute(n);
        if (v === "true" || v === "false") el.setAttribute(n, v === "true" ? "false" : "true");
      });
      if (el.type === "checkbox") el.toggleAttribute("checked");
    });
    // Then ids (renamed, references with them) and shown values (swapped; an option or a
    // radio keeps its own words, its group already says something else).
    var REFS = /^(for|form|list|headers|aria-(labelledby|describedby|controls|owns|activedescendant|details|errormessage|flowto))$/;
    var VALUES = /^(aria-label|aria-valuetext|aria-description|value|title|alt|placeholder|data-value)$/;
    var OWN = "option,[role=option],[role=radio],[role=menuitemradio],input[type=radio]";
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*"))).forEach(function (el) {
      var own = el.matches(OWN);
      Array.prototype.slice.call(el.attributes).forEach(function (a) {
        var n = a.name, v = a.value;
        if (REFS.test(n)) {
          var t = v.split(/\s+/).map(function (x) { return renamed[x] || x; }).join(" ");
          if (t !== v) el.setAttribute(n, t);
        } else if (VALUES.test(n)) {
          if (!own && swap(v) !== v) el.setAttribute(n, swap(v));
        } else if (n.indexOf("data-") === 0 && renamed[v]) {
          el.setAttribute(n, renamed[v]);
        } else if (n === "href" && v.charAt(0) === "#" && renamed[v.slice(1)]) {
          el.setAttribute(n, "#" + renamed[v.slice(1)]);
        }
      });
      if (el.nodeName === "BUTTON") el.removeAttribute("name");  // page scripts find real switches by name
    });
    var walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT), text;
    while ((text = walker.nextNode())) {
      var parent = text.parentNode;
      if (parent.nodeName === "STYLE" || (parent.closest && parent.closest(OWN))) continue;
      if (swap(text.data) !== text.data) text.data = swap(text.data);
    }
    var holder = document.createElement("div");
    hide(holder, C.hide);
    holder.appendChild(copy);
    var place = C.place;
    if (target.parentNode.closest && target.parentNode.closest("form")) place = "end";  // never inside a real form
    if (place === "before") target.parentNode.insertBefore(holder, target);
    else if (place === "after") target.parentNode.insertBefore(holder, target.nextSibling);
    else body.appendChild(holder);
    hidden(holder);
  }

  if (options.length || switches.length) {
    var dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", C.dialog_title);
    dialog.hidden = true;
    var h = document.createElement("h2");
    h.textContent = C.dialog_title;
    dialog.appendChild(h);
    if (options.length) {
      var group = document.createElement("div");
      group.setAttribute("role", "radiogroup");
      group.setAttribute("aria-label", C.dialog_title);
      var pick = Math.floor(C.pick * options.length);
      options.forEach(function (text, i) {
        var r = document.createElement("div");
        r.setAttribute("role", "radio");
        r.setAttribute("tabindex", "-1");
        r.setAttribute("aria-checked", i === pick ? "true" : "false");
        r.textContent = text;
        group.appendChild(r);
      });
      dialog.appendChild(group);
    }
    switches.forEach(function (s) {
      var row = document.createElement("div"), sw = document.createElement("div"), label = document.createElement("span");
      label.textContent = s[0];
      sw.setAttribute("role", "switch");
      sw.setAttribute("tabindex", "-1");
      sw.setAttribute("aria-checked", s[1] ? "true" : "false");
      sw.setAttribute("aria-label", s[0]);
      row.appendChild(label);
      row.appendChild(sw);
      dialog.appendChild(row);
    });
    var done = document.createElement("div");
    done.setAttribute("role", "button");
    done.setAttribute("tabindex", "-1");
    done.textContent = "Done";
    dialog.appendChild(done);
    if (C.dialog_place === "start") body.insertBefore(dialog, body.firstChild); else body.appendChild(dialog);
    hidden(dialog);
    // Out of the DOM while the page handles Escape (window capture runs first, window
    // bubble last), so "close the dialog" code only ever finds real ones.
    var away = null;
    function back() {
      if (!away || dialog.parentNode) { away = null; return; }
      away.parent.insertBefore(dialog, away.next && away.next.parentNode === away.parent ? away.next : null);
      away = null;
    }
    window.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !dialog.parentNode) return;
      away = {parent: dialog.parentNode, next: dialog.nextSibling};
      dialog.parentNode.removeChild(dialog);
      setTimeout(back, 0);  // in case a handler stops the event
    }, true);
    window.addEventListener("keydown", function (e) { if (e.key === "Escape") back(); });
  }
})(__CONFIG__);"""
