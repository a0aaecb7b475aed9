// Stories: the list (searched in the syntax quotes share, sortable), and one story's timeline (its events
// and quotes by day, under the article that reports them), articles and summary.
import { ApiError, api } from "../api.js";
import { add, h } from "../dom.js";
import { checkValues, field, filterForm, markProblems, searchHelp } from "../filters.js";
import { articleLink, emptyState, errorBox, eventLine, fmtDay, modeBadge, plural, quadBadge, rangeLine,
  whyLink } from "../format.js";
import { navigate } from "../router.js";
import { sortableTable } from "../table.js";
import { quoteItem } from "./quotes.js";

const PAGE = 25;
const FILTERS = ["search", "since", "until"];
const ORDERS = ["latest", "earliest", "articles", "title"];

export async function storiesView(el, route) {
  const p = route.params;
  const offset = Math.max(0, Number(p.offset) || 0);
  const order = ORDERS.includes(p.order) ? p.order : "latest";
  const filters = Object.fromEntries(FILTERS.filter((k) => p[k]).map((k) => [k, p[k]]));
  const keepOrder = order === "latest" ? undefined : order;
  const form = filterForm({
    id: "story-filters", submit: "Search", clearHref: "#/stories",
    onSubmit: (values) => navigate("/stories", { ...values, order: keepOrder }),
    fields: [field({ name: "search", label: "Words in title or summary", value: p.search,
      placeholder: "Geneva talks", maxlength: 200 }),
    field({ name: "since", label: "Since", kind: "date", value: p.since }),
    field({ name: "until", label: "Until", kind: "date", value: p.until })],
    extra: searchHelp("story-search-help"),
  });
  const results = h("section", { id: "story-results" });
  add(el, h("h1", {}, "Stories"), form, results);
  if (markProblems(form, checkValues(filters))) {
    add(results, emptyState("Nothing was looked up: correct the marked field first."));
    return;
  }
  let page;
  try {
    page = await api.stories({ ...filters, order, limit: PAGE, offset });
  } catch (error) {
    if (!route.isCurrent()) return;
    add(results, error instanceof ApiError && error.status === 422 && markProblems(form, error.fieldProblems())
      ? emptyState("Nothing was looked up: correct the marked field first.") : errorBox(error));
    return;
  }
  if (!route.isCurrent()) return;
  const go = (changes) => navigate("/stories", { ...filters, order: keepOrder, ...changes });
  if (!page.items.length) {
    add(results, emptyState(
      p.search ? `No stories hold “${p.search}”${filters.since || filters.until ? " in these days" : ""}.`
        : Object.keys(filters).length ? "No stories in these days." : "No stories yet.",
      p.search ? "Fewer words, OR between them, or a shorter prefix with * find more."
        : Object.keys(filters).length ? null : h("span", {}, "Ingest articles with ", h("code", {}, "tidings ingest"),
          " and they are grouped into stories as they arrive.")));
    return;
  }
  add(results,
    h("p", { class: "muted", id: "story-count" }, rangeLine("Stories", offset, page.items.length, page)),
    sortableTable({
      id: "stories-table", className: "stories-table", rows: page.items,
      serverSort: { current: order, choose: (key) => go({ order: key === "latest" ? undefined : key, offset: undefined }) },
      columns: [
        { label: "Story", cell: (st) => h("a", { href: `#/story/${encodeURIComponent(st.id)}` },
          st.title || `Story ${st.id}`), keys: { asc: "title" } },
        { label: "From", cell: (st) => st.first_date || "undated", className: "nowrap", keys: { asc: "earliest" } },
        { label: "To", cell: (st) => st.last_date || "undated", className: "nowrap", keys: { desc: "latest" } },
        { label: "Articles", cell: (st) => String(st.article_count), num: true, keys: { desc: "articles" } },
      ],
    }),
    h("div", { class: "pager" },
      offset > 0 ? h("a", { href: "#", on: { click: (ev) => { ev.preventDefault();
        go({ offset: Math.max(0, offset - PAGE) }); } } }, "← Previous") : null,
      page.next_offset !== null ? h("a", { href: "#", on: { click: (ev) => { ev.preventDefault();
        go({ offset: page.next_offset }); } } }, "Next →") : null));
}

function timelineEvent(e) {
  return h("li", { class: `tl-event tl-mode-${e.mode}`, dataset: { eid: e.eid } },
    eventLine(e), " ", quadBadge(e.quad), " ", e.mode !== "asserted" ? [modeBadge(e.mode), " "] : null,
    e.place_name ? h("span", { class: "tl-place" }, `in ${e.place_name} `) : null,
    e.date && e.date !== e.day ? h("span", { class: "muted small" }, `(dated ${e.date}) `) : null,
    whyLink(e));
}

/** Events (on their own day) and quotes (on their article's day) by day, oldest first; within a day,
 * under the article that reports them, named once. */
function timeline(story) {
  const number = new Map(story.articles.map((a, i) => [a.id, i + 1]));
  const days = new Map();
  const at = (day, article) => {
    if (!days.has(day)) days.set(day, new Map());
    const byArticle = days.get(day);
    if (!byArticle.has(article)) byArticle.set(article, { events: [], quotes: [], title: null });
    return byArticle.get(article);
  };
  // undated events and quotes are one group, after the dated days ("undated" sorts after any digit)
  for (const e of story.timeline) { const g = at(fmtDay(e.day), e.article_id); g.events.push(e); g.title = e.title; }
  for (const q of story.quotes) { const g = at(fmtDay(q.day), q.article_id); g.quotes.push(q); g.title = g.title || q.title; }
  const ordered = [...days.keys()].sort();
  if (!ordered.length) return emptyState("No events or quotes in this story.");
  return h("ol", { class: "timeline", id: "story-timeline" }, ordered.map((day) => h("li", { class: "tl-day",
    dataset: { day } }, h("h3", {}, day),
  [...days.get(day).entries()].sort((x, y) => (number.get(x[0]) || 0) - (number.get(y[0]) || 0))
    .map(([articleId, g]) => h("div", { class: "tl-article" },
      h("div", { class: "tl-source small" }, h("span", { class: "tl-num" }, `[${number.get(articleId) || "?"}]`), " ",
        articleLink(articleId, g.title)),
      g.events.length ? h("ul", { class: "tl-events" }, g.events.map(timelineEvent)) : null,
      g.quotes.length ? h("ul", { class: "quotes" }, g.quotes.map((q) => {
        const item = quoteItem(q, false);
        item.classList.add("tl-quote");
        return item;
      })) : null)))));
}

export async function storyView(el, route) {
  const [id] = route.args;
  const story = await api.story(id);
  if (!route.isCurrent()) return;
  add(el,
    h("h1", {}, story.title || `Story ${story.id}`),
    h("p", { class: "muted" }, `${story.first_date || "undated"} – ${story.last_date || "undated"} · ` +
      `${plural(story.article_count, "article")} · `,
    h("a", { href: `#/events?story=${encodeURIComponent(story.id)}` }, "its events as a table")),
    story.summary ? h("section", { class: "panel" }, h("h2", {}, "Summary"), h("p", { class: "summary" }, story.summary)) : null,
    h("div", { class: "grid-2 wide-left" },
      h("section", { class: "panel" }, h("h2", {}, "Timeline"), timeline(story)),
      h("section", { class: "panel", id: "story-articles" }, h("h2", {}, "Articles"),
        story.articles.length ? h("ol", { class: "articles" }, story.articles.map((a) => h("li", {},
          articleLink(a.id, a.title),
          h("div", { class: "small muted" }, [a.outlet, a.published || fmtDay(a.day),
            a.num_articles > 1 ? `${a.num_articles} copies` : null].filter(Boolean).join(" · ")))))
          : emptyState("No articles."))));
}
