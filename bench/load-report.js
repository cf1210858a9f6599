// Turns the results of bench/load.sh (load generator JSON, Candor's heap histogram totals and flight-recording
// samples) into the markdown tables README quotes. Usage: node bench/load-report.js <results folder>
'use strict';
const fs = require('fs');
const path = require('path');
const dir = process.argv[2] || 'target/load';
const read = (f) => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch (e) { return null; } };
const files = fs.readdirSync(dir);
const P99_LIMIT_MS = 100;

const servers = [['Candor', 'candor'], ['Node `ws` (canned)', 'node-ws'], ['FastAPI native WS (canned)', 'py-ws']];
const rows = [];
const sweeps = [];
for (const [name, key] of servers) {
  const paced = files.map((f) => f.match(new RegExp(`^${key}-paced-(\\d+)\\.json$`))).filter(Boolean)
    .map((m) => read(m[0])).filter(Boolean).sort((a, b) => a.n - b.n);
  const closed = read(`${key}-closed.json`);
  if (!paced.length && !closed) continue;
  const ok = paced.filter((r) => r.rtt_ms.p99 !== null && r.rtt_ms.p99 <= P99_LIMIT_MS && r.sessions_failed === 0);
  const best = ok.length ? Math.max(...ok.map((r) => r.n)) : null;
  const held = best === null ? (paced.length ? `< ${paced[0].n}` : '-')
    : best === paced[paced.length - 1].n ? `≥ ${best}` : `${best}`;
  const cpuPerAnswer = closed && closed.server && closed.answers_per_s > 0
    ? (closed.server.cpu_pct_window * 10 / closed.answers_per_s).toFixed(2) : '-';
  const largest = paced[paced.length - 1];
  const rssPerHeld = largest && largest.server
    ? Math.round((largest.server.rss_peak_mb - largest.server.rss_idle_mb) * 1024 / largest.n) : '-';
  rows.push(`| ${name} | ${held} | ${closed ? closed.answers_per_s : '-'} | ${cpuPerAnswer} | ${rssPerHeld} |`);
  for (const r of paced) {
    const errors = Object.entries(r.errors || {}).map(([k, v]) => `${v}× ${k}`).join('; ') || '-';
    sweeps.push(`| ${name} | ${r.n} | ${r.concurrent_sessions_mean} | ${r.answers_per_s} | ${r.rtt_ms.p50} | ${r.rtt_ms.p99} | ` +
      `${r.start_ms.p50} | ${r.sessions_failed} | ${r.server ? r.server.cpu_pct_window : '-'} | ${r.client.cpu_pct} | ` +
      `${r.machine.other_pct_window} | ${errors} |`);
  }
}

console.log(`## Load, ${new Date().toISOString().slice(0, 10)} (${require('os').cpus().length} cores, server and client on one machine)\n`);
console.log(`| server | interviews held at p99 ≤ ${P99_LIMIT_MS} ms | closed-loop answers/s | CPU ms per answer | RSS KB per held interview |`);
console.log('|---|---|---|---|---|');
rows.forEach((r) => console.log(r));

console.log('\n### Paced sweep (~1 answer/s per interview)\n');
console.log('| server | N | held (mean) | answers/s | answer p50 ms | p99 ms | start p50 ms | failed | server CPU % | client CPU % | other CPU % | errors |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
sweeps.forEach((r) => console.log(r));

const heap = read('candor-heap.json');
const open = heap && read(`candor-open-${heap.n}.json`);
if (heap && open) {
  console.log(`\n### Candor, ${heap.n} open interviews (one answer a minute each; heap and latency from two nodes)\n`);
  console.log('| live heap KB per open interview | answers | answer p50 ms | p99 ms | start p50 ms | failed | errors |');
  console.log('|---|---|---|---|---|---|---|');
  const errors = Object.entries(open.errors || {}).map(([k, v]) => `${v}× ${k}`).join('; ') || '-';
  console.log(`| ${((heap.after - heap.before) / heap.n / 1024).toFixed(1)} | ${open.answers} | ${open.rtt_ms.p50} | ` +
    `${open.rtt_ms.p99} | ${open.start_ms.p50} | ${open.sessions_failed} | ${errors} |`);
}

// Per-thread CPU from /proc/PID/task/*/stat, taken at the start and end of the flight recording.
const stats = (f) => {
  const out = {};
  try {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean)) {
      const name = line.slice(line.indexOf('(') + 1, line.lastIndexOf(')'));
      const rest = line.slice(line.lastIndexOf(')') + 2).split(' ');
      out[line.split(' ')[0]] = { name, ticks: Number(rest[11]) + Number(rest[12]) };
    }
  } catch (e) { return null; }
  return out;
};
const before = stats('candor-threads-before.txt');
const after = stats('candor-threads-after.txt');
if (before && after) {
  const pools = {};
  let total = 0;
  for (const [tid, t] of Object.entries(after)) {
    const ticks = t.ticks - ((before[tid] || {}).ticks || 0);
    const pool = t.name.replace(/[-#]?\d+$/, '');
    pools[pool] = (pools[pool] || 0) + ticks;
    total += ticks;
  }
  const seconds = total / 100;
  console.log(`\n### Candor, CPU by thread in a closed loop (kernel accounting, while recording, ${seconds.toFixed(1)} CPU s; names cut to 15 characters)\n`);
  console.log('| threads | CPU s | share |');
  console.log('|---|---|---|');
  Object.entries(pools).sort((a, b) => b[1] - a[1]).slice(0, 10).forEach(([pool, ticks]) =>
    console.log(`| ${pool} | ${(ticks / 100).toFixed(2)} | ${(100 * ticks / total).toFixed(1)} % |`));
}

const samples = read('candor-samples.json');
if (samples) {
  // Thread pools by name without their trailing number; frames are attributed to the innermost frame of ours
  // (dev.candor) where there is one, else to the innermost frame.
  const pools = {};
  let total = 0;
  for (const event of samples.recording.events) {
    const thread = event.values.sampledThread || {};
    const pool = (thread.javaName || thread.osName || '?').replace(/[-#]?\d+$/, '');
    const frames = (event.values.stackTrace && event.values.stackTrace.frames) || [];
    const name = (f) => `${f.method.type.name.replace(/\//g, '.')}.${f.method.name}`;
    const leaf = frames.length ? name(frames[0]) : '?';
    const ours = frames.find((f) => f.method.type.name.startsWith('dev/candor/'));
    const entry = pools[pool] = pools[pool] || { count: 0, leaves: {}, ours: {} };
    entry.count++; total++;
    entry.leaves[leaf] = (entry.leaves[leaf] || 0) + 1;
    if (ours) entry.ours[name(ours)] = (entry.ours[name(ours)] || 0) + 1;
  }
  const top = (m, k) => Object.entries(m).sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([f, c]) => `${f} ${(100 * c / total).toFixed(1)} %`).join('<br>');
  console.log(`\n### Candor, what the running threads were doing in a closed loop (${total} execution samples; a thread waiting for a core counts too)\n`);
  console.log('| thread pool | share | top innermost frames | top frames of ours |');
  console.log('|---|---|---|---|');
  Object.entries(pools).sort((a, b) => b[1].count - a[1].count).slice(0, 8).forEach(([pool, e]) =>
    console.log(`| ${pool} | ${(100 * e.count / total).toFixed(1)} % | ${top(e.leaves, 4)} | ${top(e.ours, 4) || '-'} |`));
}
