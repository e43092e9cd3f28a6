// Boundary's page readers. They read what a person (or a screen reader) gets: visible
// text, roles, accessible names, aria-checked. Never class names or one page's exact
// shape. Evaluated as `(args) => ...` with args = {fn: "name", ...}.
(args) => {
  const norm = (s) => (s || "")
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ").trim().toLowerCase();

  const visible = (el) => {
    if (!el || !el.isConnected) return false;
    if (el.closest("[hidden],[aria-hidden='true']")) return false;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") return false;
    return el.getClientRects().length > 0;
  };

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

  // The deepest visible elements whose text (or accessible name) contains `label`.
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

  const textNodes = (root) => {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (norm(node.textContent) && visible(node.parentElement)) out.push(node);
    }
    return out;
  };

  const stripPunct = (s) => s.replace(/[\s.:;,!?()\u00a0]+$/g, "").replace(/^[\s(]+/, "");

  // A native input counts as shown when it, or a label of it, can be seen (styled radios hide
  // the input itself and show its label).
  const shownControl = (el) => visible(el) || [...(el.labels || [])].some(visible);
  const CHOSEN = "[role=radio][aria-checked=true],[role=option][aria-selected=true],[role=menuitemradio][aria-checked=true],[role=tab][aria-selected=true],input[type=radio]:checked";
  const CHOICE_GROUPS = "[role=radiogroup],[role=listbox],select,fieldset,[role=group],[role=dialog],dialog,[role=combobox],[role=menu]";

  // A value word at the end of an accessible name: "Public", "Edit audience: Public",
  // "Who can see your friends list? Public", "Change audience, currently Friends".
  const valueAtEnd = (name, label, words) => {
    name = norm(name);
    const at = label ? name.indexOf(label) : -1;
    const rest = stripPunct(at >= 0 ? name.slice(at + label.length) : name).replace(/^[\s?:.,-]+/, "");
    for (const w of words) {
      if (rest === w) return w;
      const m = rest.match(/(?:^|[,:;\u2013\u2014]|\.\s|\s-)\s*([^,:;.]+)$/);
      const tail = m ? stripPunct(m[1].trim())
        .replace(/^(?:currently|set to|selected|now|sharing with|shared with|visible to|audience)\s*:?\s*/, "") : "";
      if (tail === w && rest.length <= 80) return w;
    }
    return null;
  };

  // The chosen values inside one control group: checked radios, selected options, a select.
  const chosenIn = (root, add) => (words) => {
    for (const el of root.querySelectorAll(CHOSEN)) {
      if (!(el.tagName === "INPUT" ? shownControl(el) : visible(el))) continue;
      const t = stripPunct(norm(accName(el)));
      for (const w of words) if (t === w || t.startsWith(w + " (") || t.startsWith(w + " - ")) add(w, "chosen option");
    }
    for (const sel of (root.tagName === "SELECT" ? [root] : root.querySelectorAll("select"))) {
      if (!shownControl(sel)) continue;
      const opt = sel.selectedOptions && sel.selectedOptions[0];
      if (opt) { const t = stripPunct(norm(opt.textContent)); for (const w of words) if (t === w) add(w, "selected option"); }
    }
  };

  // Distinct value words found in `row`, outside the label itself and outside options
  // that are not chosen (a dialog listing every option must not count as every value).
  const valuesIn = (row, labelEl, label, words) => {
    const found = new Map();
    const add = (word, via) => { if (!found.has(word)) found.set(word, via); };
    const unchosen = (el) => {
      const opt = el.closest("[role=radio],[role=option],[role=menuitemradio],[role=tab],option,label");
      if (!opt) return false;
      if (opt.tagName === "LABEL") {
        // A label wrapping its radio, or naming one elsewhere with for="...".
        const input = opt.control || opt.querySelector("input[type=radio]");
        return input && input.type === "radio" ? !input.checked : false;
      }
      if (opt.tagName === "OPTION") return !opt.selected;
      return opt.getAttribute("aria-checked") !== "true" && opt.getAttribute("aria-selected") !== "true";
    };
    for (const node of textNodes(row)) {
      if (labelEl.contains(node.parentElement) && norm(labelEl.textContent) !== norm(node.textContent)) continue;
      if (unchosen(node.parentElement)) continue;
      if (node.parentElement.closest("select")) continue;  // a select's options: only the chosen one
      const t = stripPunct(norm(node.textContent));
      for (const w of words) if (t === w || t.startsWith(w + " (")) add(w, "text");
    }
    chosenIn(row, add)(words);
    // Icon buttons, links and images whose accessible name carries the value.
    for (const el of row.querySelectorAll("[aria-label],[aria-labelledby],[title],img[alt],svg")) {
      if (el === labelEl || el.contains(labelEl) || !visible(el) || el.closest("[aria-hidden=true]")) continue;
      if (el.matches(CHOSEN) || el.closest("[role=radio],[role=option],option")) continue;
      const w = valueAtEnd(accName(el), label, words);
      if (w) add(w, "accessible name");
    }
    return found;
  };

  // Control groups named after the label (aria-labelledby, aria-label, a legend): a radio
  // group or listbox that isn't inside the label's row still belongs to it.
  const groupsNamed = (label, words) => {
    const found = new Map();
    const add = (word, via) => { if (!found.has(word)) found.set(word, via); };
    for (const group of document.querySelectorAll(CHOICE_GROUPS)) {
      if (!shownControl(group)) continue;
      const name = norm(accName(group));
      if (!name.includes(label)) continue;
      if (group.matches("[role=combobox]")) {
        const w = valueAtEnd(group.value || contentName(group), "", words);
        if (w) add(w, "combobox");
      }
      chosenIn(group, add)(words);
    }
    return found;
  };

  const labelText = (s) => stripPunct(norm(s));
  const questionsIn = (el) => (norm(el.innerText || el.textContent).match(/\?/g) || []).length;
  // Whether `el` holds another setting's label: then it is a neighbour's row too.
  const holdsOther = (el, others) => {
    if (!others.length) return false;
    const text = norm(el.innerText || el.textContent);
    return others.some((o) => text.includes(o));
  };

  const readChoice = (labels, words, others) => {
    // A label matches with or without its closing "?" or ":" (pages differ).
    labels = labels.map(labelText);
    others = (others || []).map(labelText).filter((o) => !labels.some((l) => l.includes(o) || o.includes(l)));
    let missed = null;
    for (const label of labels) {
      const named = groupsNamed(label, words);
      if (named.size) {
        return { found: true, label, values: [...named.keys()], via: [...named.values()], row: label };
      }
      // Every place the label shows (a preview heading, the setting's own row): values from
      // all of them, so two that disagree read as "more than one value", never as either.
      const hits = findLabel(label);
      if (!hits.length) continue;
      const all = new Map();
      let rowText = "";
      for (const labelEl of hits) {
        let row = labelEl;
        const ownQuestions = (label.match(/\?/g) || []).length;
        for (let depth = 0; depth < 7 && row && row !== document.body; depth++) {
          // Stop before the row grows into a neighbouring setting's row.
          if (depth > 0 && (questionsIn(row) > Math.max(ownQuestions, 1) || holdsOther(row, others))) break;
          const values = valuesIn(row, labelEl, label, words);
          if (values.size) {
            for (const [w, via] of values) if (!all.has(w)) all.set(w, via);
            rowText = rowText || (row.innerText || "").slice(0, 300);
            break;
          }
          row = row.parentElement;
        }
      }
      if (all.size) {
        return { found: true, label, values: [...all.keys()], via: [...all.values()], row: rowText };
      }
      // Found without a value: another wording of the label may still carry one.
      missed = missed || { found: true, label, values: [], row: (hits[0].innerText || "").slice(0, 300) };
    }
    return missed || { found: false };
  };

  const switchState = (el) => {
    const aria = el.getAttribute("aria-checked") ?? el.getAttribute("aria-pressed");
    if (aria === "true" || aria === "false") return aria === "true";
    // A native box shows its own state (the page has settled before anything is read).
    if (el.tagName === "INPUT" && el.type === "checkbox") return !!el.checked;
    return null;
  };

  const SWITCHES = "[role=switch],[role=checkbox],[role=menuitemcheckbox],input[type=checkbox],button[aria-pressed]";

  const readSwitch = (labels, others) => {
    // A label matches with or without its closing "?" or ":" (pages differ).
    labels = labels.map(labelText);
    others = (others || []).map(labelText).filter((o) => !labels.some((l) => l.includes(o) || o.includes(l)));
    let missed = null;
    for (const label of labels) {
      // Switches whose own accessible name is the label (aria-labelledby, label[for], ...).
      const named = [...document.querySelectorAll(SWITCHES)]
        .filter((el) => shownControl(el) && norm(accName(el)).includes(label) && switchState(el) !== null);
      const states = new Set(named.map(switchState));
      if (states.size === 1) return { found: true, label, state: [...states][0], via: "accessible name" };
      if (states.size > 1) return { found: true, label, state: null, conflict: true };
      // A switch that names another setting belongs to a neighbouring row, never to this one.
      const foreign = (el) => {
        const name = norm(accName(el));
        return name.length > 3 && !name.includes(label) && !/^(on|off|yes|no)$/.test(name);
      };
      const hits = findLabel(label);
      if (!hits.length) continue;
      const seen = new Set();
      for (const labelEl of hits) {
        let row = labelEl;
        for (let depth = 0; depth < 6 && row && row !== document.body; depth++) {
          if (depth > 0 && holdsOther(row, others)) break;
          const switches = [...row.querySelectorAll(SWITCHES)].filter(shownControl);
          if (switches.some(foreign)) break;
          if (switches.length === 1 && switchState(switches[0]) !== null) {
            seen.add(switchState(switches[0]));
            break;
          }
          if (switches.length > 1) break;
          row = row.parentElement;
        }
      }
      if (seen.size === 1) return { found: true, label, state: [...seen][0], via: "switch in the same row" };
      if (seen.size > 1) return { found: true, label, state: null, conflict: true };
      missed = missed || { found: true, label, state: null };
    }
    return missed || { found: false };
  };

  const MARKER = /(?:^|\b)(?:shared with|sharing with|audience:|visible to)\s*:?\s*(.+?)\s*\.?\s*$/i;
  const audienceOf = (el) => {
    const m = norm(accName(el)).match(MARKER);
    return m ? stripPunct(m[1]) : null;
  };
  const markersIn = (root) => [...root.querySelectorAll("[aria-label],svg,[role=img],[title],img[alt]")]
    .filter((el) => audienceOf(el) !== null &&
      (visible(el) || (el.tagName.toLowerCase() === "svg" && visible(el.parentElement))));

  const headingBefore = (el) => {
    const heads = [...document.querySelectorAll("h1,h2,h3,h4,h5,h6,[role=heading]")].filter(visible);
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
      const HEADS = "h1,h2,h3,h4,h5,h6,[role=heading]";
      while (item.parentElement && item.parentElement !== document.body) {
        const up = item.parentElement;
        // An item never takes in a second audience, nor its group's heading.
        if (markersIn(up).length > 1) break;
        if ([...up.querySelectorAll(HEADS)].some((h) => !item.contains(h) && visible(h))) break;
        item = up;
        if (["LI", "ARTICLE"].includes(item.tagName) || ["listitem", "article", "row"].includes(item.getAttribute("role"))) break;
      }
      const lines = (item.innerText || "").split("\n").map((s) => s.trim()).filter(Boolean);
      items.push({ audience: audienceOf(marker), lines, heading: headingBefore(item) });
    }
    return items;
  };

  const readArticles = () => {
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
    // Read posts leave the page, so a long timeline never piles up in memory (the page's
    // own copy; nothing on the platform changes).
    // A spacer of the same height keeps the page's scroll position and "load more" working.
    if (args.consume && articles.length) {
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

  // Every visible text, grouped under the heading it follows: what a group really holds.
  const readGroups = () => {
    const HEADS = "h1,h2,h3,h4,h5,h6,[role=heading]";
    let current = { heading: "", lines: [] };
    const groups = [current];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.nodeType === 1) {
        if (node.matches(HEADS) && visible(node)) {
          current = { heading: (node.innerText || "").trim(), lines: [] };
          groups.push(current);
        }
        continue;
      }
      const parent = node.parentElement;
      if (!norm(node.textContent) || !parent || !visible(parent)) continue;
      if (parent.closest(HEADS + ",nav,[role=navigation],[role=banner],[role=tablist],script,style")) continue;
      current.lines.push(node.textContent.trim());
    }
    return groups;
  };

  // Whether the page is really there: nothing visible on screen says it is loading, the DOM
  // has been quiet for `quiet` ms, and (if asked) one of the page kind's landmarks shows.
  // A MutationObserver (hidden, not enumerable) notes when the page last changed.
  const inViewport = (el) => [...el.getClientRects()].some((r) =>
    r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width * r.height > 0);
  const LOADING = /^(loading|chargement)\b|^\.\.\.$|^please wait\b/;
  const busyNow = () => {
    for (const el of document.querySelectorAll("[role=progressbar],[aria-busy=true],[role=status]")) {
      if (!visible(el) || !inViewport(el)) continue;
      if (el.getAttribute("role") === "status" && !LOADING.test(norm(accName(el)))) continue;
      return true;
    }
    return false;
  };
  const readiness = () => {
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

  const links = () => [...document.querySelectorAll("a[href]")].filter(visible).map((a) => ({
    href: a.href, name: norm(accName(a)), role: a.getAttribute("role") || "",
  }));

  const listNames = () => {
    // Names in lists (friends, followers): links inside list items, or list items' first line.
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

  // X-style headers: the visible text of each [data-testid] asked for (absent: not there).
  const byTestId = () => {
    const out = {};
    for (const id of args.ids) {
      const el = [...document.querySelectorAll(`[data-testid="${CSS.escape(id)}"]`)].find(visible);
      if (el) out[id] = (el.innerText || el.getAttribute("aria-label") || "").trim();
    }
    return out;
  };

  // People in list cells (followers, following): the first perceivable link's name.
  const cellNames = () => [...document.querySelectorAll("[data-testid=UserCell],[data-testid=cellInnerDiv] [role=button]")]
    .filter(visible).map((cell) => {
      const link = [...cell.querySelectorAll("a[href]")].find((a) => !a.closest("[aria-hidden=true]") && norm(accName(a)));
      return link ? accName(link).trim() : "";
    }).filter(Boolean);

  // Photo grids (Instagram): each post's link and its image description.
  const postTiles = () => [...document.querySelectorAll("a[href*='/p/'],a[href*='/reel/']")].filter(visible).map((a) => {
    const img = a.querySelector("img[alt]");
    return { permalink: new URL(a.href).pathname, alt: img ? img.getAttribute("alt") : (a.getAttribute("aria-label") || "") };
  });

  // Video grids (TikTok): each video's link, its image description and its visible text.
  const videoTiles = () => [...document.querySelectorAll("a[href*='/video/']")].filter(visible).map((a) => {
    const img = a.querySelector("img[alt]");
    return { permalink: new URL(a.href).pathname, alt: img ? img.getAttribute("alt") : "",
             text: [a.getAttribute("aria-label") || "", a.innerText || ""].join(" ").trim() };
  });

  // Place tags on a post or video page: the places' own names.
  const placeLinks = () => [...document.querySelectorAll("a[href*='/place/'],a[href*='/places/'],a[href*='/explore/locations/']")].filter(visible)
    .map((a) => (a.innerText || accName(a)).trim()).filter(Boolean);

  // Every visible heading, and whether it sits in a dialog (a sign-in prompt over a page).
  const headings = () => [...document.querySelectorAll("h1,h2,h3,h4,[role=heading]")].filter(visible)
    .map((h) => ({ text: (h.innerText || h.textContent || "").trim(), inDialog: !!h.closest("[role=dialog],dialog") }))
    .filter((h) => h.text);

  // The switches of the open dialog (a settings sub-page shown over the page).
  const dialogSwitches = () => {
    const dialog = [...document.querySelectorAll("[role=dialog],dialog")].filter(visible).pop();
    if (!dialog) return null;
    return [...dialog.querySelectorAll(SWITCHES)].filter(visible)
      .map((el) => ({ name: accName(el).trim(), state: switchState(el) }));
  };

  // People listed in an open dialog (followers, following): one entry per profile link.
  const dialogPeople = () => {
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
  };

  const jsonBlobs = () => [...document.querySelectorAll("script[type='application/json'],script[type='application/ld+json'],script#SIGI_STATE")]
    .map((s) => s.textContent).filter((t) => t && t.length < 2000000);

  const fns = {
    pageInfo, readiness, links, listNames, readAudienceItems, readArticles, jsonBlobs, readGroups, byTestId, cellNames, postTiles, dialogPeople,
    videoTiles, headings, dialogSwitches, placeLinks,
    readChoice: () => readChoice(args.labels, args.words.map(norm), args.others),
    readSwitch: () => readSwitch(args.labels, args.others),
    hasText: () => args.phrases.map(norm).filter((p) => norm(document.body.innerText).includes(p)),
  };
  return fns[args.fn]();
}
