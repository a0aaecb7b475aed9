// One actor: counts by quad class, its partners (each a link to the dyad view) and latest events.
import { api } from "../api.js";
import { quadStrip } from "../chart.js";
import { add, h } from "../dom.js";
import { emptyState, fmtGoldstein, fmtNumber } from "../format.js";
import { sortableTable } from "../table.js";
import { eventTable } from "./events.js";

export async function actorView(el, route) {
  const [code] = route.args;
  const page = await api.actor(code, { partners: 15, recent: 20 });
  if (!route.isCurrent()) return;
  const events = (params) => `#/events?${new URLSearchParams(params)}`;
  add(el,
    h("h1", {}, page.code),
    h("p", { class: "muted" }, `codes: ${page.codes.join(", ")} · ${fmtNumber(page.events)} asserted events ` +
      `(${fmtNumber(page.as_source)} as source, ${fmtNumber(page.as_target)} as target) · ${fmtNumber(page.mentions)} mentions` +
      ` in ${fmtNumber(page.articles)} articles` + (page.first_day ? ` · ${page.first_day} – ${page.last_day}` : "")),
    h("p", {}, quadStrip(page, 240), h("span", { class: "muted" }, ` mean Goldstein ${fmtGoldstein(page.goldstein_mean)}`)),
    h("div", {},
      h("section", { class: "panel partners-panel" }, h("h2", {}, "Partners"),
        h("p", { class: "small muted" }, "Asserted events; Out: this actor on the partner, In: the partner on it."),
        page.partners.length ? sortableTable({
          id: "partners-table", className: "partners", rows: page.partners,
          columns: [
            { label: "Partner", cell: (p) => h("a", { href: `#/dyad/${encodeURIComponent(page.code)}/${encodeURIComponent(p.code)}` },
              p.code), sort: (p) => p.code, first: "asc" },
            { label: "Events", cell: (p) => fmtNumber(p.events), sort: (p) => p.events, num: true },
            { label: "Out", cell: (p) => fmtNumber(p.outgoing), sort: (p) => p.outgoing, num: true },
            { label: "In", cell: (p) => fmtNumber(p.incoming), sort: (p) => p.incoming, num: true },
            { label: "Goldstein", cell: (p) => fmtGoldstein(p.goldstein_mean), sort: (p) => p.goldstein_mean ?? 0,
              num: true, first: "asc" },
          ] }) : emptyState("No partners yet.")),
      h("section", { class: "panel" }, h("h2", {}, "Latest events"),
        page.recent.length ? eventTable(page.recent) : emptyState("None."),
        h("p", {}, h("a", { href: events({ source: page.code }) }, `All events with ${page.code} as source →`), " ",
          h("a", { href: events({ target: page.code }) }, `as target →`)))));
}
