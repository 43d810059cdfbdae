// The web page: reads its state from the address, asks the API, and shows a search, the
// committees and their meetings, a meeting's agenda, persons and parties and each one's
// items, and an item or a case in a panel. Each step the user takes is a new address (a
// permalink); back and forward replay them.
import {EMPTY, FILTERS, addressOf, mainKey, mainView, readState, searchParams} from "./address.js";
import * as views from "./views.js";

const LIMIT = 10;
const MEMBER_ITEMS = 50; // items of each role on a person's or a party's page; the search has them all
const $ = (id) => document.getElementById(id);
const esc = views.esc;
const dialog = $("detail");
const FACET_FILTERS = {committee: "committee", outcomes: "decision", kind: "kind", parties: "party", kle_groups: "case"};

let state = readState(location.href);
let shownMain = null; // what the main area shows, so a new address only fetches what changed
let shownPanel = null;
let opener = null; // the link that opened the panel: focus goes back to it when the panel closes
let mainTicket = 0, panelTicket = 0; // a newer request wins over an older one still on its way
let meetingsList = null; // the promise of GET /meetings, asked once
let pending = 0; // views on their way: <body data-busy> meanwhile, for tests and styles

async function getJson(url) {
  const response = await fetch(url, {headers: {accept: "application/json"}});
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  return {ok: response.ok, status: response.status, body};
}

function errorText(r) {
  const e = r.body && r.body.error;
  if (!e) return `Serveren svarede med fejl ${r.status}.`;
  return e.message + (e.field ? ` (${views.FIELD_NAMES[e.field] || e.field})` : "");
}

const announce = (text) => { $("status").textContent = text; };
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function meetings() {
  meetingsList ??= getJson("/meetings").then((r) => (r.ok ? r.body : []));
  return meetingsList;
}

// The address's search in the form, so back and forward show what they search for.
function fillForm() {
  $("q").value = state.q;
  for (const f of FILTERS) {
    const control = $(f), value = state.filters[f] || "";
    if (control.type === "checkbox") { control.checked = value === "true"; continue; }
    if (control.tagName === "SELECT" && value && ![...control.options].some((o) => o.value === value)) control.add(new Option(value, value));
    control.value = value;
  }
  const active = FILTERS.filter((f) => state.filters[f]).length;
  $("filters-toggle").textContent = active ? `Afgræns (${active})` : "Afgræns";
  const view = mainView(state);
  const people = ["people", "person", "party"].includes(view);
  for (const [id, current] of [["nav-search", view === "search"], ["nav-browse", view !== "search" && !people], ["nav-people", people]]) {
    if (current) $(id).setAttribute("aria-current", "page"); else $(id).removeAttribute("aria-current");
  }
}

function formState() {
  const filters = {};
  for (const f of FILTERS) {
    const control = $(f), v = control.type === "checkbox" ? (control.checked ? "true" : "") : control.value.trim();
    if (v) filters[f] = v;
  }
  return {...EMPTY, q: $("q").value.trim(), filters};
}

// Go to a new state: a new history entry (or the same one, corrected), then show it.
function go(next, {replace = false, focusView = false} = {}) {
  const address = addressOf(next);
  if (replace || address === (location.search || location.pathname)) history.replaceState(null, "", address);
  else history.pushState(null, "", address);
  state = next;
  return render({focusView});
}

async function render({focusView = false} = {}) {
  fillForm();
  const view = mainView(state);
  const key = mainKey(state);
  const panelKey = state.item ? "item:" + state.item : state.timeline ? "case:" + state.timeline : null;
  const work = [];
  if (key !== shownMain) { shownMain = key; work.push(showMain(view, focusView)); }
  if (panelKey !== shownPanel) { shownPanel = panelKey; work.push(panelKey ? showPanel() : hidePanel()); }
  pending += 1;
  document.body.dataset.busy = "true";
  try {
    await Promise.all(work);
  } finally {
    pending -= 1;
    if (!pending) delete document.body.dataset.busy;
  }
}

async function showMain(view, focusView) {
  const ticket = ++mainTicket;
  $("pager").hidden = view !== "search";
  if (view === "search") await showSearch(ticket);
  else if (view === "meeting") await showMeeting(ticket);
  else if (view === "people") await showPeople(ticket);
  else if (view === "person" || view === "party") await showMember(ticket, view);
  else {
    const all = await meetings();
    if (ticket !== mainTicket) return;
    const shown = view === "committees" ? views.committeesHtml(all) : views.committeeHtml(state.browse, all);
    $("view").innerHTML = shown.html;
    announce(view === "committees" ? count(shown.count, "udvalg", "udvalg") : count(shown.count, "møde", "møder"));
    if (!state.item) document.title = (view === "committees" ? "Udvalg" : state.browse) + " – minutes";
  }
  if (focusView && ticket === mainTicket && !state.item && !state.timeline) $("view-title")?.focus();
}

async function showSearch(ticket) {
  const p = searchParams(state);
  p.set("limit", LIMIT);
  p.set("offset", state.offset);
  const r = await getJson("/search?" + p.toString());
  if (ticket !== mainTicket) return;
  const heading = '<h2 id="view-title" class="sr" tabindex="-1">Søgeresultater</h2>';
  if (!r.ok) {
    $("view").innerHTML = `${heading}<p class="error" role="alert">${esc(errorText(r))}</p>`;
    announce("Søgningen kunne ikke gennemføres");
    $("prev").disabled = $("next").disabled = true;
    return;
  }
  const body = r.body, n = body.results.length;
  announce(body.total ? `${body.total} ${body.total === 1 ? "punkt" : "punkter"} fundet` : "Ingen resultater");
  const query = searchParams(state).toString(), and = query ? "&" + query : "";
  const summary = `<div id="summary"><span>${n ? `Viser ${state.offset + 1}–${state.offset + n} af ${body.total}` : ""}</span>
    <span><a href="/search.atom${query ? "?" + query : ""}">Abonnér på søgningen (Atom)</a> · <a href="/export?format=csv${and}">Hent som CSV</a></span></div>`;
  const results = n ? body.results.map((hit) => views.resultHtml(state, hit)).join("")
    : "<p>Ingen punkter fundet. Prøv andre ord eller færre afgrænsninger.</p>";
  $("view").innerHTML = heading + summary + results;
  const focused = document.activeElement?.closest?.("button.facet");
  $("facets").innerHTML = views.facetsHtml(body.facets || {}, facetIsOn);
  if (focused) $("facets").querySelector(`button.facet[data-key="${CSS.escape(focused.dataset.key)}"][data-value="${CSS.escape(focused.dataset.value)}"]`)?.focus();
  $("prev").disabled = state.offset === 0;
  $("next").disabled = state.offset + LIMIT >= body.total;
  if (!state.item && !state.timeline) document.title = (state.q ? `${state.q} – ` : "") + "minutes – søg i referater";
}

async function showMeeting(ticket) {
  const r = await getJson("/meetings/" + encodeURIComponent(state.meeting));
  if (ticket !== mainTicket) return;
  if (!r.ok) {
    $("view").innerHTML = `<h2 id="view-title" tabindex="-1">Mødet kunne ikke vises</h2><p class="error" role="alert">${esc(errorText(r))}</p>`;
    announce("Mødet kunne ikke vises");
    return;
  }
  if (r.body.id !== state.meeting) {
    // An id of before: the address takes the meeting's current id.
    state = {...state, meeting: r.body.id};
    shownMain = "meeting:" + r.body.id;
    history.replaceState(null, "", addressOf(state));
  }
  const shown = views.meetingHtml(state, r.body);
  $("view").innerHTML = shown.html;
  announce(`${count(shown.count, "punkt", "punkter")} på dagsordenen`);
  if (!state.item) document.title = `${r.body.committee}, ${views.daDate(r.body.date)} – minutes`;
}

async function showPeople(ticket) {
  const [persons, parties] = await Promise.all([getJson("/persons"), getJson("/parties")]);
  if (ticket !== mainTicket) return;
  const failed = [persons, parties].find((r) => !r.ok);
  if (failed) {
    $("view").innerHTML = `<h2 id="view-title" tabindex="-1">Personer og partier kunne ikke vises</h2><p class="error" role="alert">${esc(errorText(failed))}</p>`;
    announce("Personer og partier kunne ikke vises");
    return;
  }
  $("view").innerHTML = views.peopleHtml(persons.body, parties.body).html;
  announce(`${count(persons.body.length, "person", "personer")} og ${count(parties.body.length, "parti", "partier")}`);
  if (!state.item && !state.timeline) document.title = "Personer og partier – minutes";
}

// A person's or a party's page: one search per role (filters alone list items, newest first).
async function showMember(ticket, kind) {
  const name = kind === "person" ? state.personPage : state.partyPage;
  const roles = kind === "person" ? views.PERSON_ROLES : views.PARTY_ROLES;
  const answers = await Promise.all(roles.map(([role]) => {
    const p = new URLSearchParams({[kind]: name, limit: MEMBER_ITEMS});
    if (role) p.set(`${kind}_role`, role);
    return getJson("/search?" + p.toString());
  }));
  if (ticket !== mainTicket) return;
  const failed = answers.find((r) => !r.ok);
  if (failed) {
    $("view").innerHTML = `<h2 id="view-title" tabindex="-1">${esc(name)} kunne ikke vises</h2><p class="error" role="alert">${esc(errorText(failed))}</p>`;
    announce(`${name} kunne ikke vises`);
    return;
  }
  const sections = roles.map(([role, label], k) => ({role, label, total: answers[k].body.total, results: answers[k].body.results}));
  $("view").innerHTML = views.memberHtml(state, kind, name, sections);
  const named = sections[sections.length - 1].total;
  announce(`${name}: nævnt i ${count(named, "punkt", "punkter")}`);
  if (!state.item && !state.timeline) document.title = `${name} – minutes`;
}

async function showPanel() {
  const ticket = ++panelTicket;
  const asked = state.item;
  const r = asked ? await getJson("/items/" + encodeURIComponent(asked)) : await getJson("/cases/" + encodeURIComponent(state.timeline));
  if (ticket !== panelTicket) return;
  let html;
  if (!r.ok) {
    html = `<h2 id="detail-title" tabindex="-1">${asked ? "Punktet" : "Sagen"} kunne ikke vises</h2><p class="error">${esc(errorText(r))}</p>`;
  } else if (asked) {
    if (r.body.id !== asked) {
      // An id of before ("…#74"): the address takes the item's current id.
      state = {...state, item: r.body.id};
      shownPanel = "item:" + r.body.id;
      history.replaceState(null, "", addressOf(state));
    }
    html = views.itemHtml(state, r.body);
    document.title = `${r.body.title} – minutes`;
  } else {
    html = views.caseHtml(state, state.timeline, r.body.items);
    document.title = `Sag ${state.timeline} – minutes`;
  }
  $("detail-body").innerHTML = html;
  if (!dialog.open) dialog.showModal();
  dialog.scrollTop = 0;
  $("detail-title").focus();
}

function hidePanel() {
  panelTicket++;
  if (dialog.open) dialog.close();
  const back = opener && opener.isConnected ? opener : $("view-title");
  opener = null;
  back?.focus();
}

const closePanel = () => go({...state, item: null, timeline: null});

function facetIsOn(key, value) {
  if (key === "year") return state.filters.from === `${value}-01-01` && state.filters.to === `${value}-12-31`;
  return FACET_FILTERS[key] ? state.filters[FACET_FILTERS[key]] === value : false;
}

// A facet filters the search by its value; pressed again, it lets go.
function toggleFacet(button) {
  const {key, value} = button.dataset;
  const filters = {...state.filters}, on = facetIsOn(key, value);
  if (key === "year") {
    if (on) { delete filters.from; delete filters.to; } else { filters.from = `${value}-01-01`; filters.to = `${value}-12-31`; }
  } else if (FACET_FILTERS[key]) {
    if (on) delete filters[FACET_FILTERS[key]]; else filters[FACET_FILTERS[key]] = value;
  }
  go({...EMPTY, q: state.q, filters});
}

document.addEventListener("click", (e) => {
  if (e.target.closest("[data-close]")) { closePanel(); return; }
  const facet = e.target.closest("button.facet");
  if (facet) { toggleFacet(facet); return; }
  // Links to the page itself change its state without a reload; the rest (sources, feed, CSV) go as links go.
  const a = e.target.closest("a[href]");
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.target) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || url.pathname !== "/" || url.hash) return;
  e.preventDefault();
  const next = readState(url);
  const opensPanel = Boolean((next.item && next.item !== state.item) || (next.timeline && next.timeline !== state.timeline));
  if (opensPanel && !dialog.open) opener = a;
  go(next, {focusView: !opensPanel});
});

// Escape closes the dialog by itself: the address follows.
dialog.addEventListener("close", () => { if (state.item || state.timeline) closePanel(); });
window.addEventListener("popstate", () => { state = readState(location.href); render(); });

$("search").addEventListener("submit", (e) => { e.preventDefault(); go(formState()); });
for (const f of FILTERS) $(f).addEventListener("change", () => go(formState()));
$("filters").addEventListener("keydown", (e) => { if (e.key === "Enter" && e.target.tagName === "INPUT" && e.target.type !== "checkbox") { e.preventDefault(); go(formState()); } });
$("clear-filters").addEventListener("click", () => go({...EMPTY, q: state.q}));
$("prev").addEventListener("click", () => go({...state, offset: Math.max(0, state.offset - LIMIT)}));
$("next").addEventListener("click", () => go({...state, offset: state.offset + LIMIT}));
$("filters-toggle").addEventListener("click", () => {
  const shown = $("filters-panel").classList.toggle("shown");
  $("filters-toggle").setAttribute("aria-expanded", String(shown));
  if (shown) $("committee").focus();
});

// A feed link of before, /items/<meeting>#72, arrives here as ?meeting=<meeting id>#72: its item.
const legacy = location.hash.match(/^#(\d+)$/);
if (legacy && state.meeting && !state.item) state = {...state, meeting: null, item: `${state.meeting}-punkt-${legacy[1]}`};
history.replaceState(null, "", addressOf(state));
meetings().then((all) => {
  const select = $("committee"), current = select.value;
  for (const c of [...new Set(all.map((m) => m.committee))].sort((a, b) => a.localeCompare(b, "da"))) {
    if (![...select.options].some((o) => o.value === c)) select.add(new Option(c, c));
  }
  select.value = current;
});
render();
