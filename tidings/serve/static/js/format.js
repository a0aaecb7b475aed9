// Names, colours and small formatting helpers shared by the views.
import { h } from "./dom.js";

export const QUADS = [
  { key: "q1", quad: 1, name: "Verbal cooperation", short: "verbal coop." },
  { key: "q2", quad: 2, name: "Material cooperation", short: "material coop." },
  { key: "q3", quad: 3, name: "Verbal conflict", short: "verbal conflict" },
  { key: "q4", quad: 4, name: "Material conflict", short: "material conflict" },
];

/** Said wherever a quad class is shown: ours is PLOVER's, the CSV's QuadClass is GDELT's. */
export const QUAD_NOTE = "Quad class as PLOVER classes the event type. The CSV's QuadClass column is GDELT's, " +
  "taken from the CAMEO root, and differs for roots 02, 05, 10 and 14; the CSV's TidingsQuad is this one.";

export const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
export const MODES = ["asserted", "negated", "future", "hypothetical", "background"];

export function fmtNumber(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return "–";
  return Number(n).toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function fmtGoldstein(g) {
  if (g === null || g === undefined) return "–";
  return (g > 0 ? "+" : "") + Number(g).toFixed(1);
}

/** A day as shown: the day, or "undated" for an article with no publication date (and its events with
 * no date of their own), which the API gives as null. */
export const UNDATED = "undated";
export function fmtDay(day) {
  return day || UNDATED;
}

export function plural(n, one, many = `${one}s`) {
  return `${fmtNumber(n)} ${n === 1 ? one : many}`;
}

function isoDay(d) {
  return d.toISOString().slice(0, 10);
}

/** The last day of the period that starts on ``start`` (YYYY-MM-DD) at grain ``by``. */
export function periodEnd(start, by) {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === "day") return start;
  if (by === "week") { d.setUTCDate(d.getUTCDate() + 6); return isoDay(d); }
  if (by === "month") return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
  return `${d.getUTCFullYear()}-12-31`;
}

export function periodLabel(start, by) {
  if (by === "year") return start.slice(0, 4);
  if (by === "month") return start.slice(0, 7);
  return start;
}

/** An actor: its code as a link to its page; a party without a code is shown as the words the text
 * uses for it, quoted and in the text's own type, so that it never looks like a code. */
export function actorLink(code, name) {
  if (!code) {
    return name
      ? h("span", { class: "party uncoded", title: "no actor code: the words the text names this party with" },
        `“${name}”`)
      : h("span", { class: "party none", title: "the text names no one here" }, "no one named");
  }
  return h("a", { class: "actor", href: `#/actor/${encodeURIComponent(code)}`, title: name || code }, code);
}

export function quadBadge(quad) {
  const q = QUADS[quad - 1];
  return h("span", { class: `quad quad${quad}`, title: q ? `${q.name}. ${QUAD_NOTE}` : QUAD_NOTE },
    q ? q.short : String(quad));
}

export function modeBadge(mode) {
  return h("span", { class: `mode mode-${mode}` }, mode);
}

/** "RUSGOV REJECT 125 → USA", the one-line reading of an event row; a symmetric event (no direction:
 * talks, meetings, clashes between the two) reads "RUSGOV CONSULT 040 ↔ USA". */
export function eventLine(e) {
  return h("span", { class: e.symmetric ? "event-line symmetric" : "event-line" },
    actorLink(e.source, e.source_name), " ",
    h("span", { class: "plover", title: `CAMEO ${e.cameo}` }, e.plover || "STATEMENT"),
    h("span", { class: "cameo" }, ` ${e.cameo} `),
    arrow(e), " ", actorLink(e.target, e.target_name));
}

/** → from source to target, or ↔ for a symmetric event (between the two, neither acting on the other). */
export function arrow(e) {
  return e.symmetric
    ? h("span", { class: "arrow", title: "symmetric: between the two, no direction" }, "↔")
    : h("span", { class: "arrow" }, "→");
}

export function articleLink(id, title) {
  return h("a", { href: `#/article/${encodeURIComponent(id)}`, class: "article-link" }, title || id);
}

/** The "why?" link of an event row: the article, opened on the event's card. */
export function whyLink(e) {
  return h("a", { href: `#/article/${encodeURIComponent(e.article_id)}?event=${encodeURIComponent(e.event_id)}`,
    class: "why", title: "the sentence, the rule that coded this event, its mode and confidence" }, "why?");
}

export function errorBox(error) {
  return h("div", { class: "error", role: "alert" }, `Could not load: ${error.message || error}`);
}

/** The line a list shows when it has nothing; ``hint`` (optional) says what to do. */
export function emptyState(text, hint) {
  return h("p", { class: "empty muted" }, text, hint ? [" ", hint] : null);
}

/** "Events 1–50 of 1,077", or "of more than 10,000" when the count stopped at its cap. */
export function rangeLine(noun, offset, shown, page) {
  if (!shown) return "";
  const of = page.total === null || page.total === undefined ? ""
    : page.total_capped ? ` of more than ${fmtNumber(page.total)}` : ` of ${fmtNumber(page.total)}`;
  return `${noun} ${fmtNumber(offset + 1)}–${fmtNumber(offset + shown)}${of}`;
}

/** A form's non-empty fields as an object. */
export function formValues(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== "") out[k] = String(v).trim();
  return out;
}
