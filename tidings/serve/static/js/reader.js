// Reading an analysis: the text with actors, quotes and speakers, time expressions, places and event
// triggers highlighted, and a panel saying why each event was coded. Used by the article reader (stored
// articles) and the analyse page (posted text).
import { h } from "./dom.js";
import { actorLink, arrow, fmtGoldstein, modeBadge, quadBadge } from "./format.js";
import { KINDS, highlightedText, spansOf } from "./highlight.js";

function participant(p) {
  if (!p) return h("span", { class: "muted" }, "—");
  return h("span", {}, p.code ? actorLink(p.code) : null, " ", h("q", {}, p.text));
}

function eventCard(e, text) {
  const sentence = e.trigger;
  return h("li", { class: "event-card", id: `event-${e.id}`, dataset: { event: e.id } },
    h("div", { class: "event-head" },
      h("strong", {}, e.plover || "STATEMENT"), h("span", { class: "cameo" }, ` CAMEO ${e.cameo} `),
      quadBadge(e.quad), " ", modeBadge(e.mode),
      e.symmetric ? h("span", { class: "symmetric-mark" }, " ", arrow(e), " between the two") : null,
      h("span", { class: "muted small" }, ` Goldstein ${fmtGoldstein(e.goldstein)}`)),
    h("dl", { class: "event-facts" },
      h("dt", {}, "Source"), h("dd", {}, participant(e.source)),
      h("dt", {}, "Trigger"), h("dd", {}, h("q", {}, text.slice(sentence.start, sentence.end)),
        h("span", { class: "muted small" }, ` chars ${sentence.start}–${sentence.end}`)),
      h("dt", {}, "Target"), h("dd", {}, participant(e.target)),
      h("dt", {}, "When"), h("dd", {}, e.date || "—"),
      h("dt", {}, "Where"), h("dd", {}, e.place ? `${e.place.name}${e.place.country ? `, ${e.place.country}` : ""}` +
        (e.place.start === null || e.place.start === undefined ? " (dateline)" : "") : "—"),
      h("dt", {}, "Why"), h("dd", { class: "evidence" }, e.evidence),
      h("dt", {}, "Confidence"), h("dd", {}, e.confidence === null ? "—" : Number(e.confidence).toFixed(2))));
}

/** The summary, the highlighted text with its legend, and the events and quotes panel of ``a``.
 * ``root.showEvents([ids])`` selects events (their cards and triggers), as a click on a trigger does. */
export function analysisReader(a) {
  const root = h("div", { class: "analysis" });
  const text = a.text;
  const events = h("ol", { class: "event-cards", id: "event-panel" }, (a.events || []).map((e) => eventCard(e, text)));
  const showEvents = (eventIds) => {
    root.querySelectorAll(".event-card.selected, .hl.selected").forEach((x) => x.classList.remove("selected"));
    eventIds.forEach((eventId, i) => {
      const card = root.querySelector(`#event-${CSS.escape(eventId)}`);
      if (card) {
        card.classList.add("selected");
        if (i === 0) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
      root.querySelectorAll(`.hl[data-events~="${CSS.escape(eventId)}"]`).forEach((x) => x.classList.add("selected"));
    });
  };
  const body = highlightedText(text, spansOf(a), showEvents);
  const legend = h("div", { class: "legend", id: "highlight-legend" }, KINDS.map(({ kind, label }) => {
    const box = h("input", { type: "checkbox", checked: true, dataset: { kind } });
    box.addEventListener("change", () => body.classList.toggle(`hide-${kind}`, !box.checked));
    return h("label", { class: `legend-item hl-key-${kind}` }, box, h("span", { class: `hl hl-${kind}` }, label));
  }));
  root.append(
    a.summary ? h("section", { class: "panel" }, h("h2", {}, "Summary"), h("p", { class: "summary" }, a.summary.text)) : null,
    h("div", { class: "reader" },
      h("section", { class: "panel" }, legend, body),
      h("aside", { class: "panel side" },
        h("h2", {}, `Events (${(a.events || []).length})`),
        (a.events || []).length ? events : h("p", { class: "muted" }, "No events coded in this text."),
        h("h2", {}, `Quotes (${(a.quotes || []).length})`),
        h("ul", { class: "quotes", id: "quote-panel" }, (a.quotes || []).map((q) => h("li", { class: "quote" },
          h("blockquote", {}, q.text),
          h("div", { class: "small" }, h("span", { class: "speaker" }, q.speaker_name || (q.speaker && q.speaker.text)
            || "unattributed"), h("span", { class: "muted" }, ` · ${q.kind}`))))))));
  root.showEvents = showEvents;
  return root;
}
