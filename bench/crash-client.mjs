// The client of bench/crash.sh (node 20, no packages): streams edits to the hub and kills it, or
// checks after the restart that every acknowledged edit is there.
//
//   node bench/crash-client.mjs stream   # env: URL TOKEN LOG HUB_PID KILL_AFTER WORKERS MAX_EDITS MAX_SECONDS RUN
//   node bench/crash-client.mjs verify   # env: URL TOKEN LOG; prints a JSON summary; exit 1 if an acknowledged
//                                        # edit is missing or one answered with an error happened
//
// The log has one JSON object a line: "sent" before a mutation leaves, then "ack" (HTTP 200 with data
// and no errors), "refused" (an answer with errors) or "failed" (no answer: the hub is gone), and one
// "kill" line with the edits in flight when the hub was killed. Only "ack" counts as acknowledged.
import { appendFileSync, readFileSync } from 'node:fs';

const env = process.env;
const URL = env.URL;
const TOKEN = env.TOKEN;
const LOG = env.LOG;

if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(URL ?? '')) {
  throw new Error(`only loopback: URL must be http://127.0.0.1:<port>/..., was ${URL}`);
}

async function graphql(query, variables = {}, timeoutMs = 30_000) {
  const response = await fetch(URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, body };
}

const acknowledged = (answer) => answer.status === 200 && answer.body.data && !answer.body.errors?.length;
const classification = (answer) => answer.body.errors?.[0]?.extensions?.classification ?? `HTTP ${answer.status}`;

function log(entry) {
  // Synchronous, so an acknowledgement is on disk before anything else happens (the kill included).
  appendFileSync(LOG, JSON.stringify({ ...entry, t: Date.now() }) + '\n');
}

async function keys(root, extra = '') {
  const found = [];
  let after = null;
  for (;;) {
    const answer = await graphql(`query($after: String) { ${root}(first: 100, after: $after${extra}) {
      edges { node { id key } } pageInfo { hasNextPage endCursor } } }`, { after });
    if (!acknowledged(answer)) throw new Error(`${root}: ${JSON.stringify(answer.body)}`);
    const page = answer.body.data[root];
    found.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return found;
    after = page.pageInfo.endCursor;
  }
}

const ADD = `mutation($input: AddRelationshipInput!) {
  addRelationship(input: $input) { id relationship { role version sources { key } } } }`;
const VERSION = `query($id: ID!) { organisation(id: $id) { version } }`;
const UPDATE = `mutation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { key version note } } }`;

async function stream() {
  const pid = Number(env.HUB_PID);
  const killAfter = Number(env.KILL_AFTER ?? 50);
  const workers = Number(env.WORKERS ?? 4);
  const maxEdits = Number(env.MAX_EDITS ?? 400);
  const deadline = Date.now() + Number(env.MAX_SECONDS ?? 120) * 1000;
  const run = env.RUN ?? 'crash';
  const organisations = await keys('organisations');
  const contexts = [...await keys('projects'), ...await keys('events')];
  const sources = await keys('sources');
  // A few organisations every worker updates, so that updates meet stale versions (CONFLICT).
  const hot = organisations.slice(0, 4).map((o) => o.key);
  let next = 0;
  let acks = 0;
  let killed = false;
  const inFlight = new Map();
  let seed = Number(env.RANDOM_SEED ?? Date.now()) % 2147483647 || 1;
  const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646;
  const pick = (list) => list[Math.floor(random() * list.length)];

  function kill(reason) {
    if (killed) return;
    killed = true;
    log({ event: 'kill', reason, acks, inFlight: [...inFlight.keys()] });
    process.kill(pid, 'SIGKILL');
  }

  async function send(edit, query, variables) {
    log({ event: 'sent', ...edit });
    inFlight.set(edit.id, edit.kind);
    try {
      const answer = await graphql(query, variables);
      if (acknowledged(answer)) {
        const data = answer.body.data;
        const result = edit.kind === 'add'
          ? { relationship: data.addRelationship.id, version: data.addRelationship.relationship.version }
          : { version: data.updateOrganisation.organisation.version, note: data.updateOrganisation.organisation.note };
        log({ event: 'ack', ...edit, ...result });
        acks++;
        return { ok: true };
      }
      log({ event: 'refused', ...edit, classification: classification(answer), message: answer.body.errors?.[0]?.message });
      return { ok: false, classification: classification(answer), answer };
    } catch (error) {
      log({ event: 'failed', ...edit, error: String(error.cause?.code ?? error.name ?? error) });
      return { ok: false, gone: true };
    } finally {
      inFlight.delete(edit.id);
      if (acks >= killAfter) kill(`${acks} acknowledged edits`);
    }
  }

  async function add(id) {
    const organisation = pick(organisations).key;
    const context = pick(contexts);
    const edit = {
      id, kind: 'add', from: organisation, to: context.id, role: pick(['PARTICIPANT', 'PARTNER']), source: pick(sources).key,
    };
    return send(edit, ADD, { input: {
      type: 'PARTICIPATES_IN', from: edit.from, to: edit.to, role: edit.role, basis: 'STATED',
      sources: [edit.source], comment: `${run} #${id}`,
    } });
  }

  async function update(id) {
    const organisation = pick(hot);
    const note = `${run} #${id}`;
    for (let attempt = 1; attempt <= 20 && !killed; attempt++) {
      let current;
      try {
        current = await graphql(VERSION, { id: organisation });
      } catch {
        return { ok: false, gone: true };
      }
      if (!acknowledged(current)) return { ok: false };
      const version = current.body.data.organisation.version;
      const outcome = await send({ id, kind: 'update', organisation, note, against: version, attempt }, UPDATE,
        { input: { organisation, version, note, comment: `${run} #${id}` } });
      if (outcome.ok || outcome.gone || outcome.classification !== 'CONFLICT') return outcome;
    }
    return { ok: false };
  }

  async function worker() {
    while (!killed && next < maxEdits) {
      if (Date.now() > deadline) {
        kill('time bound');
        break;
      }
      const id = ++next;
      const outcome = random() < 0.6 ? await add(id) : await update(id);
      if (outcome.gone) break;
    }
  }

  const started = Date.now();
  await Promise.all(Array.from({ length: workers }, worker));
  if (!killed) kill('edit bound');
  console.log(JSON.stringify({ acks, seconds: (Date.now() - started) / 1000 }));
}

const PARTICIPANTS = `query($id: ID!, $after: String) { node(id: $id) {
  ... on Project { participants(first: 100, after: $after) { ...page } }
  ... on Event { participants(first: 100, after: $after) { ...page } } } }
fragment page on RelationshipConnection {
  edges { node { id } relationship { role sources { key } } } pageInfo { hasNextPage endCursor } }`;
const ORGANISATION = `query($id: ID!, $after: String) { organisation(id: $id) { version note
  revisions(first: 100, after: $after) { edges { node { version changes { field to } } } pageInfo { hasNextPage endCursor } } } }`;

async function pages(query, id, connection) {
  const edges = [];
  let after = null;
  let first;
  for (;;) {
    const answer = await graphql(query, { id, after });
    if (!acknowledged(answer)) throw new Error(`${id}: ${JSON.stringify(answer.body)}`);
    first ??= answer.body.data;
    const page = connection(answer.body.data);
    edges.push(...page.edges);
    if (!page.pageInfo.hasNextPage) return { first, edges };
    after = page.pageInfo.endCursor;
  }
}

async function verify() {
  const entries = readFileSync(LOG, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const acks = entries.filter((e) => e.event === 'ack');
  const answered = new Set(entries.filter((e) => ['ack', 'refused'].includes(e.event)).map((e) => `${e.id}/${e.attempt ?? 1}`));
  const unanswered = entries.filter((e) => e.event === 'sent' && !answered.has(`${e.id}/${e.attempt ?? 1}`));
  const missing = [];
  const summary = { acknowledged: acks.length, acknowledgedAdds: 0, acknowledgedUpdates: 0, found: 0, missing,
    unansweredEdits: unanswered.length, unansweredFoundCommitted: 0 };

  const participants = new Map();
  async function participantsOf(context) {
    if (!participants.has(context)) {
      const { edges } = await pages(PARTICIPANTS, context, (data) => data.node.participants);
      participants.set(context, edges);
    }
    return participants.get(context);
  }
  const present = async (edit) => (await participantsOf(edit.to)).some((edge) => edge.node.id === `Organisation:${edit.from}`
    && edge.relationship.role === edit.role && edge.relationship.sources.some((s) => s.key === edit.source));

  const organisations = new Map();
  async function organisation(key) {
    if (!organisations.has(key)) {
      const { first, edges } = await pages(ORGANISATION, key, (data) => data.organisation.revisions);
      const notes = new Map(edges.map((edge) => [edge.node.version,
        edge.node.changes.find((c) => c.field === 'note')?.to]));
      organisations.set(key, { version: first.organisation.version, note: first.organisation.note, notes });
    }
    return organisations.get(key);
  }

  const latestAck = new Map();
  for (const edit of acks) {
    if (edit.kind === 'add') {
      summary.acknowledgedAdds++;
      if (await present(edit)) summary.found++;
      else missing.push(edit);
    } else {
      summary.acknowledgedUpdates++;
      const now = await organisation(edit.organisation);
      // The revision of the acknowledged version holds its note, and the organisation is at that
      // version or a later one.
      if (now.version >= edit.version && now.notes.get(edit.version) === JSON.stringify(edit.note)) summary.found++;
      else missing.push({ ...edit, foundVersion: now.version, foundNote: now.notes.get(edit.version) ?? null });
      if ((latestAck.get(edit.organisation)?.version ?? 0) < edit.version) latestAck.set(edit.organisation, edit);
    }
  }
  // Each updated organisation shows the newest acknowledged note, or one sent later whose answer
  // never came (committed, then the hub was killed before it answered).
  summary.updatedOrganisations = [];
  for (const [key, edit] of latestAck) {
    const now = await organisation(key);
    const later = unanswered.filter((e) => e.kind === 'update' && e.organisation === key).map((e) => e.note);
    const ok = now.note === edit.note || (now.version > edit.version && later.includes(now.note));
    summary.updatedOrganisations.push({ key, acknowledgedVersion: edit.version, version: now.version, note: now.note, ok });
    if (!ok) missing.push({ ...edit, problem: 'current note is neither the newest acknowledged one nor a later one in flight', now });
  }
  const committed = async (edit) => (edit.kind === 'add' ? present(edit)
    : (await organisation(edit.organisation)).notes.get(edit.against + 1) === JSON.stringify(edit.note));
  for (const edit of unanswered) {
    if (await committed(edit)) summary.unansweredFoundCommitted++;
  }
  // An edit answered with an error must not have happened. Not looked up: a refused add of a
  // relationship that exists already, or that another edit of the run states (it is there).
  const tie = (e) => `${e.from}|${e.to}|${e.role}`;
  const statedElsewhere = new Set(entries.filter((e) => e.kind === 'add' && (e.event === 'ack'
    || (e.event === 'sent' && unanswered.includes(e)))).map(tie));
  const failures = entries.filter((e) => e.event === 'refused' && e.classification !== 'CONFLICT'
    && !/exists already/.test(e.message ?? '') && !(e.kind === 'add' && statedElsewhere.has(tie(e))));
  summary.refusedLookedUp = failures.length;
  summary.refusedFoundCommitted = [];
  for (const edit of failures) {
    if (await committed(edit)) summary.refusedFoundCommitted.push(edit);
  }
  console.log(JSON.stringify(summary));
  process.exitCode = missing.length === 0 && summary.refusedFoundCommitted.length === 0 ? 0 : 1;
}

const mode = process.argv[2];
if (mode === 'stream') await stream();
else if (mode === 'verify') await verify();
else throw new Error('usage: crash-client.mjs stream|verify');
