// The UIP console: service readiness from /api/status and the platform's endpoints as curl lines.
"use strict";

const REFRESH_MS = 10000;

// What each service offers. Management calls go through the gateway's /api with an API token ($TOKEN, made with
// POST /api/v1/tokens after signing in) or this browser's session; {base} is replaced with the service URL the gateway
// reports, {api} with this gateway's /api. The example workspace is "acme".
const AUTH = "-H \"Authorization: Bearer $TOKEN\"";
const ENDPOINTS = {
  ingest: [
    { method: "POST", path: "/v1/track", what: "send a Segment track call ($KEY: a write key, see definition)",
      curl: "curl -u \"$KEY:\" -H 'Content-Type: application/json' -d '{\"event\":\"Invoice Sent\",\"userId\":\"user-1\",\"properties\":{\"amount\":99.5}}' {base}/v1/track" },
    { api: true, method: "GET", path: "/v1/inspect/raw?limit=20", what: "newest raw events of your workspace (write keys only write)" },
    { api: true, method: "GET", path: "/v1/inspect/validated?limit=20", what: "newest validated events of your workspace" },
    { api: true, method: "GET", path: "/v1/inspect/quarantined?limit=20", what: "newest quarantined events of your workspace" },
  ],
  definition: [
    { api: true, method: "GET", path: "/v1/definitions?page=0&size=50", what: "event definitions of your workspace: {items, page, size, total}" },
    { api: true, method: "POST", path: "/v1/definitions", what: "define an event (active: schema registered; editor)",
      curl: "curl " + AUTH + " -H 'Content-Type: application/json' -d '{\"name\":\"Invoice Sent\",\"properties\":[{\"name\":\"amount\",\"type\":\"number\",\"required\":true}]}' {api}/v1/definitions" },
    { api: true, method: "POST", path: "/v1/definitions/infer", what: "propose drafts from sample events (?save=true stores them)",
      curl: "curl " + AUTH + " -H 'Content-Type: application/json' -d '[{\"event\":\"Report Exported\",\"properties\":{\"rows\":12}},{\"event\":\"Report Exported\",\"properties\":{\"rows\":40,\"format\":\"csv\"}}]' {api}/v1/definitions/infer" },
    { api: true, method: "GET", path: "/v1/workspaces/acme", what: "workspace settings (unplanned-events policy)" },
    { api: true, method: "POST", path: "/v1/workspaces/acme/write-keys", what: "issue a write key (shown once; admin)",
      curl: "KEY=$(curl -s " + AUTH + " -H 'Content-Type: application/json' -d '{\"name\":\"my app\"}' {api}/v1/workspaces/acme/write-keys | sed -nE 's/.*\"key\":\"([^\"]+)\".*/\\1/p')" },
  ],
  anomaly: [
    { api: true, method: "GET", path: "/v1/counts/acme/Invoice%20Sent?minutes=60", what: "per-minute counts of one event" },
  ],
  audit: [
    { api: true, method: "GET", path: "/v1/audit?limit=50", what: "newest registry changes of your workspace" },
  ],
};
const EVERY_SERVICE = [
  { method: "GET", path: "/q/health/ready", what: "readiness" },
  { method: "GET", path: "/q/metrics", what: "Prometheus metrics" },
];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function renderServices(services) {
  const rows = services.map((s) => el("tr", {},
    el("td", { class: "name" }, s.name),
    el("td", {}, el("span", { class: `pill ${s.status}` }, s.status)),
    el("td", {}, s.detail || ""),
    el("td", {}, el("a", { href: s.url + "/q/health/ready", target: "_blank", rel: "noopener" }, s.url))));
  document.getElementById("services").replaceChildren(...rows);

  const down = services.filter((s) => s.status !== "UP").length;
  const summary = document.getElementById("summary");
  summary.textContent = down === 0 ? `All ${services.length} services ready` : `${down} of ${services.length} services down`;
  summary.className = "summary " + (down === 0 ? "all-up" : "some-down");
  document.getElementById("checked-at").textContent = "checked " + new Date().toLocaleTimeString();
}

function endpointLine(base, endpoint) {
  const api = location.origin + "/api";
  const url = (endpoint.api ? api : base) + endpoint.path;
  const command = endpoint.curl
    ? endpoint.curl.replace("{base}", base).replace("{api}", api)
    : endpoint.api ? `curl ${AUTH} '${url}'` : `curl ${url}`;
  const line = el("li", { class: "endpoint" }, el("span", { class: `method ${endpoint.method}` }, endpoint.method));
  if (endpoint.method === "GET") {
    line.append(el("a", { href: url, target: "_blank", rel: "noopener" }, command));
  } else {
    line.append(el("code", {}, command));
  }
  const copy = el("button", { type: "button", class: "ghost" }, "copy");
  copy.addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(command));
  line.append(el("span", { class: "what" }, endpoint.what), copy);
  return line;
}

function renderEndpoints(services) {
  const groups = services.map((s) => el("div", { class: "group" },
    el("h3", {}, s.name),
    el("ul", {}, ...[...(ENDPOINTS[s.name] || []), ...EVERY_SERVICE].map((e) => endpointLine(s.url, e)))));
  document.getElementById("endpoints").replaceChildren(...groups);
}

let endpointsShown = false;

async function refresh() {
  try {
    const response = await fetch("/api/status", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error("HTTP " + response.status);
    const services = await response.json();
    renderServices(services);
    if (!endpointsShown) {
      renderEndpoints(services);
      endpointsShown = true;
    }
  } catch (error) {
    const summary = document.getElementById("summary");
    summary.textContent = "Gateway unreachable: " + error.message;
    summary.className = "summary some-down";
  }
}

document.getElementById("refresh").addEventListener("click", refresh);
refresh();
setInterval(refresh, REFRESH_MS);
