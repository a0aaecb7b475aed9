// A dyad chart in plain SVG: stacked bars of quad-class counts per period (left axis) and the mean
// Goldstein score as a line (right axis, -10..+10). Each bar is a button: clicking it (or Enter on it)
// calls onSelect(point).
import { add, s } from "./dom.js";
import { QUADS, fmtGoldstein, periodLabel } from "./format.js";

const WIDE = { top: 16, right: 48, bottom: 44, left: 44 };
const NARROW = { top: 16, right: 70, bottom: 48, left: 56 };  // larger text: wider margins for the axes

/** A whole, round tick step (1, 2, 5 x 10^k) so that four steps cover n. */
function tickStep(n) {
  const raw = Math.max(1, n / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((x) => x >= raw);
}

/** ``narrow``: drawn for a phone (fewer units across, so that its text stays readable when scaled). */
export function dyadChart(points, by, onSelect, narrow = false) {
  const W = narrow ? 480 : 960, H = narrow ? 340 : 320, M = narrow ? NARROW : WIDE;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: narrow ? "chart narrow" : "chart", role: "img",
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
    add(grid, s("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }),
      s("text", { x: M.left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick" }, String(Math.round(v))));
  }
  for (const g of [-10, 0, 10]) {
    add(grid, s("text", { x: W - M.right + 6, y: yg(g) + 4, class: "tick goldstein-tick" }, fmtGoldstein(g)));
  }
  add(grid, s("line", { x1: M.left, x2: W - M.right, y1: yg(0), y2: yg(0), class: "zero" }));
  add(svg, grid);
  const edge = narrow ? 18 : 10;  // the rotated axis names' glyphs rise towards the edge: keep their height free
  add(svg, s("text", { x: edge, y: M.top + ih / 2, class: "axis-label", transform: `rotate(-90 ${edge} ${M.top + ih / 2})`,
    "text-anchor": "middle" }, "events"));
  add(svg, s("text", { x: W - edge, y: M.top + ih / 2, class: "axis-label",
    transform: `rotate(90 ${W - edge} ${M.top + ih / 2})`, "text-anchor": "middle" }, "Goldstein"));

  const labelEvery = Math.max(1, Math.ceil(points.length / (narrow ? 5 : 12)));
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
    add(group, s("rect", { x: cx - step / 2, y: M.top, width: step, height: ih, class: "hit" }));
    let acc = 0;
    for (const q of QUADS) {
      const v = p[q.key];
      if (!v) continue;
      add(group, s("rect", { x: cx - barW / 2, y: y(acc + v), width: barW, height: y(acc) - y(acc + v),
        class: `seg quad${q.quad}` }));
      acc += v;
    }
    add(group, s("title", {}, `${periodLabel(p.period, by)}: ${total} events` +
      QUADS.map((q) => `\n${q.name}: ${p[q.key]}`).join("") + `\nmean Goldstein ${fmtGoldstein(p.goldstein_mean)}`));
    add(bars, group);
    if (i % labelEvery === 0) {
      add(svg, s("text", { x: cx, y: H - M.bottom + 16, "text-anchor": "middle", class: "tick" },
        periodLabel(p.period, by)));
    }
  });
  add(svg, bars);

  // Goldstein line through the periods that have events
  const pts = points.map((p, i) => [M.left + step * i + step / 2, p.goldstein_mean])
    .filter(([, g]) => g !== null && g !== undefined);
  if (pts.length) {
    add(svg, s("polyline", { class: "goldstein", points: pts.map(([x, g]) => `${x},${yg(g)}`).join(" ") }));
    for (const [x, g] of pts) add(svg, s("circle", { class: "goldstein-dot", cx: x, cy: yg(g), r: 3 }));
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
    if (w > 0) add(svg, s("rect", { x, y: 0, width: w, height: 10, class: `seg quad${q.quad}` }));
    x += w;
  }
  return svg;
}

/** Event places on a plain latitude/longitude grid (no base map is shipped), zoomed to where the
 * events are: dots sized by asserted events, grid lines every 5, 10 or 30 degrees with their labels.
 * Smaller dots are drawn over larger ones so that each can be clicked; names are drawn last and take
 * no clicks, and a name that would cover another name or dot is left off (the list beside the map
 * names every place). Dots at (nearly) the same spot, such as a country and its capital, are moved
 * apart until every dot's centre is its own to click. ``narrow``: drawn for a phone, with larger text. */
export function placeMap(places, onSelect, narrow = false) {
  const w = narrow ? 480 : 720, hgt = w / 2, font = narrow ? 15 : 11;
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
  const svg = s("svg", { viewBox: `0 0 ${w} ${hgt}`, class: narrow ? "placemap narrow" : "placemap", role: "group",
    "aria-label": "Event places by latitude and longitude" });
  const step = spanLon > 180 ? 30 : spanLon > 60 ? 10 : 5;
  const grid = s("g", { class: "grid", "pointer-events": "none" });
  for (let lon = Math.ceil(west / step) * step; lon <= west + spanLon; lon += step) {
    add(grid, s("line", { x1: x(lon), x2: x(lon), y1: 0, y2: hgt }),
      s("text", { x: x(lon) + 2, y: hgt - 4, class: "grid-label" }, `${Math.abs(lon)}°${lon < 0 ? "W" : lon > 0 ? "E" : ""}`));
  }
  for (let lat = Math.ceil((north - spanLat) / step) * step; lat <= north; lat += step) {
    add(grid, s("line", { x1: 0, x2: w, y1: y(lat), y2: y(lat), class: lat === 0 ? "zero" : null }),
      s("text", { x: 2, y: y(lat) - 2, class: "grid-label" }, `${Math.abs(lat)}°${lat < 0 ? "S" : lat > 0 ? "N" : ""}`));
  }
  add(svg, grid);
  const max = Math.max(1, ...located.map((p) => p.asserted));
  const dots = located.map((p) => ({ p, cx: x(p.lon), cy: y(p.lat), r: (narrow ? 6 : 4) + 10 * Math.sqrt(p.asserted / max) }));
  spread(dots);
  const dotLayer = s("g", { class: "place-dots" });
  for (const d of [...dots].sort((a, b) => b.r - a.r)) {
    add(dotLayer, s("g", { class: "place-dot", tabindex: 0, role: "link", dataset: { place: d.p.name },
      "aria-label": `${d.p.name}: ${d.p.asserted} asserted events`,
      on: { click: () => onSelect(d.p), keydown: (ev) => { if (ev.key === "Enter") onSelect(d.p); } } },
    s("circle", { cx: d.cx, cy: d.cy, r: d.r }),
    s("title", {}, `${d.p.name}${d.p.country ? ` (${d.p.country})` : ""}: ${d.p.asserted} asserted events`)));
  }
  add(svg, dotLayer);
  add(svg, placeLabels(dots, w, hgt, font));
  return svg;
}

/** Move dots apart (a few pixels, deterministically) until no dot covers the centre of another: the
 * dot drawn above (the smaller; on a tie, the later) must keep its radius and 2 pixels away. */
function spread(dots) {
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < dots.length; i++) {
      for (let j = i + 1; j < dots.length; j++) {
        const a = dots[i], b = dots[j];
        const need = Math.min(a.r, b.r) + 2;
        const dist = Math.hypot(b.cx - a.cx, b.cy - a.cy);
        if (dist >= need) continue;
        // apart along the line between them; the same spot: along an angle fixed by their order
        const angle = dist < 0.01 ? (j * 2.399963) % (2 * Math.PI) : Math.atan2(b.cy - a.cy, b.cx - a.cx);
        const push = (need - dist) / 2 + 0.5;
        a.cx -= Math.cos(angle) * push; a.cy -= Math.sin(angle) * push;
        b.cx += Math.cos(angle) * push; b.cy += Math.sin(angle) * push;
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** Names beside the dots, busiest place first, each at the first of four positions (right, left,
 * above, below) where it covers no name already placed and no other dot; else left off. */
function placeLabels(dots, w, hgt, font) {
  const layer = s("g", { class: "place-labels", "pointer-events": "none", "aria-hidden": "true" });
  const taken = [];
  const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const dotBox = (d) => ({ x0: d.cx - d.r, x1: d.cx + d.r, y0: d.cy - d.r, y1: d.cy + d.r });
  for (const d of [...dots].sort((a, b) => b.p.asserted - a.p.asserted || (a.p.name < b.p.name ? -1 : 1))) {
    const tw = 0.62 * font * d.p.name.length, th = font;
    const gap = d.r + 3;
    const spots = [
      { x: d.cx + gap, y: d.cy + th / 3, anchor: "start", box: { x0: d.cx + gap, x1: d.cx + gap + tw } },
      { x: d.cx - gap, y: d.cy + th / 3, anchor: "end", box: { x0: d.cx - gap - tw, x1: d.cx - gap } },
      { x: d.cx, y: d.cy - gap, anchor: "middle", box: { x0: d.cx - tw / 2, x1: d.cx + tw / 2 } },
      { x: d.cx, y: d.cy + gap + th, anchor: "middle", box: { x0: d.cx - tw / 2, x1: d.cx + tw / 2 } },
    ];
    // a drawn name's box is its font's line and its 3-pixel halo, 1.7 em in Chromium (measured: 18 units
    // for 11-unit names), from more than an em above the baseline to half one below; a box one em high
    // let "Brussels" overlap "Geneva" below it
    const spot = spots.map((sp) => ({ ...sp, box: { ...sp.box, y0: sp.y - 1.2 * font, y1: sp.y + 0.5 * font } })).find((sp) => sp.box.x0 >= 0 && sp.box.x1 <= w && sp.box.y0 >= 0 && sp.box.y1 <= hgt &&
      !taken.some((b) => overlaps(b, sp.box)) && !dots.some((o) => o !== d && overlaps(dotBox(o), sp.box)));
    if (!spot) continue;
    taken.push(spot.box, dotBox(d));
    add(layer, s("text", { x: spot.x, y: spot.y, "text-anchor": spot.anchor, class: "place-label",
      dataset: { place: d.p.name } }, d.p.name));
  }
  return layer;
}
