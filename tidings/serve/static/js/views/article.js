// The article reader: a stored article's metadata and its analysis, highlighted and explained.
import { api } from "../api.js";
import { add, h } from "../dom.js";
import { analysisReader, codeNames } from "../reader.js";

export async function articleView(el, route) {
  const [id] = route.args;
  const [doc, codes] = await Promise.all([api.article(id), codeNames()]);
  if (!route.isCurrent()) return;
  const reader = analysisReader(doc.analysis, codes);
  const meta = [doc.outlet, doc.published || doc.day || "undated", doc.num_articles > 1 ? `${doc.num_articles} copies` : null]
    .filter(Boolean).join(" · ");
  add(el,
    h("h1", {}, doc.title || doc.id),
    h("p", { class: "muted" }, meta, doc.url ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer nofollow",
      target: "_blank" }, "original")] : null,
    doc.story_id ? [" · ", h("a", { href: `#/story/${encodeURIComponent(doc.story_id)}` }, "its story")] : null),
    reader);
  // "#/article/ID?event=E3" (an event's "why?" link) opens the article on that event; coming back to it
  // (Back, Forward) keeps the place the reader had instead
  if (route.params.event) {
    el.afterShow = () => reader.showEvents([route.params.event], !route.returning);
  }
}
