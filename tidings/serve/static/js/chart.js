// A dyad chart in plain SVG: stacked bars of quad-class counts per period (left axis) and the mean
// Goldstein score as a line (right axis, -10..+10). Each bar is a button: clicking it (or Enter on it)
// calls onSelect(point).
import { s } from "./dom.js";
import { QUADS, fmtGoldstein, periodLabel } from "./format.js";

const W = 960, H = 320, M = { top: 16, right: 48, bottom: 44, left: 44 };

/** A whole, round tick step (1, 2, 5 x 10^k) so that four steps cover n. */
function tickStep(n) {
  const raw = Math.max(1, n / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((x) => x >= raw);
}

export function dyadChart(points, by, onSelect) {
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img",
    "aria-label": "Events per period by quad class, with mean Goldstein score" });
  const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
  const tick = tickStep(Math.max(1, ...points.map((p) => p.q1 + p.q2 + p.q3 + p.q4)));
  const maxCount = tick * 4;
  const step = iw / Math.max(1, points.length);
  const barW = Math.max(2, Math.min(48, step * 0.7));
  const y = (v) => M.top + ih - (v / maxCount) * ih;
  const yg = (g) => M.top + ih / 2 - (g / 10) * (ih / 2);

  // axes and grid
  const grid = s("g", { class: "grid" });
  for (let i = 0; i <= 4; i++) {
    const v = tick * i;
    grid.append(s("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }),
      s("text", { x: M.left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick" }, String(Math.round(v))));
  }
  for (const g of [-10, 0, 10]) {
    grid.append(s("text", { x: W - M.right + 6, y: yg(g) + 4, class: "tick goldstein-tick" }, fmtGoldstein(g)));
  }
  grid.append(s("line", { x1: M.left, x2: W - M.right, y1: yg(0), y2: yg(0), class: "zero" }));
  svg.append(grid);
  svg.append(s("text", { x: 12, y: M.top + ih / 2, class: "axis-label", transform: `rotate(-90 12 ${M.top + ih / 2})`,
    "text-anchor": "middle" }, "events"));
  svg.append(s("text", { x: W - 8, y: M.top + ih / 2, class: "axis-label",
    transform: `rotate(90 ${W - 8} ${M.top + ih / 2})`, "text-anchor": "middle" }, "Goldstein"));

  const labelEvery = Math.max(1, Math.ceil(points.length / 12));
  const bars = s("g", { class: "bars" });
  points.forEach((p, i) => {
    const cx = M.left + step * i + step / 2;
    const total = p.q1 + p.q2 + p.q3 + p.q4;
    const group = s("g", { class: "bar", tabindex: 0, role: "button", dataset: { period: p.period },
      "aria-label": `${periodLabel(p.period, by)}: ${total} events, Goldstein ${fmtGoldstein(p.goldstein_mean)}`,
      on: {
        click: () => onSelect(p),
        keydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onSelect(p); } },
      } });
    group.append(s("rect", { x: cx - step / 2, y: M.top, width: step, height: ih, class: "hit" }));
    let acc = 0;
    for (const q of QUADS) {
      const v = p[q.key];
      if (!v) continue;
      group.append(s("rect", { x: cx - barW / 2, y: y(acc + v), width: barW, height: y(acc) - y(acc + v),
        class: `seg quad${q.quad}` }));
      acc += v;
    }
    group.append(s("title", {}, `${periodLabel(p.period, by)}: ${total} events` +
      QUADS.map((q) => `\n${q.name}: ${p[q.key]}`).join("") + `\nmean Goldstein ${fmtGoldstein(p.goldstein_mean)}`));
    bars.append(group);
    if (i % labelEvery === 0) {
      svg.append(s("text", { x: cx, y: H - M.bottom + 16, "text-anchor": "middle", class: "tick" },
        periodLabel(p.period, by)));
    }
  });
  svg.append(bars);

  // Goldstein line through the periods that have events
  const pts = points.map((p, i) => [M.left + step * i + step / 2, p.goldstein_mean])
    .filter(([, g]) => g !== null && g !== undefined);
  if (pts.length) {
    svg.append(s("polyline", { class: "goldstein", points: pts.map(([x, g]) => `${x},${yg(g)}`).join(" ") }));
    for (const [x, g] of pts) svg.append(s("circle", { class: "goldstein-dot", cx: x, cy: yg(g), r: 3 }));
  }
  return svg;
}

/** A small horizontal stacked bar of quad counts, for tables. */
export function quadStrip(row, width = 120) {
  const total = row.q1 + row.q2 + row.q3 + row.q4;
  const svg = s("svg", { viewBox: `0 0 ${width} 10`, width, height: 10, class: "strip", role: "img",
    "aria-label": QUADS.map((q) => `${q.name} ${row[q.key]}`).join(", ") });
  let x = 0;
  for (const q of QUADS) {
    const w = total ? (row[q.key] / total) * width : 0;
    if (w > 0) svg.append(s("rect", { x, y: 0, width: w, height: 10, class: `seg quad${q.quad}` }));
    x += w;
  }
  return svg;
}

/** Event places on a plain latitude/longitude grid (no base map is shipped), zoomed to where the
 * events are: dots sized by count, grid lines every 5, 10 or 30 degrees with their labels. */
export function placeMap(places, onSelect) {
  const w = 720, hgt = 360;
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  // the smallest 2:1 box (in degrees) holding every place, with a margin, inside the world
  let [lon0, lon1] = [Math.min(...located.map((p) => p.lon)), Math.max(...located.map((p) => p.lon))];
  let [lat0, lat1] = [Math.min(...located.map((p) => p.lat)), Math.max(...located.map((p) => p.lat))];
  if (!located.length) [lon0, lon1, lat0, lat1] = [-180, 180, -90, 90];
  const spanLon = Math.min(360, Math.max(24, (lon1 - lon0) * 1.25, (lat1 - lat0) * 1.25 * 2));
  const spanLat = spanLon / 2;
  const cLon = Math.min(180 - spanLon / 2, Math.max(-180 + spanLon / 2, (lon0 + lon1) / 2));
  const cLat = Math.min(90 - spanLat / 2, Math.max(-90 + spanLat / 2, (lat0 + lat1) / 2));
  const west = cLon - spanLon / 2, north = cLat + spanLat / 2;
  const x = (lon) => ((lon - west) / spanLon) * w, y = (lat) => ((north - lat) / spanLat) * hgt;
  const svg = s("svg", { viewBox: `0 0 ${w} ${hgt}`, class: "placemap", role: "img",
    "aria-label": "Event places by latitude and longitude" });
  const step = spanLon > 180 ? 30 : spanLon > 60 ? 10 : 5;
  const grid = s("g", { class: "grid" });
  for (let lon = Math.ceil(west / step) * step; lon <= west + spanLon; lon += step) {
    grid.append(s("line", { x1: x(lon), x2: x(lon), y1: 0, y2: hgt }),
      s("text", { x: x(lon) + 2, y: hgt - 4, class: "grid-label" }, `${Math.abs(lon)}°${lon < 0 ? "W" : lon > 0 ? "E" : ""}`));
  }
  for (let lat = Math.ceil((north - spanLat) / step) * step; lat <= north; lat += step) {
    grid.append(s("line", { x1: 0, x2: w, y1: y(lat), y2: y(lat), class: lat === 0 ? "zero" : null }),
      s("text", { x: 2, y: y(lat) - 2, class: "grid-label" }, `${Math.abs(lat)}°${lat < 0 ? "S" : lat > 0 ? "N" : ""}`));
  }
  svg.append(grid);
  const max = Math.max(1, ...located.map((p) => p.events));
  for (const p of located) {
    const r = 4 + 10 * Math.sqrt(p.events / max);
    svg.append(s("g", { class: "place-dot", tabindex: 0, role: "button",
      "aria-label": `${p.name}: ${p.events} events`,
      on: { click: () => onSelect(p), keydown: (ev) => { if (ev.key === "Enter") onSelect(p); } } },
    s("circle", { cx: x(p.lon), cy: y(p.lat), r }),
    s("text", { x: x(p.lon) + r + 2, y: y(p.lat) + 4, class: "place-label" }, p.name),
    s("title", {}, `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.events} events`)));
  }
  return svg;
}
