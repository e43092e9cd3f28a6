// Posts and the audiences things are shared with.

// An audience marker's name: "Shared with Friends", "Audience: Public", "Visible to Only me".
const MARKER = /(?:^|\b)(?:shared with|sharing with|audience:|visible to)\s*:?\s*(.+?)\s*\.?\s*$/i;
const audienceOf = (el) => {
  const m = norm(accName(el)).match(MARKER);
  return m ? stripPunct(m[1]) : null;
};
const markersIn = (root) => [...root.querySelectorAll("[aria-label],svg,[role=img],[title],img[alt]")]
  .filter((el) => audienceOf(el) !== null &&
    (visible(el) || (el.tagName.toLowerCase() === "svg" && visible(el.parentElement))));

const headingBefore = (el) => {
  const heads = [...document.querySelectorAll(HEADINGS)].filter(visible);
  let best = null;
  for (const h of heads) {
    if (h.contains(el)) continue;
    if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) best = h;
  }
  return best ? (best.innerText || best.textContent).trim() : "";
};

// Items that carry their own audience (About details): the widest ancestor that still
// holds only this one marker is the item.
const readAudienceItems = () => {
  const all = markersIn(document.body).filter((m) => !m.closest("[role=article]"));
  const items = [];
  for (const marker of all) {
    let item = marker;
    while (item.parentElement && item.parentElement !== document.body) {
      const up = item.parentElement;
      // An item never takes in a second audience, nor its group's heading.
      if (markersIn(up).length > 1) break;
      if ([...up.querySelectorAll(HEADINGS)].some((h) => !item.contains(h) && visible(h))) break;
      item = up;
      if (["LI", "ARTICLE"].includes(item.tagName) || ["listitem", "article", "row"].includes(item.getAttribute("role"))) break;
    }
    const lines = (item.innerText || "").split("\n").map((s) => s.trim()).filter(Boolean);
    items.push({ audience: audienceOf(marker), lines, heading: headingBefore(item) });
  }
  return items;
};

// Each post a person can see: its permalink, audiences, date, text, messages and places.
// With `consume`, read posts leave the page (the page's own copy; nothing on the platform
// changes), so a long timeline never piles up in memory; a spacer of the same height keeps
// the page's scroll position and "load more" working.
const readArticles = (consume) => {
  const out = [];
  // Only posts a person can see: hidden copies (responsive layouts, decoys) are not posts.
  const articles = [...document.querySelectorAll("[role=article],article")]
    .filter((a) => !a.parentElement.closest("[role=article],article") && visible(a));
  for (const a of articles) {
    const markers = markersIn(a);
    const audiences = [...new Set(markers.map(audienceOf))];
    const links = [...a.querySelectorAll("a[href]")].map((l) => l.getAttribute("href"));
    const permalink = links.find((h) => /\/posts\/|story_fbid=|\/permalink|\/status\/|\/p\/|\/video\//.test(h)) || "";
    const timeEl = a.querySelector("time[datetime]");
    const dated = [...a.querySelectorAll("a[aria-label],a,abbr,time,span")]
      .map((el) => el.getAttribute("datetime") || el.getAttribute("aria-label") || el.textContent || "")
      .map((s) => s.trim()).filter((s) => /\b(19|20)\d\d\b/.test(s) && s.length < 40);
    const textEls = [...a.querySelectorAll("[dir=auto],[data-testid=tweetText],[data-ad-preview=message]")]
      .filter(visible).map((el) => el.innerText.trim()).filter(Boolean);
    const placeLinks = [...a.querySelectorAll("a[href*='/pages/'],a[href*='/places/'],a[href*='/explore/locations/'],a[href*='place%3A'],a[href*='place:']")]
      .map((l) => l.innerText.trim()).filter(Boolean);
    out.push({
      permalink, audiences,
      date: timeEl ? timeEl.getAttribute("datetime") : (dated[0] || ""),
      text: (a.innerText || "").slice(0, 2000),
      messages: textEls,
      places: placeLinks,
    });
  }
  if (consume && articles.length) {
    let spacer = document.querySelector("[data-boundary-spacer]");
    if (!spacer) {
      spacer = document.createElement("div");
      spacer.setAttribute("data-boundary-spacer", "");
      spacer.setAttribute("aria-hidden", "true");
      articles[0].parentElement.insertBefore(spacer, articles[0]);
    }
    const height = articles.reduce((sum, a) => sum + a.getBoundingClientRect().height, 0);
    spacer.style.height = `${(parseFloat(spacer.style.height) || 0) + height}px`;
    articles.forEach((a) => a.remove());
  }
  return out;
};

// Place tags on a post or video page: the places' own names.
const placeLinks = () => [...document.querySelectorAll("a[href*='/place/'],a[href*='/places/'],a[href*='/explore/locations/']")].filter(visible)
  .map((a) => (a.innerText || accName(a)).trim()).filter(Boolean);

define("readAudienceItems", readAudienceItems);
define("readArticles", (args) => readArticles(args.consume));
define("placeLinks", placeLinks);
