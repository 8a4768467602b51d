'use strict';
/*
 * The explorer page: pick a region, project or organisation, see its network drawn (Cytoscape.js)
 * and on a map (Leaflet), pick a node for its details, move through time, download the selection.
 *
 * Plain JavaScript without a build step, so the file the browser runs is the file in the
 * repository. Everything the page shows comes from the hub's own /graphql, asked like any other
 * client would; nothing is loaded from elsewhere (the map's base layer only when configured).
 *
 * Layout of this file: texts in both languages; state; talking to the hub; the pieces of the
 * page (choice of selection, time slider, drawing, list of nodes, details, map, downloads), each a
 * few small functions; start-up at the end. `window.explorer` exposes the drawing and the map so
 * the browser test can reach them.
 */
(() => {

  // ------------------------------------------------------------------ texts

  const REGION_TYPES = {
    de: {
      COUNTRY: 'Staat', STATE: 'Land', ADMINISTRATIVE_DISTRICT: 'Regierungsbezirk',
      LABOUR_MARKET_REGION: 'Arbeitsmarktregion', DISTRICT: 'Kreis', DISTRICT_FREE_CITY: 'kreisfreie Stadt',
      MUNICIPALITY: 'Gemeinde', CITY_DISTRICT: 'Stadtbezirk', VENUE: 'Veranstaltungsort',
    },
    en: {
      COUNTRY: 'country', STATE: 'state', ADMINISTRATIVE_DISTRICT: 'administrative district',
      LABOUR_MARKET_REGION: 'labour-market region', DISTRICT: 'district', DISTRICT_FREE_CITY: 'district-free city',
      MUNICIPALITY: 'municipality', CITY_DISTRICT: 'city district', VENUE: 'venue',
    },
  };

  const TIE_TYPES = {
    de: {
      PART_OF: 'ist Teil von', MEMBER_OF: 'ist Mitglied von', PARTICIPATES_IN: 'wirkt mit bei', FUNDS: 'fördert',
      HOLDS_ROLE: 'hat eine Funktion bei', SPEAKS_AT: 'spricht bei', ESTABLISHES: 'begründet', ADVISES: 'berät',
      RUNS: 'ist Träger von', INITIATES: 'hat initiiert', FOLLOWS_FROM: 'folgt aus', PRESENTS: 'stellt vor',
    },
    en: {
      PART_OF: 'is part of', MEMBER_OF: 'is a member of', PARTICIPATES_IN: 'takes part in', FUNDS: 'funds',
      HOLDS_ROLE: 'holds a role at', SPEAKS_AT: 'speaks at', ESTABLISHES: 'establishes', ADVISES: 'advises',
      RUNS: 'runs', INITIATES: 'initiated', FOLLOWS_FROM: 'follows from', PRESENTS: 'presents',
    },
  };

  /** German names of the entries' own kinds; English shows the schema's names in lower case. */
  const SUBKINDS_DE = {
    MINISTRY: 'Ministerium', FEDERAL_AGENCY: 'Bundesbehörde', EMPLOYMENT_AGENCY: 'Agentur für Arbeit',
    JOB_CENTRE: 'Jobcenter', CHAMBER: 'Kammer', CRAFTS_ORGANISATION: 'Handwerksorganisation',
    WELFARE_ASSOCIATION: 'Wohlfahrtsverband', INTEGRATION_AGENCY: 'Integrationsagentur', MUNICIPALITY: 'Kommune',
    MUNICIPAL_OFFICE: 'kommunale Stelle', MUNICIPAL_ASSOCIATION: 'kommunaler Verband', COUNCIL: 'Beirat oder Gremium',
    TRADE_UNION: 'Gewerkschaft', EMPLOYER_ASSOCIATION: 'Arbeitgeberverband', PROFESSIONAL_ASSOCIATION: 'Berufsverband',
    ASSOCIATION: 'Verein oder Initiative', NONPROFIT: 'gemeinnützige Organisation', COMPANY: 'Unternehmen',
    PUBLIC_AGENCY: 'Behörde', GOVERNMENT: 'Regierung', RELIGIOUS_COMMUNITY: 'Religionsgemeinschaft', NETWORK: 'Netzwerk',
    PROGRAMME: 'Programm', INITIATIVE: 'Initiative', CAMPAIGN: 'Kampagne', MODEL_PROJECT: 'Modellprojekt',
    PROJECT: 'Projekt', PORTAL: 'Portal', LAW: 'Gesetz',
    CONFERENCE: 'Fachtagung', REGIONAL_EVENT: 'Regionalveranstaltung', VISIT: 'Besuch', DAY_OF_ACTION: 'Aktionstag',
    MEETING: 'Treffen', SUMMIT: 'Gipfel', PUBLICATION: 'Veröffentlichung',
  };

  /** How an organisation takes part; other roles (a person's title) are shown as the documents write them. */
  const ROLES = {
    de: {
      LEAD: 'Leitung', PARTNER: 'Partner', FUNDER: 'Förderer', HOST: 'Gastgeber', ORGANISER: 'Veranstalter',
      SIGNATORY: 'Unterzeichner', PARTICIPANT: 'Teilnahme', CARRIER: 'Träger', INITIATOR: 'Initiator',
    },
    en: {
      LEAD: 'lead', PARTNER: 'partner', FUNDER: 'funder', HOST: 'host', ORGANISER: 'organiser',
      SIGNATORY: 'signatory', PARTICIPANT: 'participant', CARRIER: 'carrier', INITIATOR: 'initiator',
    },
  };

  /** Every text of the page; a function where the text holds numbers or names. */
  const TEXT = {
    de: {
      pageTitle: 'partnernetz · Netzwerk-Explorer',
      title: 'Netzwerk-Explorer',
      skipToList: 'Zur Liste der Knoten springen',
      languageAndLinks: 'Sprache und Links',
      language: 'Sprache',
      queryEditor: 'Abfrage-Editor (GraphiQL)',
      scopeType: 'Was zeigen?',
      scopeRegion: 'Region',
      scopeProject: 'Projekt',
      scopeOrganisation: 'Organisation',
      filter: 'Name suchen',
      filterPlaceholder: 'z. B. Dortmund',
      choice: 'Auswahl',
      choosePrompt: '– bitte wählen –',
      choicesFound: (shown, total) => shown < total ? `${shown} von ${total} Treffern; Suche eingrenzen für mehr` : `${total} Treffer`,
      noChoices: 'Kein Treffer für diesen Namen.',
      depth: 'Tiefe',
      depthHint: 'Schritte von der Organisation aus (1–3)',
      show: 'Netzwerk zeigen',
      time: 'Zeitpunkt',
      allTime: 'alle Jahre',
      inYear: year => `im Jahr ${year}`,
      pickSomething: 'Wählen Sie eine Region, ein Projekt oder eine Organisation.',
      loading: name => `Lade das Netzwerk von ${name} …`,
      loaded: (name, nodes, edges, when) => `${name}, ${when}: ${nodes} Knoten, ${edges} Verbindungen.`,
      truncated: (shown, total) => ` Gekürzt: die ${shown} bestvernetzten von ${total} Knoten.`,
      emptyView: (name, when) => `${name}, ${when}: keine Knoten in dieser Auswahl.`,
      failed: message => `Das hat nicht geklappt: ${message}`,
      views: 'Ansichten',
      tabGraph: 'Netzwerk',
      tabMap: 'Karte',
      graphLabel: 'Zeichnung des Netzwerks; dieselben Knoten stehen in der Liste daneben',
      mapLabel: 'Karte der Knoten mit bekanntem Ort',
      legend: 'Legende',
      legendSize: 'Größe: Zahl der Verbindungen',
      nodes: 'Knoten',
      nodesHint: 'Pfeiltasten gehen durch die Liste, Eingabe oder Leertaste zeigt die Details.',
      nodesEmpty: 'Noch keine Knoten.',
      details: 'Details',
      detailsHint: 'Klicken Sie auf einen Knoten oder wählen Sie ihn in der Liste.',
      'kind.ORGANISATION': 'Organisation',
      'kind.PROJECT': 'Projekt',
      'kind.EVENT': 'Veranstaltung',
      'kind.PERSON': 'Person',
      kindLabel: 'Art',
      regionLabel: 'Region',
      timeLabel: 'Zeitraum',
      websiteLabel: 'Website',
      degreeLabel: 'Verbindungen in dieser Ansicht',
      unknown: 'unbekannt',
      open: 'offen',
      noDates: 'ohne Datum',
      ties: 'Verbindungen',
      noTies: 'Keine Verbindungen in dieser Ansicht.',
      role: 'Rolle',
      inferred: 'erschlossen',
      sources: 'Belege',
      noSources: 'keine Belege genannt',
      content: 'Beiträge, die es erwähnen',
      noContent: 'Kein veröffentlichter Beitrag erwähnt diesen Eintrag.',
      detailsFailed: 'Die Details ließen sich nicht laden.',
      downloads: 'Herunterladen',
      downloadsHint: 'Diese Auswahl als Datei für Gephi, Cytoscape, NetworkX oder eine Tabelle.',
      downloadsNothing: 'Erst eine Auswahl treffen, dann lässt sie sich herunterladen.',
      exportNodesCsv: 'Knoten (CSV)',
      exportEdgesCsv: 'Verbindungen (CSV)',
      mapNoField: 'Dieser Hub liefert noch keine Koordinaten; die Karte bleibt leer.',
      mapNone: 'Für keinen Knoten dieser Auswahl ist ein Ort bekannt.',
      mapSome: (placed, total) => `${placed} von ${total} Knoten haben einen bekannten Ort.`,
      mapNothing: 'Erst eine Auswahl treffen.',
      mapBlank: 'Ohne eingerichtete Kartenkacheln: nur die Orte auf leerem Grund.',
      mapRegionPoint: 'Ort seiner Region',
    },
    en: {
      pageTitle: 'partnernetz · network explorer',
      title: 'Network explorer',
      skipToList: 'Skip to the list of nodes',
      languageAndLinks: 'Language and links',
      language: 'Language',
      queryEditor: 'Query editor (GraphiQL)',
      scopeType: 'What to show?',
      scopeRegion: 'Region',
      scopeProject: 'Project',
      scopeOrganisation: 'Organisation',
      filter: 'Search by name',
      filterPlaceholder: 'e.g. Dortmund',
      choice: 'Selection',
      choosePrompt: '– please choose –',
      choicesFound: (shown, total) => shown < total ? `${shown} of ${total} matches; narrow the search for more` : `${total} matches`,
      noChoices: 'Nothing matches this name.',
      depth: 'Depth',
      depthHint: 'Steps away from the organisation (1–3)',
      show: 'Show network',
      time: 'Point in time',
      allTime: 'all years',
      inYear: year => `in ${year}`,
      pickSomething: 'Choose a region, a project or an organisation.',
      loading: name => `Loading the network of ${name} …`,
      loaded: (name, nodes, edges, when) => `${name}, ${when}: ${nodes} nodes, ${edges} ties.`,
      truncated: (shown, total) => ` Cut: the ${shown} best connected of ${total} nodes.`,
      emptyView: (name, when) => `${name}, ${when}: no nodes in this selection.`,
      failed: message => `That did not work: ${message}`,
      views: 'Views',
      tabGraph: 'Network',
      tabMap: 'Map',
      graphLabel: 'Drawing of the network; the same nodes are in the list beside it',
      mapLabel: 'Map of the nodes whose place is known',
      legend: 'Legend',
      legendSize: 'Size: number of ties',
      nodes: 'Nodes',
      nodesHint: 'Arrow keys move through the list, Enter or Space shows the details.',
      nodesEmpty: 'No nodes yet.',
      details: 'Details',
      detailsHint: 'Click a node or choose it in the list.',
      'kind.ORGANISATION': 'Organisation',
      'kind.PROJECT': 'Project',
      'kind.EVENT': 'Event',
      'kind.PERSON': 'Person',
      kindLabel: 'Kind',
      regionLabel: 'Region',
      timeLabel: 'Period',
      websiteLabel: 'Website',
      degreeLabel: 'Ties in this view',
      unknown: 'unknown',
      open: 'open',
      noDates: 'no dates',
      ties: 'Ties',
      noTies: 'No ties in this view.',
      role: 'role',
      inferred: 'inferred',
      sources: 'Sources',
      noSources: 'no sources given',
      content: 'Content that mentions it',
      noContent: 'No published content mentions this entry.',
      detailsFailed: 'The details could not be loaded.',
      downloads: 'Download',
      downloadsHint: 'This selection as a file for Gephi, Cytoscape, NetworkX or a spreadsheet.',
      downloadsNothing: 'Make a selection first; then it can be downloaded.',
      exportNodesCsv: 'Nodes (CSV)',
      exportEdgesCsv: 'Ties (CSV)',
      mapNoField: 'This hub does not serve coordinates yet; the map stays empty.',
      mapNone: 'No node of this selection has a known place.',
      mapSome: (placed, total) => `${placed} of ${total} nodes have a known place.`,
      mapNothing: 'Make a selection first.',
      mapBlank: 'No map tiles configured: the places on a blank background.',
      mapRegionPoint: 'where its region is',
    },
  };

  // ------------------------------------------------------------------ constants and state

  const KIND_COLOURS = { ORGANISATION: '#1f5fbf', PROJECT: '#1a7f37', EVENT: '#b35900', PERSON: '#7a3fbf' };
  const NODE_LIMIT = 300;
  const FIRST_YEAR = 2010;
  /** The slider's rightmost step, one past the current year: no time window at all. */
  const ALL_TIME = new Date().getFullYear() + 1;
  const CHOICES_SHOWN = 100;
  /** The hub refuses requests with more root fields; source titles are asked for in chunks of this many. */
  const ROOT_FIELDS = 20;
  const EXPORTS = [
    { file: 'graphml', label: () => 'GraphML' },
    { file: 'gexf', label: () => 'GEXF' },
    { file: 'nodes.csv', label: () => t('exportNodesCsv') },
    { file: 'edges.csv', label: () => t('exportEdgesCsv') },
    { file: 'cytoscape.json', label: () => 'Cytoscape JSON' },
    { file: 'graphology.json', label: () => 'graphology JSON' },
    { file: 'geojson', label: () => 'GeoJSON' },
  ];

  const state = {
    lang: 'de',
    /** What is shown: {type: 'region'|'project'|'organisation', key, name, nameEn}, or null. */
    scope: null,
    depth: 1,
    /** The year of the slider, or null for all time. */
    year: null,
    /** The last network view: {nodes: [data], edges: [data], nodeCount, truncated}. */
    view: null,
    nodesById: new Map(),
    selected: null,
    /** The fields NetworkNode has on this hub (coordinates may not be there yet). */
    nodeFields: new Set(),
    settings: { tileUrl: '', tileAttribution: '' },
    status: () => t('pickSomething'),
    /** Each load counts up; an answer that comes back after a newer request is dropped. */
    loads: 0,
    lastVariables: null,
    cy: null,
    map: null,
    mapLayer: null,
    /** The map's markers ({node, point, marker}) and lines ({edge, line}) of the current view. */
    mapMarkers: [],
    mapLines: [],
  };

  const $ = id => document.getElementById(id);

  function t(key, ...args) {
    const text = TEXT[state.lang][key] ?? TEXT.de[key] ?? key;
    return typeof text === 'function' ? text(...args) : text;
  }

  // ------------------------------------------------------------------ talking to the hub

  const GRAPHQL = new URL('graphql', document.baseURI).href;

  /** One GraphQL request; a response with errors becomes an Error with their messages. */
  async function graphql(query, variables = {}) {
    const response = await fetch(GRAPHQL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors?.length) {
      throw new Error(body.errors.map(error => error.message).join('; '));
    }
    return body.data;
  }

  /** Which fields NetworkNode has: the page asks for coordinates only where the hub serves them. */
  async function readNodeFields() {
    const data = await graphql('{ __type(name: "NetworkNode") { fields { name } } }');
    state.nodeFields = new Set((data.__type?.fields ?? []).map(field => field.name));
  }

  async function readSettings() {
    const response = await fetch(new URL('explorer/settings', document.baseURI));
    if (response.ok) {
      state.settings = await response.json();
    }
  }

  function hasCoordinates() {
    return state.nodeFields.has('coordinates');
  }

  function networkQuery() {
    const coordinates = hasCoordinates() ? 'coordinates { latitude longitude basis }' : '';
    return `query ExplorerNetwork($region: String, $project: String, $organisation: String, $depth: Int,
        $asOf: String, $limit: Int) {
      network(region: $region, project: $project, organisation: $organisation, depth: $depth, asOf: $asOf,
          limit: $limit) {
        nodeCount truncated limit
        cytoscape {
          nodes { data { id label name kind subkind region degree start end ${coordinates} } }
          edges { data { id source target type role since until basis sources } }
        }
      }
    }`;
  }

  const CHOICE_QUERIES = {
    region: `query($name: String, $first: Int) { list: regions(name: $name, first: $first) {
      totalCount edges { node { key name nameEn type } } } }`,
    project: `query($name: String, $first: Int) { list: projects(name: $name, first: $first) {
      totalCount edges { node { key name } } } }`,
    organisation: `query($name: String, $first: Int) { list: organisations(name: $name, first: $first) {
      totalCount edges { node { key name shortName } } } }`,
  };

  const DETAILS_QUERY = `query ExplorerDetails($id: ID!, $locale: Locale, $region: ID, $withRegion: Boolean!) {
    node(id: $id) {
      id
      ... on Organisation { name shortName description(locale: $locale) website }
      ... on Project { name description(locale: $locale) website }
      ... on Event { name date endDate description(locale: $locale) }
      ... on Person { name description(locale: $locale) }
    }
    region(id: $region) @include(if: $withRegion) { name nameEn }
    contents(mentions: $id, locale: $locale, first: 5) {
      totalCount
      edges { node { id title summary publishedAt } }
    }
  }`;

  /** The titles of source documents by global id, in requests of at most ROOT_FIELDS lookups. */
  async function readSources(ids) {
    const found = new Map();
    const chunks = [];
    for (let i = 0; i < ids.length; i += ROOT_FIELDS) {
      chunks.push(ids.slice(i, i + ROOT_FIELDS));
    }
    await Promise.all(chunks.map(async chunk => {
      const params = chunk.map((_, i) => `$s${i}: ID!`).join(', ');
      const fields = chunk.map((_, i) => `s${i}: node(id: $s${i}) { ... on Source { id title url date publisher } }`);
      const variables = Object.fromEntries(chunk.map((id, i) => [`s${i}`, id]));
      const data = await graphql(`query ExplorerSources(${params}) { ${fields.join(' ')} }`, variables);
      Object.values(data).filter(Boolean).forEach(source => found.set(source.id, source));
    }));
    return found;
  }

  // ------------------------------------------------------------------ small helpers

  /** An element with attributes and children; strings become text, never HTML. */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') element.className = value;
      else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? '' : value);
    }
    element.append(...children.flat(Infinity).filter(child => child !== null && child !== undefined));
    return element;
  }

  function debounce(action, millis) {
    let timer;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => action(...args), millis);
    };
  }

  function scopeName(scope) {
    return (state.lang === 'en' && scope.nameEn) || scope.name;
  }

  function whenText(year = state.year) {
    return year === null ? t('allTime') : t('inYear', year);
  }

  /** "2016–2018", "2016–open", or "unknown" for a tie or node without dates. */
  function period(from, until) {
    if (!from && !until) return t('unknown');
    return `${from ?? '?'}–${until ?? t('open')}`;
  }

  function kindText(kind) {
    return t(`kind.${kind}`);
  }

  function enumWords(value) {
    return value.toLowerCase().replaceAll('_', ' ');
  }

  function subkindText(subkind) {
    return (state.lang === 'de' && SUBKINDS_DE[subkind]) || enumWords(subkind);
  }

  function roleText(role) {
    return ROLES[state.lang][role] ?? role;
  }

  /** The status line, as a function of the language, so that a switch of language can write it anew. */
  function setStatus(text) {
    state.status = text;
    $('status').textContent = text();
  }

  // ------------------------------------------------------------------ language

  function initialLanguage() {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (asked in TEXT) return asked;
    for (const tag of navigator.languages ?? [navigator.language]) {
      const language = String(tag).slice(0, 2).toLowerCase();
      if (language in TEXT) return language;
    }
    return 'de';
  }

  /** Puts every fixed text of the page into the current language. */
  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.title = t('pageTitle');
    document.querySelectorAll('[data-i18n]').forEach(element => {
      element.textContent = t(element.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-aria-label]').forEach(element => {
      element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(element => {
      element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
    });
    document.querySelectorAll('button.lang').forEach(button => {
      button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
    });
  }

  /** Switches language in place (and in the address, so a reload or a shared link keeps it). */
  function switchLanguage(lang) {
    if (lang === state.lang) return;
    state.lang = lang;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url);
    applyLanguage();
    $('status').textContent = state.status();
    showYear();
    refreshChoices().catch(showFailure);
    renderNodeList();
    renderExports();
    renderMap();
    if (state.selected) showDetails(state.selected);
  }

  // ------------------------------------------------------------------ choosing what to show

  let choiceRequest = 0;
  let choicesShown = '';

  /**
   * Fills the choice box with the regions, projects or organisations whose name matches the filter.
   * An entry chosen meanwhile stays chosen where the new list holds it.
   */
  async function refreshChoices() {
    const type = $('scope-type').value;
    const name = $('scope-filter').value.trim();
    const asked = JSON.stringify([type, name, state.lang]);
    if (asked === choicesShown) return;
    const request = ++choiceRequest;
    const data = await graphql(CHOICE_QUERIES[type], { name: name || undefined, first: CHOICES_SHOWN });
    if (request !== choiceRequest) return;
    choicesShown = asked;
    const items = data.list.edges.map(edge => edge.node);
    const choice = $('scope-choice');
    const keep = choice.value || (state.scope?.type === type ? state.scope.key : '');
    choice.replaceChildren(el('option', { value: '' }, t('choosePrompt')),
        ...items.map(item => el('option', { value: item.key, selected: item.key === keep }, choiceLabel(type, item))));
    choice.choices = new Map(items.map(item => [item.key, item]));
    $('choice-hint').textContent = items.length ? t('choicesFound', items.length, data.list.totalCount) : t('noChoices');
  }

  function choiceLabel(type, item) {
    if (type === 'region') {
      return `${(state.lang === 'en' && item.nameEn) || item.name} (${REGION_TYPES[state.lang][item.type] ?? item.type})`;
    }
    if (type === 'organisation' && item.shortName && item.shortName !== item.name) {
      return `${item.name} (${item.shortName})`;
    }
    return item.name;
  }

  /** The chosen entry of the choice box as a scope, or null when none is chosen. */
  function chosenScope() {
    const choice = $('scope-choice');
    const item = choice.choices?.get(choice.value);
    if (!item) return null;
    return { type: $('scope-type').value, key: item.key, name: item.name, nameEn: item.nameEn };
  }

  function setUpSelection() {
    const refresh = debounce(() => refreshChoices().catch(showFailure), 250);
    $('scope-type').addEventListener('change', () => {
      $('depth-field').hidden = $('scope-type').value !== 'organisation';
      refresh();
    });
    $('scope-filter').addEventListener('input', refresh);
    // Arrow keys in a closed select change it at every press: wait for the choice to settle.
    $('scope-choice').addEventListener('change', debounce(showChosen, 300));
    $('depth').addEventListener('change', () => {
      if (state.scope?.type === 'organisation') showChosen();
    });
    $('selection').addEventListener('submit', event => {
      event.preventDefault();
      showChosen();
    });
  }

  function showChosen() {
    const scope = chosenScope();
    if (!scope) return;
    state.scope = scope;
    state.depth = Math.min(3, Math.max(1, Number($('depth').value) || 1));
    loadNetwork();
  }

  // ------------------------------------------------------------------ the time slider

  function setUpSlider() {
    const slider = $('year');
    slider.min = String(FIRST_YEAR);
    slider.max = String(ALL_TIME);
    slider.value = String(ALL_TIME);
    showYear();
    const reload = debounce(() => {
      if (state.scope) loadNetwork();
    }, 350);
    slider.addEventListener('input', () => {
      const value = Number(slider.value);
      state.year = value >= ALL_TIME ? null : value;
      showYear();
      reload();
    });
  }

  function showYear() {
    const text = whenText();
    $('year-shown').textContent = text;
    $('year').setAttribute('aria-valuetext', text);
  }

  // ------------------------------------------------------------------ loading and drawing

  function networkVariables() {
    const { type, key } = state.scope;
    return {
      [type]: key,
      depth: type === 'organisation' ? state.depth : undefined,
      asOf: state.year === null ? undefined : String(state.year),
      limit: NODE_LIMIT,
    };
  }

  async function loadNetwork() {
    const request = ++state.loads;
    const variables = networkVariables();
    state.lastVariables = variables;
    const scope = state.scope;
    setStatus(() => t('loading', scopeName(scope)));
    renderExports();
    try {
      const data = await graphql(networkQuery(), variables);
      if (request !== state.loads) return;
      showView(data.network);
    } catch (error) {
      if (request === state.loads) showFailure(error);
    }
  }

  function showFailure(error) {
    setStatus(() => t('failed', error.message));
  }

  function showView(network) {
    const view = {
      nodes: network.cytoscape.nodes.map(node => node.data),
      edges: network.cytoscape.edges.map(edge => edge.data),
      nodeCount: network.nodeCount,
      truncated: network.truncated,
      elements: network.cytoscape,
    };
    state.view = view;
    state.nodesById = new Map(view.nodes.map(node => [node.id, node]));
    if (!state.nodesById.has(state.selected)) state.selected = null;
    drawGraph(view);
    renderNodeList();
    renderMap();
    if (state.selected) {
      markSelected(state.selected);
      showDetails(state.selected);
    } else {
      clearDetails();
    }
    showViewStatus(view);
  }

  function showViewStatus(view) {
    const shown = view.nodes.length;
    const { scope, year } = state;
    if (!shown) {
      setStatus(() => t('emptyView', scopeName(scope), whenText(year)));
      return;
    }
    setStatus(() => t('loaded', scopeName(scope), shown, view.edges.length, whenText(year))
        + (view.truncated ? t('truncated', shown, view.nodeCount) : ''));
  }

  /** Node size grows with the square root of its degree, so hubs stand out without swamping the rest. */
  function nodeSize(degree) {
    const most = Math.max(1, ...state.view.nodes.map(node => node.degree));
    return 14 + 42 * Math.sqrt(degree / most);
  }

  const GRAPH_STYLE = [
    {
      selector: 'node',
      style: {
        'background-color': node => KIND_COLOURS[node.data('kind')] ?? '#555',
        width: node => nodeSize(node.data('degree')),
        height: node => nodeSize(node.data('degree')),
        label: 'data(label)',
        'font-size': 12,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '110px',
        color: '#1b1f24',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
      },
    },
    { selector: 'node[kind = "PROJECT"]', style: { shape: 'round-rectangle' } },
    { selector: 'node[kind = "EVENT"]', style: { shape: 'diamond' } },
    { selector: 'node[kind = "PERSON"]', style: { shape: 'triangle' } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#9aa4b1',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#9aa4b1',
        'arrow-scale': 0.7,
        opacity: 0.8,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111', 'font-weight': 'bold', 'z-index': 10 } },
    { selector: 'edge.tie', style: { width: 2.5, 'line-color': '#1b1f24', 'target-arrow-color': '#1b1f24', opacity: 1 } },
  ];

  function drawGraph(view) {
    if (!state.cy) {
      state.cy = cytoscape({
        container: $('graph'),
        style: GRAPH_STYLE,
        boxSelectionEnabled: false,
        selectionType: 'single',
        minZoom: 0.1,
        maxZoom: 4,
      });
      state.cy.on('tap', 'node', event => selectNode(event.target.id()));
      window.explorer.cy = state.cy;
    }
    const cy = state.cy;
    cy.elements().remove();
    cy.add(view.elements);
    // Cytoscape's own force layout, spread wider than its defaults so that labels have room.
    cy.layout({
      name: 'cose', animate: false, randomize: true, padding: 24,
      idealEdgeLength: () => 90, nodeRepulsion: () => 400000, nodeOverlap: 20,
    }).run();
    // A small view fitted to a large canvas would be drawn huge: no more than 1.5 times life size.
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
    window.explorer.drawn += 1;
  }

  // ------------------------------------------------------------------ the list of nodes

  let activeOption = -1;

  function sortedNodes() {
    return [...(state.view?.nodes ?? [])].sort((a, b) => a.label.localeCompare(b.label, state.lang));
  }

  function renderNodeList() {
    const list = $('nodes');
    const nodes = sortedNodes();
    list.replaceChildren(...nodes.map((node, index) => el('li', {
      id: `node-option-${index}`,
      role: 'option',
      'aria-selected': String(node.id === state.selected),
      'data-id': node.id,
      onclick: () => { setActiveOption(index); selectNode(node.id); },
    }, el('span', { class: `swatch kind-${node.kind}`, 'aria-hidden': 'true' }),
        el('span', { class: 'option-label' }, node.label),
        el('span', { class: 'option-meta' }, `${kindText(node.kind)} · ${node.degree}`))));
    if (!nodes.length) list.append(el('li', { class: 'empty', role: 'presentation' }, t('nodesEmpty')));
    const selectedIndex = nodes.findIndex(node => node.id === state.selected);
    setActiveOption(selectedIndex >= 0 ? selectedIndex : (nodes.length ? 0 : -1), false);
  }

  function options() {
    return [...$('nodes').querySelectorAll('[role=option]')];
  }

  function setActiveOption(index, scroll = true) {
    const all = options();
    all.forEach(option => option.classList.remove('active'));
    activeOption = index;
    const option = all[index];
    if (!option) {
      $('nodes').removeAttribute('aria-activedescendant');
      return;
    }
    option.classList.add('active');
    $('nodes').setAttribute('aria-activedescendant', option.id);
    if (scroll) scrollIntoList(option);
  }

  /** Scrolls the list (only the list, not the page) so that the option shows. */
  function scrollIntoList(option) {
    const list = $('nodes');
    const top = option.offsetTop; // the list is the options' offset parent (explorer.css)
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + option.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top + option.offsetHeight - list.clientHeight;
    }
  }

  /** Keyboard use of the list, as a listbox: arrows, Home/End, Page keys, Enter/Space, first letter. */
  function setUpNodeList() {
    $('nodes').addEventListener('keydown', event => {
      const all = options();
      if (!all.length) return;
      const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
      if (event.key in moves) {
        setActiveOption(Math.min(all.length - 1, Math.max(0, activeOption + moves[event.key])));
      } else if (event.key === 'Home') {
        setActiveOption(0);
      } else if (event.key === 'End') {
        setActiveOption(all.length - 1);
      } else if (event.key === 'Enter' || event.key === ' ') {
        if (all[activeOption]) selectNode(all[activeOption].dataset.id);
      } else if (event.key.length === 1 && /\S/.test(event.key)) {
        jumpToLetter(all, event.key.toLowerCase());
      } else {
        return;
      }
      event.preventDefault();
    });
  }

  function jumpToLetter(all, letter) {
    for (let step = 1; step <= all.length; step++) {
      const index = (activeOption + step) % all.length;
      if (all[index].querySelector('.option-label').textContent.toLowerCase().startsWith(letter)) {
        setActiveOption(index);
        return;
      }
    }
  }

  // ------------------------------------------------------------------ selecting a node

  function selectNode(id) {
    if (!state.nodesById.has(id)) return;
    state.selected = id;
    markSelected(id);
    showDetails(id);
  }

  /** Shows the selection in the drawing, the list and on the map. */
  function markSelected(id) {
    const cy = state.cy;
    if (cy) {
      cy.elements().unselect();
      cy.edges().removeClass('tie');
      const node = cy.getElementById(id);
      node.select();
      node.connectedEdges().addClass('tie');
    }
    options().forEach((option, index) => {
      const chosen = option.dataset.id === id;
      option.setAttribute('aria-selected', String(chosen));
      if (chosen && index !== activeOption) setActiveOption(index);
    });
    renderMap();
  }

  // ------------------------------------------------------------------ the details panel

  let detailsRequest = 0;

  function clearDetails() {
    $('details').replaceChildren(el('h2', { id: 'details-heading' }, t('details')),
        el('p', { class: 'hint' }, t('detailsHint')));
  }

  /** The ties of a node in the view: each with the node at its other end and its direction. */
  function tiesOf(id) {
    return state.view.edges
        .filter(edge => edge.source === id || edge.target === id)
        .map(edge => ({ edge, outgoing: edge.source === id, other: state.nodesById.get(edge.source === id ? edge.target : edge.source) }));
  }

  /** Draws what the view knows at once, then fills in what the hub adds (description, region, content, sources). */
  async function showDetails(id) {
    const node = state.nodesById.get(id);
    const ties = tiesOf(id);
    const request = ++detailsRequest;
    renderDetails(node, ties, null, new Map());
    try {
      const sourceIds = [...new Set(ties.flatMap(tie => tie.edge.sources))];
      const [details, sources] = await Promise.all([
        graphql(DETAILS_QUERY, {
          id, locale: state.lang.toUpperCase(), region: node.region ?? undefined, withRegion: Boolean(node.region),
        }),
        readSources(sourceIds),
      ]);
      if (request !== detailsRequest) return;
      renderDetails(node, ties, details, sources);
    } catch (error) {
      if (request !== detailsRequest) return;
      $('details').append(el('p', { class: 'note' }, `${t('detailsFailed')} ${error.message}`));
    }
  }

  function renderDetails(node, ties, details, sources) {
    const entry = details?.node ?? {};
    const region = details?.region;
    // The view names the region by key; its name comes with the details (until then: "…").
    const regionName = region ? ((state.lang === 'en' && region.nameEn) || region.name) : (node.region && (details ? node.region : '…'));
    const facts = el('dl', { class: 'facts' },
        fact(t('kindLabel'), node.subkind ? `${kindText(node.kind)} (${subkindText(node.subkind)})` : kindText(node.kind)),
        fact(t('regionLabel'), regionName ?? t('unknown')),
        fact(t('timeLabel'), period(node.start, node.end)),
        fact(t('degreeLabel'), String(node.degree)),
        entry.website ? fact(t('websiteLabel'), el('a', { href: entry.website, rel: 'noopener noreferrer' }, entry.website)) : null);
    $('details').replaceChildren(...[
      el('h2', { id: 'details-heading', class: 'details-name' }, el('span', { class: `swatch kind-${node.kind}`, 'aria-hidden': 'true' }), node.name),
      facts,
      entry.description ? el('p', { class: 'description' }, entry.description) : null,
      el('h3', {}, t('ties')),
      renderTies(node, ties, sources),
      details ? renderContent(details.contents) : null,
    ].filter(Boolean));
  }

  function fact(label, value) {
    return [el('dt', {}, label), el('dd', {}, value)];
  }

  /**
   * The ties in two groups, so each reads as a phrase without naming the selected node every time:
   * "Node …" over "takes part in X" (its own ties), "… Node" over "Y takes part in" (ties to it).
   */
  function renderTies(node, ties, sources) {
    if (!ties.length) return el('p', { class: 'hint' }, t('noTies'));
    const group = (heading, members) => members.length
      ? [el('p', { class: 'tie-group' }, heading), el('ul', { class: 'ties' }, members.map(tie => renderTie(tie, sources)))]
      : [];
    return el('div', {},
        group(`${node.label} …`, ties.filter(tie => tie.outgoing)),
        group(`… ${node.label}`, ties.filter(tie => !tie.outgoing)));
  }

  function renderTie({ edge, outgoing, other }, sources) {
    const type = TIE_TYPES[state.lang][edge.type] ?? enumWords(edge.type);
    const otherButton = el('button', { type: 'button', class: 'link', onclick: () => selectNode(other.id) }, other.label);
    const phrase = outgoing ? [`${type} `, otherButton] : [otherButton, ` ${type}`];
    const meta = [
      edge.role ? `${t('role')}: ${roleText(edge.role)}` : null,
      edge.since || edge.until ? period(edge.since, edge.until) : t('noDates'),
      edge.basis === 'INFERRED' ? t('inferred') : null,
    ].filter(Boolean).join(' · ');
    return el('li', { class: 'tie', 'data-type': edge.type },
        el('span', { class: 'tie-phrase' }, ...phrase),
        el('span', { class: 'tie-meta' }, meta),
        renderSources(edge.sources, sources));
  }

  function renderSources(ids, sources) {
    if (!ids.length) return el('span', { class: 'tie-sources hint' }, t('noSources'));
    return el('span', { class: 'tie-sources' }, `${t('sources')}: `, ids.map((id, index) => {
      const source = sources.get(id);
      const title = source ? [source.title, source.date ? ` (${source.date})` : ''].join('') : id.replace(/^Source:/, '');
      const item = source?.url ? el('a', { href: source.url, rel: 'noopener noreferrer' }, title) : el('span', {}, title);
      return index ? ['; ', item] : [item];
    }));
  }

  function renderContent(contents) {
    const items = contents?.edges.map(edge => edge.node) ?? [];
    return el('section', { class: 'mentions' }, el('h3', {}, t('content')),
        items.length
          ? el('ul', {}, items.map(item => el('li', {}, el('strong', {}, item.title ?? ''),
              item.publishedAt ? ` (${item.publishedAt.slice(0, 10)})` : '', item.summary ? el('p', {}, item.summary) : null)))
          : el('p', { class: 'hint' }, t('noContent')));
  }

  // ------------------------------------------------------------------ the map

  function setUpTabs() {
    const tabs = [$('tab-graph'), $('tab-map')];
    tabs.forEach((tab, index) => {
      tab.addEventListener('click', () => openTab(tab));
      tab.addEventListener('keydown', event => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        const next = tabs[(index + step + tabs.length) % tabs.length];
        next.focus();
        openTab(next);
        event.preventDefault();
      });
    });
  }

  function openTab(tab) {
    for (const other of [$('tab-graph'), $('tab-map')]) {
      const chosen = other === tab;
      other.setAttribute('aria-selected', String(chosen));
      other.tabIndex = chosen ? 0 : -1;
      $(other.getAttribute('aria-controls')).hidden = !chosen;
    }
    if (tab.id === 'tab-map') {
      ensureMap();
      state.map.invalidateSize();
      renderMap(true);
    } else if (state.cy) {
      state.cy.resize();
    }
  }

  /** The map, made when first opened. A base layer only when one is configured: no tile server otherwise. */
  function ensureMap() {
    if (state.map) return;
    const map = L.map($('map'), { zoomSnap: 0.5 }).setView([51.45, 7.55], 8);
    if (state.settings.tileUrl) {
      L.tileLayer(state.settings.tileUrl, { attribution: escapeHtml(state.settings.tileAttribution), maxZoom: 19 }).addTo(map);
    } else {
      $('map').classList.add('blank');
    }
    L.control.scale({ imperial: false }).addTo(map);
    state.mapLayer = L.featureGroup().addTo(map);
    map.on('zoomend', spreadMarkers);
    state.map = map;
    window.explorer.map = map;
  }

  function escapeHtml(text) {
    const span = document.createElement('span');
    span.textContent = text ?? '';
    return span.innerHTML;
  }

  function placedNodes() {
    return (state.view?.nodes ?? []).filter(node =>
        Number.isFinite(node.coordinates?.latitude) && Number.isFinite(node.coordinates?.longitude));
  }

  /**
   * Markers for the nodes with coordinates and lines for the ties between them; a note says what is
   * missing. Many entries share a point (their city's), so markers on one point are set in a ring
   * around it, a fixed number of pixels wide at every zoom, where each can be seen and clicked.
   */
  function renderMap(fit = false) {
    const note = $('map-note');
    const placed = placedNodes();
    note.textContent = mapNote(placed);
    if (!state.map) return;
    state.mapLayer.clearLayers();
    state.mapMarkers = placed.map(node => ({ node, point: [node.coordinates.latitude, node.coordinates.longitude] }));
    state.mapLines = (state.view?.edges ?? []).map(edge => ({ edge,
      line: L.polyline([], { color: '#7d8794', weight: 1, opacity: 0.6, interactive: false }).addTo(state.mapLayer) }));
    for (const entry of state.mapMarkers) {
      const { node } = entry;
      const selected = node.id === state.selected;
      const where = node.coordinates.basis === 'REGION' ? ` (${t('mapRegionPoint')})` : '';
      entry.marker = L.circleMarker(entry.point, {
        radius: nodeSize(node.degree) / 4 + 3,
        color: selected ? '#111' : '#ffffff',
        weight: selected ? 3 : 1.5,
        fillColor: KIND_COLOURS[node.kind],
        fillOpacity: 0.9,
        className: 'marker',
      }).bindTooltip(node.label + where).on('click', () => selectNode(node.id)).addTo(state.mapLayer);
    }
    if (fit && placed.length) {
      state.map.fitBounds(L.latLngBounds(state.mapMarkers.map(entry => entry.point)).pad(0.15), { maxZoom: 12 });
    }
    spreadMarkers();
  }

  const RING_PIXELS = 14;

  /** Sets each marker at its point, or in a ring around it where several share the point; the lines follow. */
  function spreadMarkers() {
    if (!state.map) return;
    const byPoint = new Map();
    for (const entry of state.mapMarkers) {
      const key = entry.point.join(',');
      byPoint.set(key, [...(byPoint.get(key) ?? []), entry]);
    }
    const position = new Map();
    for (const group of byPoint.values()) {
      const centre = state.map.latLngToLayerPoint(group[0].point);
      const radius = group.length > 1 ? RING_PIXELS + 2 * group.length : 0;
      group.forEach((entry, index) => {
        const angle = (2 * Math.PI * index) / group.length;
        const spot = state.map.layerPointToLatLng(centre.add(L.point(radius * Math.cos(angle), radius * Math.sin(angle))));
        entry.marker.setLatLng(spot);
        position.set(entry.node.id, spot);
      });
    }
    for (const { edge, line } of state.mapLines) {
      line.setLatLngs(position.has(edge.source) && position.has(edge.target)
        ? [position.get(edge.source), position.get(edge.target)] : []);
    }
  }

  function mapNote(placed) {
    if (!state.view) return t('mapNothing');
    if (!hasCoordinates()) return t('mapNoField');
    if (!placed.length) return t('mapNone');
    const blank = state.settings.tileUrl ? '' : ` ${t('mapBlank')}`;
    return t('mapSome', placed.length, state.view.nodes.length) + blank;
  }

  // ------------------------------------------------------------------ downloads

  /** The export's query parameters: the same names as the network query's arguments. */
  function exportParameters() {
    const parameters = new URLSearchParams();
    const { type, key } = state.scope;
    parameters.set(type, key);
    if (type === 'organisation') parameters.set('depth', String(state.depth));
    if (state.year !== null) parameters.set('asOf', String(state.year));
    return parameters;
  }

  function renderExports() {
    const list = $('exports');
    if (!state.scope) {
      list.replaceChildren(el('li', { class: 'hint' }, t('downloadsNothing')));
      return;
    }
    const query = exportParameters().toString();
    list.replaceChildren(...EXPORTS.map(format => el('li', {},
        el('a', { href: `exports/network.${format.file}?${query}`, download: true, 'data-format': format.file }, format.label()))));
  }

  // ------------------------------------------------------------------ start

  async function start() {
    window.explorer = { cy: null, map: null, drawn: 0, get lastVariables() { return state.lastVariables; },
      get loads() { return state.loads; } };
    state.lang = initialLanguage();
    applyLanguage();
    document.querySelectorAll('button.lang').forEach(button =>
        button.addEventListener('click', () => switchLanguage(button.dataset.lang)));
    setUpSelection();
    setUpSlider();
    setUpTabs();
    setUpNodeList();
    renderNodeList();
    renderExports();
    renderMap();
    try {
      await Promise.all([readNodeFields(), readSettings()]);
      await refreshChoices();
    } catch (error) {
      showFailure(error);
    }
  }

  start();
})();
