// OVR-ALPR web console: a plain client of the query API. Every request carries the API key the
// user entered (kept in this tab's sessionStorage only) and, where the API asks for one, a purpose
// that the audit log records. Data is only ever inserted as text, never as HTML.
'use strict';

const state = { key: '', purpose: 'operations console', feedAbort: null, alertEvents: new Set(), feedRows: 0,
  alertRows: 0, cameraTimer: null, liveTimer: null };
const MAX_ROWS = 100;
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k === 'onclick') node.addEventListener('click', v);
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
  return node;
}

function status(text) { $('status').textContent = text || ''; }
function time(iso) { return iso ? new Date(iso).toLocaleTimeString() : ''; }
function dateTime(iso) { return iso ? new Date(iso).toLocaleString() : ''; }
function pct(x) { return x === null || x === undefined ? '' : (100 * x).toFixed(0) + ' %'; }
function withPurpose(path) {
  return path + (path.includes('?') ? '&' : '?') + 'purpose=' + encodeURIComponent(state.purpose);
}

async function api(path, options = {}) {
  const headers = Object.assign({ 'X-API-Key': state.key }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try { const p = await response.json(); detail = (p.title || '') + ': ' + (p.detail || ''); } catch (e) { /* not JSON */ }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  const type = response.headers.get('content-type') || '';
  return type.includes('json') ? response.json() : response.text();
}

function plateLink(plate) {
  return el('a', { href: '#plate', class: 'plate', onclick: (e) => { e.preventDefault(); openPlate(plate); } }, plate);
}

// ---- live feed (server-sent events over fetch, so the key travels in a header) ----

async function startFeed() {
  if (state.feedAbort) state.feedAbort.abort();
  const abort = new AbortController();
  state.feedAbort = abort;
  try {
    const response = await fetch(withPurpose('/api/v1/feed'), { headers: { 'X-API-Key': state.key,
      Accept: 'text/event-stream' }, signal: abort.signal });
    if (!response.ok) throw new Error('live feed: ' + response.status);
    setConnected(true);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        handleSse(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
      }
    }
  } catch (e) {
    if (abort.signal.aborted) return;
    status(e.message);
  }
  setConnected(false);
  if (!abort.signal.aborted) setTimeout(startFeed, 2000);
}

function handleSse(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (!data.length) return;
  const item = JSON.parse(data.join('\n'));
  if (event === 'read') addRead(item);
  else if (event === 'alert') addAlert(item);
}

function setConnected(on) {
  $('conn').textContent = on ? 'live' : 'not connected';
  $('conn').className = 'badge ' + (on ? 'on' : 'off');
}

function addRead(r) {
  const body = $('feed').tBodies[0];
  const existing = body.querySelector(`tr[data-event="${CSS.escape(r.event_id)}"]`);
  const crop = el('img', { class: 'crop', alt: '', hidden: '' });
  const badge = state.alertEvents.has(r.event_id) ? el('span', { class: 'badge alert' }, 'ALERT') : '';
  const row = el('tr', { class: 'new', 'data-event': r.event_id, 'data-plate': r.normalized },
    el('td', {}, time(r.captured_at)), el('td', {}, plateLink(r.normalized)), el('td', {}, crop),
    el('td', {}, pct(r.confidence)), el('td', {}, r.camera_name || r.camera_id), el('td', {}, String(r.read_count)),
    el('td', { class: 'mark' }, badge));
  if (existing) existing.replaceWith(row); else body.prepend(row);
  while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  state.feedRows++;
  $('feed-count').textContent = String(state.feedRows);
  if (r.has_plate_image) loadImage(r.event_id, 'plate', crop, 4);
}

function addAlert(a) {
  state.alertEvents.add(a.event_id);
  const body = $('alerts').tBodies[0];
  if (body.querySelector(`tr[data-alert="${CSS.escape(a.alert_id)}"]`)) return;
  body.prepend(el('tr', { class: 'new', 'data-alert': a.alert_id }, el('td', {}, time(a.raised_at)),
    el('td', {}, plateLink(a.plate)), el('td', {}, el('span', { class: 'badge alert' }, a.match_kind || a.kind)),
    el('td', {}, a.reason), el('td', {}, a.camera_id)));
  while (body.rows.length > MAX_ROWS) body.deleteRow(body.rows.length - 1);
  state.alertRows++;
  $('alert-count').textContent = String(state.alertRows);
  const read = $('feed').querySelector(`tr[data-event="${CSS.escape(a.event_id)}"] td.mark`);
  if (read) read.replaceChildren(el('span', { class: 'badge alert' }, 'ALERT'));
}

// images: the API answers a short-lived presigned URL; the event row may land in SQL a moment after the read
async function loadImage(eventId, kind, img, tries) {
  try {
    const link = await api(withPurpose(`/api/v1/events/${encodeURIComponent(eventId)}/image?kind=${kind}&redirect=false`));
    img.src = link.url;
    img.hidden = false;
  } catch (e) {
    if (e.status === 404 && tries > 1) setTimeout(() => loadImage(eventId, kind, img, tries - 1), 1500);
  }
}

async function loadRecentAlerts() {
  try {
    const recent = await api(withPurpose('/api/v1/alerts/recent?limit=50'));
    recent.alerts.slice().reverse().forEach(addAlert);
  } catch (e) { status('alerts: ' + e.message); }
}

async function loadDeliveries() {
  try {
    const page = await api(withPurpose('/api/v1/alerts/deliveries?limit=20'));
    $('deliveries').tBodies[0].replaceChildren(...page.deliveries.map((d) => el('tr', {},
      el('td', {}, time(d.attempted_at)), el('td', {}, d.plate ? plateLink(d.plate) : ''), el('td', {}, d.channel),
      el('td', {}, d.outcome), el('td', {}, d.status_code ?? ''), el('td', {}, d.latency_ms ?? ''))));
  } catch (e) { if (e.status !== 503) status('deliveries: ' + e.message); }
}

// ---- search and plate page ----

async function search(event) {
  event.preventDefault();
  const q = $('q').value.trim();
  const mode = $('mode').value;
  try {
    const result = await api(withPurpose(`/api/v1/search?q=${encodeURIComponent(q)}&mode=${mode}&limit=50`));
    $('search-summary').textContent = `${result.total}${result.total_relation === 'gte' ? '+' : ''} passes match`;
    const facets = result.facets || {};
    $('facets').textContent = Object.entries(facets).map(([name, values]) => name + ': '
      + values.map((f) => `${f.value} (${f.count})`).join(', ')).join('  |  ');
    $('results').tBodies[0].replaceChildren(...result.hits.map((h) => el('tr', { 'data-plate': h.normalized },
      el('td', {}, dateTime(h.captured_at)), el('td', {}, plateLink(h.normalized)), el('td', {}, pct(h.confidence)),
      el('td', {}, h.camera_id), el('td', {}, h.site || ''), el('td', {}, h.region || ''))));
    status('');
  } catch (e) { status('search: ' + e.message); }
}

async function openPlate(plate) {
  show('plate');
  $('plate-title').textContent = plate;
  $('plate-latest').replaceChildren();
  $('history').tBodies[0].replaceChildren();
  for (const id of ['plate-crop', 'plate-frame']) { $(id).hidden = true; $(id).removeAttribute('src'); }
  try {
    const latest = await api(withPurpose(`/api/v1/plates/${encodeURIComponent(plate)}/latest`));
    const e = latest.event;
    $('plate-latest').replaceChildren(el('table', {}, ...[
      ['last seen', dateTime(e.captured_at)], ['camera', e.camera_name || e.camera_id], ['site', e.site],
      ['location', e.location], ['latitude', e.latitude], ['longitude', e.longitude], ['region', e.region],
      ['confidence', pct(e.confidence)], ['reads in the pass', e.read_count]]
      .map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v === null || v === undefined ? '' : String(v))))));
    if (e.crop_key) loadImage(e.event_id, 'plate', $('plate-crop'), 3);
    if (e.frame_key) loadImage(e.event_id, 'frame', $('plate-frame'), 3);
  } catch (err) { $('plate-latest').textContent = 'latest sighting: ' + err.message; }
  try {
    const history = await api(withPurpose(`/api/v1/events?plate=${encodeURIComponent(plate)}&limit=100`));
    $('history').tBodies[0].replaceChildren(...history.events.map((h) => {
      const img = el('img', { class: 'crop', alt: '', hidden: '' });
      return el('tr', {}, el('td', {}, dateTime(h.captured_at)), el('td', { class: 'plate' }, h.plate_text),
        el('td', {}, pct(h.confidence)), el('td', {}, h.camera_name || h.camera_id), el('td', {}, h.site || ''),
        el('td', {}, h.latitude ?? ''), el('td', {}, h.longitude ?? ''), el('td', {}, String(h.read_count)),
        el('td', {}, el('a', { href: '#plate', onclick: (ev) => { ev.preventDefault(); loadImage(h.event_id, 'plate', img, 1); } },
          'show crop'), ' ', img));
    }));
  } catch (err) { status('history: ' + err.message); }
}

// ---- cameras: read-rate chart from the live counts, list from the global table ----

const COLORS = ['#2f6fb3', '#c0392b', '#2f9a5a', '#b3782f', '#7d3cb3', '#3ca6b3', '#5b6475'];

async function loadCameras() {
  try {
    const from = new Date(Date.now() - 30 * 60_000).toISOString();
    const counts = await api(`/api/v1/counts?from=${encodeURIComponent(from)}&limit=5000`);
    drawChart(counts.counts || []);
    const cams = await api('/api/v1/cameras?limit=1000');
    $('camera-list').tBodies[0].replaceChildren(...cams.cameras.map((c) => el('tr', {}, el('td', {}, c.camera_id),
      el('td', {}, c.name), el('td', {}, c.site || ''), el('td', {}, c.location || ''), el('td', {}, c.latitude ?? ''),
      el('td', {}, c.longitude ?? ''))));
  } catch (e) { status('cameras: ' + e.message); }
}

function drawChart(rows) {
  const svg = $('chart');
  const ns = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  const start = end - 29 * 60_000;
  const byCamera = new Map();
  for (const r of rows) {
    if (!byCamera.has(r.camera_id)) byCamera.set(r.camera_id, new Map());
    byCamera.get(r.camera_id).set(Date.parse(r.minute), r.reads);
  }
  const max = Math.max(1, ...rows.map((r) => r.reads));
  const x = (t) => 40 + (t - start) / (end - start) * 840;
  const y = (v) => 240 - v / max * 220;
  const axis = document.createElementNS(ns, 'text');
  axis.setAttribute('x', 4); axis.setAttribute('y', 24); axis.setAttribute('font-size', 11);
  axis.textContent = max + '/min';
  svg.append(axis);
  const legend = [];
  [...byCamera.keys()].sort().forEach((camera, i) => {
    const points = [];
    for (let t = start; t <= end; t += 60_000) points.push(`${x(t).toFixed(1)},${y(byCamera.get(camera).get(t) || 0).toFixed(1)}`);
    const line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', points.join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', COLORS[i % COLORS.length]);
    line.setAttribute('stroke-width', 2);
    line.setAttribute('data-camera', camera);
    svg.append(line);
    legend.push(el('span', { class: 'legend-item' }, el('span', { class: 'swatch', style: `background:${COLORS[i % COLORS.length]}` }), camera));
  });
  $('legend').replaceChildren(...legend);
}

// ---- hotlist (admin) ----

async function loadHotlist() {
  try {
    const page = await api('/api/v1/hotlist?limit=1000');
    $('hotlist').tBodies[0].replaceChildren(...page.entries.map((h) => el('tr', { 'data-plate': h.plate },
      el('td', { class: 'plate' }, h.plate), el('td', {}, h.reason), el('td', {}, String(h.priority)),
      el('td', {}, h.list_name || ''), el('td', {}, h.expires_at ? dateTime(h.expires_at) : ''),
      el('td', {}, el('button', { type: 'button', onclick: () => removeHotlist(h.plate) }, 'delete')))));
    status('');
  } catch (e) { status('hotlist: ' + e.message); }
}

async function saveHotlist(event) {
  event.preventDefault();
  const plate = $('hl-plate').value.trim();
  const body = { reason: $('hl-reason').value.trim(), priority: Number($('hl-priority').value) };
  try {
    await api(`/api/v1/hotlist/${encodeURIComponent(plate)}`, { method: 'PUT', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' } });
    status(`hotlist: ${plate} saved (the list shows it in a moment)`);
    setTimeout(loadHotlist, 800);
  } catch (e) { status('hotlist: ' + e.message); }
}

async function removeHotlist(plate) {
  try {
    await api(`/api/v1/hotlist/${encodeURIComponent(plate)}`, { method: 'DELETE' });
    setTimeout(loadHotlist, 800);
  } catch (e) { status('hotlist: ' + e.message); }
}

// ---- dead letters (admin) ----

async function loadDlq() {
  try {
    const page = await api('/api/v1/dlq?limit=100');
    const reasons = {};
    page.records.forEach((r) => { reasons[r.reason] = (reasons[r.reason] || 0) + 1; });
    $('dlq-summary').textContent = `${page.count} newest dead letters` + (page.count ? ': '
      + Object.entries(reasons).map(([k, v]) => `${k} ${v}`).join(', ') : '');
    $('dlq').tBodies[0].replaceChildren(...page.records.map((r) => el('tr', { 'data-reason': r.reason },
      el('td', {}, dateTime(r.timestamp)), el('td', {}, el('span', { class: 'badge' }, r.reason)),
      el('td', {}, r.detail || ''), el('td', {}, `${r.source_topic || '?'} ${r.source_partition ?? ''}@${r.source_offset ?? ''}`),
      el('td', {}, String(r.value_bytes)))));
    status('');
  } catch (e) { status('dead letters: ' + e.message); }
}

// ---- navigation and start ----

const LOADERS = { cameras: loadCameras, hotlist: loadHotlist, dlq: loadDlq };

function show(panel) {
  document.querySelectorAll('.panel').forEach((p) => { p.hidden = p.id !== 'panel-' + panel; });
  document.querySelectorAll('nav a.tab').forEach((a) => a.classList.toggle('active', a.dataset.panel === panel));
  if (LOADERS[panel] && state.key) LOADERS[panel]();
}

function connect() {
  state.key = $('key').value.trim();
  state.purpose = $('purpose').value.trim() || 'operations console';
  sessionStorage.setItem('alpr.key', state.key);
  sessionStorage.setItem('alpr.purpose', state.purpose);
  status('');
  startFeed();
  loadRecentAlerts();
  loadDeliveries();
  clearInterval(state.liveTimer);
  state.liveTimer = setInterval(loadDeliveries, 5000);
  clearInterval(state.cameraTimer);
  state.cameraTimer = setInterval(() => { if (!$('panel-cameras').hidden) loadCameras(); }, 10_000);
}

document.querySelectorAll('nav a.tab').forEach((a) => a.addEventListener('click', (e) => {
  e.preventDefault();
  show(a.dataset.panel);
}));
$('key-form').addEventListener('submit', (e) => { e.preventDefault(); connect(); });
$('search-form').addEventListener('submit', search);
$('hotlist-form').addEventListener('submit', saveHotlist);

// a key may come in the fragment (never sent to the server): #key=...
const fragment = new URLSearchParams(location.hash.slice(1));
const given = fragment.get('key') || sessionStorage.getItem('alpr.key');
if (fragment.get('key')) history.replaceState(null, '', location.pathname);
$('purpose').value = sessionStorage.getItem('alpr.purpose') || state.purpose;
if (given) { $('key').value = given; connect(); }
