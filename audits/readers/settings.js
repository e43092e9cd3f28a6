// Settings: one-of-several choices, on/off switches, and groups of switches.
//
// A label is matched one of two ways. Loosely (the default): its words anywhere in an
// element's text or a control's name, with or without a closing "?" or ":"; a wording shown
// without a value lets the next wording be tried. Exactly (`exact: true`): only as its own
// row's label or its own control's name, never as words in help text elsewhere; the first
// wording shown decides.

// A native input counts as shown when it, or a label of it, can be seen (styled radios hide
// the input itself and show its label).
const shownControl = (el) => visible(el) || [...(el.labels || [])].some(visible);
const CHOSEN = "[role=radio][aria-checked=true],[role=option][aria-selected=true],[role=menuitemradio][aria-checked=true],[role=tab][aria-selected=true],input[type=radio]:checked";
const CHOICE_GROUPS = "[role=radiogroup],[role=listbox],select,fieldset,[role=group],[role=dialog],dialog,[role=combobox],[role=menu]";
const SWITCHES = "[role=switch],[role=checkbox],[role=menuitemcheckbox],input[type=checkbox],button[aria-pressed]";
// Controls that make a row some setting's own.
const CONTROLS = SWITCHES + ",select,[role=radiogroup],[role=combobox],[role=listbox]";

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
const groupsNamed = (label, words, mode) => {
  const found = new Map();
  const add = (word, via) => { if (!found.has(word)) found.set(word, via); };
  for (const group of document.querySelectorAll(CHOICE_GROUPS)) {
    if (!shownControl(group) || !mode.groupNamed(group, label)) continue;
    if (group.matches("[role=combobox]")) {
      const w = valueAtEnd(group.value || contentName(group), "", words);
      if (w) add(w, "combobox");
    }
    chosenIn(group, add)(words);
  }
  return found;
};

const questionsIn = (el) => (norm(el.innerText || el.textContent).match(/\?/g) || []).length;
// Whether `el` holds another setting's label: then it is a neighbour's row too.
const holdsOther = (el, others) => {
  if (!others.length) return false;
  const text = norm(el.innerText || el.textContent);
  return others.some((o) => text.includes(o));
};
// Whether `el` holds another setting's own label or control (labels matched exactly).
const holdsOwnOther = (el, others) => others.some((o) => ownLabels(o, el).length > 0 ||
  [...el.querySelectorAll(CONTROLS)].some((c) => namesLabel(givenName(c), o)));

const switchState = (el) => {
  const aria = el.getAttribute("aria-checked") ?? el.getAttribute("aria-pressed");
  if (aria === "true" || aria === "false") return aria === "true";
  // A native box shows its own state (the page has settled before anything is read).
  if (el.tagName === "INPUT" && el.type === "checkbox") return !!el.checked;
  return null;
};

const LOOSE = {
  text: labelText,
  names: (name, label) => norm(name).includes(label),
  groupNamed: (group, label) => norm(accName(group)).includes(label),
  find: findLabel,
  holdsOther,
  firstShownDecides: false,
};
const EXACT = {
  text: norm,
  names: namesLabel,
  groupNamed: (group, label) => namesLabel(givenName(group), label),
  find: ownLabels,
  holdsOther: holdsOwnOther,
  firstShownDecides: true,
};
const modeOf = (args) => (args.exact ? EXACT : LOOSE);
// The other settings' labels, less any that is part of one of this setting's labels.
const othersOf = (labels, others, mode) => (others || []).map(mode.text)
  .filter((o) => !labels.some((l) => l.includes(o) || o.includes(l)));

const readChoice = (labels, words, others, mode) => {
  labels = labels.map(mode.text);
  others = othersOf(labels, others, mode);
  let missed = null;
  for (const label of labels) {
    const named = groupsNamed(label, words, mode);
    if (named.size) {
      return { found: true, label, values: [...named.keys()], via: [...named.values()], row: label };
    }
    // Every place the label shows (a preview heading, the setting's own row): values from
    // all of them, so two that disagree read as "more than one value", never as either.
    const hits = mode.find(label);
    if (!hits.length) continue;
    const all = new Map();
    let rowText = "";
    const ownQuestions = (label.match(/\?/g) || []).length;
    for (const labelEl of hits) {
      let row = labelEl;
      for (let depth = 0; depth < 7 && row && row !== document.body; depth++) {
        // Stop before the row grows into a neighbouring setting's row.
        if (depth > 0 && (questionsIn(row) > Math.max(ownQuestions, 1) || mode.holdsOther(row, others))) break;
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
    const shown = { found: true, label, values: [], via: [], row: (hits[0].innerText || "").slice(0, 300) };
    if (mode.firstShownDecides) return shown;
    // Found without a value: another wording of the label may still carry one.
    missed = missed || shown;
  }
  return missed || { found: false };
};

const readSwitch = (labels, others, mode) => {
  labels = labels.map(mode.text);
  others = othersOf(labels, others, mode);
  let missed = null;
  for (const label of labels) {
    // Switches whose own accessible name is the label (aria-labelledby, label[for], ...).
    const named = [...document.querySelectorAll(SWITCHES)]
      .filter((el) => shownControl(el) && mode.names(accName(el), label) && switchState(el) !== null);
    const states = new Set(named.map(switchState));
    if (states.size === 1) return { found: true, label, state: [...states][0], via: "accessible name" };
    if (states.size > 1) return { found: true, label, state: null, conflict: true };
    // A switch that names another setting belongs to a neighbouring row, never to this one.
    const foreign = (el) => {
      const name = norm(accName(el));
      return name.length > 3 && !name.includes(label) && !/^(on|off|yes|no)$/.test(name);
    };
    const hits = mode.find(label);
    if (!hits.length) continue;
    const seen = new Set();
    for (const labelEl of hits) {
      let row = labelEl;
      for (let depth = 0; depth < 6 && row && row !== document.body; depth++) {
        if (depth > 0 && mode.holdsOther(row, others)) break;
        const switches = [...row.querySelectorAll(SWITCHES)].filter(shownControl);
        if (switches.some(foreign) || switches.length > 1) break;
        if (switches.length === 1 && switchState(switches[0]) !== null) {
          seen.add(switchState(switches[0]));
          break;
        }
        row = row.parentElement;
      }
    }
    if (seen.size === 1) return { found: true, label, state: [...seen][0], via: "switch in the same row" };
    if (seen.size > 1) return { found: true, label, state: null, conflict: true };
    if (mode.firstShownDecides) return { found: true, label, state: null };
    missed = missed || { found: true, label, state: null };
  }
  return missed || { found: false };
};

// The switches of a setting made of several (its own dialog, an inline group, or rows
// under its heading), labels matched exactly: a dialog or group named after the label holds
// only its choices; rows after its heading count while each switch is one of `choices`
// (never a neighbour's).
const GROUP_BOXES = "[role=dialog],dialog,[role=group],[role=region],section,fieldset,[role=list],ul,form";
const groupSwitches = (labels, others, choices) => {
  labels = labels.map(norm);
  others = othersOf(labels, others, EXACT);
  choices = (choices || []).map(norm);
  const entry = (el) => ({ name: accName(el).trim(), state: switchState(el) });
  const switchesIn = (el) => [...el.querySelectorAll(SWITCHES)].filter(shownControl);
  const isChoice = (el) => { const name = norm(accName(el)); return choices.some((c) => name.includes(c)); };
  for (const label of labels) {
    const boxes = [...document.querySelectorAll(GROUP_BOXES)].filter((b) => visible(b) && namesLabel(givenName(b), label));
    const inBoxes = [...new Set(boxes.flatMap(switchesIn))];
    if (inBoxes.length) return { found: true, label, via: "named group", switches: inBoxes.map(entry) };
    const hits = ownLabels(label);
    for (const labelEl of hits) {
      // The widest block around the label that holds no other setting.
      let block = labelEl;
      while (block.parentElement && block.parentElement !== document.body &&
             !holdsOwnOther(block.parentElement, others)) block = block.parentElement;
      let got = switchesIn(block);
      if (got.length && !got.every(isChoice)) continue;  // a switch of its own (or a neighbour's)
      if (!got.length) {
        for (let sib = block.nextElementSibling; sib; sib = sib.nextElementSibling) {
          if (!visible(sib)) continue;
          if (sib.matches(HEADINGS) || sib.querySelector(HEADINGS) || holdsOwnOther(sib, others)) break;
          const more = switchesIn(sib);
          if (!more.every(isChoice)) break;
          got = got.concat(more);
        }
      }
      if (got.length) return { found: true, label, via: "rows under the label", switches: got.map(entry) };
    }
    if (hits.length) return { found: true, label, switches: [] };
  }
  return { found: false };
};

// The switches of the open dialog (a settings sub-page shown over the page).
const dialogSwitches = () => {
  const dialog = [...document.querySelectorAll("[role=dialog],dialog")].filter(visible).pop();
  if (!dialog) return null;
  return [...dialog.querySelectorAll(SWITCHES)].filter(visible)
    .map((el) => ({ name: accName(el).trim(), state: switchState(el) }));
};

define("readChoice", (args) => readChoice(args.labels, args.words.map(norm), args.others, modeOf(args)));
define("readSwitch", (args) => readSwitch(args.labels, args.others, modeOf(args)));
define("groupSwitches", (args) => groupSwitches(args.labels, args.others, args.choices));
define("dialogSwitches", dialogSwitches);
