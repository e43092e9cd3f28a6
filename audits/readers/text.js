// Text as readers compare it, and what a person can see.

// Lower case, straight quotes and apostrophes, "..." for an ellipsis, single spaces.
const norm = (s) => (s || "")
  .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
  .replace(/[\u201c\u201d]/g, '"')
  .replace(/\u2026/g, "...")
  .replace(/\s+/g, " ").trim().toLowerCase();

// Trailing punctuation and leading brackets off: "Who can see it?" -> "who can see it".
const stripPunct = (s) => s.replace(/[\s.:;,!?()\u00a0]+$/g, "").replace(/^[\s(]+/, "");
// A label as pages differ in writing it (with or without its closing "?" or ":").
const labelText = (s) => stripPunct(norm(s));

const HEADINGS = "h1,h2,h3,h4,h5,h6,[role=heading]";

// Shown to a person: connected, not hidden (attribute, aria-hidden, display, visibility), laid out.
const visible = (el) => {
  if (!el || !el.isConnected) return false;
  if (el.closest("[hidden],[aria-hidden='true']")) return false;
  const style = getComputedStyle(el);
  if (style.display === "none" || style.visibility === "hidden") return false;
  return el.getClientRects().length > 0;
};

// At least part of it inside the window.
const inViewport = (el) => [...el.getClientRects()].some((r) =>
  r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width * r.height > 0);

// The text nodes under `root` a person can see.
const textNodes = (root) => {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (norm(node.textContent) && visible(node.parentElement)) out.push(node);
  }
  return out;
};
