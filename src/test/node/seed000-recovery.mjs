// Socket.IO connection-state recovery with the real socket.io-client: the client answers the first question and drops
// its connection at once (as a network loss does), before the analysis can reach it. The client reconnects on its
// own; the server must tell it that it recovered and give it what it missed, in order and once: the first answer's
// analysis, then the second question's audio. The script does not send start_interview again, so anything
// else that arrives (questions_generated again, a second analysis) is a duplicate.
// Usage: node seed000-recovery.mjs <url> <websocket|default>
// Prints one JSON line with what it saw and the times it measured; exits 1 with the reason on the first broken expectation.
import { io } from 'socket.io-client';

const [url, mode] = process.argv.slice(2);
const options = mode === 'websocket' ? { transports: ['websocket'], reconnectionDelay: 200, reconnectionDelayMax: 200 }
  : { reconnectionDelay: 200, reconnectionDelayMax: 200 };
const socket = io(url, options);
const seen = { connects: 0, recovered: [], events: [], offsets: 0 };
let questions = [];
let droppedAt = 0;
let reconnectedAt = 0;
let firstMissedMs = -1;
let fromDropMs = -1;

function fail(reason) {
  console.error(JSON.stringify({ failed: reason, seen }));
  process.exit(1);
}
function expect(condition, reason) {
  if (!condition) fail(reason);
}
setTimeout(() => fail('timed out'), 120_000).unref();

socket.onAny((event, ...args) => {
  seen.events.push(event);
  if (typeof args[args.length - 1] === 'string') seen.offsets++;
  if (reconnectedAt && firstMissedMs < 0) {
    const now = performance.now();
    firstMissedMs = now - reconnectedAt;
    fromDropMs = now - droppedAt;
  }
});

socket.on('connect', () => {
  seen.connects++;
  seen.recovered.push(socket.recovered);
  if (seen.connects === 1) {
    socket.emit('start_interview', {
      parsedResume: { name: 'John Doe', skills: ['React', 'Node.js', 'Python', 'AWS'], experience: [], education: [], projects: [] },
      parsedJobDescription: { title: 'Senior Software Engineer', company: 'Tech Corp',
        description: 'Build our payments platform with Python and React.', requirements: ['5+ years Python'],
        responsibilities: ['Lead development'], benefits: [] },
    });
  } else {
    reconnectedAt = performance.now();
  }
});
socket.on('error', (error) => fail('error event: ' + JSON.stringify(error)));
socket.on('questions_generated', (list) => {
  expect(questions.length === 0, 'questions_generated came again');
  questions = list;
});

socket.on('question_audio', (data) => {
  if (data.questionId === questions[0].id) {
    socket.emit('submit_answer', { questionId: data.questionId, answer: 'When our checkout failed during a sale I led '
      + 'the fix: I profiled the queries, added an index and the error rate fell by ninety percent within a day.' });
    droppedAt = performance.now();
    socket.io.engine.close();
    return;
  }
  expect(data.questionId === questions[1].id, 'audio for ' + data.questionId);
  expect(seen.connects === 2 && socket.recovered === true, 'the second question arrived before a recovered reconnect');
  expect(seen.events.filter((e) => e === 'answer_analyzed').length === 1, 'answer_analyzed count');
  socket.emit('complete_interview');
});

socket.on('answer_analyzed', (analysis) => {
  expect(seen.connects === 2, 'the analysis reached the first connection, which had dropped');
  expect(analysis.questionId === questions[0].id, 'analysis for ' + analysis.questionId);
});

socket.on('interview_complete', (results) => {
  expect(results.questions[0].answer.includes('checkout'), 'the first answer is in the results');
  console.log(JSON.stringify({ ok: true, seen, transport: socket.io.engine.transport.name,
    reconnectToFirstMissedMs: Math.round(firstMissedMs), dropToFirstMissedMs: Math.round(fromDropMs) }));
  socket.close();
  process.exit(0);
});
