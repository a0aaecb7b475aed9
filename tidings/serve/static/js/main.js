// The dashboard: a hash router over the views. Each view is a function (main element, route) that
// fills the element; a newer navigation makes an older view's late results go nowhere.
import { api } from "./api.js";
import { replace } from "./dom.js";
import { currentRoute } from "./router.js";
import { enterEntry, rememberScrolling, settle } from "./scroll.js";
import { errorBox, fmtNumber } from "./format.js";
import { actorView } from "./views/actor.js";
import { analyzeView } from "./views/analyze.js";
import { articleView } from "./views/article.js";
import { dyadView } from "./views/dyad.js";
import { eventsView } from "./views/events.js";
import { overviewView } from "./views/overview.js";
import { quotesView } from "./views/quotes.js";
import { storiesView, storyView } from "./views/story.js";

const ROUTES = [
  [/^\/?$/, "overview", overviewView],
  [/^\/stories$/, "stories", storiesView],
  [/^\/story\/(.+)$/, "stories", storyView],
  [/^\/article\/(.+)$/, "stories", articleView],
  [/^\/events$/, "events", eventsView],
  [/^\/quotes$/, "quotes", quotesView],
  [/^\/dyad(?:\/([^/]+)\/([^/]+))?$/, "dyad", dyadView],
  [/^\/actor\/(.+)$/, "overview", actorView],
  [/^\/analyze$/, "analyze", analyzeView],
];

let generation = 0;

async function render() {
  const mine = ++generation;
  const main = document.getElementById("view");
  const { path, params } = currentRoute();
  const entry = enterEntry();
  for (const [pattern, nav, view] of ROUTES) {
    const m = path.match(pattern);
    if (!m) continue;
    document.querySelectorAll("nav a[data-nav]").forEach((a) => {
      a.classList.toggle("active", a.dataset.nav === nav);
      if (a.dataset.nav === nav) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    const args = m.slice(1).map((x) => (x === undefined ? undefined : decodeURIComponent(x)));
    const target = document.createElement("div");
    target.className = `view view-${nav}`;
    try {
      await view(target, { args, params, returning: entry.returning, isCurrent: () => mine === generation });
    } catch (error) {
      replace(target, errorBox(error));
    }
    if (mine === generation) {
      replace(main, target);
      main.dataset.view = nav;
      settle(entry);
      main.dataset.ready = String(mine);
      if (target.afterShow) target.afterShow();
    }
    return;
  }
  replace(main, errorBox(new Error(`no page ${path}`)));
  settle(entry);
  main.dataset.ready = String(mine);
}

async function showStatus() {
  try {
    const st = await api.status();
    replace(document.getElementById("store-status"),
      `${fmtNumber(st.counts.articles)} articles · ${fmtNumber(st.counts.events)} events` +
      (st.read_only ? " · read-only" : ""));
  } catch {
    replace(document.getElementById("store-status"), "store unavailable");
  }
}

rememberScrolling();
window.addEventListener("hashchange", render);
showStatus();
render();
