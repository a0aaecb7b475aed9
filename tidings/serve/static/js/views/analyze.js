// Analyse a text without storing it (POST /analyze): paste an article, see what tidings finds in it.
import { post } from "../api.js";
import { add, h, replace } from "../dom.js";
import { errorBox } from "../format.js";
import { analysisReader, codeNames } from "../reader.js";

export async function analyzeView(el) {
  const text = h("textarea", { name: "text", rows: 10, required: true, id: "analyze-text",
    placeholder: "Paste an article: GENEVA, Jan 10 - Russian and US negotiators ended talks..." });
  const published = h("input", { name: "published", type: "date", id: "analyze-published" });
  const title = h("input", { name: "title", size: 50, placeholder: "optional" });
  const result = h("div", { id: "analyze-result" });
  const form = h("form", { class: "analyze-form", id: "analyze-form" },
    h("label", { class: "field wide" }, h("span", {}, "Text"), text),
    h("div", { class: "filters" },
      h("label", { class: "field" }, h("span", {}, "Title"), title),
      h("label", { class: "field" }, h("span", {}, "Published (relative dates resolve against it)"), published),
      h("div", { class: "form-actions" }, h("button", { type: "submit" }, "Analyse"))));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    replace(result, h("p", { class: "muted" }, "Analysing…"));
    try {
      const body = { text: text.value };
      if (title.value.trim()) body.title = title.value.trim();
      if (published.value) body.published = published.value;
      const [analysis, codes] = await Promise.all([post("/analyze", body), codeNames()]);
      replace(result, analysisReader(analysis, codes));
    } catch (error) {
      replace(result, errorBox(error));
    }
    result.dataset.done = String(Number(result.dataset.done || 0) + 1);
  });
  add(el, h("h1", {}, "Analyse a text"),
    h("p", { class: "muted" }, "Nothing you paste here is stored."), form, result);
}
