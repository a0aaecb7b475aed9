// The article text with what tidings found marked on it. Spans overlap (a quote holds actor mentions
// and event triggers), so the text is cut at every span boundary and each piece carries the classes
// of all the spans covering it. Offsets are the analysis's own: text.slice(start, end) is the evidence.
import { add, h } from "./dom.js";

export const KINDS = [
  { kind: "actor", label: "Actors" },
  { kind: "quote", label: "Quotes" },
  { kind: "speaker", label: "Speakers" },
  { kind: "time", label: "Times" },
  { kind: "place", label: "Places" },
  { kind: "trigger", label: "Event triggers" },
];

/** Every span of the analysis as {start, end, kind, ref, title}. */
export function spansOf(a) {
  const spans = [];
  const actorsById = new Map((a.actors || []).map((x) => [x.id, x]));
  for (const actor of a.actors || []) {
    for (const m of actor.mentions || []) {
      spans.push({ start: m.start, end: m.end, kind: "actor", ref: actor.id,
        title: `${actor.name}${actor.code ? ` (${actor.code})` : ""}` });
    }
  }
  (a.quotes || []).forEach((q, i) => {
    const who = q.speaker_name || (q.speaker && q.speaker.text) || "unattributed";
    spans.push({ start: q.start, end: q.end, kind: "quote", ref: `q${i}`, title: `${q.kind} quote — ${who}` });
    if (q.speaker) {
      const actor = q.actor ? actorsById.get(q.actor) : null;
      spans.push({ start: q.speaker.start, end: q.speaker.end, kind: "speaker", ref: `q${i}`,
        title: `speaker: ${who}${actor && actor.code ? ` (${actor.code})` : ""}` });
    }
  });
  for (const t of a.times || []) {
    spans.push({ start: t.start, end: t.end, kind: "time", ref: null, title: `${t.type} ${t.value || "?"}` });
  }
  for (const p of a.places || []) {
    spans.push({ start: p.start, end: p.end, kind: "place", ref: null,
      title: `${p.name}${p.country ? `, ${p.country}` : ""}` });
  }
  for (const e of a.events || []) {
    spans.push({ start: e.trigger.start, end: e.trigger.end, kind: "trigger", ref: e.id,
      title: `${e.cameo} ${e.plover || ""} (${e.mode}) — click for why` });
  }
  return spans.filter((x) => Number.isInteger(x.start) && Number.isInteger(x.end) && x.end > x.start);
}

/** A <div> of text pieces; clicking a piece inside event triggers calls onEvent([eventIds]) (one trigger
 * word may code several events: "discuss arms control and limits"). */
export function highlightedText(text, spans, onEvent) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(sp.start); cuts.add(sp.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((x, y) => x - y);
  const byStart = [...spans].sort((x, y) => x.start - y.start);
  const root = h("div", { class: "article-text", id: "article-text" });
  let open = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i], to = points[i + 1];
    while (next < byStart.length && byStart[next].start <= from) open.push(byStart[next++]);
    open = open.filter((sp) => sp.end > from);
    const piece = text.slice(from, to);
    const covering = open.filter((sp) => sp.start <= from && sp.end >= to);
    if (!covering.length) { add(root, piece); continue; }
    const kinds = [...new Set(covering.map((sp) => sp.kind))];
    const triggers = covering.filter((sp) => sp.kind === "trigger").map((sp) => sp.ref);
    const attrs = { class: kinds.map((k) => `hl hl-${k}`).join(" "), title: covering.map((sp) => sp.title).join("\n"),
      dataset: { start: from, end: to } };
    if (triggers.length) {
      attrs.dataset.events = triggers.join(" ");
      attrs.tabindex = 0;
      attrs.role = "button";
      attrs.on = {
        click: () => onEvent(triggers),
        keydown: (ev) => { if (ev.key === "Enter") onEvent(triggers); },
      };
    }
    add(root, h("span", attrs, piece));
  }
  return root;
}
