// The client of bench/peer.sh: four equivalent queries against the hub and the peer, first checked to
// answer the same, then timed with autocannon, hub and peer in turn (another one first every round),
// each run the same connections for the same seconds on loopback.
//   node compare.mjs <hub url> <peer url> <seconds per run> <rounds> <connections> <warm-up seconds> [<second hub url>]
// A second hub, when given, is timed as a third server ('uncached': a hub with its answer cache off,
// on the same database), so that the engine's own speed is seen beside the shipped hub's.
// The warm-up (each query on each server, not reported) lets both JITs compile the hot paths first.
// Prints one JSON object: per query the requests per second and latencies of every run, and the check.
import autocannon from 'autocannon';
import { isDeepStrictEqual } from 'node:util';

const [hub, peer, seconds = '10', rounds = '3', connections = '10', warmup = '10', uncached] = process.argv.slice(2);
if (!hub || !peer) {
  console.error('usage: node compare.mjs <hub url> <peer url> [seconds per run] [rounds] [connections] [warm-up seconds]');
  process.exit(2);
}

// Each query: the hub's text, the peer's text, and for each a function from its data to one common
// shape (names, keys, weights and counts, in the order given), so that the two can be compared.
const queries = {
  organisation: {
    about: 'an organisation with its nested lists (memberships, participations with their count)',
    hub: `{ organisation(slug: "whkt") { name
             memberOf(first: 10) { edges { node { ... on Organisation { key name } } } }
             participations(first: 10) { totalCount edges { node { ... on Project { key } ... on Event { key } } } } } }`,
    peer: `{ organisations(where: { slug: { eq: "whkt" } }) { name
              memberOfConnection(first: 10, sort: [{ node: { sortName: ASC } }, { node: { key: ASC } }]) { edges { node { key name } } }
              participationsConnection(first: 10, sort: [{ node: { sortName: ASC } }, { node: { key: ASC } }]) { totalCount edges { node { key } } } } }`,
    fromHub: (d) => ({
      name: d.organisation.name,
      memberOf: d.organisation.memberOf.edges.map((e) => e.node),
      participations: d.organisation.participations.totalCount,
      contexts: d.organisation.participations.edges.map((e) => e.node.key),
    }),
    fromPeer: (d) => ({
      name: d.organisations[0].name,
      memberOf: d.organisations[0].memberOfConnection.edges.map((e) => e.node),
      participations: d.organisations[0].participationsConnection.totalCount,
      contexts: d.organisations[0].participationsConnection.edges.map((e) => e.node.key),
    }),
  },
  organisations50: {
    about: '50 organisations with a nested list (their memberships)',
    hub: `{ organisations(first: 50) { edges { node { name
             memberOf(first: 10) { edges { node { ... on Organisation { key name } } } } } } } }`,
    peer: `{ organisations(limit: 50, sort: [{ sortName: ASC }, { key: ASC }]) { name
              memberOf(limit: 10, sort: [{ sortName: ASC }, { key: ASC }]) { key name } } }`,
    fromHub: (d) => d.organisations.edges.map((e) => ({ name: e.node.name, memberOf: e.node.memberOf.edges.map((m) => m.node) })),
    fromPeer: (d) => d.organisations.map((o) => ({ name: o.name, memberOf: o.memberOf })),
  },
  partners: {
    about: 'partners of a labour-market region (a page of 20 and the total)',
    hub: `{ partners(region: "amr-westfaelisches-ruhrgebiet", first: 20) { totalCount edges { node { name } } } }`,
    peer: `{ regions(where: { key: { eq: "amr-westfaelisches-ruhrgebiet" } }) {
              partnersConnection(first: 20, sort: [{ node: { sortName: ASC } }, { node: { key: ASC } }]) { totalCount edges { node { name } } } } }`,
    fromHub: (d) => ({ total: d.partners.totalCount, names: d.partners.edges.map((e) => e.node.name) }),
    fromPeer: (d) => ({
      total: d.regions[0].partnersConnection.totalCount,
      names: d.regions[0].partnersConnection.edges.map((e) => e.node.name),
    }),
  },
  collaborations: {
    about: 'collaborations in the state (the 20 strongest pairs, both organisations named)',
    hub: `{ collaborations(region: "nrw", first: 20) { edges { node { weight organisationA { name } organisationB { name } } } } }`,
    peer: `{ collaborations(where: { rankNrw: { startsWith: "" } }, sort: [{ rankNrw: ASC }], limit: 20) {
              weight organisationA { name } organisationB { name } } }`,
    fromHub: (d) => d.collaborations.edges.map((e) => e.node),
    fromPeer: (d) => d.collaborations,
  },
};

const endpoints = { hub: `${hub}/graphql`, ...(uncached ? { uncached: `${uncached}/graphql` } : {}), peer };
const servers = Object.keys(endpoints);
const text = (q, server) => (server === 'peer' ? q.peer : q.hub);
const shape = (q, server, data) => (server === 'peer' ? q.fromPeer(data) : q.fromHub(data));
const body = (query) => JSON.stringify({ query });

async function ask(url, query) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(query) });
  const answer = await response.json();
  if (response.status !== 200 || answer.errors) {
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer).slice(0, 400)}`);
  }
  return answer.data;
}

// The check: all answer the same, and not nothing.
const check = {};
for (const [name, q] of Object.entries(queries)) {
  const answers = {};
  for (const server of servers) {
    answers[server] = shape(q, server, await ask(endpoints[server], text(q, server)));
  }
  const same = servers.every((server) => isDeepStrictEqual(answers[server], answers.hub));
  const size = JSON.stringify(answers.hub).length;
  check[name] = { same, size };
  if (!same || size < 50) {
    console.error(`${name}: the servers do not answer the same\n${servers.map((server) => `${server}: ${JSON.stringify(answers[server])}`).join('\n')}`);
    process.exit(1);
  }
}

function timed(server, q, duration = Number(seconds)) {
  return new Promise((resolve, reject) => {
    autocannon({
      url: endpoints[server],
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(text(q, server)),
      connections: Number(connections),
      duration,
      timeout: 10,
    }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

for (const q of Object.values(queries)) {
  for (const server of servers) {
    await timed(server, q, Number(warmup));
  }
}

const runs = [];
for (let round = 1; round <= Number(rounds); round++) {
  for (const [name, q] of Object.entries(queries)) {
    // Each round starts with another server: hub first, then the next one, and so on.
    const order = servers.map((_, i) => servers[(i + round - 1) % servers.length]);
    for (const server of order) {
      const result = await timed(server, q);
      const failed = result.errors + result.timeouts + result.non2xx;
      runs.push({
        round, query: name, server,
        requests: result.requests.total, perSecond: result.requests.total / Number(seconds), failed,
        p50: result.latency.p50, p99: result.latency.p99,
      });
    }
  }
}

console.log(JSON.stringify({
  seconds: Number(seconds), rounds: Number(rounds), connections: Number(connections), warmup: Number(warmup),
  queries: Object.fromEntries(Object.entries(queries).map(([n, q]) => [n, { about: q.about, hub: q.hub, peer: q.peer }])),
  servers, check, runs,
}));
