// What the page shows, as HTML: search results, facets, an item, a case, committees, a
// committee's meetings, a meeting's agenda, persons and parties with their counts, and a
// person's or a party's items. Every text is escaped here; links are real
// addresses (permalinks), which app.js follows without reloading the page.
import {EMPTY, toBrowse, toMeeting, toParty, toPeople, toPerson, toSearch, withItem, withTimeline} from "./address.js";

export const OUTCOMES = {approved: "Godkendt", noted: "Taget til efterretning", discussed: "Drøftet", postponed: "Udsat",
  rejected: "Forkastet", recommended: "Indstillet", decided: "Besluttet", information: "Orientering", closed: "Lukket"};
const FACET_NAMES = {committee: "Udvalg", year: "År", outcomes: "Beslutning", parties: "Partier", kle_groups: "KLE-hovedgruppe",
  kind: "Type"};
export const FIELD_NAMES = {q: "Søgeord", committee: "Udvalg", from: "Fra dato", to: "Til dato", decision: "Beslutning",
  case: "Sagsnummer", case_number: "Sagsnummer", person: "Person", person_role: "Personens rolle", party: "Parti",
  party_role: "Partiets rolle",
  min_amount: "Beløb mindst", max_amount: "Beløb højst", kind: "Dokumenter", voted: "Kun med afstemning",
  absence: "Kun med fravær", has_amount: "Kun med beløb", item_id: "Punkt", meeting_id: "Møde"};

export const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// "2025-08-12" as "12. august 2025", the way the minutes write dates.
export function daDate(iso) {
  return iso ? new Date(iso + "T12:00:00").toLocaleDateString("da-DK", {day: "numeric", month: "long", year: "numeric"}) : "";
}

const pages = (a, b) => (b && b !== a ? `s. ${a}–${b}` : `s. ${a}`);

// A link to the source at its page (`#page=N` opens a browser's PDF viewer there), where the API
// gives the source's address (`source_url`). A closed item links to no page: its pages may hold
// text that was never published.
function sourceLink(url, page, text, closed) {
  if (!url || closed || !page) return esc(text);
  return `<a class="source" href="${esc(url.split("#")[0])}#page=${Number(page)}">${esc(text)}</a>`;
}

const badges = (outcomes, closed, kind) => outcomes.map((o) => `<span class="badge">${esc(OUTCOMES[o] || o)}</span>`).join("")
  + (closed ? '<span class="badge closed">Lukket punkt</span>' : "") + (kind === "other" ? '<span class="badge other">Baggrundsdokument</span>' : "");

const caseLinks = (state, numbers) => numbers.map((c) => `<a class="case" href="${esc(withTimeline(state, c))}">${esc(c)}</a>`).join(", ");

function highlighted(r) {
  let out = "", last = 0;
  for (const [a, b] of r.highlights) { out += esc(r.snippet.slice(last, a)) + "<mark>" + esc(r.snippet.slice(a, b)) + "</mark>"; last = b; }
  return out + esc(r.snippet.slice(last));
}

export function resultHtml(state, r) {
  const where = r.kind === "other" ? esc(r.source) : `${esc(r.committee)} · ${esc(daDate(r.meeting_date))} · punkt ${r.item_number}`;
  const cited = r.pages.length ? sourceLink(r.source_url, r.pages[0], "s. " + r.pages.join(", "), r.closed) : "";
  const cases = r.case_numbers.length ? " · Sag " + caseLinks(state, r.case_numbers) : "";
  return `<article class="result" data-item="${esc(r.item_id)}">
    <h3><a class="item" href="${esc(withItem(state, r.item_id))}">${esc(r.title)}</a></h3>
    <div class="meta">${where}${cited ? " · " + cited : ""}${cases}</div>
    <div>${badges(r.outcomes, r.closed, r.kind)}</div>
    <p class="snippet">${highlighted(r)}</p>
  </article>`;
}

// Facet values as toggle buttons: pressing one filters by it, pressing it again lets go.
export function facetsHtml(facets, isOn) {
  let html = "";
  for (const [key, counts] of Object.entries(facets)) {
    const entries = Object.entries(counts);
    if (!entries.length) continue;
    html += `<fieldset class="facets"><legend>${esc(FACET_NAMES[key] || key)}</legend>`;
    for (const [value, n] of entries.slice(0, 12)) {
      const label = key === "outcomes" ? OUTCOMES[value] || value : key === "kind" ? (value === "minutes" ? "Referater" : "Baggrund") : value;
      html += `<button type="button" class="facet" aria-pressed="${isOn(key, value)}" data-key="${esc(key)}" data-value="${esc(value)}">`
        + `<span>${esc(label)}</span><span class="n">${n}<span class="sr"> punkter</span></span></button>`;
    }
    html += "</fieldset>";
  }
  return html;
}

const section = (title, body) => (body ? `<h3>${esc(title)}</h3>${body}` : "");

export function itemHtml(state, r) {
  const m = r.meeting || {};
  const place = r.kind === "other" ? esc(r.source) : `${esc(m.committee || r.source)}${m.date ? " · " + esc(daDate(m.date)) : ""} · punkt ${r.number}`;
  let html = `<h2 id="detail-title" tabindex="-1">${esc(r.title)}</h2>
    <p class="meta">${place} · ${sourceLink(r.source_url, r.page_start, pages(r.page_start, r.page_end), r.closed)} · ${esc(r.source)}</p>
    <div>${badges([], r.closed, r.kind)}</div>
    <ul class="facts">`;
  if (m.id) html += `<li>Møde: <a class="meeting" href="${esc(toMeeting(m.id))}">${esc(m.committee)}, ${esc(daDate(m.date))}</a></li>`;
  if (r.case_numbers.length) html += `<li>Sag: ${caseLinks(state, r.case_numbers)}</li>`;
  html += `<li>Permanent link: <a href="${esc(withItem(EMPTY, r.id))}">${esc(r.id)}</a></li></ul>`;
  if (r.closed) html += "<p>Lukket punkt: kun titel, sagsnummer og den offentliggjorte beslutning er offentlige.</p>";
  html += section("Beslutninger", (r.decisions || []).map((d) => `<p><span class="badge">${esc(OUTCOMES[d.outcome] || d.outcome)}</span> ${d.point ? d.point + ". " : ""}${esc(d.text)}</p>`).join(""));
  html += section("Afstemninger", (r.votes || []).map((v) => `<p>For ${v.for ?? "?"}, imod ${v.against ?? "?"}${v.abstain != null ? ", undlod " + v.abstain : ""}${v.against_names.length ? " · Imod: " + esc(v.against_names.join(", ")) : ""}</p>`).join(""));
  html += section("Fraværende", r.absent && r.absent.length ? `<p>${esc(r.absent.join(", "))}</p>` : "");
  html += section("Tidligere beslutninger", (r.prior_decisions || []).map(priorHtml).join(""));
  html += section("Beløb", (r.amounts || []).length ? `<ul>${r.amounts.map((a) => `<li>${esc(a.text)}: ${esc(a.sentence)}</li>`).join("")}</ul>` : "");
  for (const s of r.sections) {
    const where = s.pages.length ? " (" + sourceLink(r.source_url, s.pages[0], "s. " + s.pages.join(", "), r.closed) + ")" : "";
    html += `<h3>${esc(s.heading || "Tekst")}${where}</h3><p class="text">${esc(s.text)}</p>`;
  }
  return html;
}

const priorHtml = (p) => `<p>${esc(p.body || "")} ${esc(daDate(p.date))}, punkt ${p.item ?? "?"}: ${esc(p.text)}</p>`;

// A case across meetings, oldest first, as `minutes case` prints it: each treatment with its
// decision, pages and source, and the earlier decisions it quotes.
export function caseHtml(state, caseNumber, items) {
  let html = `<h2 id="detail-title" tabindex="-1">Sag ${esc(caseNumber)}</h2><p class="meta">${plural(items.length, "behandling", "behandlinger")}, ældste først</p><ol class="timeline">`;
  for (const r of items) {
    const m = r.meeting || {};
    const outcomes = (r.decisions || []).map((d) => OUTCOMES[d.outcome] || d.outcome).join(", ") || "–";
    html += `<li><h3>${esc(daDate(m.date))} · ${m.id ? `<a class="meeting" href="${esc(toMeeting(m.id))}">${esc(m.committee)}</a>` : esc(r.source)}, punkt ${r.number}</h3>
      <p><a class="item" href="${esc(withItem(state, r.id))}">${esc(r.title)}</a></p>
      <p class="meta">Beslutning: ${esc(outcomes)} · ${sourceLink(r.source_url, r.page_start, pages(r.page_start, r.page_end), r.closed)} · ${esc(r.source)}</p>`
      + (r.decisions || []).map((d) => `<p class="quote">${esc(d.text)}</p>`).join("")
      + ((r.prior_decisions || []).length ? `<p class="meta">Tidligere beslutninger:</p>${r.prior_decisions.map(priorHtml).join("")}` : "")
      + "</li>";
  }
  return html + "</ol>";
}

// Committees as a municipal portal lists them, each with its meetings and items.
export function committeesHtml(meetings) {
  const byCommittee = new Map();
  for (const m of meetings) {
    const c = byCommittee.get(m.committee) || {name: m.committee, meetings: 0, items: 0, last: ""};
    c.meetings += 1; c.items += m.items; if (m.date > c.last) c.last = m.date;
    byCommittee.set(m.committee, c);
  }
  const committees = [...byCommittee.values()].sort((a, b) => a.name.localeCompare(b.name, "da"));
  const rows = committees.map((c) => `<li><a class="committee" href="${esc(toBrowse(c.name))}">${esc(c.name)}</a>
    <span class="meta">${plural(c.meetings, "møde", "møder")} · ${plural(c.items, "punkt", "punkter")} · seneste ${esc(daDate(c.last))}</span></li>`);
  return {count: committees.length, html: `<nav class="crumbs" aria-label="Brødkrummer"><span aria-current="page">Udvalg</span></nav>
    <h2 id="view-title" tabindex="-1">Udvalg</h2>
    ${rows.length ? `<ul class="list">${rows.join("")}</ul>` : "<p>Der er ingen møder i indekset endnu.</p>"}`};
}

export function committeeHtml(name, meetings) {
  const mine = meetings.filter((m) => m.committee === name).sort((a, b) => b.date.localeCompare(a.date));
  let html = `<nav class="crumbs" aria-label="Brødkrummer"><a href="${esc(toBrowse())}">Udvalg</a> › <span aria-current="page">${esc(name)}</span></nav>
    <h2 id="view-title" tabindex="-1">${esc(name)}</h2>
    <p><a href="${esc(toSearch({committee: name}))}">Søg i udvalgets punkter</a></p>`;
  if (!mine.length) return {count: 0, html: html + "<p>Udvalget har ingen møder i indekset.</p>"};
  let year = "";
  for (const m of mine) {
    if (m.date.slice(0, 4) !== year) {
      html += `${year ? "</ul>" : ""}<h3>${esc(m.date.slice(0, 4))}</h3><ul class="list">`;
      year = m.date.slice(0, 4);
    }
    html += `<li><a class="meeting" href="${esc(toMeeting(m.id))}">Møde ${esc(daDate(m.date))}</a>
      <span class="meta">${plural(m.items, "punkt", "punkter")}${m.place ? " · " + esc(m.place) : ""}</span></li>`;
  }
  return {count: mine.length, html: html + "</ul>"};
}

// A meeting as its minutes show it: time, place, who took part and who was away, and the
// agenda in order, each item with its decision, case and pages.
export function meetingHtml(state, m) {
  const when = [daDate(m.date), m.start_time ? "kl. " + m.start_time : ""].filter(Boolean).join(" ");
  const away = new Set(m.absent || []);
  const people = (m.participants || []).map((p) => esc(p) + (away.has(p) ? " (fraværende)" : "")).join(", ");
  let html = `<nav class="crumbs" aria-label="Brødkrummer"><a href="${esc(toBrowse())}">Udvalg</a> ›
      <a href="${esc(toBrowse(m.committee))}">${esc(m.committee)}</a> › <span aria-current="page">${esc(daDate(m.date))}</span></nav>
    <h2 id="view-title" tabindex="-1">${esc(m.committee)}, ${esc(daDate(m.date))}</h2>
    <dl class="facts">
      <dt>Tid</dt><dd>${esc(when)}</dd>
      ${m.place ? `<dt>Sted</dt><dd>${esc(m.place)}</dd>` : ""}
      ${m.municipality ? `<dt>Kommune</dt><dd>${esc(m.municipality)}</dd>` : ""}
      <dt>Mødedeltagere</dt><dd>${people || "–"}</dd>
      <dt>Fraværende</dt><dd>${esc((m.absent || []).join(", ")) || "Ingen"}</dd>
      <dt>Referat</dt><dd>${sourceLink(m.source_url, 1, m.source, false)}</dd>
    </dl>
    <h3>Dagsorden</h3><ol class="agenda">`;
  for (const it of m.items) {
    const url = it.source_url || m.source_url;
    html += `<li data-item="${esc(it.id)}"><span class="num">${it.number}.</span>
      <div><a class="item" href="${esc(withItem(state, it.id))}">${esc(it.title)}</a>
      <div class="meta">${sourceLink(url, it.page_start, pages(it.page_start, it.page_end), it.closed)}${it.case_numbers.length ? " · Sag " + caseLinks(state, it.case_numbers) : ""}</div>
      <div>${badges(it.outcomes, it.closed)}</div></div></li>`;
  }
  return {count: m.items.length, html: html + "</ol>"};
}

// Persons and parties as the minutes name them, most items first, with where persons were
// absent and how each voted; each name opens its page.
export function peopleHtml(persons, parties) {
  const table = (id, caption, rows, columns, link) => `<h3 id="${id}">${esc(caption)}</h3>`
    + (rows.length ? `<div class="scroll" role="region" aria-labelledby="${id}" tabindex="0"><table class="counts" aria-labelledby="${id}"><thead><tr><th scope="col">Navn</th>`
      + columns.map(([, label]) => `<th scope="col">${esc(label)}</th>`).join("") + "</tr></thead><tbody>"
      + rows.map((r) => `<tr><th scope="row"><a class="${id === "persons" ? "person" : "party"}" href="${esc(link(r.name))}">${esc(r.name)}</a></th>`
        + columns.map(([key]) => `<td>${r[key]}</td>`).join("") + "</tr>").join("") + "</tbody></table></div>"
      : "<p>Ingen i indekset endnu.</p>");
  return {count: persons.length + parties.length, html: `<nav class="crumbs" aria-label="Brødkrummer"><span aria-current="page">Personer og partier</span></nav>
    <h2 id="view-title" tabindex="-1">Personer og partier</h2>
    <p class="meta">Antal punkter, der nævner hver person og hvert parti. Vælg et navn for at se punkterne.</p>
    ${table("persons", "Personer", persons, PERSON_COLUMNS, toPerson)}
    ${table("parties", "Partier", parties, PARTY_COLUMNS, toParty)}`};
}

const PERSON_COLUMNS = [["items", "Punkter"], ["absent", "Fravær"], ["voted_for", "Stemte for"], ["voted_against", "Stemte imod"]];
const PARTY_COLUMNS = [["items", "Punkter"], ["voted_for", "Stemte for"], ["voted_against", "Stemte imod"]];
// A person's or a party's roles in the order their page shows them, with the search filter each
// is (a role of "" is any mention).
export const PERSON_ROLES = [["absent", "Fraværende"], ["voted_for", "Stemte for"], ["voted_against", "Stemte imod"], ["", "Nævnt"]];
export const PARTY_ROLES = [["voted_for", "Stemte for"], ["voted_against", "Stemte imod"], ["", "Nævnt"]];

// A person's (kind "person") or a party's page: for each role, its items newest first, each
// linking to the item; past the first ones, a link to all of them in the search.
export function memberHtml(state, kind, name, sections) {
  const key = kind === "person" ? "person" : "party";
  const counts = sections.map(({label, total}) => `${esc(label.toLowerCase())}: ${plural(total, "punkt", "punkter")}`).join(" · ");
  let html = `<nav class="crumbs" aria-label="Brødkrummer"><a href="${esc(toPeople())}">Personer og partier</a> › <span aria-current="page">${esc(name)}</span></nav>
    <h2 id="view-title" tabindex="-1">${esc(name)}</h2>
    <p class="meta">${kind === "person" ? "Person" : "Parti"} · ${counts}</p>
    <p><a href="${esc(toSearch({[key]: name}))}">Søg i punkter, der nævner ${esc(name)}</a></p>`;
  for (const {role, label, total, results} of sections) {
    const id = `role-${role || "named"}`;
    html += `<section aria-labelledby="${id}"><h3 id="${id}">${esc(label)} <span class="meta">(${plural(total, "punkt", "punkter")})</span></h3>`;
    if (!results.length) { html += "<p>Ingen punkter.</p></section>"; continue; }
    html += `<ul class="list items" data-role="${esc(role)}">` + results.map((r) => {
      const where = r.kind === "other" ? esc(r.source) : `${esc(r.committee)} · ${esc(daDate(r.meeting_date))} · punkt ${r.item_number}`;
      return `<li data-item="${esc(r.item_id)}"><a class="item" href="${esc(withItem(state, r.item_id))}">${esc(r.title)}</a><span class="meta">${where}</span></li>`;
    }).join("") + "</ul>";
    if (total > results.length) {
      const filters = {[key]: name};
      if (role) filters[`${key}_role`] = role;
      html += `<p><a href="${esc(toSearch(filters))}">Vis alle ${total} i søgningen</a></p>`;
    }
    html += "</section>";
  }
  return html;
}
