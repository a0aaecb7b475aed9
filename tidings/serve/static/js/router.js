// Hash routes: "#/events?source=RUS" is the path /events with its parameters.

/** The current route: path parts and query parameters of the hash ("#/events?source=RUS"). */
export function currentRoute() {
  const hash = location.hash.replace(/^#/, "") || "/";  // route args are decoded one by one
  const [path, qs] = hash.split("?", 2);
  return { path, params: Object.fromEntries(new URLSearchParams(qs || "")) };
}

/** Go to a route with parameters (empty ones dropped). */
export function navigate(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  const text = q.toString();
  location.hash = `#${path}${text ? `?${text}` : ""}`;
}
