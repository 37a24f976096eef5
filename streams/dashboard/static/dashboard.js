// The streams dashboard. Every text from an event is put in the page with textContent or
// setAttribute, never as HTML: evidence sentences and names are untrusted input.
"use strict";

const W = 960, H = 480, SVG = "http://www.w3.org/2000/svg";
const PALETTE = ["#d7301f", "#2b8cbe", "#31a354", "#ff7f00", "#756bb1", "#e7298a",
                 "#a6761d", "#17becf", "#666666", "#e6ab02"];
const WINDOWS = [1, 3, 6, 12, 24, 48, 72, 168];
// Plate carree: x = W/2 + lon * W/360, y = H/2 - lat * H/180 (the tests rely on it).
const projection = d3.geoEquirectangular().scale(W / (2 * Math.PI)).translate([W / 2, H / 2]);
const geoPath = d3.geoPath(projection);
const state = {points: new Map(), categories: [], hours: 24, selected: null, colors: new Map()};
const $ = (id) => document.getElementById(id);

function make(tag, text, attrs) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4))
                                      : document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

async function drawWorld() {
  const topo = await (await fetch("/static/vendor/countries-110m.json")).json();
  const world = $("world");
  world.appendChild(make("svg:path", null, {class: "sphere", d: geoPath({type: "Sphere"})}));
  for (const f of topojson.feature(topo, topo.objects.countries).features) {
    world.appendChild(make("svg:path", null, {
      class: "country", d: geoPath(f), "data-id": f.id ?? "", "data-name": f.properties.name}));
  }
}

function color(category) {
  if (!state.colors.has(category)) {
    state.colors.set(category, PALETTE[state.colors.size % PALETTE.length]);
  }
  return state.colors.get(category);
}

function radius(p) {
  const weight = Math.max(p.mentions || 1, (p.counts && p.counts.killed) || 0);
  return Math.min(16, 3 + 1.6 * Math.sqrt(weight));
}

function visible(p) {
  const category = $("f-category").value, country = $("f-country").value;
  const since = Date.now() / 1000 - (Number($("f-window").value) || state.hours) * 3600;
  return (!category || p.category === category) && (!country || p.country === country)
    && p.seen >= since;
}

function render() {
  const layer = $("points");
  layer.replaceChildren();
  const shown = [...state.points.values()].filter(visible)
    .sort((a, b) => radius(b) - radius(a));
  for (const p of shown) {
    const [x, y] = projection([p.longitude, p.latitude]);
    const dot = make("svg:circle", null, {
      class: "point" + (p.id === state.selected ? " selected" : ""),
      cx: x.toFixed(2), cy: y.toFixed(2), r: radius(p).toFixed(2), fill: color(p.category),
      "data-id": p.id, "data-category": p.category, "data-country": p.country ?? "",
      "data-lat": p.latitude, "data-lon": p.longitude});
    dot.appendChild(make("svg:title", `${p.event_type} · ${p.place}`));
    dot.addEventListener("click", () => showDetail(p.id));
    layer.appendChild(dot);
  }
  $("count").textContent = String(shown.length);
  updateCountries();
  renderLegend();
}

let pending = false;
function renderSoon() {
  if (pending || !state.categories.length) return;  // main() renders once the view is in
  pending = true;
  setTimeout(() => { pending = false; render(); }, 100);
}

function updateCountries() {
  const select = $("f-country"), known = new Set([...select.options].map((o) => o.value));
  const countries = [...new Set([...state.points.values()].map((p) => p.country).filter(Boolean))];
  for (const c of countries.sort()) if (!known.has(c)) select.appendChild(make("option", c, {value: c}));
}

function renderLegend() {
  const legend = $("legend");
  legend.replaceChildren();
  for (const category of state.categories) {
    const item = make("span", null, {});
    const swatch = make("span", null, {class: "swatch"});
    swatch.style.background = color(category);
    item.append(swatch, make("span", category));
    legend.appendChild(item);
  }
}

function row(table, cells, cls) {
  const tr = table.insertRow();
  for (const text of cells) {
    const td = tr.insertCell();
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (cls) td.className = cls;
  }
}

function showDetail(id) {
  const p = state.points.get(id);
  if (!p) return;
  state.selected = id;
  const panel = $("detail");
  panel.replaceChildren(make("h2", `${p.event_type} (${p.category})`));
  const list = make("dl", null, {id: "detail-fields"});
  const field = (name, value) => {
    list.append(make("dt", name));
    const dd = make("dd", null, {"data-field": name});
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value ?? "";
    list.append(dd);
  };
  field("summary", p.summary || "");
  field("status", p.status || "");
  field("date", p.date || "unknown");
  field("place", `${p.place}${p.country ? " (" + p.country + ")" : ""}`);
  field("actors", p.actors.join("; "));
  field("counts", Object.entries(p.counts).map(([k, v]) => `${k} ${v}`).join(", ") || "none");
  field("mentions", String(p.mentions));
  const evidence = make("div");
  for (const sentence of p.evidence) evidence.appendChild(make("blockquote", sentence));
  field("evidence", evidence);
  const sources = make("ul");
  for (const s of p.sources) {
    const item = make("li");
    if (s.url && /^https?:\/\//i.test(s.url)) {
      item.appendChild(make("a", s.name || s.url,
        {href: s.url, target: "_blank", rel: "noopener noreferrer"}));
    } else {
      item.textContent = s.name || s.url || "";
    }
    sources.appendChild(item);
  }
  field("sources", sources);
  panel.appendChild(list);
  render();
}

function renderThroughput(t) {
  if (!t || !t.workers) return;
  $("articles-rate").textContent = t.articles_per_second.toFixed(2);
  $("articles-total").textContent = String(t.articles_processed);
  $("events-total").textContent = String(t.events_published);
  const perCategory = Object.entries(t.events_per_second);
  $("events-rate").textContent = perCategory.reduce((s, [, v]) => s + v, 0).toFixed(2);
  const fill = (id, rows) => {
    const table = $(id);
    table.replaceChildren();
    for (const cells of rows) row(table, cells);
  };
  fill("t-events", perCategory.map(([k, v]) => [k, v.toFixed(2)]));
  fill("t-dlq", Object.entries(t.dlq_by_reason).map(([k, v]) => [k, v]));
  fill("t-lag", Object.entries(t.lag_by_partition).map(([k, v]) => [k, v]));
  const workers = $("t-workers");
  workers.replaceChildren();
  for (const w of t.workers) row(workers, [w.worker, w.up ? "up" : "down"]);
  [...workers.rows].forEach((r, i) => { r.cells[1].className = t.workers[i].up ? "up" : "down"; });
}

function setupFilters(categories, hours) {
  const select = $("f-category");
  for (const c of categories) select.appendChild(make("option", c, {value: c}));
  const windows = $("f-window");
  for (const h of [...new Set([...WINDOWS.filter((w) => w < hours), hours])]) {
    windows.appendChild(make("option", `${h} h`, {value: h}));
  }
  windows.value = String(hours);
  for (const id of ["f-category", "f-country", "f-window"]) $(id).addEventListener("change", render);
}

function listen() {
  const stream = new EventSource("/stream");
  stream.onopen = () => { $("live").textContent = "live"; $("live").className = "live"; };
  stream.onerror = () => { $("live").textContent = "reconnecting"; $("live").className = "live off"; };
  stream.addEventListener("point", (m) => {
    const p = JSON.parse(m.data);
    state.points.set(p.id, p);
    if (p.id === state.selected) showDetail(p.id); else renderSoon();
  });
  stream.addEventListener("source", (m) => { $("source-topic").textContent = JSON.parse(m.data); });
  stream.addEventListener("throughput", (m) => renderThroughput(JSON.parse(m.data)));
}

async function main() {
  await drawWorld();
  listen();
  const view = await (await fetch("/api/events")).json();
  state.categories = view.categories;
  for (const category of view.categories) color(category);  // stable colours, legend order
  state.hours = view.hours;
  if (view.source_topic) $("source-topic").textContent = view.source_topic;
  $("hours").textContent = String(view.hours);
  setupFilters(view.categories, view.hours);
  for (const p of view.points) state.points.set(p.id, p);
  render();
  renderThroughput(await (await fetch("/api/throughput")).json());
  setInterval(render, 60000);
  document.body.dataset.ready = "1";
}

main();
