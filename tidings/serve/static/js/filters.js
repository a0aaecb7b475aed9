// Filter forms: their fields, what each field accepts (checked in the browser before anything is
// sent, and again by the server, whose refusals name the field too), marking a refused field in
// place, the filters the form does not hold (a story, an article) shown as removable chips, and
// suggestions of actor codes as one types.
import { api } from "./api.js";
import { add, h } from "./dom.js";
import { MODES, PLOVER_TYPES, fmtNumber } from "./format.js";

const ACTOR = {
  test: (v) => /^[A-Za-z0-9]{1,40}$/.test(v),
  says: "an actor code or its start: letters and digits only, no spaces (such as RUS or RUSGOV)",
};
const DAY = {
  test: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  says: "a day written YYYY-MM-DD (such as 2022-01-10)",
};
const ID = {
  test: (v) => v.length <= 300 && !/[\u0000-\u001f]/.test(v),
  says: "an identifier of at most 300 characters, without line breaks",
};
const TEXT = {
  test: (v) => v.length <= 200,
  says: "at most 200 characters",
};

/** What each filter accepts: the same rules as the API's (tidings/serve/param_errors.py). */
export const RULES = {
  source: ACTOR, target: ACTOR, actor: ACTOR, a: ACTOR, b: ACTOR,
  cameo: { test: (v) => /^[0-9]{2,4}[A-Za-z]?$/.test(v),
    says: "a CAMEO event code or its start: 2 to 4 digits (such as 19, 112 or 1724), not a word" },
  since: DAY, until: DAY, story: ID, article: ID,
  place: TEXT, search: TEXT, speaker: TEXT,
  type: { test: (v) => PLOVER_TYPES.includes(v), says: `one of the PLOVER types ${PLOVER_TYPES.join(", ")}` },
  mode: { test: (v) => MODES.includes(v), says: `one of ${MODES.join(", ")}` },
};

const LABELS = { a: "Actor A", b: "Actor B" };

/** {field: problem} for the values that break their rule, and since after until. */
export function checkValues(values) {
  const problems = {};
  for (const [name, value] of Object.entries(values)) {
    const rule = RULES[name];
    if (rule && value !== undefined && value !== null && value !== "" && !rule.test(String(value))) {
      problems[name] = `must be ${rule.says}`;
    }
  }
  if (!problems.since && !problems.until && values.since && values.until && values.since > values.until) {
    problems.since = `must not be after until (${values.until})`;
  }
  return problems;
}

/** Clear the marks of a form and mark the fields of ``problems``; a problem about a field the form
 * does not hold is said in the form's alert line. Returns whether anything was marked. */
export function markProblems(form, problems) {
  form.querySelectorAll(".field-problem").forEach((x) => x.remove());
  form.querySelectorAll("[aria-invalid]").forEach((x) => x.removeAttribute("aria-invalid"));
  const alert = form.querySelector(".form-alert");
  if (alert) { alert.textContent = ""; alert.hidden = true; }
  const entries = Object.entries(problems || {});
  if (!entries.length) return false;
  const loose = [];
  let first = null;
  for (const [name, problem] of entries) {
    const input = form.elements.namedItem(name);
    const label = LABELS[name] || (name.charAt(0).toUpperCase() + name.slice(1));
    if (!input || input.type === "hidden") { loose.push(`${label} ${problem}.`); continue; }
    const id = `${form.id}-${name}-problem`;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
    add(input.closest(".field"), h("span", { class: "field-problem", id }, `${label} ${problem}.`));
    first = first || input;
  }
  if (alert) {
    alert.textContent = first ? `Check the marked field${entries.length - loose.length > 1 ? "s" : ""}. ` +
      loose.join(" ") : loose.join(" ");
    alert.hidden = false;
  }
  if (first) first.focus({ preventScroll: true });
  return true;
}

/** A labelled field. ``spec``: {name, label, value, kind: text|date|select, options, placeholder, size,
 * hint (a line under it), list (a datalist id), any (the label of a select's empty choice; false: none)}. */
export function field(spec) {
  let input;
  if (spec.kind === "select") {
    input = h("select", { name: spec.name, id: spec.id },
      spec.any === false ? null : h("option", { value: "" }, spec.any || "any"),
      spec.options.map((o) => {
        const [value, text] = Array.isArray(o) ? o : [o, o];
        return h("option", { value, selected: value === spec.value }, text);
      }));
  } else {
    input = h("input", { name: spec.name, id: spec.id, type: spec.kind === "date" ? "date" : "text",
      value: spec.value || "", placeholder: spec.placeholder, size: spec.size, list: spec.list,
      autocomplete: spec.list ? "off" : null, spellcheck: spec.list ? "false" : null,
      autocapitalize: spec.list ? "characters" : null, maxlength: spec.maxlength });
  }
  return h("label", { class: `field field-${spec.name}` }, h("span", { class: "field-label" }, spec.label), input,
    spec.hint ? h("span", { class: "field-hint" }, spec.hint) : null);
}

/** A filter form: the fields, a submit button, a clear link, an alert line for problems. ``onSubmit``
 * gets the non-empty values once they pass ``checkValues`` (else the fields are marked). */
export function filterForm({ id, fields, submit, clearHref, onSubmit, extra }) {
  const form = h("form", { class: "filters", id, novalidate: true },
    fields, h("div", { class: "form-actions" }, h("button", { type: "submit" }, submit || "Filter"),
      clearHref ? h("a", { href: clearHref, class: "reset" }, "Clear") : null),
    h("p", { class: "form-alert", role: "alert", hidden: true }), extra || null);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = {};
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== "") values[k] = String(v).trim();
    if (markProblems(form, checkValues(values))) return;
    onSubmit(values);
  });
  return form;
}

/** The filters of ``params`` a form has no field for, each a chip with a link that removes it.
 * ``describe(name, value)`` may return a promise of a readable name (a story's title). */
export function hiddenFilterChips(params, names, hrefWithout, describe) {
  const shown = names.filter((n) => params[n]);
  if (!shown.length) return null;
  return h("p", { class: "chips", id: "active-filters" }, h("span", { class: "muted small" }, "Also filtered by: "),
    shown.map((name) => {
      const label = h("span", { class: "chip-label" }, `${name} ${params[name]}`);
      if (describe) {
        Promise.resolve(describe(name, params[name])).then((text) => { if (text) label.textContent = `${name}: ${text}`; })
          .catch(() => {});
      }
      return h("span", { class: "chip", dataset: { filter: name } }, label,
        h("a", { href: hrefWithout(name), class: "chip-remove", title: `stop filtering by ${name}`,
          "aria-label": `remove the ${name} filter` }, "×"));
    }));
}

/** A datalist of actor codes filled as ``input`` is typed into (codes starting with what is typed,
 * busiest first). */
export function suggestActorCodes(input, listId) {
  const list = h("datalist", { id: listId });
  let timer = 0;
  let asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (!ACTOR.test(prefix) || prefix.toUpperCase() === asked) return;
    timer = setTimeout(async () => {
      asked = prefix.toUpperCase();
      try {
        const found = await api.actors({ prefix: asked, limit: 12 });
        list.replaceChildren(...found.items.map((a) => h("option", { value: a.code },
          `${a.code} · ${fmtNumber(a.events)} events, ${fmtNumber(a.mentions)} mentions`)));
      } catch {
        // suggestions are a help, not a need: the field works without them
      }
    }, 200);
  });
  return list;
}

/** What an actor code is, for the help under actor fields. */
export function actorCodeHelp() {
  return h("details", { class: "help", id: "actor-code-help" },
    h("summary", {}, "Actor codes"),
    h("p", {}, "A code names a state (its ISO 3166 three-letter code: RUS, USA, UKR) or an international body " +
      "(NATO, UNO, EUR; IGO… for others), then what part of it acts: GOV government, MIL military, COP police, " +
      "JUD courts, LEG parliament, SPY intelligence, OPP opposition, REB rebels, UAF other armed groups, " +
      "CVL civilians, REF refugees, MED media, BUS business, NGO aid groups, LAB labour, REL religion."),
    h("p", {}, "A code typed in a filter is a prefix: RUS matches RUSGOV and RUSMIL; RUSGOV only the Russian " +
      "government. Suggestions appear as you type."));
}

/** The syntax of every search box (stories and quotes), for the help beside it. */
export function searchHelp(id) {
  return h("details", { class: "help", id },
    h("summary", {}, "How search reads what you type"),
    add(h("ul", {}),
      h("li", {}, h("code", {}, "Geneva talks"), " every word, anywhere, any case; other forms too (talk finds talks, talked)"),
      h("li", {}, h("code", {}, "\"end the talks\""), " these words together, in this order"),
      h("li", {}, h("code", {}, "Geneva OR Vienna"), " either (OR in capitals)"),
      h("li", {}, h("code", {}, "talks -Vienna"), " without a word"),
      h("li", {}, h("code", {}, "negot*"), " words starting with it"),
      h("li", {}, "Anything else (%, _, brackets, colons) is plain text.")));
}
