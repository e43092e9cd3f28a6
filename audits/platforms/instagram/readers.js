// What only Instagram's pages need (read as "instagram.<name>"): the photo grid, the people
// in a list dialog, the profile header with its contact details, and a post's own page.

// Photo grids: each post's link and its image description.
define("postTiles", () => [...document.querySelectorAll("a[href*='/p/'],a[href*='/reel/']")].filter(visible).map((a) => {
  const img = a.querySelector("img[alt]");
  return { permalink: new URL(a.href).pathname, alt: img ? img.getAttribute("alt") : (a.getAttribute("aria-label") || "") };
}));

// People listed in an open dialog (followers, following): one entry per profile link.
define("dialogPeople", () => {
  const dialog = [...document.querySelectorAll("[role=dialog]")].find(visible);
  if (!dialog) return null;
  const links = [...dialog.querySelectorAll("a[href]")].filter((a) => visible(a) && /^\/[^/]+\/?$/.test(new URL(a.href).pathname));
  const rows = new Set();
  for (const link of links) {
    let row = link;
    while (row.parentElement && row.parentElement !== dialog &&
           row.parentElement.querySelectorAll("a[href]").length === row.querySelectorAll("a[href]").length) row = row.parentElement;
    rows.add(row);
  }
  return [...rows].map((row) => (row.innerText || "").split("\n").map((t) => t.trim()).filter(Boolean).slice(0, 2).join(" | "));
});

// The profile header a person sees (the block around the username, up to the posts), the
// counts in it, and every contact detail the page shows (mailto:/tel: links, "Email"/"Call"
// buttons, an address, an e-mail address in the text). Never class names.
const OUTSIDE = "nav,[role=navigation],footer,[role=contentinfo],[role=dialog],dialog,script,style,template,noscript";
const POSTS = "article,[role=article],a[href*='/p/'],a[href*='/reel/'],[role=tablist]";
const CONTACT_NAMES = {"email": "email", "e-mail": "email", "call": "phone", "text": "phone", "contact": "contact",
                       "directions": "address", "get directions": "address", "address": "address"};
define("profile", (args) => {
  const want = norm(args.username);
  const named = [...document.querySelectorAll("body *")].filter((el) => {
    const raw = el.textContent || "";
    if (raw.length > want.length + 40) return false;  // cheap first: only short texts can be the name
    const t = norm(raw);
    return (t === want || t === "@" + want) && !el.closest(OUTSIDE + "," + POSTS) && visible(el);
  });
  const deepest = named.filter((el) => !named.some((o) => o !== el && el.contains(o)));
  deepest.sort((a, b) => (b.closest("h1,h2,h3,[role=heading]") ? 1 : 0) - (a.closest("h1,h2,h3,[role=heading]") ? 1 : 0));
  let region = null;
  if (deepest.length) {
    const start = deepest[0];
    region = start.closest("header");
    if (!region || region.closest(OUTSIDE)) {
      region = start;
      while (region.parentElement && region.parentElement !== document.body &&
             !region.parentElement.matches("main,[role=main]") &&
             !region.parentElement.querySelector(POSTS)) region = region.parentElement;
    }
  }
  const lines = [];
  const counts = {};
  let heading = "";
  if (region) {
    const buttons = new Set([...region.querySelectorAll("button,[role=button]")].map((b) => norm(b.innerText)));
    for (const line of (region.innerText || "").split("\n")) {
      const t = line.trim();
      if (t && !buttons.has(norm(t))) lines.push(t);
    }
    const h = [...region.querySelectorAll("h1,h2,[role=heading]")].find(visible);
    heading = h ? h.innerText.trim() : "";
    const flat = (region.innerText || "").replace(/\s+/g, " ");
    for (const m of flat.matchAll(/(\d[\d,. ]*[kmb]?)\s+(posts?|followers?|following)\b/gi)) {
      const kind = m[2].toLowerCase().startsWith("post") ? "posts" : m[2].toLowerCase().startsWith("follower") ? "followers" : "following";
      if (!(kind in counts)) counts[kind] = m[1].trim();
    }
    // An exact number in a title (large counts are shown abbreviated).
    for (const a of region.querySelectorAll("a[href]")) {
      const path = new URL(a.href, location.href).pathname.replace(/\/+$/, "");
      const kind = path.endsWith("/followers") ? "followers" : path.endsWith("/following") ? "following" : "";
      const titled = kind && [...a.querySelectorAll("[title]")].map((e) => e.getAttribute("title")).find((t) => /^[\d,. ]+$/.test(t));
      if (titled) counts[kind] = titled.trim();
    }
  }
  // Contact details: anywhere on the page outside navigation, footers, dialogs and posts.
  const scope = document.querySelector("main,[role=main]") || document.body;
  const inScope = (el) => visible(el) && !el.closest(OUTSIDE + "," + POSTS);
  const contact = [];
  for (const a of document.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href") || "";
    if (!inScope(a)) continue;
    if (/^mailto:/i.test(href)) contact.push({kind: "email", value: decodeURIComponent(href.slice(7).split("?")[0])});
    else if (/^(tel|sms):/i.test(href)) contact.push({kind: "phone", value: href.replace(/^(tel|sms):/i, "")});
  }
  for (const el of document.querySelectorAll("a,button,[role=button],[role=link],[aria-label]")) {
    if (!inScope(el)) continue;
    const name = norm(el.getAttribute("aria-label") || el.innerText);
    if (Object.hasOwn(CONTACT_NAMES, name)) contact.push({kind: CONTACT_NAMES[name], value: (el.innerText || "").trim() || name});
  }
  for (const el of scope.querySelectorAll("address")) if (inScope(el)) contact.push({kind: "address", value: el.innerText.trim()});
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement || !inScope(node.parentElement)) continue;
    for (const m of node.textContent.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) contact.push({kind: "email", value: m[0]});
  }
  if (region) {
    for (const line of lines) {
      for (const m of line.matchAll(/\+?\d[\d ().-]{7,}\d/g)) {
        if ((m[0].match(/\d/g) || []).length >= 9) contact.push({kind: "phone", value: m[0]});
      }
    }
  }
  const meta = [...document.querySelectorAll("meta[name=description],meta[property='og:description']")]
    .map((m) => m.getAttribute("content") || "").filter(Boolean);
  return {found: !!region, heading, lines, counts, contact, meta};
});

// A post's own page: its place tags, caption and image descriptions.
define("post", () => {
  const article = [...document.querySelectorAll("article,[role=article]")].find(visible);
  const root = article || document.querySelector("main,[role=main]") || document.body;
  const places = [...root.querySelectorAll("a[href*='/explore/locations/']")].filter(visible)
    .map((a) => (a.innerText || a.getAttribute("aria-label") || "").trim() || a.getAttribute("href"));
  const captions = [...root.querySelectorAll("h1")].filter(visible).map((h) => h.innerText.trim()).filter(Boolean);
  const alts = [...root.querySelectorAll("img[alt]")].filter(visible).map((i) => i.getAttribute("alt")).filter(Boolean);
  return {article: !!article, places, captions, alts};
});
