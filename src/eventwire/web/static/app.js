// eventwire web UI: every view reads its JSON twin from /api and builds the page with DOM calls only
// (textContent, never innerHTML), so article text and extracted strings always render as text.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const FILTERS = ["actor", "root", "modality", "since", "until", "country"];
const DYAD = ["source", "target"];

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function params(extra) {
  const query = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(extra || {})) query.set(k, v);
  return query.toString();
}

function show(...nodes) {
  const view = document.getElementById("view");
  view.replaceChildren(...nodes);
}

function side(e, which) {
  return e[`${which}_org`] || e[`${which}_country`] || e[`${which}_name`] || "–";
}

// The filter form of a view: the text filters, then its switches (checkboxes sent as name=true).
function filterForm(onChange, extra, switches) {
  const query = new URLSearchParams(location.search);
  const form = el("form", { id: "filter-form" });
  for (const name of [...FILTERS, ...(extra || [])]) {
    const input = el("input", { name, placeholder: name, value: query.get(name) || "", size: 10,
      type: name === "since" || name === "until" ? "date" : "text" });
    form.append(el("label", {}, input));
  }
  for (const [name, label] of switches || []) {
    const box = el("input", { type: "checkbox", name, value: "true", id: `switch-${name}` });
    box.checked = query.get(name) === "true";
    box.addEventListener("change", () => form.requestSubmit());
    form.append(el("label", { class: "switch" }, box, ` ${label}`));
  }
  form.append(el("button", { type: "submit", text: "Filter" }));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, String(v));
    history.replaceState(null, "", `${location.pathname}?${next}`);
    onChange();
  });
  document.getElementById("filters").replaceChildren(form);
}

function table(columns, rows, sortable) {
  const head = el("tr", {});
  const body = el("tbody", {});
  let order = 1;
  const fill = (items) => body.replaceChildren(...items.map((row) => el("tr", {}, ...columns.map(([, cell]) => {
    const value = cell(row);
    return el("td", {}, value instanceof Node ? value : String(value ?? ""));
  }))));
  columns.forEach(([label, cell]) => {
    head.append(el("th", { text: label, on: sortable ? { click: () => {
      order = -order;
      fill([...rows].sort((a, b) => (String(cell(a)?.textContent ?? cell(a)) > String(cell(b)?.textContent ?? cell(b)) ? order : -order)));
    } } : {} }));
  });
  fill(rows);
  return el("table", {}, el("thead", {}, head), body);
}

// --- views ---

async function articles() {
  const page = await api(`/api/articles?${params({ limit: 200 })}`);
  show(el("p", { text: `${page.total} articles` }), table([
    ["published", (a) => a.published || "–"],
    ["title", (a) => el("a", { href: `/articles/${encodeURIComponent(a.id)}`, text: a.title || a.id })],
    ["source", (a) => a.source || ""],
    ["events", (a) => a.events],
    ["duplicate", (a) => (a.is_duplicate ? "yes" : "")],
  ], page.items, true));
}

async function events() {
  filterForm(events, [], [["merged", "merged events (one per real-world event, across articles)"]]);
  const merged = new URLSearchParams(location.search).get("merged") === "true";
  const page = await api(`/api/events?${params({ limit: 500 })}`);
  const exportLink = el("a", { href: `/api/events?${params({ limit: 500 })}`, download: "events.json", text: "export JSON" });
  const columns = [
    ["date", (e) => e.event_date || "–"],
    ["source", (e) => side(e, "source")],
    ["event", (e) => `${e.cameo} ${e.cameo_name}`],
    ["target", (e) => side(e, "target")],
    ["modality", (e) => e.modality],
    ["goldstein", (e) => e.goldstein],
  ];
  if (merged) columns.push(["NumMentions", (e) => e.num_mentions], ["NumSources", (e) => e.num_sources], ["NumArticles", (e) => e.num_articles]);
  columns.push(["article", (e) => el("a", { href: `/articles/${encodeURIComponent(e.article_id)}#${encodeURIComponent(e.id)}`, text: "read" })]);
  const what = merged ? "merged events (each shown by its first report)" : "event mentions";
  show(el("p", { id: "event-count" }, `${page.total} ${what} (showing ${page.items.length}) · `, exportLink), table(columns, page.items, true));
}

function reader() {
  return api(document.body.dataset.twin).then(renderArticle);
}

function renderArticle(record) {
  const text = record.text;
  const spans = [];
  const entityOf = {};
  for (const entity of record.entities) {
    entityOf[entity.id] = entity;
    for (const [s, e] of entity.mentions) spans.push({ s, e, cls: "actor", title: entity.name });
  }
  for (const q of record.quotes) spans.push({ s: q.span[0], e: q.span[1], cls: "quote", quote: q.id });
  for (const t of record.times) spans.push({ s: t.span[0], e: t.span[1], cls: "time", title: t.value || t.text });
  for (const p of record.places) spans.push({ s: p.span[0], e: p.span[1], cls: "place", title: p.name || p.text });
  for (const ev of record.events) spans.push({ s: ev.trigger[0], e: ev.trigger[1], cls: "event", event: ev.id });
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(Math.max(0, Math.min(text.length, sp.s))); cuts.add(Math.max(0, Math.min(text.length, sp.e))); }
  const points = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "text", id: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const covering = spans.filter((sp) => sp.s <= s && sp.e >= e);
    if (!covering.length) { body.append(document.createTextNode(text.slice(s, e))); continue; }
    const node = el("span", { class: [...new Set(covering.map((c) => c.cls))].join(" "), "data-start": s, "data-end": e });
    node.textContent = text.slice(s, e);
    const ev = covering.find((c) => c.event);
    const quote = covering.find((c) => c.quote);
    const title = covering.find((c) => c.title);
    if (title) node.title = title.title;
    if (ev) { node.dataset.event = ev.event; node.addEventListener("click", (x) => { x.stopPropagation(); evidence(record, ev.event); }); }
    if (quote) { node.dataset.quote = quote.quote; if (!ev) node.addEventListener("click", () => quoteInfo(record, quote.quote)); }
    body.append(node);
  }
  const legend = el("p", { class: "legend" }, el("span", { class: "actor", text: "actor" }), el("span", { class: "quote", text: "quote" }),
    el("span", { class: "time", text: "time" }), el("span", { class: "place", text: "place" }), el("span", { class: "event", text: "event (click)" }));
  const panel = el("div", { class: "side", id: "evidence" }, el("p", { text: `${record.events.length} events, ${record.quotes.length} quotes. Click a red trigger.` }));
  document.querySelector("h1").textContent = record.title || record.id;
  show(el("p", { text: [record.source, record.published, record.is_duplicate ? `duplicate of ${record.duplicate_of}` : null].filter(Boolean).join(" · ") }),
    legend, el("div", { class: "reader" }, body, panel));
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && record.events.some((e) => e.id === wanted)) evidence(record, wanted);
}

function actorText(actor) {
  if (!actor) return "–";
  return [actor.name, actor.org || actor.country, actor.role, actor.cameo].filter(Boolean).join(" · ");
}

function evidence(record, id) {
  const ev = record.events.find((e) => e.id === id);
  const place = record.places.find((p) => p.id === ev.place);
  const quote = record.quotes.find((q) => q.id === ev.quote);
  document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
  document.querySelectorAll(`[data-event="${CSS.escape(id)}"]`).forEach((n) => n.classList.add("selected"));
  const items = [
    ["sentence", record.text.slice(ev.sentence[0], ev.sentence[1])],
    ["trigger", record.text.slice(ev.trigger[0], ev.trigger[1])],
    ["source", actorText(ev.source)],
    ["target", actorText(ev.target)],
    ["code", `${ev.cameo} ${ev.cameo_name} (root ${ev.root}, QuadClass ${ev.quad_class}, Goldstein ${ev.goldstein})`],
    ["modality", ev.modality + (ev.disputed ? " (disputed)" : "")],
    ["date", `${ev.date || "none"} (date_source: ${ev.date_source || "–"}, precision: ${ev.time_precision || "–"})`],
    ["place", place ? `${place.name || place.text}, ${place.country || "?"} (geo_precision: ${ev.geo_precision ?? "–"}, from ${ev.place_source || "–"})` : "none"],
    ["rule", ev.rule || "–"],
    ["confidence", ev.confidence],
  ];
  const dl = el("dl", { class: "evidence", id: "event-evidence", "data-event": id });
  for (const [k, v] of items) dl.append(el("dt", { text: k }), el("dd", { class: `ev-${k}`, text: v }));
  if (quote) {
    dl.append(el("dt", { text: "quote" }), el("dd", { class: "ev-quote" }, el("a", { href: "#", text: `“${quote.text}” — ${quote.speaker_name || "unknown"}`,
      on: { click: (x) => { x.preventDefault(); quoteInfo(record, quote.id); } } })));
  }
  document.getElementById("evidence").replaceChildren(el("h2", { text: "Event" }), dl);
}

function quoteInfo(record, id) {
  const quote = record.quotes.find((q) => q.id === id);
  const linked = record.events.filter((e) => e.quote === id);
  const list = el("ul", {}, ...linked.map((e) => el("li", {}, el("a", { href: "#", text: `${e.cameo} ${e.cameo_name}: ${actorText(e.source)} → ${actorText(e.target)}`,
    on: { click: (x) => { x.preventDefault(); evidence(record, e.id); } } }))));
  document.getElementById("evidence").replaceChildren(el("h2", { text: "Quote" }),
    el("blockquote", { id: "quote-text", text: quote.text }), el("p", { text: `${quote.kind}, ${quote.speaker_name || "unknown speaker"} (${quote.cue || "–"})` }),
    el("h3", { text: `${linked.length} events coded from it` }), list);
}

// Alerts of the timeline's selection: one series per country, or the whole selection when a dyad is chosen.
function alertQuery() {
  const query = new URLSearchParams(location.search);
  const next = new URLSearchParams();
  for (const name of [...FILTERS, ...DYAD]) if (query.get(name)) next.set(name, query.get(name));
  next.set("by", query.get("source") || query.get("target") ? "all" : "country");
  return next.toString();
}

async function timeline() {
  filterForm(timeline, DYAD);
  const by = new URLSearchParams(location.search).get("by") || "month";
  const [rows, raised] = await Promise.all([api(`/api/timeline?${params({ by })}`), api(`/api/alerts?${alertQuery()}`)]);
  const periods = [...new Set(rows.map((r) => r.period))];
  const max = Math.max(1, ...periods.map((p) => rows.filter((r) => r.period === p).reduce((n, r) => n + r.events, 0)));
  const [w, h, pad] = [Math.max(400, periods.length * 40 + 60), 260, 30];
  const svg = el("svg:svg", { width: w, height: h + 60, id: "timeline-chart" });
  periods.forEach((p, i) => {
    let y = h;
    for (const r of rows.filter((x) => x.period === p)) {
      const bh = (r.events / max) * (h - pad);
      y -= bh;
      svg.append(el("svg:rect", { x: pad + i * 40, y, width: 30, height: bh, class: `q${r.quad_class}` },
        el("svg:title", { text: `${p} QuadClass ${r.quad_class}: ${r.events} events, mean Goldstein ${r.goldstein}` })));
    }
    svg.append(el("svg:text", { x: pad + i * 40, y: h + 15, "font-size": 10, text: p }));
  });
  // An alert's week is marked on the period that holds its first day (or the next period shown).
  const width = { day: 10, month: 7, year: 4 }[by] || 7;
  raised.forEach((a, n) => {
    const start = a.period.slice(0, width);
    const i = periods.findIndex((p) => p >= start);
    if (i < 0) return;
    const cx = pad + i * 40 + 15;
    svg.append(el("svg:g", { class: "alert-marker", "data-alert": `${a.key} ${a.period}` },
      el("svg:path", { d: `M${cx - 7},${8 + (n % 3) * 14} L${cx + 7},${8 + (n % 3) * 14} L${cx},${20 + (n % 3) * 14} Z` }),
      el("svg:title", { text: `alert: ${a.label}, week of ${a.period}: ${a.count} events against a baseline of ${a.baseline} (p = ${a.p_value.toExponential(1)})` })));
  });
  const alertTable = raised.length
    ? table([["alert: week of", (a) => a.period], ["series", (a) => a.label], ["conflict events", (a) => a.count],
      ["baseline", (a) => a.baseline], ["p", (a) => a.p_value.toExponential(1)]], raised, true)
    : el("p", { text: "no alerts: conflict stays near its trailing baseline" });
  alertTable.id = "alerts";
  show(el("p", { text: `${rows.reduce((n, r) => n + r.events, 0)} dated events in ${periods.length} periods; colour = QuadClass 1 verbal cooperation … 4 material conflict; ▼ = alert (material conflict well above its trailing baseline)` }),
    svg, el("h2", { text: `${raised.length} alert${raised.length === 1 ? "" : "s"}` }), alertTable, el("h2", { text: "Events per period" }),
    table([["period", (r) => r.period], ["QuadClass", (r) => r.quad_class], ["events", (r) => r.events], ["mean Goldstein", (r) => r.goldstein]], rows, true));
}

async function map() {
  filterForm(map);
  const [world, places] = await Promise.all([fetch("/static/vendor/countries-110m.json").then((r) => r.json()), api(`/api/places?${params({ limit: 500 })}`)]);
  const [w, h] = [960, 480];
  const x = (lon) => ((lon + 180) / 360) * w;
  const y = (lat) => ((90 - lat) / 180) * h;
  const svg = el("svg:svg", { width: w, height: h, viewBox: `0 0 ${w} ${h}`, id: "map-svg" });
  const countries = topojson.feature(world, world.objects.countries);
  for (const f of countries.features) {
    const polys = f.geometry ? (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) : [];
    const d = polys.map((poly) => poly.map((ring) => "M" + ring.map(([lo, la]) => `${x(lo).toFixed(1)},${y(la).toFixed(1)}`).join("L") + "Z").join("")).join("");
    svg.append(el("svg:path", { d, class: "country" }, el("svg:title", { text: f.properties.name })));
  }
  for (const p of places) {
    svg.append(el("svg:circle", { cx: x(p.lon), cy: y(p.lat), r: 3 + Math.sqrt(p.events) * 2, class: "dot", "data-place": p.name },
      el("svg:title", { text: `${p.name} (${p.country}): ${p.events} events, geo_precision ${p.geo_precision}` })));
  }
  show(svg, table([["place", (p) => p.name], ["country", (p) => p.country], ["feature", (p) => p.feature],
    ["geo_precision", (p) => p.geo_precision], ["events", (p) => p.events], ["mean Goldstein", (p) => p.goldstein]], places, true));
}

async function network() {
  filterForm(network);
  const dyads = await api(`/api/dyads?${params({ limit: 200 })}`);
  const names = [...new Set(dyads.flatMap((d) => [d.source, d.target]))];
  const [w, h] = [720, 520];
  const r = Math.min(w, h) / 2 - 60;
  const pos = Object.fromEntries(names.map((n, i) => [n, [w / 2 + r * Math.cos((2 * Math.PI * i) / names.length), h / 2 + r * Math.sin((2 * Math.PI * i) / names.length)]]));
  const svg = el("svg:svg", { width: w, height: h, id: "network-svg" });
  for (const d of dyads) {
    const [[x1, y1], [x2, y2]] = [pos[d.source], pos[d.target]];
    svg.append(el("svg:line", { x1, y1, x2, y2, class: `edge ${d.mean_goldstein < 0 ? "hostile" : "friendly"}`, "stroke-width": 1 + Math.log2(1 + d.events) },
      el("svg:title", { text: `${d.source} → ${d.target}: ${d.events} events, Goldstein ${d.goldstein}` })));
  }
  for (const n of names) {
    const [cx, cy] = pos[n];
    svg.append(el("svg:g", { class: "node" }, el("svg:circle", { cx, cy, r: 6 }), el("svg:text", { x: cx + 8, y: cy + 4, text: n })));
  }
  show(svg, table([["source", (d) => d.source], ["target", (d) => d.target], ["events", (d) => d.events],
    ["Goldstein sum", (d) => d.goldstein], ["mean", (d) => d.mean_goldstein]], dyads, true));
}

async function quotes() {
  const speaker = new URLSearchParams(location.search).get("speaker");
  const [people, page] = await Promise.all([api("/api/speakers?limit=200"), api(`/api/quotes?${params({ limit: 200 })}`)]);
  const select = el("select", { id: "speaker", on: { change: (x) => { location.search = x.target.value ? `speaker=${encodeURIComponent(x.target.value)}` : ""; } } },
    el("option", { value: "", text: "all speakers" }), ...people.map((p) => {
      const o = el("option", { value: p.speaker, text: `${p.speaker} (${p.quotes})` });
      if (p.speaker === speaker) o.selected = true;
      return o;
    }));
  document.getElementById("filters").replaceChildren(select);
  show(el("p", { text: `${page.total} quotes` }), table([
    ["speaker", (q) => q.speaker_name || "–"], ["quote", (q) => q.text], ["kind", (q) => q.kind], ["cue", (q) => q.cue || ""],
    ["events", (q) => el("span", {}, ...q.events.map((id) => el("a", { href: `/articles/${encodeURIComponent(q.article_id)}#${encodeURIComponent(id)}`, text: "event " })))],
    ["article", (q) => el("a", { href: `/articles/${encodeURIComponent(q.article_id)}`, text: "read" })],
  ], page.items, true));
}

const VIEWS = { articles, reader, events, timeline, map, network, quotes };
(VIEWS[document.body.dataset.view] || articles)().catch((err) => show(el("p", { class: "error", text: `Could not load: ${err.message}` })));
