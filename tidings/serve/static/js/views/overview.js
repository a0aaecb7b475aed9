// Overview: recent stories, the most active dyads, where events happen, the busiest actors. Every count
// here is of asserted events between coded actors, as the dyad and actor pages count them.
import { api } from "../api.js";
import { placeMap, quadStrip } from "../chart.js";
import { add, h } from "../dom.js";
import { actorLink, emptyState, fmtGoldstein, fmtNumber, plural } from "../format.js";
import { navigate } from "../router.js";
import { sortableTable } from "../table.js";

const INGEST_HINT = () => h("span", {}, "Ingest articles with ", h("code", {}, "tidings ingest FILE --db STORE"),
  " and serve that store.");

function storyCard(st) {
  return h("li", { class: "story-card" },
    h("a", { href: `#/story/${encodeURIComponent(st.id)}`, class: "story-title" }, st.title || `Story ${st.id}`),
    h("div", { class: "muted small" },
      `${st.first_date || "undated"}${st.last_date && st.last_date !== st.first_date ? ` – ${st.last_date}` : ""}` +
      ` · ${plural(st.article_count, "article")}`),
    st.summary ? h("p", { class: "summary" }, st.summary.length > 280 ? `${st.summary.slice(0, 277)}…` : st.summary) : null);
}

function dyadTable(rows) {
  if (!rows.length) return emptyState("No asserted events between two coded actors yet.");
  return sortableTable({
    id: "dyads-table", className: "dyads", rows,
    columns: [
      { label: "Dyad", cell: (d) => h("a", { href: `#/dyad/${encodeURIComponent(d.source)}/${encodeURIComponent(d.target)}`,
        class: "dyad-link" }, `${d.source} ↔ ${d.target}`), sort: (d) => `${d.source} ${d.target}`, first: "asc" },
      { label: "Events", cell: (d) => fmtNumber(d.events), sort: (d) => d.events, num: true },
      { label: "Quad classes", cell: (d) => quadStrip(d) },
      { label: "Goldstein", cell: (d) => fmtGoldstein(d.goldstein_mean), sort: (d) => d.goldstein_mean ?? 0,
        num: true, first: "asc" },
    ],
  });
}

function placeEvents(p) {
  return `#/events?place=${encodeURIComponent(p.name)}&mode=asserted`;
}

/** The places, each a link to its asserted events, with a bar of its count. */
function placeList(places) {
  const max = Math.max(1, ...places.map((p) => p.asserted));
  const list = h("ol", { class: "places", id: "place-list" }, places.map((p) => h("li", {},
    h("a", { class: "place-name", href: placeEvents(p), title: `${p.name}${p.country ? ` (${p.country})` : ""}: ` +
      `${plural(p.asserted, "asserted event")}, ${plural(p.events, "event")} in all modes` },
    p.name, p.country ? h("span", { class: "muted" }, ` ${p.country}`) : null),
    h("span", { class: "bar-cell" }, h("span", { class: "bar", dataset: { w: p.asserted / max } })),
    h("span", { class: "num" }, fmtNumber(p.asserted)))));
  // widths set through the CSSOM (the page's policy allows no inline style attributes)
  list.querySelectorAll(".bar").forEach((bar) => { bar.style.width = `${Math.round(Number(bar.dataset.w) * 100)}%`; });
  return list;
}

export async function overviewView(el, route) {
  const [stories, dyads, allPlaces, actors] = await Promise.all([
    api.stories({ limit: 8 }), api.topDyads({ n: 12, directed: false }), api.places({ limit: 30 }),
    api.actors({ limit: 12 }),
  ]);
  if (!route.isCurrent()) return;
  const places = allPlaces.filter((p) => p.asserted > 0).slice(0, 20);
  const busy = actors.items.filter((a) => a.events > 0);
  add(el,
    h("h1", {}, "Overview"),
    h("div", { class: "grid-2" },
      h("section", { class: "panel", id: "recent-stories" }, h("h2", {}, "Recent stories"),
        stories.items.length ? [h("ul", { class: "stories" }, stories.items.map(storyCard)),
          h("a", { href: "#/stories", class: "more" }, `All ${plural(stories.total, "story", "stories")} →`)]
          : emptyState("No stories yet.", INGEST_HINT())),
      h("section", { class: "panel", id: "active-dyads" }, h("h2", {}, "Most active dyads"),
        h("p", { class: "small muted" }, "Asserted events between two coded actors, both directions together."),
        dyadTable(dyads),
        h("h2", {}, "Busiest actors"),
        busy.length ? h("p", { class: "actor-cloud" }, busy.map((a) => [actorLink(a.code),
          h("span", { class: "muted small" }, ` ${fmtNumber(a.events)} `)]))
          : emptyState("No coded actor has an asserted event yet."))),
    h("section", { class: "panel", id: "event-places" }, h("h2", {}, "Where events happen"),
      places.length ? [
        h("p", { class: "small muted" }, "Asserted events by place, as dyads are counted; click a dot or a name " +
          "for the events there. A place named only in negated, future, hypothetical or background events is left out."),
        h("div", { class: "grid-2 places-grid" },
          placeMap(places, (p) => navigate("/events", { place: p.name, mode: "asserted" }), window.innerWidth < 700),
          placeList(places))]
        : emptyState("No asserted event has a place yet.")));
}
