// Quote search: by speaker (part of the name), by words (the full-text syntax stories share) and by the
// speaker's actor code.
import { ApiError, api } from "../api.js";
import { add, h } from "../dom.js";
import { actorCodeHelp, checkValues, field, filterForm, markProblems, searchHelp,
  suggestActorCodes } from "../filters.js";
import { actorLink, articleLink, emptyState, errorBox, fmtDay, rangeLine } from "../format.js";
import { navigate } from "../router.js";

const PAGE = 30;
const FILTERS = ["speaker", "search", "actor", "since", "until"];

/** One quote; ``withArticle`` false leaves out the article it is from (a list grouped by article). */
export function quoteItem(q, withArticle = true) {
  return h("li", { class: `quote quote-${q.kind || "direct"}` },
    h("blockquote", {}, q.text),
    h("div", { class: "small" },
      h("span", { class: "speaker" }, q.speaker_name || "unattributed"),
      q.actor_code ? [" ", actorLink(q.actor_code)] : null,
      h("span", { class: "muted" }, [q.kind, withArticle ? fmtDay(q.day) : null].filter(Boolean).map((x) => ` · ${x}`).join("")),
      withArticle ? [h("span", { class: "muted" }, " · "), articleLink(q.article_id, q.title)] : null));
}

export async function quotesView(el, route) {
  const p = route.params;
  const offset = Math.max(0, Number(p.offset) || 0);
  const filters = Object.fromEntries(FILTERS.filter((k) => p[k]).map((k) => [k, p[k]]));
  const actor = field({ name: "actor", label: "Speaker's actor code", value: p.actor, size: 8, list: "codes-actor",
    maxlength: 40 });
  const form = filterForm({
    id: "quote-filters", submit: "Search", clearHref: "#/quotes",
    onSubmit: (values) => navigate("/quotes", values),
    fields: [field({ name: "speaker", label: "Speaker", value: p.speaker, placeholder: "Peskov", maxlength: 200 }),
      field({ name: "search", label: "Words", value: p.search, placeholder: "guarantees OR assurances",
        maxlength: 200 }),
      actor,
      field({ name: "since", label: "Since", kind: "date", value: p.since }),
      field({ name: "until", label: "Until", kind: "date", value: p.until })],
    extra: [searchHelp("quote-search-help"), actorCodeHelp()],
  });
  add(form, suggestActorCodes(actor.querySelector("input"), "codes-actor"));
  const results = h("section", { id: "quote-area" });
  add(el, h("h1", {}, "Quotes"), form, results);
  if (markProblems(form, checkValues(filters))) {
    add(results, emptyState("Nothing was looked up: correct the marked field first."));
    return;
  }
  let page;
  try {
    page = await api.quotes({ ...filters, limit: PAGE, offset });
  } catch (error) {
    if (!route.isCurrent()) return;
    add(results, error instanceof ApiError && error.status === 422 && markProblems(form, error.fieldProblems())
      ? emptyState("Nothing was looked up: correct the marked field first.") : errorBox(error));
    return;
  }
  if (!route.isCurrent()) return;
  const go = (o) => navigate("/quotes", { ...filters, offset: o });
  add(results,
    page.items.length ? [
      h("p", { class: "muted", id: "quote-count" }, rangeLine("Quotes", offset, page.items.length, page)),
      h("ul", { class: "quotes", id: "quote-results" }, page.items.map((q) => quoteItem(q)))]
      : h("div", { id: "quote-results" }, emptyState(
        p.search ? `No quotes hold “${p.search}”${Object.keys(filters).length > 1 ? " with these filters" : ""}.`
          : Object.keys(filters).length ? "No quotes match these filters." : "No quotes stored yet.",
        p.search ? "Fewer words, or OR between them, find more." : null)),
    h("div", { class: "pager" },
      offset > 0 ? h("a", { href: "#", on: { click: (ev) => { ev.preventDefault(); go(Math.max(0, offset - PAGE)); } } },
        "← Previous") : null,
      page.next_offset !== null ? h("a", { href: "#", on: { click: (ev) => { ev.preventDefault(); go(page.next_offset); } } },
        "Next →") : null));
}
