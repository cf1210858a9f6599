// Seed 000's interview as its frontend holds it, with the real socket.io-client: the connection options of the
// seed's document (or the client's defaults: polling first, then the upgrade), start_interview with the parsed
// resume and job of the document's example, each question's audio awaited, an answer per question (the recording
// given on the command line as a binary Blob-like Buffer, or typed text), complete_interview with no argument (as
// pages/interview.tsx sends it), and interview_complete checked field by field.
// Usage: node seed000-flow.mjs <url> <websocket|default> [recording.webm]
// Prints one JSON line with what it saw; exits 1 with the reason on the first broken expectation.
import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';

const [url, mode, recordingPath] = process.argv.slice(2);
const recording = recordingPath ? readFileSync(recordingPath) : null;
const typedAnswer = 'In my last role our checkout service slowed down during a sale. I was asked to fix it, so I '
  + 'profiled the database queries, added an index and a cache, and the p99 latency fell by sixty percent.';

const options = mode === 'websocket'
  ? { transports: ['websocket'], autoConnect: true, reconnection: true, reconnectionAttempts: 5, reconnectionDelay: 1000 }
  : {};
const socket = io(url, options);
const seen = { transports: [], questions: 0, audio: 0, analyses: 0, errors: [], sessionId: null };
let questions = [];
let current = 0;
let started = false;

function fail(reason) {
  console.error(JSON.stringify({ failed: reason, seen }));
  process.exit(1);
}
function expect(condition, reason) {
  if (!condition) fail(reason);
}
setTimeout(() => fail('timed out'), 240_000).unref();

socket.on('connect', () => {
  if (started) return;
  started = true;
  socket.emit('start_interview', {
    parsedResume: {
      name: 'John Doe', email: 'john@example.com', phone: '(555) 123-4567',
      summary: 'Software Engineer with 5 years experience in full-stack development.',
      experience: [{ company: 'Tech Corp', position: 'Senior Software Engineer', duration: '2020-2023',
        description: 'Led development of scalable applications' }],
      education: [{ institution: 'University of Technology', degree: 'Bachelor of Science', year: '2019' }],
      skills: ['React', 'Node.js', 'Python', 'AWS'],
      projects: [{ name: 'E-commerce Platform', description: 'Full-stack shop', technologies: ['React', 'MongoDB'] }],
    },
    parsedJobDescription: {
      title: 'Senior Software Engineer', company: 'Tech Corp', location: 'San Francisco, CA',
      description: "We're looking for a senior software engineer to build our platform.",
      requirements: ['5+ years Python', 'React experience', 'AWS knowledge'],
      responsibilities: ['Lead development', 'Mentor junior developers'],
      benefits: ['Health insurance', '401k'], salary: '$120,000 - $150,000', employmentType: 'Full-time',
      experienceLevel: 'Senior', remote: true,
    },
  });
});
// The transport the engine opens with, read before any event: on a busy machine the upgrade to WebSocket can finish
// before 'connect' fires, so reading it in the connect handler would sometimes already see the upgraded one.
seen.transports.push(socket.io.engine.transport.name);
socket.io.engine.on('upgrade', (transport) => seen.transports.push('upgraded:' + transport.name));
socket.on('connect_error', (error) => seen.errors.push('connect_error: ' + error.message));
socket.on('error', (error) => fail('error event: ' + JSON.stringify(error)));
socket.on('interview_session', (data) => { seen.sessionId = data.sessionId; });

socket.on('questions_generated', (list) => {
  expect(Array.isArray(list) && list.length === 8, 'questions_generated is not an array of 8');
  for (const q of list) {
    expect(/^q\d+_(behavioral|technical|leadership)_[a-z0-9_]+$/.test(q.id), 'question id ' + q.id);
    expect(q.text.length >= 50 && q.text.length <= 200, 'question text length ' + q.text.length);
    expect(['easy', 'medium', 'hard'].includes(q.difficulty) && Number.isInteger(q.estimatedTime), 'difficulty/time ' + q.id);
  }
  const count = (type) => list.filter((q) => q.type === type).length;
  expect(count('behavioral') >= 2 && count('technical') >= 2 && count('leadership') >= 1, 'question type mix');
  questions = list;
  seen.questions = list.length;
});

socket.on('question_audio', (data) => {
  expect(Buffer.isBuffer(data.audioBlob) && data.audioBlob.length > 1000, 'question_audio is not binary audio');
  expect(data.questionId === questions[current].id, 'audio for ' + data.questionId + ' while on ' + questions[current].id);
  seen.audio++;
  const answer = recording ? { questionId: data.questionId, audioBlob: recording } : { questionId: data.questionId, answer: typedAnswer };
  socket.emit('submit_answer', answer);
});

socket.on('answer_analyzed', (analysis) => {
  expect(analysis.questionId === questions[current].id, 'analysis for ' + analysis.questionId);
  expect(Number.isInteger(analysis.score) && analysis.score >= 0 && analysis.score <= 100, 'score ' + analysis.score);
  for (const part of ['situation', 'task', 'action', 'result']) expect(typeof analysis.star[part] === 'boolean', 'star.' + part);
  expect(Array.isArray(analysis.keywordsFound) && Number.isInteger(analysis.fillerWords), 'keywords/fillers');
  expect(typeof analysis.timeSpent === 'number' && analysis.timeSpent > 0, 'timeSpent ' + analysis.timeSpent);
  expect(typeof analysis.feedback === 'string' && analysis.feedback.length > 20, 'feedback');
  seen.analyses++;
  current++;
  if (current === questions.length) setTimeout(() => socket.emit('complete_interview'), 100);
});

socket.on('interview_complete', (results) => {
  expect(Number.isInteger(results.overallScore), 'overallScore');
  expect(results.questions.length === 8, 'results for ' + results.questions.length + ' questions');
  for (const qa of results.questions) {
    // What pages/results.tsx reads, and the document's flat fields beside it.
    expect(typeof qa.question.text === 'string' && typeof qa.question.type === 'string', 'qa.question');
    expect(Number.isInteger(qa.analysis.score) && qa.score === qa.analysis.score, 'qa.analysis.score');
    expect(typeof qa.answer === 'string' && qa.answer.length > 0, 'qa.answer');
  }
  for (const list of ['strengths', 'improvements', 'microDrills']) {
    expect(results[list].length >= 3 && results[list].length <= 5, list + ' has ' + results[list].length);
  }
  expect(typeof results.followUpQuestion === 'string' && results.followUpQuestion.length > 0, 'followUpQuestion');
  console.log(JSON.stringify({ ok: true, seen, overallScore: results.overallScore,
    answers: results.questions.map((qa) => qa.answer) }));
  socket.close();
  process.exit(0);
});
