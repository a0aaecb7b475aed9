// Tables with sortable columns. A table that holds its whole list sorts itself in the browser; a
// paged list (the event table) asks the server for another order instead, through ``serverSort``.
// On a narrow screen every table is drawn as a list of cards, each cell labelled with its column
// (the labels are the cells' data-label attributes; see tidings.css).
import { add, h } from "./dom.js";

/**
 * ``columns``: [{label, cell(row) -> node|text, sort?(row) -> comparable value, num?, first?: "asc"|"desc"}].
 * ``serverSort``: {current: key, choose(key)} with column ``key``s, for lists sorted by the server.
 */
export function sortableTable({ id, className, columns, rows, serverSort, initial }) {
  const tbody = h("tbody", {});
  const heads = [];
  let state = initial || null;  // {index, dir}

  const draw = () => {
    let ordered = rows;
    if (!serverSort && state) {
      const col = columns[state.index];
      const sign = state.dir === "asc" ? 1 : -1;
      ordered = rows.map((row, i) => [col.sort(row), i, row]).sort((x, y) =>
        (x[0] < y[0] ? -sign : x[0] > y[0] ? sign : x[1] - y[1])).map((x) => x[2]);
    }
    tbody.replaceChildren(...ordered.map((row) => h("tr", row.__attrs || {},
      columns.map((c) => h("td", { class: c.num ? "num" : c.className || null, "data-label": c.label },
        h("span", { class: "cell" }, c.cell(row)))))));
    heads.forEach((th, i) => {
      const dir = serverSort ? (columns[i].keys && Object.entries(columns[i].keys)
        .find(([, key]) => key === serverSort.current) || [])[0] : state && state.index === i ? state.dir : null;
      if (dir) th.setAttribute("aria-sort", dir === "asc" ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  };

  columns.forEach((c, i) => {
    const sortable = serverSort ? Boolean(c.keys) : Boolean(c.sort);
    const th = h("th", { class: c.num ? "num" : null, scope: "col" });
    if (!sortable) {
      add(th, c.label);
    } else {
      add(th, h("button", { type: "button", class: "sort", title: `sort by ${c.label.toLowerCase()}`,
        on: { click: () => {
          if (serverSort) {
            const now = Object.entries(c.keys).find(([, key]) => key === serverSort.current);
            const dir = now ? (now[0] === "asc" ? "desc" : "asc") : (c.first || "desc");
            serverSort.choose(c.keys[dir] ?? Object.values(c.keys)[0]);
            return;
          }
          const dir = state && state.index === i ? (state.dir === "asc" ? "desc" : "asc") : (c.first || "desc");
          state = { index: i, dir };
          draw();
        } } }, c.label, h("span", { class: "sort-mark", "aria-hidden": "true" })));
    }
    heads.push(th);
  });
  const table = h("table", { class: `table stack ${className || ""}`.trim(), id },
    h("thead", {}, h("tr", {}, heads)), tbody);
  draw();
  // between the widths where a table turns into cards and where it fits, it scrolls in its own box
  return h("div", { class: "table-wrap" }, table);
}

/** A row's attributes (``dataset`` and the like), carried through sorting. */
export function withAttrs(row, attrs) {
  return Object.defineProperty({ ...row }, "__attrs", { value: attrs, enumerable: false });
}
