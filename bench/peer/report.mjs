// Turns the JSON of compare.mjs into the Markdown of bench/results/peer-<date>.md: per query the
// requests per second of each server in each round, the ratio to the peer in each round, and the
// median of those ratios.
//   node report.mjs <compare.json>
import { readFileSync } from 'node:fs';

const result = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fixed = (value, digits = 0) => value.toFixed(digits);
const hubs = result.servers.filter((server) => server !== 'peer');
const label = { hub: 'hub', uncached: 'hub, answer cache off', peer: 'peer' };

console.log(`| query | ${result.servers.map((s) => `${label[s]} req/s by round`).join(' | ')} | ${hubs.map((s) => `${label[s]} / peer by round | median`).join(' | ')} | p50 ms (${result.servers.map((s) => label[s]).join(', ')}) | failed |`);
console.log(`|---|${result.servers.map(() => '---|').join('')}${hubs.map(() => '---|---|').join('')}---|---|`);
for (const [name, query] of Object.entries(result.queries)) {
  const of = (server) => result.runs.filter((run) => run.query === name && run.server === server);
  const peer = of('peer');
  const cells = result.servers.map((server) => of(server).map((r) => fixed(r.perSecond)).join(', '));
  const ratios = hubs.map((server) => {
    const each = of(server).map((run, i) => run.perSecond / peer[i].perSecond);
    return `${each.map((r) => fixed(r, 2)).join(', ')} | **${fixed(median(each), 2)}×**`;
  });
  const p50 = result.servers.map((server) => median(of(server).map((r) => r.p50))).join(', ');
  const failed = result.runs.filter((run) => run.query === name).reduce((sum, run) => sum + run.failed, 0);
  console.log(`| ${name}: ${query.about} | ${cells.join(' | ')} | ${ratios.join(' | ')} | ${p50} | ${failed} |`);
}
console.log();
console.log(`Equality check before timing (${result.servers.map((s) => label[s]).join(', ')}): ${Object.entries(result.check)
  .map(([name, c]) => `${name} ${c.same ? 'same' : 'DIFFERENT'}`).join(', ')}.`);
console.log();
console.log('The queries, hub first, then peer:');
for (const [name, query] of Object.entries(result.queries)) {
  console.log();
  console.log(`- ${name}`);
  console.log('  ```graphql');
  for (const text of [query.hub, query.peer]) {
    console.log(`  ${text.replace(/\s+/g, ' ')}`);
  }
  console.log('  ```');
}
