// Overview: recent stories, the most active dyads, where events happen, the busiest actors.
import { api } from "../api.js";
import { placeMap, quadStrip } from "../chart.js";
import { h } from "../dom.js";
import { actorLink, fmtGoldstein, fmtNumber } from "../format.js";
import { navigate } from "../router.js";

function storyCard(st) {
  return h("li", { class: "story-card" },
    h("a", { href: `#/story/${encodeURIComponent(st.id)}`, class: "story-title" }, st.title || `Story ${st.id}`),
    h("div", { class: "muted small" },
      `${st.first_date || "?"}${st.last_date && st.last_date !== st.first_date ? ` – ${st.last_date}` : ""}` +
      ` · ${st.article_count} article${st.article_count === 1 ? "" : "s"}`),
    st.summary ? h("p", { class: "summary" }, st.summary.length > 280 ? `${st.summary.slice(0, 277)}…` : st.summary) : null);
}

function dyadTable(rows) {
  if (!rows.length) return h("p", { class: "muted" }, "No events between coded actors yet.");
  return h("table", { class: "table dyads" },
    h("thead", {}, h("tr", {}, h("th", {}, "Dyad"), h("th", { class: "num" }, "Events"), h("th", {}, "Quad classes"),
      h("th", { class: "num" }, "Goldstein"))),
    h("tbody", {}, rows.map((d) => h("tr", {},
      h("td", {}, h("a", { href: `#/dyad/${encodeURIComponent(d.source)}/${encodeURIComponent(d.target)}`,
        class: "dyad-link" }, `${d.source} ↔ ${d.target}`)),
      h("td", { class: "num" }, fmtNumber(d.events)),
      h("td", {}, quadStrip(d)),
      h("td", { class: "num" }, fmtGoldstein(d.goldstein_mean))))));
}

function placeList(places) {
  if (!places.length) return h("p", { class: "muted" }, "No event places yet.");
  const max = Math.max(...places.map((p) => p.events));
  return h("ol", { class: "places" }, places.map((p) => h("li", {},
    h("span", { class: "place-name" }, p.name, p.country ? h("span", { class: "muted" }, ` ${p.country}`) : null),
    h("span", { class: "bar-cell" }, h("span", { class: "bar", style: null, dataset: { w: p.events / max } })),
    h("span", { class: "num" }, fmtNumber(p.events)))));
}

export async function overviewView(el, route) {
  const [stories, dyads, places, actors] = await Promise.all([
    api.stories({ limit: 8 }), api.topDyads({ n: 12, directed: false }), api.places({ limit: 20 }),
    api.actors({ limit: 12 }),
  ]);
  if (!route.isCurrent()) return;
  const list = placeList(places);
  // widths set through the CSSOM (the page's policy allows no inline style attributes)
  list.querySelectorAll(".bar").forEach((bar) => { bar.style.width = `${Math.round(Number(bar.dataset.w) * 100)}%`; });
  el.append(
    h("h1", {}, "Overview"),
    h("div", { class: "grid-2" },
      h("section", { class: "panel", id: "recent-stories" }, h("h2", {}, "Recent stories"),
        stories.items.length ? h("ul", { class: "stories" }, stories.items.map(storyCard))
          : h("p", { class: "muted" }, "No stories yet: ingest some articles with `tidings ingest`."),
        h("a", { href: "#/stories", class: "more" }, "All stories →")),
      h("section", { class: "panel", id: "active-dyads" }, h("h2", {}, "Most active dyads"), dyadTable(dyads),
        h("h2", {}, "Busiest actors"),
        h("p", { class: "actor-cloud" }, actors.items.map((a) => [actorLink(a.code),
          h("span", { class: "muted small" }, ` ${a.events} `)])))),
    h("section", { class: "panel", id: "event-places" }, h("h2", {}, "Where events happen"),
      h("div", { class: "grid-2" },
        placeMap(places, (p) => navigate("/events", { place: p.name })),
        list)));
}
