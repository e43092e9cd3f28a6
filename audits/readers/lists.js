// Links and lists of people.

// Every link a person can see: its address, its accessible name and its role.
const links = () => [...document.querySelectorAll("a[href]")].filter(visible).map((a) => ({
  href: a.href, name: norm(accName(a)), role: a.getAttribute("role") || "",
}));

// Names in lists (friends, followers): links inside list items, or list items' first line.
const listNames = () => {
  const out = [];
  for (const li of document.querySelectorAll("[role=listitem],li")) {
    if (!visible(li) || li.closest("nav,[role=navigation],[role=banner],header,[role=tablist],[role=menu]")) continue;
    // The first link a person can perceive (avatars are often aria-hidden copies).
    const link = [...li.querySelectorAll("a[href]")].find((a) => !a.closest("[aria-hidden=true]") && norm(accName(a)));
    const name = link ? accName(link) : (li.innerText || "").split("\n")[0];
    if (name && name.trim()) out.push(name.trim());
  }
  return out;
};

define("links", links);
define("listNames", listNames);
