// Times the main page queries against a running hub, interleaved, and prints each one's median (ms).
//   node bench/pages.mjs PORT ROUNDS [BUSIEST]   (ONLY=regex picks queries by name)
// The documents are the benchmark's own (src/test/resources/graphql-test/); every answer is checked
// for errors before its time counts. Loopback only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [port, roundsArg, busiest = 'syn-org-1'] = process.argv.slice(2);
const rounds = Number(roundsArg) || 20;
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src/test/resources/graphql-test');
const doc = (name) => fs.readFileSync(path.join(dir, name + '.graphql'), 'utf8');
const region = 'amr-westfaelisches-ruhrgebiet';
const district = 'kreis-olpe';
const window = { from: '2019', to: '2020' };
const all = [
  ['partners, labour-market region', 'partnersInRegion', { region, first: 20 }],
  ['partners, NRW', 'partnersInRegion', { region: 'nrw', first: 20 }],
  ['partners, district', 'partnersInRegion', { region: district, first: 20 }],
  ['collaborations, labour-market region', 'collaborationsInRegion', { region, first: 20 }],
  ['collaborations, NRW', 'collaborationsInRegion', { region: 'nrw', first: 20 }],
  ['collaborations, district', 'collaborationsInRegion', { region: district, first: 20 }],
  ['collaborations 2019-2020, labour-market region', 'collaborationsInWindow', { region, ...window, first: 20 }],
  ['collaborations 2019-2020, NRW', 'collaborationsInWindow', { region: 'nrw', ...window, first: 20 }],
  ['collaborations 2019-2020, district', 'collaborationsInWindow', { region: district, ...window, first: 20 }],
  ['collaborations, busiest organisation', 'collaborationsInRegion', { organisation: busiest, first: 20 }],
  ['collaborations, NRW, pairs and weights only', 'collaborationsStrongest', { region: 'nrw', first: 20 }],
  ['network, labour-market region, 500 nodes', 'networkView', { region, limit: 500 }],
  ['network 2019-2020, labour-market region, 500 nodes', 'networkView', { region, ...window, limit: 500 }],
  ['network, busiest organisation, 500 nodes', 'networkView', { organisation: busiest, limit: 500 }],
];
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
const benches = all.filter(([name]) => !only || only.test(name));

async function once([name, document, variables]) {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: doc(document), variables }),
  });
  const answer = await response.json();
  const millis = performance.now() - started;
  if (!response.ok || answer.errors) {
    throw new Error(`${name}: HTTP ${response.status} ${JSON.stringify(answer.errors ?? '').slice(0, 300)}`);
  }
  return millis;
}

const times = benches.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < benches.length; i++) {
    times[i].push(await once(benches[i]));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
benches.forEach(([name], i) => console.log(`${median(times[i]).toFixed(1).padStart(7)}  ${name}`));
