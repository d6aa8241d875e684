// The UIP console: service readiness from /api/status and the platform's endpoints as curl lines.
"use strict";

const REFRESH_MS = 10000;

// What each service offers; {base} is replaced with the service URL the gateway reports.
const ENDPOINTS = {
  ingest: [
    { method: "POST", path: "/v1/track", what: "send a Segment track call ($KEY: a write key, see definition)",
      curl: "curl -u \"$KEY:\" -H 'Content-Type: application/json' -d '{\"event\":\"Invoice Sent\",\"userId\":\"user-1\",\"properties\":{\"amount\":99.5}}' {base}/v1/track" },
    { method: "GET", path: "/v1/inspect/raw?limit=20", what: "newest raw events of the key's workspace",
      curl: "curl -u \"$KEY:\" '{base}/v1/inspect/raw?limit=20'" },
    { method: "GET", path: "/v1/inspect/validated?limit=20", what: "newest validated events of the key's workspace",
      curl: "curl -u \"$KEY:\" '{base}/v1/inspect/validated?limit=20'" },
    { method: "GET", path: "/v1/inspect/quarantined?limit=20", what: "newest quarantined events of the key's workspace",
      curl: "curl -u \"$KEY:\" '{base}/v1/inspect/quarantined?limit=20'" },
  ],
  definition: [
    { method: "GET", path: "/v1/definitions?page=0&size=50", what: "event definitions of a workspace: {items, page, size, total}" },
    { method: "POST", path: "/v1/definitions", what: "define an event (active: schema registered)",
      curl: "curl -H 'Content-Type: application/json' -H 'X-UIP-Actor: alice' -d '{\"name\":\"Invoice Sent\",\"properties\":[{\"name\":\"amount\",\"type\":\"number\",\"required\":true}]}' {base}/v1/definitions" },
    { method: "POST", path: "/v1/definitions/infer", what: "propose drafts from sample events (?save=true stores them)",
      curl: "curl -H 'Content-Type: application/json' -d '[{\"event\":\"Report Exported\",\"properties\":{\"rows\":12}},{\"event\":\"Report Exported\",\"properties\":{\"rows\":40,\"format\":\"csv\"}}]' {base}/v1/definitions/infer" },
    { method: "GET", path: "/v1/workspaces/default", what: "workspace settings (unplanned-events policy)" },
    { method: "POST", path: "/v1/workspaces/default/write-keys", what: "issue a write key (shown once)",
      curl: "KEY=$(curl -s -H 'Content-Type: application/json' -d '{\"name\":\"my app\"}' {base}/v1/workspaces/default/write-keys | sed -nE 's/.*\"key\":\"([^\"]+)\".*/\\1/p')" },
  ],
  anomaly: [
    { method: "GET", path: "/v1/counts/default/Invoice%20Sent?minutes=60", what: "per-minute counts of one event" },
  ],
  audit: [
    { method: "GET", path: "/v1/audit?workspace=default&limit=50", what: "newest registry changes" },
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
  const url = base + endpoint.path;
  const command = endpoint.curl ? endpoint.curl.replace("{base}", base) : `curl ${url}`;
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
