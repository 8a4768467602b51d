// Turns the JSON of compare.mjs into the Markdown of bench/results/peer-<date>.md: per query the
// requests per second of hub and peer in each round, the ratio of each round, and their median.
//   node report.mjs <compare.json>
import { readFileSync } from 'node:fs';

const result = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fixed = (value, digits = 0) => value.toFixed(digits);

console.log('| query | hub req/s by round | peer req/s by round | ratio by round | median ratio | hub p50 ms | peer p50 ms | failed |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, query] of Object.entries(result.queries)) {
  const of = (server) => result.runs.filter((run) => run.query === name && run.server === server);
  const hub = of('hub');
  const peer = of('peer');
  const ratios = hub.map((run, i) => run.perSecond / peer[i].perSecond);
  const failed = [...hub, ...peer].reduce((sum, run) => sum + run.failed, 0);
  console.log(`| ${name}: ${query.about} | ${hub.map((r) => fixed(r.perSecond)).join(', ')} | ${peer.map((r) => fixed(r.perSecond)).join(', ')}`
    + ` | ${ratios.map((r) => fixed(r, 2)).join(', ')} | **${fixed(median(ratios), 2)}×** | ${median(hub.map((r) => r.p50))}`
    + ` | ${median(peer.map((r) => r.p50))} | ${failed} |`);
}
console.log();
console.log(`Equality check before timing: ${Object.entries(result.check).map(([name, c]) => `${name} ${c.same ? 'same' : 'DIFFERENT'}`).join(', ')}.`);
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
