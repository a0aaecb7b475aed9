// The article reader: a stored article's metadata and its analysis, highlighted and explained.
import { api } from "../api.js";
import { h } from "../dom.js";
import { analysisReader } from "../reader.js";

export async function articleView(el, route) {
  const [id] = route.args;
  const doc = await api.article(id);
  if (!route.isCurrent()) return;
  const reader = analysisReader(doc.analysis);
  const meta = [doc.outlet, doc.published || doc.day, doc.num_articles > 1 ? `${doc.num_articles} copies` : null]
    .filter(Boolean).join(" · ");
  el.append(
    h("h1", {}, doc.title || doc.id),
    h("p", { class: "muted" }, meta, doc.url ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer nofollow",
      target: "_blank" }, "original")] : null,
    doc.story_id ? [" · ", h("a", { href: `#/story/${encodeURIComponent(doc.story_id)}` }, "its story")] : null),
    reader);
  // "#/article/ID?event=E3" (from an event table's "why" link) opens the article on that event
  if (route.params.event) requestAnimationFrame(() => reader.showEvents([route.params.event]));
}
