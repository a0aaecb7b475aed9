// Quote search: by speaker (part of the name) and by words in the quote.
import { api } from "../api.js";
import { h } from "../dom.js";
import { actorLink, articleLink, formValues } from "../format.js";
import { navigate } from "../router.js";

const PAGE = 30;

export function quoteItem(q) {
  return h("li", { class: `quote quote-${q.kind || "direct"}` },
    h("blockquote", {}, q.text),
    h("div", { class: "small" },
      h("span", { class: "speaker" }, q.speaker_name || "unattributed"),
      q.actor_code ? [" ", actorLink(q.actor_code)] : null,
      h("span", { class: "muted" }, ` · ${q.kind || ""} · ${q.day} · `),
      articleLink(q.article_id, q.title)));
}

export async function quotesView(el, route) {
  const p = route.params;
  const offset = Math.max(0, Number(p.offset) || 0);
  const filters = { speaker: p.speaker, search: p.search, actor: p.actor, since: p.since, until: p.until };
  const form = h("form", { class: "filters", id: "quote-filters" },
    h("label", { class: "field" }, h("span", {}, "Speaker"),
      h("input", { name: "speaker", value: p.speaker || "", placeholder: "Peskov" })),
    h("label", { class: "field" }, h("span", {}, "Words"),
      h("input", { name: "search", value: p.search || "", placeholder: "optimism" })),
    h("label", { class: "field" }, h("span", {}, "Actor code"),
      h("input", { name: "actor", value: p.actor || "", size: 8 })),
    h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); navigate("/quotes", formValues(form)); });
  const page = await api.quotes({ ...filters, limit: PAGE, offset });
  if (!route.isCurrent()) return;
  el.append(h("h1", {}, "Quotes"), form,
    page.items.length ? h("ul", { class: "quotes", id: "quote-results" }, page.items.map(quoteItem))
      : h("p", { class: "muted", id: "quote-results" }, "No quotes match."),
    h("div", { class: "pager" },
      offset > 0 ? h("a", { href: "#", on: { click: (ev) => { ev.preventDefault();
        navigate("/quotes", { ...filters, offset: Math.max(0, offset - PAGE) }); } } }, "← Newer") : null,
      page.next_offset !== null ? h("a", { href: "#", on: { click: (ev) => { ev.preventDefault();
        navigate("/quotes", { ...filters, offset: page.next_offset }); } } }, "Older →") : null));
}
