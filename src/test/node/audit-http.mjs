// Runs the graphql-http server audit against a hub: node audit-http.mjs http://127.0.0.1:8080/graphql
// Prints one JSON object: {ok, total, failures: [{id, name, reason}]}; exits 0 once every check is ok.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit-http.mjs <url of /graphql>');
  process.exit(2);
}
const failures = [];
let total = 0;
for (const audit of serverAudits({ url })) {
  total++;
  const result = await audit.fn();
  if (result.status !== 'ok') {
    failures.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason });
  }
}
console.log(JSON.stringify({ ok: total - failures.length, total, failures }, null, 1));
process.exit(failures.length === 0 ? 0 : 1);
