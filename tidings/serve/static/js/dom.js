// Building DOM safely. Article-derived text only ever becomes a text node (never innerHTML), and
// links only ever point at http(s) or at the dashboard itself: nothing from a stored article can
// become markup or script.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(el, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) { child.forEach((c) => append(el, c)); return; }
  el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
}

/** Append children to ``el``, leaving out null, undefined and false. Use it instead of the DOM's own
 * ``Element.append``, which prints ``null`` for a missing part (an optional section, an empty table). */
export function add(el, ...children) {
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") {
      for (const [type, handler] of Object.entries(value)) el.addEventListener(type, handler);
    } else if (key === "dataset") {
      for (const [k, v] of Object.entries(value)) el.dataset[k] = String(v);
    } else if (key === "href") {
      el.setAttribute("href", safeHref(value));
    } else if (/^on/i.test(key)) {
      throw new Error(`event handler attributes are not allowed (${key})`);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

/** An element: h("a", {href: "#/", class: "x"}, "text", child, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element (charts). */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Dashboard routes, relative paths and http(s) URLs pass; anything else (javascript:, data:...) becomes "#". */
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("#") || text.startsWith("/")) return text;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
  } catch {
    return "#";
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}
