// The page's state lives in its address: every view (a search, a committee, a meeting, a
// person or a party, an open item or case) has a permalink, reloading it lands in the same state, and the
// browser's back and forward walk through the views (history.pushState/popstate).

export const FILTERS = ["committee", "from", "to", "decision", "case", "person", "person_role", "party",
  "party_role", "min_amount", "max_amount", "voted", "absence", "has_amount", "kind"];

// What the page shows. The main view is a meeting, a person's page (personPage) or a party's
// (partyPage), the list of persons and parties (people === ""), a browse view (browse === ""
// lists the committees, a name lists that committee's meetings), else the search. The panel
// holds an item or a case timeline, over whichever main view.
export const EMPTY = {q: "", filters: {}, offset: 0, browse: null, meeting: null, people: null, personPage: null,
  partyPage: null, item: null, timeline: null};

export function readState(url) {
  const p = new URL(url, location.href).searchParams;
  const state = {...EMPTY, filters: {}};
  state.q = (p.get("q") || "").trim();
  for (const f of FILTERS) {
    const v = (p.get(f) || "").trim();
    if (v) state.filters[f] = v;
  }
  state.offset = Math.max(0, Number.parseInt(p.get("offset") || "0", 10) || 0);
  state.browse = p.has("browse") ? p.get("browse") : null;
  state.meeting = p.get("meeting") || null;
  state.people = p.has("people") ? "" : null;
  state.personPage = (p.get("person_page") || "").trim() || null;
  state.partyPage = (p.get("party_page") || "").trim() || null;
  state.item = p.get("item") || null;
  state.timeline = state.item ? null : p.get("timeline") || null;
  return state;
}

// The address of a state: "?q=…&committee=…", "?browse=", "?meeting=…&item=…", "?timeline=…",
// "?people=", "?person_page=Claus+Berggren", "?party_page=Venstre".
export function addressOf(state) {
  const p = new URLSearchParams();
  if (state.meeting) p.set("meeting", state.meeting);
  else if (state.personPage) p.set("person_page", state.personPage);
  else if (state.partyPage) p.set("party_page", state.partyPage);
  else if (state.people !== null) p.set("people", "");
  else if (state.browse !== null) p.set("browse", state.browse);
  else {
    if (state.q) p.set("q", state.q);
    for (const f of FILTERS) if (state.filters[f]) p.set(f, state.filters[f]);
    if (state.offset) p.set("offset", String(state.offset));
  }
  if (state.item) p.set("item", state.item);
  else if (state.timeline) p.set("timeline", state.timeline);
  const query = p.toString();
  return query ? "?" + query : location.pathname;
}

// A link from `state` to the same main view with a panel open (or closed).
export const withItem = (state, item) => addressOf({...state, item, timeline: null});
export const withTimeline = (state, timeline) => addressOf({...state, item: null, timeline});
// Links to a main view of their own: the search, filters and panel are left behind.
export const toMeeting = (meeting) => addressOf({...EMPTY, meeting});
export const toBrowse = (committee = "") => addressOf({...EMPTY, browse: committee});
export const toSearch = (filters) => addressOf({...EMPTY, filters});
export const toPeople = () => addressOf({...EMPTY, people: ""});
export const toPerson = (name) => addressOf({...EMPTY, personPage: name});
export const toParty = (name) => addressOf({...EMPTY, partyPage: name});

export function mainView(state) {
  if (state.meeting) return "meeting";
  if (state.personPage) return "person";
  if (state.partyPage) return "party";
  if (state.people !== null) return "people";
  return state.browse === null ? "search" : state.browse ? "committee" : "committees";
}

// The main view's own key: a new address fetches the main view again only when it changes.
export function mainKey(state) {
  const view = mainView(state);
  const which = {search: `${searchParams(state)}@${state.offset}`, meeting: state.meeting, person: state.personPage,
    party: state.partyPage, people: "", committee: state.browse, committees: ""}[view];
  return `${view}:${which}`;
}

// The search the state asks the API for (without paging).
export function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const f of FILTERS) if (state.filters[f]) p.set(f, state.filters[f]);
  return p;
}
