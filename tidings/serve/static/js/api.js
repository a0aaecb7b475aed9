// The REST API, as the dashboard uses it. Same origin; every error becomes an ApiError with the
// server's one-line message.

export class ApiError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details || [];  // a 422's problems: [{where, field, problem}]
  }

  /** {field: problem} of the query parameters the server refused. */
  fieldProblems() {
    const out = {};
    for (const d of this.details) if (d.field && /^(query|path)\./.test(d.where || "")) out[d.field] ??= d.problem;
    return out;
  }
}

/** "?a=1&b=x" from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
  }
  const text = q.toString();
  return text ? `?${text}` : "";
}

export async function get(path, params) {
  const response = await fetch(path + query(params), { headers: { Accept: "application/json" } });
  return readJson(response);
}

async function readJson(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, body && body.error ? body.error.details : null);
  }
  return body;
}

export async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json",
    Accept: "application/json" }, body: JSON.stringify(body) });
  return readJson(response);
}

export const api = {
  status: () => get("/status"),
  stories: (p) => get("/stories", p),
  story: (id) => get(`/stories/${encodeURIComponent(id)}`),
  article: (id) => get(`/articles/${encodeURIComponent(id)}`),
  articles: (p) => get("/articles", p),
  events: (p) => get("/events", p),
  quotes: (p) => get("/quotes", p),
  actors: (p) => get("/actors", p),
  actor: (code, p) => get(`/actors/${encodeURIComponent(code)}`, p),
  topDyads: (p) => get("/dyads", p),
  dyad: (a, b, p) => get(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, p),
  places: (p) => get("/places", p),
  eventsCsvUrl: (p) => `/events.csv${query(p)}`,
  cameo: () => cameoTable || (cameoTable = get("/cameo").then((rows) => new Map(rows.map((r) => [r.code, r])))
    .catch((error) => { cameoTable = null; throw error; })),
};

let cameoTable = null;  // the code table, read once per page load
