// Stories: the list, and one story's timeline (its events and quotes by day), articles and summary.
import { api } from "../api.js";
import { h } from "../dom.js";
import { articleLink, eventLine, formValues, modeBadge, quadBadge } from "../format.js";
import { navigate } from "../router.js";
import { quoteItem } from "./quotes.js";

const PAGE = 25;

export async function storiesView(el, route) {
  const p = route.params;
  const offset = Math.max(0, Number(p.offset) || 0);
  const form = h("form", { class: "filters", id: "story-filters" },
    h("label", { class: "field" }, h("span", {}, "Words in title or summary"), h("input", { name: "search", value: p.search || "" })),
    h("label", { class: "field" }, h("span", {}, "Since"), h("input", { name: "since", type: "date", value: p.since || "" })),
    h("label", { class: "field" }, h("span", {}, "Until"), h("input", { name: "until", type: "date", value: p.until || "" })),
    h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); navigate("/stories", formValues(form)); });
  const page = await api.stories({ search: p.search, since: p.since, until: p.until, limit: PAGE, offset });
  if (!route.isCurrent()) return;
  el.append(h("h1", {}, "Stories"), form,
    h("table", { class: "table stories-table" },
      h("thead", {}, h("tr", {}, ["Story", "From", "To", "Articles"].map((t) => h("th", {}, t)))),
      h("tbody", {}, page.items.map((st) => h("tr", {},
        h("td", {}, h("a", { href: `#/story/${encodeURIComponent(st.id)}` }, st.title || `Story ${st.id}`)),
        h("td", { class: "nowrap" }, st.first_date || ""), h("td", { class: "nowrap" }, st.last_date || ""),
        h("td", { class: "num" }, String(st.article_count)))))),
    h("div", { class: "pager" },
      offset > 0 ? h("a", { href: "#", on: { click: (ev) => { ev.preventDefault();
        navigate("/stories", { ...p, offset: Math.max(0, offset - PAGE) }); } } }, "← Later") : null,
      page.next_offset !== null ? h("a", { href: "#", on: { click: (ev) => { ev.preventDefault();
        navigate("/stories", { ...p, offset: page.next_offset }); } } }, "Earlier →") : null));
}

function timelineEvent(e) {
  return h("li", { class: `tl-event tl-mode-${e.mode}` },
    h("span", { class: "tl-kind" }, "event"),
    eventLine(e), " ", quadBadge(e.quad), " ", e.mode !== "asserted" ? modeBadge(e.mode) : null,
    e.place_name ? h("span", { class: "tl-place" }, ` in ${e.place_name}`) : null,
    h("div", { class: "small muted" }, "reported in ", articleLink(e.article_id, e.title),
      e.date && e.date !== e.day ? ` (dated ${e.date})` : ""));
}

/** Events (on their own day) and quotes (on their article's day), grouped by day, oldest first. */
function timeline(story) {
  const days = new Map();
  const at = (day) => { if (!days.has(day)) days.set(day, { events: [], quotes: [] }); return days.get(day); };
  for (const e of story.timeline) at(e.day).events.push(e);
  for (const q of story.quotes) at(q.day).quotes.push(q);
  const ordered = [...days.keys()].sort();
  if (!ordered.length) return h("p", { class: "muted" }, "No events or quotes in this story.");
  return h("ol", { class: "timeline", id: "story-timeline" }, ordered.map((day) => {
    const { events, quotes } = days.get(day);
    return h("li", { class: "tl-day", dataset: { day } },
      h("h3", {}, day),
      h("ul", {}, events.map(timelineEvent)),
      quotes.length ? h("ul", { class: "quotes" }, quotes.map((q) => {
        const item = quoteItem(q);
        item.classList.add("tl-quote");
        return item;
      })) : null);
  }));
}

export async function storyView(el, route) {
  const [id] = route.args;
  const story = await api.story(id);
  if (!route.isCurrent()) return;
  el.append(
    h("h1", {}, story.title || `Story ${story.id}`),
    h("p", { class: "muted" }, `${story.first_date || "?"} – ${story.last_date || "?"} · ${story.article_count} article` +
      `${story.article_count === 1 ? "" : "s"} · `,
    h("a", { href: `#/events?story=${encodeURIComponent(story.id)}` }, "events table")),
    story.summary ? h("section", { class: "panel" }, h("h2", {}, "Summary"), h("p", { class: "summary" }, story.summary)) : null,
    h("div", { class: "grid-2 wide-left" },
      h("section", { class: "panel" }, h("h2", {}, "Timeline"), timeline(story)),
      h("section", { class: "panel", id: "story-articles" }, h("h2", {}, "Articles"),
        h("ul", { class: "articles" }, story.articles.map((a) => h("li", {},
          articleLink(a.id, a.title),
          h("div", { class: "small muted" }, [a.outlet, a.published || a.day,
            a.num_articles > 1 ? `${a.num_articles} copies` : null].filter(Boolean).join(" · "))))))));
}
