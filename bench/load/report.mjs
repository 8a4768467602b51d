// Turns the JSON of load.mjs into the table of bench/load.sh: node report.mjs <load.json>
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
console.log(`Sent ${r.sent} requests (${r.perSecond}/s of ${r.targetPerSecond}/s asked), errors ${r.errors}; writes that went through: ${r.written}.`);
console.log('');
console.log('| operation | requests | per s | errors | p50 ms | p90 ms | p99 ms | max ms | statuses |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [name, o] of Object.entries(r.operations)) {
  const statuses = Object.entries(o.statusCodes).map(([code, s]) => `${code}: ${s.count}`).join(', ');
  console.log(`| ${name} | ${o.requests} | ${o.perSecond} | ${o.errors} | ${o.p50} | ${o.p90} | ${o.p99} | ${o.max} | ${statuses} |`);
}
for (const [name, o] of Object.entries(r.operations)) {
  if (o.firstError) console.log(`\nFirst error of ${name}: ${o.firstError.replaceAll('|', '/')}`);
}
