// The event table: filters (kept in the address, so a filtered table can be bookmarked), pages,
// and a CSV download of exactly what the filters select.
import { api } from "../api.js";
import { h } from "../dom.js";
import { MODES, PLOVER_TYPES, articleLink, eventLine, fmtGoldstein, formValues, modeBadge, quadBadge } from "../format.js";
import { navigate } from "../router.js";

const FILTERS = ["source", "target", "type", "cameo", "mode", "since", "until", "place", "story", "article"];
const PAGE = 50;

function field(label, input) {
  return h("label", { class: "field" }, h("span", {}, label), input);
}

function select(name, options, value) {
  return h("select", { name }, h("option", { value: "" }, "any"),
    options.map((o) => h("option", { value: o, selected: o === value }, o)));
}

export function eventRow(e) {
  return h("tr", { dataset: { eid: e.eid } },
    h("td", { class: "nowrap" }, e.day),
    h("td", {}, eventLine(e)),
    h("td", {}, quadBadge(e.quad)),
    h("td", { class: "num" }, fmtGoldstein(e.goldstein)),
    h("td", {}, modeBadge(e.mode)),
    h("td", {}, e.place_name || ""),
    h("td", {}, articleLink(e.article_id, e.title), " ",
      h("a", { href: `#/article/${encodeURIComponent(e.article_id)}?event=${encodeURIComponent(e.event_id)}`,
        class: "why", title: "the sentence, its highlights and the pattern that coded this event" }, "why?")));
}

export function eventTable(rows) {
  return h("table", { class: "table events", id: "events-table" },
    h("thead", {}, h("tr", {}, ["Day", "Event", "Quad", "Goldstein", "Mode", "Place", "Article"]
      .map((t) => h("th", {}, t)))),
    h("tbody", {}, rows.map(eventRow)));
}

export async function eventsView(el, route) {
  const p = route.params;
  const offset = Math.max(0, Number(p.offset) || 0);
  const filters = Object.fromEntries(FILTERS.filter((k) => p[k]).map((k) => [k, p[k]]));
  const form = h("form", { class: "filters", id: "event-filters" },
    field("Source", h("input", { name: "source", value: p.source || "", placeholder: "RUS", size: 8 })),
    field("Target", h("input", { name: "target", value: p.target || "", placeholder: "USA", size: 8 })),
    field("PLOVER type", select("type", PLOVER_TYPES, p.type)),
    field("CAMEO", h("input", { name: "cameo", value: p.cameo || "", placeholder: "19", size: 5 })),
    field("Mode", select("mode", MODES, p.mode)),
    field("Since", h("input", { name: "since", type: "date", value: p.since || "" })),
    field("Until", h("input", { name: "until", type: "date", value: p.until || "" })),
    field("Place", h("input", { name: "place", value: p.place || "", size: 12 })),
    h("button", { type: "submit" }, "Filter"),
    h("a", { href: "#/events", class: "reset" }, "Clear"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = formValues(form);
    for (const k of ["story", "article"]) if (p[k]) values[k] = p[k];
    navigate("/events", values);
  });
  const page = await api.events({ ...filters, limit: PAGE, offset });
  if (!route.isCurrent()) return;
  const pager = h("div", { class: "pager" },
    offset > 0 ? h("a", { href: "#", id: "prev-page",
      on: { click: (ev) => { ev.preventDefault(); navigate("/events", { ...filters, offset: Math.max(0, offset - PAGE) }); } } },
    "← Newer") : null,
    h("span", { class: "muted" }, page.items.length ? `Events ${offset + 1}–${offset + page.items.length}` : "No events match."),
    page.next_offset !== null ? h("a", { href: "#", id: "next-page",
      on: { click: (ev) => { ev.preventDefault(); navigate("/events", { ...filters, offset: page.next_offset }); } } },
    "Older →") : null);
  el.append(
    h("h1", {}, "Events"),
    form,
    h("p", { class: "actions" },
      h("a", { href: api.eventsCsvUrl(filters), download: "tidings-events.csv", id: "csv-download", class: "button" },
        "Download CSV"),
      h("span", { class: "muted small" }, " all events matching the filters (up to 100,000), GDELT-style columns")),
    pager,
    page.items.length ? eventTable(page.items) : null);
}
