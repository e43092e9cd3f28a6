// What only X's pages need (read as "x.<name>"): the header's and list cells' test ids.

// The visible text of each [data-testid] asked for (absent: not there).
define("byTestId", (args) => {
  const out = {};
  for (const id of args.ids) {
    const el = [...document.querySelectorAll(`[data-testid="${CSS.escape(id)}"]`)].find(visible);
    if (el) out[id] = (el.innerText || el.getAttribute("aria-label") || "").trim();
  }
  return out;
});

// People in list cells (followers, following): the first perceivable link's name.
define("cellNames", () => [...document.querySelectorAll("[data-testid=UserCell],[data-testid=cellInnerDiv] [role=button]")]
  .filter(visible).map((cell) => {
    const link = [...cell.querySelectorAll("a[href]")].find((a) => !a.closest("[aria-hidden=true]") && norm(accName(a)));
    return link ? accName(link).trim() : "";
  }).filter(Boolean));
