// A dyad over time: cooperation and conflict between two actors per period, the mean Goldstein score,
// and the events behind any period one click away.
import { ApiError, api } from "../api.js";
import { dyadChart, quadStrip } from "../chart.js";
import { add, h, replace } from "../dom.js";
import { actorCodeHelp, checkValues, field, filterForm, markProblems, suggestActorCodes } from "../filters.js";
import { QUADS, emptyState, errorBox, fmtGoldstein, fmtNumber, periodEnd, periodLabel, plural } from "../format.js";
import { navigate } from "../router.js";
import { eventTable } from "./events.js";

const GRAINS = ["day", "week", "month", "year"];

function dyadForm(a, b, p) {
  const fa = field({ name: "a", label: "Actor A", value: a, size: 8, list: "codes-a", maxlength: 40 });
  const fb = field({ name: "b", label: "Actor B", value: b, size: 8, list: "codes-b", maxlength: 40 });
  const form = filterForm({
    id: "dyad-form", submit: "Show",
    onSubmit: (v) => {
      if (!v.a || !v.b) {
        markProblems(form, { ...(v.a ? {} : { a: "is needed" }), ...(v.b ? {} : { b: "is needed" }) });
        return;
      }
      navigate(`/dyad/${encodeURIComponent(v.a.toUpperCase())}/${encodeURIComponent(v.b.toUpperCase())}`,
        { by: v.by, since: v.since, until: v.until });
    },
    fields: [fa, fb,
      field({ name: "by", label: "Per", kind: "select", options: GRAINS, value: p.by || "week", any: false }),
      field({ name: "since", label: "Since", kind: "date", value: p.since }),
      field({ name: "until", label: "Until", kind: "date", value: p.until })],
    extra: actorCodeHelp(),
  });
  add(form, suggestActorCodes(fa.querySelector("input"), "codes-a"), suggestActorCodes(fb.querySelector("input"), "codes-b"));
  return form;
}

/** Events of the period in both directions, newest first. */
async function eventsBehind(a, b, point, by) {
  const range = { since: point.period, until: periodEnd(point.period, by), limit: 200 };
  const [ab, ba] = await Promise.all([api.events({ source: a, target: b, ...range }),
    api.events({ source: b, target: a, ...range })]);
  const seen = new Set();
  return [...ab.items, ...ba.items].filter((e) => !seen.has(e.eid) && seen.add(e.eid))
    .sort((x, y) => ((x.day || "") < (y.day || "") ? 1 : (x.day || "") > (y.day || "") ? -1 : y.eid - x.eid));
}

function eventsLink(source, target) {
  return h("a", { href: `#/events?source=${encodeURIComponent(source)}&target=${encodeURIComponent(target)}` },
    `${source} → ${target} events`);
}

export async function dyadView(el, route) {
  const [a, b] = route.args;
  const p = route.params;
  const form = dyadForm(a, b, p);
  add(el, h("h1", {}, a && b ? `${a} ↔ ${b}` : "Dyads"), form);
  if (!a || !b) {
    const top = await api.topDyads({ n: 20, directed: false });
    if (!route.isCurrent()) return;
    add(el, h("h2", {}, "Pick a dyad"), top.length
      ? h("ul", { class: "dyad-picks" }, top.map((d) => h("li", {},
        h("a", { href: `#/dyad/${encodeURIComponent(d.source)}/${encodeURIComponent(d.target)}` }, `${d.source} ↔ ${d.target}`),
        " ", quadStrip(d), h("span", { class: "muted small" }, ` ${plural(d.events, "event")}`))))
      : emptyState("No asserted events between two coded actors yet: type two actor codes above."));
    return;
  }
  const problems = checkValues({ a, b, since: p.since, until: p.until });
  if (markProblems(form, problems)) {
    add(el, emptyState("Nothing was looked up: correct the marked field first."));
    return;
  }
  const by = GRAINS.includes(p.by) ? p.by : "week";
  const fill = Boolean(p.since && p.until);
  let series;
  try {
    series = await api.dyad(a, b, { by, since: p.since, until: p.until, fill });
  } catch (error) {
    if (!route.isCurrent()) return;
    add(el, error instanceof ApiError && error.status === 422 && markProblems(form, error.fieldProblems())
      ? emptyState("Nothing was looked up: correct the marked field first.") : errorBox(error));
    return;
  }
  if (!route.isCurrent()) return;
  const points = series.points;
  const totals = points.reduce((acc, x) => {
    for (const q of QUADS) acc[q.key] += x[q.key];
    acc.events += x.events; acc.forward += x.forward; acc.backward += x.backward; acc.symmetric += x.symmetric;
    acc.g += x.goldstein_sum;
    return acc;
  }, { q1: 0, q2: 0, q3: 0, q4: 0, events: 0, forward: 0, backward: 0, symmetric: 0, g: 0 });
  const behind = h("section", { class: "panel", id: "period-events" },
    h("p", { class: "muted" }, points.length ? "Click a bar to see the events behind it." : ""));
  const select = async (point) => {
    el.querySelectorAll(".bar.selected").forEach((x) => x.classList.remove("selected"));
    const bar = el.querySelector(`.bar[data-period="${point.period}"]`);
    if (bar) bar.classList.add("selected");
    replace(behind, h("p", { class: "muted" }, "Loading…"));
    try {
      const rows = await eventsBehind(a, b, point, by);
      replace(behind, h("h2", {}, `Events ${periodLabel(point.period, by)} (${rows.length})`),
        h("p", { class: "muted small" }, "Every mode is listed; the chart counts asserted events only."),
        rows.length ? eventTable(rows) : emptyState("No events."));
    } catch (error) {
      replace(behind, errorBox(error));
    }
  };
  add(el,
    h("div", { class: "dyad-summary" },
      h("span", {}, h("strong", {}, fmtNumber(totals.events)), " asserted events"),
      h("span", {}, `${a} → ${b}: ${fmtNumber(totals.forward)}`),
      h("span", {}, `${b} → ${a}: ${fmtNumber(totals.backward)}`),
      h("span", { id: "dyad-symmetric", title: "talks, meetings, clashes between the two: no direction, counted once" },
        `${a} ↔ ${b}: ${fmtNumber(totals.symmetric)}`),
      h("span", {}, `mean Goldstein ${fmtGoldstein(totals.events ? totals.g / totals.events : null)}`)),
    h("p", { class: "dyad-links" }, "Every event, any mode: ", eventsLink(a, b), " · ", eventsLink(b, a)),
    points.length
      ? h("figure", { class: "panel chart-panel" }, dyadChart(points, by, select, window.innerWidth < 700),
        h("figcaption", { class: "legend" }, QUADS.map((q) => h("span", { class: "legend-item" },
          h("span", { class: `swatch quad${q.quad}` }), q.name)),
        h("span", { class: "legend-item" }, h("span", { class: "swatch goldstein" }), "mean Goldstein (right axis)")))
      : emptyState(`No asserted events between ${a} and ${b}${p.since || p.until ? " in this range" : ""}.`),
    behind);
}
