// What only TikTok's pages need (read as "tiktok.<name>"). Its settings are read by the
// shared readers with `exact: true` (see audits/readers/settings.js).

// Video grids: each video's link, its image description and its visible text.
define("videoTiles", () => [...document.querySelectorAll("a[href*='/video/']")].filter(visible).map((a) => {
  const img = a.querySelector("img[alt]");
  return { permalink: new URL(a.href).pathname, alt: img ? img.getAttribute("alt") : "",
           text: [a.getAttribute("aria-label") || "", a.innerText || ""].join(" ").trim() };
}));
