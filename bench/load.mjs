// The load generator of the score-submission benchmark, run as its own process (the server under
// test runs in another): autocannon posting score changes, each request with fresh revisions so
// that every request writes. Argument: a JSON config; prints one JSON line with the figures.
//
// config: { url, path, connections, duration, changesPerRequest, revisionBase,
//           bindings: [{ token, entrants: [id...] }], criteria: [code...] }
// Bindings are taken round-robin, request by request (autocannon keeps no per-connection state).
import autocannon from 'autocannon';

const cfg = JSON.parse(process.argv[2]);
// One counter per field (juror, entrant, criterion), as a tablet counts: +1 from the last one.
const counters = new Map();
let maxUsed = 0;
const nextRevision = (b, entrantId, criterion) => {
  const key = `${b.juror ?? b.token}:${entrantId}:${criterion}`;
  const used = (counters.get(key) ?? 0) + 1;
  counters.set(key, used);
  maxUsed = Math.max(maxUsed, used);
  return cfg.revisionBase + used;
};
let next = 0;

function body() {
  const b = cfg.bindings[next++ % cfg.bindings.length];
  const n = cfg.changesPerRequest;
  const slot = Math.floor(next / cfg.bindings.length);
  const changes = [];
  if (n === 1) {
    // one tap: walk the binding's entrants × criteria
    const entrantId = b.entrants[slot % b.entrants.length];
    const criterion = cfg.criteria[Math.floor(slot / b.entrants.length) % cfg.criteria.length];
    const revision = nextRevision(b, entrantId, criterion);
    changes.push({ kind: 'score', entrantId, criterion, value: 1 + (revision % 10), revision });
  } else {
    // a scorecard: n criteria of one entrant
    const entrantId = b.entrants[slot % b.entrants.length];
    for (let i = 0; i < n; i++) {
      const criterion = cfg.criteria[i % cfg.criteria.length];
      const revision = nextRevision(b, entrantId, criterion);
      changes.push({ kind: 'score', entrantId, criterion, value: 1 + (revision % 10), revision });
    }
  }
  return { token: b.token, changes };
}

const result = await autocannon({
  url: cfg.url,
  connections: cfg.connections,
  duration: cfg.duration,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path: cfg.path,
      setupRequest: (req) => {
        const { token, changes } = body();
        return {
          ...req,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ changes }),
        };
      },
    },
  ],
});

const ok = result['2xx'];
console.log(
  JSON.stringify({
    connections: cfg.connections,
    rps: result.requests.average,
    okPerSecond: ok / (result.duration || cfg.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    duration: result.duration,
    revisionsUsed: maxUsed,
  }),
);
