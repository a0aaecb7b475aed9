// A dyad over time: cooperation and conflict between two actors per period, the mean Goldstein score,
// and the events behind any period one click away.
import { api } from "../api.js";
import { dyadChart, quadStrip } from "../chart.js";
import { h, replace } from "../dom.js";
import { QUADS, fmtGoldstein, fmtNumber, formValues, periodEnd, periodLabel } from "../format.js";
import { navigate } from "../router.js";
import { eventTable } from "./events.js";

const GRAINS = ["day", "week", "month", "year"];

function dyadForm(a, b, p) {
  const form = h("form", { class: "filters", id: "dyad-form" },
    h("label", { class: "field" }, h("span", {}, "Actor A"), h("input", { name: "a", value: a || "", required: true, size: 8 })),
    h("label", { class: "field" }, h("span", {}, "Actor B"), h("input", { name: "b", value: b || "", required: true, size: 8 })),
    h("label", { class: "field" }, h("span", {}, "Per"),
      h("select", { name: "by" }, GRAINS.map((g) => h("option", { value: g, selected: g === (p.by || "week") }, g)))),
    h("label", { class: "field" }, h("span", {}, "Since"), h("input", { name: "since", type: "date", value: p.since || "" })),
    h("label", { class: "field" }, h("span", {}, "Until"), h("input", { name: "until", type: "date", value: p.until || "" })),
    h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = formValues(form);
    navigate(`/dyad/${encodeURIComponent(v.a.toUpperCase())}/${encodeURIComponent(v.b.toUpperCase())}`,
      { by: v.by, since: v.since, until: v.until });
  });
  return form;
}

/** Events of the period in both directions, newest first. */
async function eventsBehind(a, b, point, by) {
  const range = { since: point.period, until: periodEnd(point.period, by), limit: 200 };
  const [ab, ba] = await Promise.all([api.events({ source: a, target: b, ...range }),
    api.events({ source: b, target: a, ...range })]);
  return [...ab.items, ...ba.items].sort((x, y) => (x.day < y.day ? 1 : x.day > y.day ? -1 : y.eid - x.eid));
}

export async function dyadView(el, route) {
  const [a, b] = route.args;
  const p = route.params;
  el.append(h("h1", {}, a && b ? `${a} ↔ ${b}` : "Dyads"), dyadForm(a, b, p));
  if (!a || !b) {
    const top = await api.topDyads({ n: 20, directed: false });
    el.append(h("h2", {}, "Pick a dyad"), h("ul", { class: "dyad-picks" }, top.map((d) => h("li", {},
      h("a", { href: `#/dyad/${encodeURIComponent(d.source)}/${encodeURIComponent(d.target)}` }, `${d.source} ↔ ${d.target}`),
      " ", quadStrip(d), h("span", { class: "muted small" }, ` ${d.events} events`)))));
    return;
  }
  const by = GRAINS.includes(p.by) ? p.by : "week";
  const fill = Boolean(p.since && p.until);
  const series = await api.dyad(a, b, { by, since: p.since, until: p.until, fill });
  if (!route.isCurrent()) return;
  const points = series.points;
  const totals = points.reduce((acc, x) => {
    for (const q of QUADS) acc[q.key] += x[q.key];
    acc.events += x.events; acc.forward += x.forward; acc.backward += x.backward; acc.symmetric += x.symmetric;
    acc.g += x.goldstein_sum;
    return acc;
  }, { q1: 0, q2: 0, q3: 0, q4: 0, events: 0, forward: 0, backward: 0, symmetric: 0, g: 0 });
  const behind = h("section", { class: "panel", id: "period-events" },
    h("p", { class: "muted" }, "Click a bar to see the events behind it."));
  const select = async (point) => {
    el.querySelectorAll(".bar.selected").forEach((x) => x.classList.remove("selected"));
    const bar = el.querySelector(`.bar[data-period="${point.period}"]`);
    if (bar) bar.classList.add("selected");
    replace(behind, h("p", { class: "muted" }, "Loading…"));
    const rows = await eventsBehind(a, b, point, by);
    replace(behind, h("h2", {}, `Events ${periodLabel(point.period, by)} (${rows.length})`),
      h("p", { class: "muted small" }, "Every mode is listed; the chart counts asserted events only."),
      rows.length ? eventTable(rows) : h("p", { class: "muted" }, "No events."));
  };
  el.append(
    h("div", { class: "dyad-summary" },
      h("span", {}, h("strong", {}, fmtNumber(totals.events)), " asserted events"),
      h("span", {}, `${a} → ${b}: ${fmtNumber(totals.forward)}`),
      h("span", {}, `${b} → ${a}: ${fmtNumber(totals.backward)}`),
      h("span", { id: "dyad-symmetric", title: "talks, meetings, clashes between the two: no direction, counted once" },
        `${a} ↔ ${b}: ${fmtNumber(totals.symmetric)}`),
      h("span", {}, `mean Goldstein ${fmtGoldstein(totals.events ? totals.g / totals.events : null)}`),
      h("a", { href: `#/events?source=${encodeURIComponent(a)}&target=${encodeURIComponent(b)}` }, `All ${a} → ${b} events`)),
    points.length
      ? h("figure", { class: "panel" }, dyadChart(points, by, select),
        h("figcaption", { class: "legend" }, QUADS.map((q) => h("span", { class: "legend-item" },
          h("span", { class: `swatch quad${q.quad}` }), q.name)),
        h("span", { class: "legend-item" }, h("span", { class: "swatch goldstein" }), "mean Goldstein (right axis)")))
      : h("p", { class: "muted" }, `No asserted events between ${a} and ${b}${p.since || p.until ? " in this range" : ""}.`),
    behind);
}
