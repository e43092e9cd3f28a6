// What only LinkedIn's pages need (read as "linkedin.<name>"): profile links, values named by
// icon controls anywhere on the page, and the controls of a page given to one setting.

// Shown to a person, as the browser itself decides it (LinkedIn's hidden copies of its main
// part use more ways to hide than `visible` knows).
const shown = (el) => !!el && el.isConnected && !el.closest("[hidden],[aria-hidden='true']") &&
  (!el.checkVisibility || el.checkVisibility({checkVisibilityCSS: true})) && el.getClientRects().length > 0;
const shownInput = (el) => shown(el) || [...(el.labels || [])].some(shown);
// What a person reads in an element, without the parts hidden from a screen reader.
const textOf = (el) => {
  let out = "";
  for (const n of el.childNodes) {
    if (n.nodeType === 3) out += n.textContent;
    else if (n.nodeType === 1 && n.getAttribute("aria-hidden") !== "true" &&
             !["SCRIPT", "STYLE", "TEMPLATE"].includes(n.tagName)) out += " " + textOf(n);
  }
  return out;
};
// An icon control's own accessible name: aria-labelledby, then aria-label.
const ownName = (el) => {
  const by = el.getAttribute("aria-labelledby");
  if (by) {
    const t = by.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map(textOf).join(" ");
    if (t.trim()) return t;
  }
  return el.getAttribute("aria-label") || "";
};
// Adds each of `words` that `t` is (alone, or followed by " (..." or " - ...").
const addIfWord = (words, t, add) => {
  t = norm(t).replace(/[\s.:;,!?]+$/, "");
  for (const w of words) if (t === w || t.startsWith(w + " (") || t.startsWith(w + " - ")) add(w);
};
// The value at the end of a name: "Change X, currently Off" / "X: Off" / "Off".
const tail = (name) => {
  const rest = norm(name).replace(/[\s.]+$/, "");
  const m = rest.match(/(?:^|[,:;?\u2013\u2014]|\s-)\s*([^,:;?]+)$/);
  return m ? m[1].trim().replace(/^(?:currently|set to|selected|now)\s*:?\s*/, "") : rest;
};
// The main part a person sees (a hidden copy of it is not the page).
const mainPart = () => [...document.querySelectorAll("main,[role=main]")].find(shown) || document.body;
const ICONS = "button[aria-label],a[aria-label],[role=button][aria-label],[role=link][aria-label]," +
              "button[aria-labelledby],a[aria-labelledby],[role=button][aria-labelledby]";

// Links to a member's profile (/in/<vanity>/) and the lines a person reads in them.
define("profileLinks", () => [...document.querySelectorAll("a[href]")].filter(shown).map((a) => ({
  path: new URL(a.href, location.href).pathname,
  lines: (a.innerText || "").split("\n").map((s) => s.trim()).filter(Boolean),
})).filter((l) => /^\/in\/[^/]+\/?$/.test(l.path)));

// Icon buttons and links anywhere on the page whose own name holds the label, then the
// value: "Change your profile's public visibility, currently Off".
define("namedValues", (args) => {
  const words = (args.words || []).map(norm);
  const found = new Set();
  for (const el of document.querySelectorAll(ICONS)) {
    if (!shown(el) || el.matches("[role=radio],[role=option],[role=switch],[role=checkbox]")) continue;
    const name = norm(ownName(el));
    for (const label of args.labels.map(norm)) {
      const at = name.indexOf(label);
      if (at < 0) continue;
      const rest = name.slice(at + label.length).replace(/^[\s?:.,;\u2013\u2014-]+/, "");
      if (rest) addIfWord(words, tail(rest), (w) => found.add(w));
    }
  }
  return [...found];
});

// A page given to one setting: the chosen values its main part shows (checked radios,
// chosen options, a select, an icon control's name), never options left unchosen.
define("pageChoices", (args) => {
  const words = (args.words || []).map(norm);
  const found = new Set();
  const add = (w) => found.add(w);
  const r = mainPart();
  for (const input of r.querySelectorAll("input[type=radio]:checked")) {
    if (!shownInput(input)) continue;
    for (const label of input.labels || []) addIfWord(words, textOf(label), add);
    if (input.getAttribute("aria-label")) addIfWord(words, input.getAttribute("aria-label"), add);
  }
  for (const el of r.querySelectorAll("[role=radio][aria-checked=true],[role=option][aria-selected=true]," +
                                      "[role=menuitemradio][aria-checked=true]")) {
    if (shown(el)) addIfWord(words, ownName(el) || textOf(el), add);
  }
  for (const sel of r.querySelectorAll("select")) {
    if (shownInput(sel) && sel.selectedOptions[0]) addIfWord(words, sel.selectedOptions[0].textContent, add);
  }
  for (const el of r.querySelectorAll(ICONS)) {
    if (!shown(el) || el.closest("[role=radio],[role=option],option")) continue;
    addIfWord(words, tail(ownName(el)), add);
  }
  return [...found];
});

// The on/off states of the switches the main part shows (null: no readable state).
define("pageSwitches", () => [...mainPart().querySelectorAll("[role=switch],[role=checkbox],input[type=checkbox],button[aria-pressed]")]
  .filter(shownInput).map((el) => {
    const a = el.getAttribute("aria-checked") ?? el.getAttribute("aria-pressed");
    if (a === "true" || a === "false") return a === "true";
    return el.tagName === "INPUT" ? !!el.checked : null;
  }));

// The page's own key (LinkedIn names each kind of page in a meta tag).
define("pageKey", () => { const m = document.querySelector("meta[name=pageKey]"); return m ? m.content || "" : ""; });
