// The page as a whole: whether it is really there, what it says it is, its own data.

// Whether the page is really there: nothing visible on screen says it is loading, the DOM
// has been quiet for `quiet` ms, and (if asked) one of the page kind's landmarks shows.
// A MutationObserver (hidden, not enumerable) notes when the page last changed: the one
// thing a reader leaves in the page (audits/pages.py WATCH_CHANGES_JS installs the same).
const LOADING = /^(loading|chargement)\b|^\.\.\.$|^please wait\b/;
const busyNow = () => {
  for (const el of document.querySelectorAll("[role=progressbar],[aria-busy=true],[role=status]")) {
    if (!visible(el) || !inViewport(el)) continue;
    if (el.getAttribute("role") === "status" && !LOADING.test(norm(accName(el)))) continue;
    return true;
  }
  return false;
};
const readiness = (args) => {
  const KEY = "__boundaryQuiet";
  let watch = window[KEY];
  if (!watch) {
    watch = { last: performance.now() };
    new MutationObserver(() => { watch.last = performance.now(); })
      .observe(document, { subtree: true, childList: true, characterData: true });
    Object.defineProperty(window, KEY, { value: watch, enumerable: false, configurable: true });
  }
  if (document.readyState === "loading" || !document.body) return { state: "busy" };
  if (busyNow()) return { state: "busy" };
  if (performance.now() - watch.last < args.quiet) return { state: "changing" };
  const texts = (args.texts || []).map(norm);
  const every = (args.every || []).map((g) => g.map(labelText));
  const selectors = args.selectors || [];
  if (!texts.length && !selectors.length && !every.length) return { state: "ready" };
  const names = [...document.querySelectorAll("[aria-label]")].filter(visible).map((el) => el.getAttribute("aria-label"));
  const shown = norm(document.body.innerText + " " + names.join(" "));
  if (every.length) {
    const present = every.filter((g) => g.some((t) => shown.includes(t))).length;
    if (present === every.length) return { state: "ready" };
    if (present) return { state: "partial" };
  }
  if (texts.some((t) => shown.includes(t))) return { state: "ready" };
  for (const sel of selectors) {
    if ([...document.querySelectorAll(sel)].some(visible)) return { state: "ready" };
  }
  return { state: "missing" };
};

const pageInfo = () => ({
  url: location.href,
  lang: document.documentElement.getAttribute("lang") || "",
  title: document.title || "",
  text: (document.body ? document.body.innerText : "").slice(0, 20000),
  hasPassword: !!document.querySelector("input[type=password]"),
  busy: !![...document.querySelectorAll("[role=progressbar],[aria-busy=true]")].find(visible),
  headings: [...document.querySelectorAll("h1,[role=heading][aria-level='1']")].filter(visible)
    .map((h) => h.innerText.trim()).filter(Boolean),
});

// Every visible heading, and whether it sits in a dialog (a sign-in prompt over a page).
const headings = () => [...document.querySelectorAll("h1,h2,h3,h4,[role=heading]")].filter(visible)
  .map((h) => ({ text: (h.innerText || h.textContent || "").trim(), inDialog: !!h.closest("[role=dialog],dialog") }))
  .filter((h) => h.text);

// Every visible text, grouped under the heading it follows: what a group really holds.
const readGroups = () => {
  let current = { heading: "", lines: [] };
  const groups = [current];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.nodeType === 1) {
      if (node.matches(HEADINGS) && visible(node)) {
        current = { heading: (node.innerText || "").trim(), lines: [] };
        groups.push(current);
      }
      continue;
    }
    const parent = node.parentElement;
    if (!norm(node.textContent) || !parent || !visible(parent)) continue;
    if (parent.closest(HEADINGS + ",nav,[role=navigation],[role=banner],[role=tablist],script,style")) continue;
    current.lines.push(node.textContent.trim());
  }
  return groups;
};

// Which of `phrases` the page's text holds.
const hasText = (phrases) => phrases.map(norm).filter((p) => norm(document.body.innerText).includes(p));

// The page's own data: JSON and JSON-LD scripts, TikTok's SIGI_STATE.
const jsonBlobs = () => [...document.querySelectorAll("script[type='application/json'],script[type='application/ld+json'],script#SIGI_STATE")]
  .map((s) => s.textContent).filter((t) => t && t.length < 2000000);

define("readiness", readiness);
define("pageInfo", pageInfo);
define("headings", headings);
define("readGroups", readGroups);
define("hasText", (args) => hasText(args.phrases));
define("jsonBlobs", jsonBlobs);
