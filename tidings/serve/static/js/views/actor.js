// One actor: counts by quad class, its partners (each a link to the dyad view) and latest events.
import { api } from "../api.js";
import { quadStrip } from "../chart.js";
import { h } from "../dom.js";
import { fmtGoldstein, fmtNumber } from "../format.js";
import { eventTable } from "./events.js";

export async function actorView(el, route) {
  const [code] = route.args;
  const page = await api.actor(code, { partners: 15, recent: 20 });
  if (!route.isCurrent()) return;
  el.append(
    h("h1", {}, page.code),
    h("p", { class: "muted" }, `codes: ${page.codes.join(", ")} · ${fmtNumber(page.events)} asserted events ` +
      `(${fmtNumber(page.as_source)} as source, ${fmtNumber(page.as_target)} as target) · ${fmtNumber(page.mentions)} mentions` +
      ` in ${fmtNumber(page.articles)} articles · ${page.first_day || "?"} – ${page.last_day || "?"}`),
    h("p", {}, quadStrip(page, 240), h("span", { class: "muted" }, ` mean Goldstein ${fmtGoldstein(page.goldstein_mean)}`)),
    h("div", { class: "grid-2 wide-right" },
      h("section", { class: "panel" }, h("h2", {}, "Partners"),
        page.partners.length ? h("table", { class: "table" },
          h("thead", {}, h("tr", {}, ["Partner", "Events", "Out", "In", "Goldstein"].map((t) => h("th", {}, t)))),
          h("tbody", {}, page.partners.map((p) => h("tr", {},
            h("td", {}, h("a", { href: `#/dyad/${encodeURIComponent(page.code)}/${encodeURIComponent(p.code)}` }, p.code)),
            h("td", { class: "num" }, fmtNumber(p.events)), h("td", { class: "num" }, fmtNumber(p.outgoing)),
            h("td", { class: "num" }, fmtNumber(p.incoming)), h("td", { class: "num" }, fmtGoldstein(p.goldstein_mean))))))
          : h("p", { class: "muted" }, "No partners yet.")),
      h("section", { class: "panel" }, h("h2", {}, "Latest events"),
        page.recent.length ? eventTable(page.recent) : h("p", { class: "muted" }, "None."),
        h("a", { href: `#/events?source=${encodeURIComponent(page.code)}` }, `All events with ${page.code} as source →`))));
}
