// Reading an analysis: the text with actors, quotes and speakers, time expressions, places and event
// triggers highlighted, and a card per event saying why it was coded: its sentence with the trigger and
// both parties marked, the rule in plain words, the mode and what it means, the confidence. Used by the
// article reader (stored articles) and the analyse page (posted text).
import { api } from "./api.js";
import { add, h } from "./dom.js";
import { CONFIDENCE_NOTE, MODE_MEANING, changeSentence, confidenceSentence, parseEvidence,
  ruleSentence } from "./explain.js";
import { actorLink, arrow, emptyState, fmtGoldstein, modeBadge, quadBadge } from "./format.js";
import { KINDS, highlightedText, spansOf } from "./highlight.js";

/** The words of a span, marked: "Russia" as the source. */
function partyWords(p, role) {
  if (!p) return h("span", { class: "muted" }, role === "source" ? "no source named" : "no target named");
  return h("span", { class: `why-party why-${role}` }, p.code ? [actorLink(p.code), " "] : null,
    h("q", {}, p.text), p.code ? null : h("span", { class: "muted small" }, " (no actor code)"));
}

/** The sentence of ``e`` with its trigger and parties marked (a party named in another sentence is
 * said under it). */
function markedSentence(e, a) {
  const text = a.text;
  const sentence = (a.sentences || [])[e.sentence] || { start: e.trigger.start, end: e.trigger.end };
  const marks = [["trigger", e.trigger], ["source", e.source], ["target", e.target]]
    .filter(([, sp]) => sp && sp.start >= sentence.start && sp.end <= sentence.end && sp.end > sp.start)
    .sort((x, y) => x[1].start - y[1].start);
  const pieces = [];
  let at = sentence.start;
  for (const [role, sp] of marks) {
    if (sp.start < at) continue;  // a party overlapping the trigger: the trigger wins
    pieces.push(text.slice(at, sp.start));
    pieces.push(h("mark", { class: `why-${role}`, title: role }, text.slice(sp.start, sp.end)));
    at = sp.end;
  }
  pieces.push(text.slice(at, sentence.end));
  const elsewhere = [["source", e.source], ["target", e.target]]
    .filter(([, sp]) => sp && !(sp.start >= sentence.start && sp.end <= sentence.end))
    .map(([role, sp]) => h("p", { class: "small muted" }, `The ${role} is named in another sentence: `,
      h("mark", { class: `why-${role}` }, text.slice(sp.start, sp.end)), ` (characters ${sp.start}–${sp.end}).`));
  return [h("blockquote", { class: "why-sentence" }, pieces), elsewhere];
}

function ruleFacts(e, codes) {
  const parsed = parseEvidence(e.evidence);
  const entry = codes && codes.get(e.cameo);
  const typeName = `${e.plover || "STATEMENT"} (CAMEO ${e.cameo}${entry ? ` ${entry.name}` : ""})`;
  if (!parsed) return [h("dt", {}, "Rule"), h("dd", {}, h("span", { class: "evidence" }, e.evidence), ": ", typeName)];
  return [
    h("dt", {}, "Rule"),
    h("dd", { class: "why-rule" }, ruleSentence(parsed, typeName),
      h("div", { class: "small muted" }, `pattern ${parsed.file} line ${parsed.line}`,
        parsed.derived ? `, grown from ‘${parsed.derived.seed}’ (${parsed.derived.file}) through WordNet ` +
          `${parsed.derived.synsets}` : "")),
    parsed.change ? [h("dt", {}, "Recoded"), h("dd", {}, changeSentence(parsed.change, codes))] : null,
    parsed.notes.length ? [h("dt", {}, "Also"), h("dd", {}, parsed.notes.join("; "))] : null,
  ];
}

/** A negated act coded as its refusal ("did not hand over": 121), asserted. */
function refused(e) {
  const parsed = parseEvidence(e.evidence);
  return Boolean(parsed && parsed.change && parsed.change.kind === "negated");
}

function eventCard(e, a, codes) {
  const counted = e.mode === "asserted" && e.source && e.source.code && e.target && e.target.code;
  return h("li", { class: "event-card", id: `event-${e.id}`, dataset: { event: e.id } },
    h("div", { class: "event-head" },
      h("strong", {}, e.plover || "STATEMENT"), h("span", { class: "cameo" }, ` CAMEO ${e.cameo} `),
      quadBadge(e.quad), " ", modeBadge(e.mode),
      e.symmetric ? h("span", { class: "symmetric-mark" }, " ", arrow(e), " between the two") : null,
      h("span", { class: "muted small" }, ` Goldstein ${fmtGoldstein(e.goldstein)}`)),
    markedSentence(e, a),
    h("dl", { class: "event-facts" },
      h("dt", {}, "Source"), h("dd", {}, partyWords(e.source, "source")),
      h("dt", {}, "Trigger"), h("dd", {}, h("mark", { class: "why-trigger" }, e.trigger.text),
        h("span", { class: "muted small" }, ` characters ${e.trigger.start}–${e.trigger.end}`)),
      h("dt", {}, e.symmetric ? "With" : "Target"), h("dd", {}, partyWords(e.target, "target")),
      ruleFacts(e, codes),
      h("dt", {}, "Mode"), h("dd", { class: "why-mode" }, h("strong", {}, e.mode), ": ",
        refused(e) ? "the refusal is what is reported as done" : MODE_MEANING[e.mode] || ""),
      h("dt", {}, "Confidence"), h("dd", { class: "why-confidence" }, confidenceSentence(e.confidence)),
      h("dt", {}, "When"), h("dd", {}, e.date || "not dated"),
      h("dt", {}, "Where"), h("dd", {}, e.place ? `${e.place.name}${e.place.country ? `, ${e.place.country}` : ""}` +
        (e.place.start === null || e.place.start === undefined ? " (from the dateline)" : "") : "no place found"),
      h("dt", {}, "Counted"), h("dd", {}, counted ? "in dyad and actor totals"
        : "listed, not in dyad totals (not asserted, or a party without a code)")),
    h("p", { class: "evidence small muted" }, "evidence: ", e.evidence));
}

/** True when the reader shows text and side panel side by side (desktop), false when stacked. */
function sideBySide(reader) {
  return getComputedStyle(reader).gridTemplateColumns.trim().split(/\s+/).length > 1;
}

/** The summary, the highlighted text with its legend, and the events and quotes panel of ``a``.
 * ``root.showEvents([ids])`` selects events (their cards and triggers), as a click on a trigger does,
 * and scrolls so that the first one's card and its sentence are both in view. ``codes``: the CAMEO table
 * (``api.cameo()``) to name codes with, or null. */
export function analysisReader(a, codes) {
  const root = h("div", { class: "analysis" });
  const text = a.text;
  const events = a.events || [];
  const panel = h("ol", { class: "event-cards", id: "event-panel" }, events.map((e) => eventCard(e, a, codes)));
  const reader = h("div", { class: "reader" });
  const side = h("aside", { class: "panel side" });
  const select = (eventIds, scroll = true) => {
    root.querySelectorAll(".event-card.selected, .hl.selected").forEach((x) => x.classList.remove("selected"));
    eventIds.forEach((eventId) => {
      const card = root.querySelector(`#event-${CSS.escape(eventId)}`);
      if (card) card.classList.add("selected");
      root.querySelectorAll(`.hl[data-events~="${CSS.escape(eventId)}"]`).forEach((x) => x.classList.add("selected"));
    });
    const card = eventIds.length ? root.querySelector(`#event-${CSS.escape(eventIds[0])}`) : null;
    if (!card || !scroll || !root.isConnected) return;
    const trigger = root.querySelector(`.hl[data-events~="${CSS.escape(eventIds[0])}"]`);
    if (sideBySide(reader) && trigger) {
      // the text scrolls the window; the sticky side panel scrolls on its own to the card. Near the end
      // of a short article the panel cannot stick (it stays inside the reader): then the window moves
      // until the card and its sentence are in view, the card first.
      trigger.scrollIntoView({ block: "center", behavior: "instant" });
      side.scrollTop += card.getBoundingClientRect().top - side.getBoundingClientRect().top - 8;
      for (let i = 0; i < 3; i++) {
        const box = card.getBoundingClientRect();
        const sentence = card.querySelector(".why-sentence").getBoundingClientRect();
        if (box.top >= 0 && sentence.bottom <= window.innerHeight) break;
        window.scrollBy({ top: box.top - 8, behavior: "instant" });
      }
    } else {
      // one column: the card holds the sentence, marked; bring the card's top into view
      card.scrollIntoView({ block: "start", behavior: "instant" });
    }
  };
  const body = highlightedText(text, spansOf(a), (ids) => select(ids));
  const legend = h("div", { class: "legend", id: "highlight-legend" }, KINDS.map(({ kind, label }) => {
    const box = h("input", { type: "checkbox", checked: true, dataset: { kind } });
    box.addEventListener("change", () => body.classList.toggle(`hide-${kind}`, !box.checked));
    return h("label", { class: `legend-item hl-key-${kind}` }, box, h("span", { class: `hl hl-${kind}` }, label));
  }));
  const quotes = a.quotes || [];
  add(side,
    h("h2", {}, `Events (${events.length})`),
    events.length ? [h("p", { class: "small muted" }, "Click a marked trigger in the text to see why it was coded."),
      panel, h("p", { class: "small muted", id: "confidence-note" }, CONFIDENCE_NOTE)]
      : emptyState("No events coded in this text."),
    h("h2", {}, `Quotes (${quotes.length})`),
    quotes.length ? h("ul", { class: "quotes", id: "quote-panel" }, quotes.map((q) => h("li", { class: "quote" },
      h("blockquote", {}, q.text),
      h("div", { class: "small" }, h("span", { class: "speaker" }, q.speaker_name || (q.speaker && q.speaker.text)
        || "unattributed"), h("span", { class: "muted" }, ` · ${q.kind}`)))))
      : emptyState("No quotes found in this text."));
  add(reader, h("section", { class: "panel" }, legend, body), side);
  add(root,
    a.summary && a.summary.text ? h("section", { class: "panel" }, h("h2", {}, "Summary"),
      h("p", { class: "summary" }, a.summary.text)) : null,
    reader);
  root.showEvents = select;
  return root;
}

/** The CAMEO code table for ``analysisReader``, or null when it cannot be read (the cards then give
 * the codes without their names). */
export async function codeNames() {
  try {
    return await api.cameo();
  } catch {
    return null;
  }
}
