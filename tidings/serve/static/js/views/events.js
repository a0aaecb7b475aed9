// The event table: filters (kept in the address, so a filtered table can be bookmarked), checked in the
// browser before they are sent, pages with their totals, sortable columns, and a CSV download of
// exactly what the filters select.
import { ApiError, api } from "../api.js";
import { add, h } from "../dom.js";
import { actorCodeHelp, checkValues, field, filterForm, hiddenFilterChips, markProblems,
  suggestActorCodes } from "../filters.js";
import { MODES, PLOVER_TYPES, QUAD_NOTE, articleLink, emptyState, errorBox, eventLine, fmtDay, fmtGoldstein, modeBadge,
  quadBadge, rangeLine, whyLink } from "../format.js";
import { navigate } from "../router.js";
import { sortableTable, withAttrs } from "../table.js";

const FILTERS = ["source", "target", "type", "cameo", "mode", "since", "until", "place", "story", "article"];
const HIDDEN = ["story", "article"];  // set by links (a story's "events table"), shown as chips
const ORDERS = ["newest", "oldest", "conflict", "cooperation", "confidence"];
const PAGE = 50;

/** The columns of an event table; ``serverSort`` columns carry the API's order keys. ``dayOnly``: a
 * list too long to sort by anything but day (over 10,000 events: the server sorts those by day only). */
function eventColumns(dayOnly) {
  return [
    { label: "Day", cell: (e) => fmtDay(e.day), sort: (e) => `${e.day || ""} ${String(e.eid).padStart(12, "0")}`,
      keys: { desc: "newest", asc: "oldest" }, className: "nowrap" },
    { label: "Event", cell: (e) => eventLine(e) },
    { label: "Quad", cell: (e) => quadBadge(e.quad), sort: (e) => e.quad, first: "asc" },
    { label: "Goldstein", cell: (e) => fmtGoldstein(e.goldstein), sort: (e) => e.goldstein, num: true,
      keys: dayOnly ? null : { asc: "conflict", desc: "cooperation" }, first: "asc" },
    { label: "Mode", cell: (e) => modeBadge(e.mode), sort: (e) => e.mode, first: "asc" },
    { label: "Place", cell: (e) => e.place_name || "", sort: (e) => e.place_name || "", first: "asc" },
    { label: "Confidence", cell: (e) => (e.confidence === null ? "–" : Number(e.confidence).toFixed(2)),
      sort: (e) => e.confidence ?? -1, num: true, keys: dayOnly ? null : { desc: "confidence" } },
    { label: "Article", cell: (e) => [articleLink(e.article_id, e.title), " ", whyLink(e)],
      sort: (e) => e.title || e.article_id, first: "asc" },
  ];
}

/** A table of events; sorted in the browser unless ``serverSort`` ({current, choose}) is given. */
export function eventTable(rows, serverSort, dayOnly = false) {
  return sortableTable({ id: "events-table", className: "events wide", columns: eventColumns(dayOnly), serverSort,
    rows: rows.map((e) => withAttrs(e, { dataset: { eid: e.eid } })) });
}

function eventForm(p, onSubmit) {
  const source = field({ name: "source", label: "Source", value: p.source, placeholder: "RUS", size: 8,
    list: "codes-source", maxlength: 40 });
  const target = field({ name: "target", label: "Target", value: p.target, placeholder: "USA", size: 8,
    list: "codes-target", maxlength: 40 });
  const form = filterForm({
    id: "event-filters", clearHref: "#/events", onSubmit,
    fields: [source, target,
      field({ name: "type", label: "PLOVER type", kind: "select", options: PLOVER_TYPES, value: p.type }),
      field({ name: "cameo", label: "CAMEO code", value: p.cameo, placeholder: "19", size: 5, maxlength: 5 }),
      field({ name: "mode", label: "Mode", kind: "select", options: MODES, value: p.mode }),
      field({ name: "since", label: "Since", kind: "date", value: p.since }),
      field({ name: "until", label: "Until", kind: "date", value: p.until }),
      field({ name: "place", label: "Place", value: p.place, size: 12, maxlength: 200 })],
    extra: actorCodeHelp(),
  });
  add(form, suggestActorCodes(source.querySelector("input"), "codes-source"),
    suggestActorCodes(target.querySelector("input"), "codes-target"));
  return form;
}

export async function eventsView(el, route) {
  const p = route.params;
  const offset = Math.max(0, Number(p.offset) || 0);
  const order = ORDERS.includes(p.order) ? p.order : "newest";
  const filters = Object.fromEntries(FILTERS.filter((k) => p[k]).map((k) => [k, p[k]]));
  const keep = (values) => ({ ...values, ...Object.fromEntries(HIDDEN.filter((k) => p[k]).map((k) => [k, p[k]])),
    order: order === "newest" ? undefined : order });
  const form = eventForm(p, (values) => navigate("/events", keep(values)));
  const without = (name) => {
    const rest = { ...filters, order: order === "newest" ? undefined : order };
    delete rest[name];
    const q = new URLSearchParams(Object.entries(rest).filter(([, v]) => v));
    return `#/events${q.toString() ? `?${q}` : ""}`;
  };
  const chips = hiddenFilterChips(p, HIDDEN, without, (name, value) => (name === "story"
    ? api.story(value).then((s) => s.title) : api.article(value).then((a) => a.title)));
  const results = h("section", { id: "event-results" });
  add(el, h("h1", {}, "Events"), chips, form, results);

  const problems = checkValues(filters);
  if (markProblems(form, problems)) {
    add(results, emptyState("Nothing was looked up: correct the marked field first."));
    return;
  }
  let page;
  try {
    page = await api.events({ ...filters, order, limit: PAGE, offset });
  } catch (error) {
    if (!route.isCurrent()) return;
    if (error instanceof ApiError && error.status === 422 && markProblems(form, error.fieldProblems())) {
      add(results, emptyState("Nothing was looked up: see what the form says above.",
        p.order ? h("a", { href: without("order") }, "Sort by day instead") : null));
    } else {
      add(results, errorBox(error));
    }
    return;
  }
  if (!route.isCurrent()) return;
  const go = (changes) => navigate("/events", { ...filters, order: order === "newest" ? undefined : order,
    ...changes });
  const shown = page.items.length;
  const dayOnly = page.total_capped || page.total > 10000;  // longer lists sort by day only (the API's rule)
  const pager = h("div", { class: "pager" },
    offset > 0 ? h("a", { href: "#", id: "prev-page",
      on: { click: (ev) => { ev.preventDefault(); go({ offset: Math.max(0, offset - PAGE) }); } } },
    "← Previous") : null,
    h("span", { class: "muted", id: "events-count" }, rangeLine("Events", offset, shown, page)),
    page.next_offset !== null ? h("a", { href: "#", id: "next-page",
      on: { click: (ev) => { ev.preventDefault(); go({ offset: page.next_offset }); } } }, "Next →") : null);
  add(results,
    h("p", { class: "actions" },
      h("a", { href: api.eventsCsvUrl(filters), download: "tidings-events.csv", id: "csv-download", class: "button" },
        "Download CSV"),
      h("span", { class: "muted small" }, " every event matching the filters (up to 100,000), in GDELT's " +
        "column names"),
      h("details", { class: "help" }, h("summary", {}, "Quad classes here and in the CSV"), h("p", {}, QUAD_NOTE))),
    shown ? [pager,
      dayOnly ? h("p", { class: "small muted" }, "Over 10,000 events match: they sort by day only. " +
        "Narrow the filters to sort by Goldstein score or confidence.") : null,
      eventTable(page.items, { current: order, choose: (key) => go({ order: key, offset: undefined }) },
        dayOnly)]
      : emptyState(offset > 0 ? "No events on this page." : "No events match these filters.",
        Object.keys(filters).length ? h("a", { href: "#/events" }, "Show all events") : null));
}
