// Where the reader was on each page, so that Back and Forward return there instead of to the top.
//
// Each history entry gets an id in its history.state the first time it is shown. A page reached by a
// link or a form is a new entry (no id yet): it starts at the top. A page reached by Back, Forward or
// a reload already has one: its last position is put back once the view has been drawn. Positions are
// remembered as the page scrolls, in memory and in sessionStorage (a reload keeps them).

const STORE_KEY = "tidings.scroll";
let positions = readStored();
let current = null;
let saveTimer = 0;

function readStored() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE_KEY) || "{}") || {};
  } catch {
    return {};
  }
}

function persist() {
  saveTimer = 0;
  try {
    sessionStorage.setItem(STORE_KEY, JSON.stringify(positions));
  } catch {
    // storage full or refused: positions still live in memory for this tab
  }
}

/** The entry about to be shown: ``{id, returning}``; ``returning`` is true when it was shown before
 * (Back, Forward, reload) and so has a position to go back to. */
export function enterEntry() {
  // the page left is still on screen: its position now is the one to come back to. Until the new
  // view is drawn, scrolling belongs to no entry (a late scroll event of the old page must not be
  // taken for the new one's).
  if (current) positions[current] = window.scrollY;
  current = null;
  const state = history.state && typeof history.state === "object" ? history.state : {};
  if (state.entry) return { id: state.entry, returning: true };
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  history.replaceState({ ...state, entry: id }, "");
  return { id, returning: false };
}

/** After the view is drawn: the remembered position of a returning entry, else the top. */
export function settle(entry) {
  const y = entry.returning ? positions[entry.id] : undefined;
  window.scrollTo(0, typeof y === "number" ? y : 0);
  current = entry.id;
  positions[current] = window.scrollY;
}

export function rememberScrolling() {
  history.scrollRestoration = "manual";  // the browser would restore before the view is drawn
  window.addEventListener("scroll", () => {
    if (!current) return;
    positions[current] = window.scrollY;
    if (!saveTimer) saveTimer = setTimeout(persist, 250);
  }, { passive: true });
  window.addEventListener("pagehide", persist);
}
