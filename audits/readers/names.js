// Accessible names, and where a label shows.

// The accessible name, as a screen reader computes it (the parts pages use): aria-labelledby,
// aria-label, <label for>/wrapping label, alt/title, then the content, where children's own
// aria-labels count and aria-hidden parts don't.
const hiddenNode = (el) => el.getAttribute("aria-hidden") === "true" || el.hidden ||
  ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(el.tagName);
const contentName = (el, depth = 0) => {
  if (depth > 20) return "";
  const out = [];
  for (const n of el.childNodes) {
    if (n.nodeType === 3) { out.push(n.textContent); continue; }
    if (n.nodeType !== 1 || hiddenNode(n)) continue;
    const label = n.getAttribute("aria-label");
    if (label && label.trim()) { out.push(label); continue; }
    if (n.tagName === "IMG" && n.getAttribute("alt")) { out.push(n.getAttribute("alt")); continue; }
    if (n.tagName.toLowerCase() === "svg") {
      const title = n.querySelector("title");
      if (title) out.push(title.textContent);
      continue;
    }
    out.push(contentName(n, depth + 1));
  }
  return out.join(" ");
};
// A name given on purpose: aria-labelledby, aria-label, its labels, a fieldset's legend.
const givenName = (el) => {
  const by = el.getAttribute("aria-labelledby");
  if (by) {
    const text = by.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean)
      .map((n) => n.getAttribute("aria-label") || contentName(n)).join(" ");
    if (text.trim()) return text;
  }
  const label = el.getAttribute("aria-label");
  if (label && label.trim()) return label;
  if (el.labels && el.labels.length) return [...el.labels].map((l) => contentName(l)).join(" ");
  if (el.tagName === "FIELDSET") {
    const legend = el.querySelector(":scope > legend");
    if (legend) return contentName(legend);
  }
  return "";
};
const accName = (el) => {
  const given = givenName(el);
  if (given) return given;
  if (el.tagName.toLowerCase() === "svg") {
    const title = el.querySelector("title");
    if (title) return title.textContent;
  }
  if (el.id && !el.labels) {
    const forLabel = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    if (forLabel) return contentName(forLabel);
  }
  const wrapping = el.closest("label");
  if (wrapping) return contentName(wrapping);
  if (el.getAttribute("alt")) return el.getAttribute("alt");
  if (el.getAttribute("title")) return el.getAttribute("title");
  return contentName(el);
};

// -- a label anywhere: the deepest visible elements whose text (or accessible name) contains it.
const findLabel = (label, root) => {
  const want = norm(label);
  const hits = [];
  for (const el of (root || document.body).querySelectorAll("*")) {
    if (["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(el.tagName)) continue;
    const own = norm(el.textContent).includes(want) || norm(el.getAttribute("aria-label")).includes(want);
    if (!own || !visible(el)) continue;
    const deeper = [...el.children].some((c) => norm(c.textContent).includes(want));
    if (!deeper) hits.push(el);
  }
  return hits;
};

// -- a label exactly: its own row's label or its own control's name, never words inside help
// text elsewhere (a "Private account" help text that mentions Duet and Stitch).
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A control's name that is this label: the label alone, or followed by its value
// ("Private account, on", "Duet: Everyone"), never a sentence that mentions it.
const namesLabel = (name, label) =>
  new RegExp(`^${escapeRegExp(label)}(?:$|\\s*[,:;(\u2013\u2014]|\\s+-\\s)`).test(stripPunct(norm(name)));
const ownText = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(" ");
const isOwnLabel = (el, label) => stripPunct(norm(el.textContent)) === label ||
  stripPunct(norm(ownText(el))) === label || stripPunct(norm(el.getAttribute("aria-label"))) === label;
const NOT_LABELS = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "OPTION", "SELECT", "svg"];
// The deepest visible elements whose own text is the label.
const ownLabels = (label, root) => {
  root = root || document.body;
  const hits = [];
  for (const el of [root, ...root.querySelectorAll("*")]) {
    if (NOT_LABELS.includes(el.tagName) || el.closest("option,select,template")) continue;
    if (!isOwnLabel(el, label) || !visible(el)) continue;
    if ([...el.children].some((c) => isOwnLabel(c, label))) continue;
    hits.push(el);
  }
  return hits;
};
