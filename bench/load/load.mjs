// Mixed reads and writes against one hub, each operation at its own fixed rate, all at once, for a
// bounded time (loopback only): node load.mjs <base url> <admin token> <seconds> <requests per second>
// Prints one JSON object: per operation the requests sent, the errors (an HTTP status other than
// 2xx or 304, a GraphQL error, a timeout) and the latency percentiles in milliseconds.
import autocannon from 'autocannon';

const [base, token, seconds = '60', rate = '200'] = process.argv.slice(2);
if (!base || !token) {
  console.error('usage: node load.mjs <base url> <admin token> [seconds] [requests per second]');
  process.exit(2);
}
const duration = Number(seconds);
const total = Number(rate);
const url = `${base}/graphql`;
const json = { 'content-type': 'application/json' };
const post = (query, variables = {}) => JSON.stringify({ query, variables });

// The share of each operation in the requests per second, as a partner site and an editor make them.
const reads = {
  organisation: {
    share: 0.2,
    body: post(`{ organisation(slug: "whkt") { name memberOf { edges { node { id ... on Organisation { name } } } }
                 participations { totalCount edges { node { id } } } } }`),
  },
  organisations50: {
    share: 0.15,
    body: post('{ organisations(first: 50) { edges { node { name memberOf { edges { node { id ... on Organisation { name } } } } } } } }'),
  },
  partners: {
    share: 0.15,
    body: post('{ partners(region: "amr-westfaelisches-ruhrgebiet", first: 20) { totalCount edges { node { name } } } }'),
  },
  collaborations: {
    share: 0.15,
    body: post('{ collaborations(region: "duesseldorf", first: 20) { edges { node { weight organisationA { name } organisationB { name } } } } }'),
  },
};
const getQuery = '{ regions(first: 20) { edges { node { name } } } }';
const getPath = `/graphql?query=${encodeURIComponent(getQuery)}`;

async function graphql(body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { ...json, ...headers }, body });
  return response.json();
}

const results = {};
const errors = (name) => (results[name] ??= { graphqlErrors: 0, badStatus: 0, sample: null });
const checkBody = (name) => (status, body) => {
  if (status === 304) return;
  const counted = errors(name);
  if (status < 200 || status >= 300) {
    counted.badStatus++;
  } else if (body && body.includes('"errors"')) {
    counted.graphqlErrors++;
  } else {
    return;
  }
  counted.sample ??= `${status} ${String(body).slice(0, 300)}`;
};

function run(name, options) {
  errors(name);
  return new Promise((resolve, reject) => {
    autocannon({ url, duration, timeout: 10, ...options }, (error, result) => (error ? reject(error) : resolve([name, result])));
  });
}

// Writes: one editor changes the note of one organisation, each change with the version the last one returned.
const organisation = 'welcome-points-duesseldorf';
const start = await graphql(post('query($slug: String!) { organisation(slug: $slug) { version } }', { slug: organisation }));
let version = start.data.organisation.version;
const update = `mutation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { version } } }`;
let written = 0;

// Reads by GET as a CDN revalidates them: with the ETag of the last answer.
let etag = null;

const runs = [
  ...Object.entries(reads).map(([name, read]) => run(name, {
    connections: 4,
    overallRate: Math.max(1, Math.round(total * read.share)),
    requests: [{ method: 'POST', headers: json, body: read.body, onResponse: checkBody(name) }],
  })),
  run('getRevalidated', {
    connections: 4,
    overallRate: Math.max(1, Math.round(total * 0.3)),
    requests: [{
      method: 'GET',
      path: getPath,
      setupRequest: (request) => ({ ...request, headers: etag ? { 'if-none-match': etag } : {} }),
      onResponse: (status, body, context, headers) => {
        checkBody('getRevalidated')(status, body);
        for (const [name, value] of Object.entries(headers ?? {})) {
          if (name.toLowerCase() === 'etag') etag = String(value);
        }
      },
    }],
  }),
  run('write', {
    connections: 1,
    overallRate: Math.max(1, Math.round(total * 0.05)),
    requests: [{
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${token}` },
      setupRequest: (request) => ({
        ...request,
        body: post(update, { input: { organisation, version, note: `load ${Date.now()}` } }),
      }),
      onResponse: (status, body) => {
        checkBody('write')(status, body);
        try {
          const answer = JSON.parse(body);
          const next = answer?.data?.updateOrganisation?.organisation?.version;
          if (next) {
            version = next;
            written++;
          }
        } catch {
          // counted as an error above
        }
      },
    }],
  }),
];

const finished = await Promise.all(runs);
const operations = {};
let sent = 0;
let failed = 0;
for (const [name, result] of finished) {
  const counted = results[name];
  const errorCount = counted.graphqlErrors + counted.badStatus + result.errors + result.timeouts;
  sent += result.requests.total;
  failed += errorCount;
  operations[name] = {
    requests: result.requests.total,
    perSecond: Math.round((result.requests.total / duration) * 10) / 10,
    errors: errorCount,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    statusCodes: result.statusCodeStats,
    firstError: counted.sample,
  };
}
console.log(JSON.stringify({ seconds: duration, targetPerSecond: total, sent, perSecond: Math.round((sent / duration) * 10) / 10,
  errors: failed, written, operations }, null, 1));
process.exit(0);
