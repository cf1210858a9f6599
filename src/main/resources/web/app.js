// Candor's web app. It keeps no interview logic: the session decides every question, score and report, and this
// page shows them. It speaks seed 000's events as JSON frames on /ws/app (see README, "Using the web app").

const MAX_RESUME_BYTES = 5 * 1024 * 1024;
const RESUME_TYPES = ['pdf', 'doc', 'docx', 'txt'];
const STORE = 'candor.interview';
const ACCOUNT = 'candor.account';
const RECONNECT_MS = 1000;

const $ = (id) => document.getElementById(id);

const state = {
  resumeFile: null,
  resume: null,
  job: null,
  sessionId: null,
  questions: [],
  currentId: null,
  analysed: {},
  socket: null,
  closing: false,
  reconnecting: false,
  reconnectTimer: null,
  serverCurrent: null,
  recording: null,
  shareToken: null,
};

// ---- problems and views ----

function showProblem(message) {
  const box = $('problem');
  box.textContent = message;
  box.hidden = !message;
}

function show(view) {
  for (const id of ['start', 'review', 'interview', 'report', 'account', 'history']) {
    $(id).hidden = id !== view;
  }
}

// ---- the optional account ----

function account() {
  return JSON.parse(localStorage.getItem(ACCOUNT) || 'null');
}

function showAccount() {
  const signedIn = account();
  $('nav-account').textContent = signedIn ? 'Sign out' : 'Sign in';
  $('nav-history').hidden = !signedIn;
  $('who').textContent = signedIn ? `Signed in as ${signedIn.user.name || signedIn.user.email}` : '';
}

/** fetch with the signed-in user's token; a refused token signs the user out. */
async function authorised(url, options = {}) {
  const signedIn = account();
  const headers = { ...(options.headers || {}) };
  if (signedIn) {
    headers.Authorization = `Bearer ${signedIn.token}`;
  }
  const response = await fetch(url, { ...options, headers });
  if (response.status === 401 && signedIn) {
    localStorage.removeItem(ACCOUNT);
    showAccount();
    showProblem('Your sign-in has expired: sign in again.');
  }
  return response;
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { response, body: await response.json().catch(() => null) };
}

async function signIn(email, password) {
  const { response, body } = await postJson('/api/auth/signin', { email, password });
  if (!response.ok) {
    showProblem(body && body.message || 'Signing in did not work; try again.');
    return;
  }
  localStorage.setItem(ACCOUNT, JSON.stringify({ token: body.token, user: body.user }));
  showProblem('');
  showAccount();
  await showHistory();
}

function wireAccount() {
  $('nav-practise').addEventListener('click', () => {
    showProblem('');
    if (state.sessionId && !state.closing) {
      show('interview');
    } else {
      show('start');
    }
  });
  $('nav-history').addEventListener('click', showHistory);
  $('nav-account').addEventListener('click', () => {
    if (account()) {
      localStorage.removeItem(ACCOUNT);
      showAccount();
      show('start');
      return;
    }
    show('account');
    $('in-email').focus();
  });
  $('signin').addEventListener('submit', (e) => {
    e.preventDefault();
    signIn($('in-email').value.trim(), $('in-password').value);
  });
  $('signup').addEventListener('submit', async (e) => {
    e.preventDefault();
    const email = $('up-email').value.trim();
    const password = $('up-password').value;
    const { response, body } = await postJson('/api/auth/signup', { email, password, name: $('up-name').value.trim() });
    if (!response.ok) {
      showProblem(body && body.message || 'The account could not be made; try again.');
      return;
    }
    await signIn(email, password);
  });
}

async function showHistory() {
  const response = await authorised('/api/interviews?limit=100');
  const body = await response.json().catch(() => null);
  if (!response.ok || !body) {
    if (response.status !== 401) {
      showProblem('Your history could not be read right now.');
    }
    show(account() ? 'history' : 'account');
    return;
  }
  show('history');
  const interviews = body.interviews;
  $('history-empty').hidden = interviews.length > 0;
  $('history-list').replaceChildren(...interviews.map((item) => {
    const row = document.createElement('li');
    const when = item.startedAt ? new Date(item.startedAt).toLocaleString() : '';
    const what = [item.jobTitle, item.company].filter(Boolean).join(' at ') || 'Interview';
    const score = item.overallScore === null || item.overallScore === undefined ? item.status : `${item.overallScore} / 100`;
    row.textContent = `${when} · ${what} · ${score} `;
    if (item.results) {
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'link';
      open.textContent = 'Open the report';
      open.addEventListener('click', () => {
        state.sessionId = item.id;
        state.closing = true;
        showReport(item.results, false, what);
      });
      row.append(open);
    }
    return row;
  }));
  const finished = interviews.filter((i) => i.overallScore !== null && i.overallScore !== undefined).reverse();
  if (window.Chart) {
    window.Chart.getChart($('history-chart'))?.destroy();
    new window.Chart($('history-chart'), {
      type: 'line',
      data: {
        labels: finished.map((i) => new Date(i.startedAt).toLocaleDateString()),
        datasets: [{ label: 'Overall score', data: finished.map((i) => i.overallScore), borderColor: '#0b5cad' }],
      },
      options: { animation: false, scales: { y: { min: 0, max: 100 } } },
    });
  }
}

function remember() {
  localStorage.setItem(STORE, JSON.stringify({ sessionId: state.sessionId, analysed: state.analysed }));
}

function forget() {
  localStorage.removeItem(STORE);
}

// ---- 1. documents ----

function extensionOf(name) {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function checkResume(file) {
  if (!RESUME_TYPES.includes(extensionOf(file.name))) {
    return `${file.name} is not a PDF, DOC, DOCX or TXT file.`;
  }
  if (file.size > MAX_RESUME_BYTES) {
    return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.`;
  }
  if (file.size === 0) {
    return `${file.name} is empty.`;
  }
  return null;
}

function uploadResume(file) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('resume', file);
    const request = new XMLHttpRequest();
    const bar = $('upload-progress');
    bar.hidden = false;
    bar.value = 0;
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round((100 * e.loaded) / e.total);
      }
    };
    request.onload = () => {
      bar.value = 100;
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch (e) {
        body = null;
      }
      if (request.status === 200 && body) {
        resolve(body);
      } else {
        reject(new Error(body && (body.message || body.detail || body.error) || `The resume could not be read (HTTP ${request.status}).`));
      }
    };
    request.onerror = () => reject(new Error('The resume could not be sent: is Candor still running?'));
    request.open('POST', '/api/parse-resume');
    request.send(form);
  });
}

async function readJob(url, text) {
  const body = url ? { jobDescriptionUrl: url } : { jobDescriptionText: text };
  const response = await fetch('/api/parse_job_description/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(answer && (answer.message || answer.detail) || `The job posting could not be read (HTTP ${response.status}).`);
  }
  return answer;
}

function pickResume(file) {
  const problem = checkResume(file);
  if (problem) {
    state.resumeFile = null;
    $('resume-status').textContent = '';
    showProblem(problem);
    return;
  }
  showProblem('');
  state.resumeFile = file;
  $('resume-status').textContent = `${file.name} is ready.`;
}

function wireDocuments() {
  const drop = $('drop');
  $('resume-file').addEventListener('change', (e) => {
    if (e.target.files.length) {
      pickResume(e.target.files[0]);
    }
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) {
      pickResume(e.dataTransfer.files[0]);
    }
  });
  $('documents').addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = $('job-url').value.trim();
    const text = $('job-text').value.trim();
    if (!state.resumeFile) {
      showProblem('Choose your resume first.');
      return;
    }
    if (!url && !text) {
      showProblem('Give the job posting: its address or its text.');
      return;
    }
    showProblem('');
    $('read-documents').disabled = true;
    $('documents-status').textContent = 'Reading your resume and the job…';
    try {
      const [resume, job] = await Promise.all([uploadResume(state.resumeFile), readJob(url, text)]);
      state.resume = resume;
      state.job = job;
      fillCorrections();
      show('review');
      $('r-name').focus();
    } catch (error) {
      showProblem(error.message);
    } finally {
      $('read-documents').disabled = false;
      $('documents-status').textContent = '';
    }
  });
}

// ---- 2. corrections ----

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function fillCorrections() {
  const r = state.resume;
  const j = state.job;
  $('r-name').value = r.name || '';
  $('r-email').value = r.email || '';
  $('r-summary').value = r.summary || '';
  $('r-skills').value = (r.skills || []).join(', ');
  const experience = $('r-experience');
  experience.replaceChildren();
  (r.experience || []).forEach((job, i) => {
    for (const [field, label] of [['position', 'Position'], ['company', 'Company']]) {
      const id = `r-exp-${i}-${field}`;
      const l = document.createElement('label');
      l.htmlFor = id;
      l.textContent = `${label} (experience ${i + 1})`;
      const input = document.createElement('input');
      input.id = id;
      input.value = job[field] || '';
      input.dataset.index = i;
      input.dataset.field = field;
      experience.append(l, input);
    }
  });
  $('j-title').value = j.title || '';
  $('j-company').value = j.company || '';
  $('j-requirements').value = (j.requirements || []).join('\n');
  $('j-responsibilities').value = (j.responsibilities || []).join('\n');
}

function corrected() {
  const resume = { ...state.resume };
  resume.name = $('r-name').value.trim();
  resume.email = $('r-email').value.trim();
  resume.summary = $('r-summary').value.trim();
  resume.skills = $('r-skills').value.split(',').map((s) => s.trim()).filter(Boolean);
  resume.experience = (state.resume.experience || []).map((job) => ({ ...job }));
  for (const input of $('r-experience').querySelectorAll('input')) {
    resume.experience[Number(input.dataset.index)][input.dataset.field] = input.value.trim();
  }
  const job = { ...state.job };
  job.title = $('j-title').value.trim();
  job.company = $('j-company').value.trim();
  job.requirements = lines($('j-requirements').value);
  job.responsibilities = lines($('j-responsibilities').value);
  return { parsedResume: resume, parsedJobDescription: job };
}

function wireCorrections() {
  $('corrections').addEventListener('submit', (e) => {
    e.preventDefault();
    resetInterview();
    connect(() => send('start_interview', corrected()));
    show('interview');
    $('answer-state').textContent = 'Writing your questions…';
  });
}

// ---- 3. the interview ----

/** A new interview starts from a clean page: nothing of the last one's answers, recording or links is left. */
function resetInterview() {
  state.analysed = {};
  state.sessionId = null;
  state.currentId = null;
  state.serverCurrent = null;
  state.questions = [];
  state.shareToken = null;
  state.closing = false;
  state.recording = null;
  $('last-feedback').hidden = true;
  $('playback').hidden = true;
  $('send-recording').disabled = true;
  $('record').textContent = 'Record';
  $('timer').textContent = '0:00';
  $('mic-status').textContent = '';
  $('answer-state').textContent = '';
}

function connect(onOpen) {
  clearTimeout(state.reconnectTimer);
  if (state.socket) {
    const previous = state.socket;
    state.socket = null;
    previous.close();
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const params = new URLSearchParams();
  if (state.sessionId) {
    params.set('sessionId', state.sessionId);
  }
  if (account()) {
    params.set('token', account().token);
  }
  const query = params.toString() ? `?${params}` : '';
  const socket = new WebSocket(`${scheme}://${location.host}/ws/app${query}`);
  state.socket = socket;
  let opened = false;
  socket.onopen = () => {
    opened = true;
    showProblem('');
    if (state.reconnecting) {
      state.reconnecting = false;
      $('answer-state').textContent = '';
    }
    if (onOpen) {
      onOpen();
    }
  };
  socket.onmessage = (message) => {
    if (state.socket !== socket) {
      return;
    }
    const { event, data } = JSON.parse(message.data);
    handlers[event]?.(data);
  };
  socket.onclose = async () => {
    if (state.socket !== socket || state.closing) {
      return;
    }
    if (!opened && account()) {
      // Refused before it opened: a token the server no longer takes signs the page out (authorised() does that).
      await authorised('/api/auth/me');
    }
    // Lost: the server restarted or the network dropped. The session kept everything; rejoin it.
    state.reconnecting = true;
    $('answer-state').textContent = 'Connection lost; reconnecting…';
    state.reconnectTimer = setTimeout(() => connect(null), RECONNECT_MS);
  };
}

function send(event, data) {
  if (!state.socket || state.socket.readyState !== WebSocket.OPEN) {
    showProblem('Not connected to Candor right now; wait a moment and try again.');
    return false;
  }
  state.socket.send(JSON.stringify({ event, data }));
  return true;
}

function questionNumber(id) {
  return state.questions.findIndex((q) => q.id === id) + 1;
}

function askQuestion(id) {
  const question = state.questions.find((q) => q.id === id);
  if (!question) {
    return;
  }
  const minutes = Math.max(1, Math.round((question.estimatedTime || 120) / 60));
  $('question-meta').textContent = `Question ${questionNumber(id)} of ${state.questions.length} · ${question.type} · about ${minutes} min`;
  $('question-text').textContent = question.text;
  if (state.currentId !== id) {
    // Only a new question clears the answer box: its audio arriving after it must not wipe what is being typed.
    $('typed-answer').value = '';
    $('answer-state').textContent = '';
    $('question-audio').hidden = true;
  }
  state.currentId = id;
  show('interview');
}

function nextUnanswered() {
  return state.questions.find((q) => !state.analysed[q.id]);
}

function base64ToBlob(base64, type) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

const handlers = {
  interview_session(data) {
    state.sessionId = data.sessionId;
    state.serverCurrent = data.currentQuestionId ? { id: data.currentQuestionId, answered: data.currentAnswered } : null;
    remember();
    history.replaceState(null, '', `#interview=${data.sessionId}`);
  },
  questions_generated(questions) {
    state.questions = questions;
    const current = state.serverCurrent;
    if (current) {
      // The session says where the interview stands: every question before the open one has been answered.
      const index = questions.findIndex((q) => q.id === current.id);
      questions.slice(0, Math.max(0, index)).forEach((q) => { state.analysed[q.id] = true; });
      remember();
      askQuestion(current.id);
      if (current.answered) {
        $('answer-state').textContent = 'Analysing your answer…';
      }
      return;
    }
    const next = nextUnanswered();
    if (next && !state.currentId) {
      askQuestion(next.id);
    }
  },
  question_audio(data) {
    askQuestion(data.questionId);
    const audio = $('question-audio');
    if (audio.src) {
      URL.revokeObjectURL(audio.src);
    }
    audio.src = URL.createObjectURL(base64ToBlob(data.audioBlob, data.contentType || 'audio/mpeg'));
    audio.hidden = false;
    audio.play().catch(() => {
      // The browser may refuse to play before the candidate has clicked anything: the controls are there.
    });
  },
  interview_status(data) {
    $('answer-state').textContent = data.state === 'transcribing' ? 'Transcribing your answer…' : 'Analysing your answer…';
  },
  answer_transcribed(data) {
    $('fb-transcript').textContent = data.transcript;
  },
  answer_analyzed(analysis) {
    state.analysed[analysis.questionId] = true;
    remember();
    showAnalysis(analysis);
    $('answer-state').textContent = '';
    const next = nextUnanswered();
    if (next) {
      askQuestion(next.id);
    }
  },
  interview_complete(report) {
    // The interview stays remembered, so a reload shows its report again until the candidate starts another.
    state.closing = true;
    state.socket.close();
    showReport(report, false);
  },
  error(data) {
    $('answer-state').textContent = '';
    if (data.type === 'session_not_found') {
      forget();
      state.sessionId = null;
      state.closing = true;
      show('start');
    }
    showProblem(data.message || 'Something went wrong.');
  },
};

function showAnalysis(a) {
  $('last-feedback').hidden = false;
  $('fb-title').textContent = `How your answer to question ${questionNumber(a.questionId)} landed`;
  $('fb-score').textContent = a.score;
  if (a.transcript) {
    $('fb-transcript').textContent = a.transcript;
  }
  const star = $('fb-star');
  star.replaceChildren();
  for (const part of ['situation', 'task', 'action', 'result']) {
    const item = document.createElement('li');
    item.textContent = part[0].toUpperCase() + part.slice(1);
    item.className = a.star && a.star[part] ? 'yes' : 'no';
    item.setAttribute('aria-label', `${part}: ${a.star && a.star[part] ? 'present' : 'missing'}`);
    star.append(item);
  }
  $('fb-fillers').textContent = a.fillerWords;
  $('fb-pace').textContent = a.wordsPerMinute ? `${Math.round(a.wordsPerMinute)} words per minute` : 'typed';
  $('fb-feedback').textContent = a.feedback;
  // Said only when a hosted model judged the answer: the embedded rules are the default nobody needs told about.
  const hosted = a.engine && a.engine !== 'rule-based';
  $('fb-engine').hidden = !hosted;
  $('fb-engine').textContent = hosted ? `Judged by ${a.engine}` : '';
  const suggestions = $('fb-suggestions');
  suggestions.replaceChildren(...(a.suggestions || []).map((s) => {
    const item = document.createElement('li');
    item.textContent = s;
    return item;
  }));
}

function wireTyping() {
  $('send-typed').addEventListener('click', () => {
    const text = $('typed-answer').value.trim();
    if (!text) {
      showProblem('Type your answer first.');
      return;
    }
    showProblem('');
    $('fb-transcript').textContent = text;
    if (send('submit_answer', { questionId: state.currentId, answer: text })) {
      $('answer-state').textContent = 'Analysing your answer…';
    }
  });
  $('finish').addEventListener('click', () => {
    send('complete_interview', {});
    $('answer-state').textContent = 'Writing your report…';
  });
}

// ---- recording ----

function formatTime(seconds) {
  return `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
}

async function startRecording() {
  let stream;
  try {
    // Unprocessed: the browser's noise suppression and gain control make the offline recogniser hear less well
    // (WebAppBrowserTest's transcripts), and the question never plays while the candidate records.
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
  } catch (e) {
    $('mic-status').textContent = 'The microphone is not available, so type your answer instead.';
    $('record').disabled = true;
    $('typed-answer').focus();
    return;
  }
  const type = MediaRecorder.isTypeSupported('audio/webm;codecs=opus') ? 'audio/webm;codecs=opus' : '';
  const recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
  const chunks = [];
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const started = performance.now();
  const recording = { recorder, stream, context, blob: null, seconds: 0, running: true };
  state.recording = recording;

  const tick = () => {
    if (!recording.running) {
      return;
    }
    analyser.getFloatTimeDomainData(samples);
    const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
    $('level').value = Math.min(1, rms * 4);
    recording.seconds = (performance.now() - started) / 1000;
    $('timer').textContent = formatTime(recording.seconds);
    requestAnimationFrame(tick);
  };
  recorder.ondataavailable = (e) => chunks.push(e.data);
  recorder.onstop = () => {
    recording.blob = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
    const playback = $('playback');
    if (playback.src) {
      URL.revokeObjectURL(playback.src);
    }
    playback.src = URL.createObjectURL(recording.blob);
    playback.hidden = false;
    $('send-recording').disabled = false;
    $('record').textContent = 'Record again';
    $('record').disabled = false;
  };
  recorder.start(250);
  requestAnimationFrame(tick);
  $('record').disabled = true;
  $('stop').disabled = false;
  $('send-recording').disabled = true;
  $('mic-status').textContent = 'Recording… press Stop when you are done.';
}

function stopRecording() {
  const recording = state.recording;
  if (!recording || !recording.running) {
    return;
  }
  recording.running = false;
  recording.recorder.stop();
  recording.stream.getTracks().forEach((t) => t.stop());
  recording.context.close();
  $('level').value = 0;
  $('stop').disabled = true;
  $('mic-status').textContent = 'Listen back, record again, or send it.';
}

function sendRecording() {
  const recording = state.recording;
  if (!recording || !recording.blob) {
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    const base64 = String(reader.result).split(',')[1];
    if (send('submit_answer', { questionId: state.currentId, audioBlob: base64, mimeType: recording.blob.type })) {
      $('answer-state').textContent = 'Sending your answer…';
      $('send-recording').disabled = true;
      $('playback').hidden = true;
      $('record').textContent = 'Record';
      $('timer').textContent = '0:00';
      $('mic-status').textContent = '';
      state.recording = null;
    }
  };
  reader.readAsDataURL(recording.blob);
}

function wireRecorder() {
  if (!navigator.mediaDevices || !window.MediaRecorder) {
    $('record').disabled = true;
    $('mic-status').textContent = 'This browser cannot record audio here, so type your answers.';
    return;
  }
  $('record').addEventListener('click', startRecording);
  $('stop').addEventListener('click', stopRecording);
  $('send-recording').addEventListener('click', sendRecording);
}

// ---- 4. the report ----

function listInto(id, items) {
  $(id).replaceChildren(...(items || []).map((text) => {
    const item = document.createElement('li');
    item.textContent = text;
    return item;
  }));
}

function showReport(report, readOnly, job) {
  show('report');
  $('report-actions').hidden = readOnly;
  $('new-interview').hidden = readOnly;
  $('report-title').textContent = readOnly ? 'Interview report (shared, read-only)' : 'Your report';
  $('report-job').textContent = job || '';
  $('share-link-row').hidden = true;
  $('share-status').textContent = '';
  $('overall-score').textContent = report.overallScore;
  $('recommendation').textContent = report.recommendation || '';
  $('summary').textContent = report.summary || '';
  listInto('strengths', report.strengths);
  listInto('improvements', report.improvements);
  listInto('drills', report.microDrills);
  $('follow-up').textContent = report.followUpQuestion || '';
  const answers = $('answers');
  answers.replaceChildren(...report.questions.map((q) => {
    const item = document.createElement('li');
    const question = document.createElement('p');
    question.innerHTML = '<strong></strong>';
    question.firstChild.textContent = `${q.question.text} (${q.score} / 100)`;
    const said = document.createElement('p');
    said.textContent = `You said: ${q.answer || '(no answer)'}`;
    const feedback = document.createElement('p');
    feedback.textContent = q.feedback;
    item.append(question, said, feedback);
    return item;
  }));
  drawCharts(report);
}

function drawCharts(report) {
  if (!window.Chart) {
    return;
  }
  for (const canvas of [$('scores-chart'), $('star-chart')]) {
    window.Chart.getChart(canvas)?.destroy();
  }
  const labels = report.questions.map((q, i) => `Q${i + 1}`);
  new window.Chart($('scores-chart'), {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Score', data: report.questions.map((q) => q.score), backgroundColor: '#0b5cad' }] },
    options: { animation: false, scales: { y: { min: 0, max: 100 } } },
  });
  const parts = ['situation', 'task', 'action', 'result'];
  new window.Chart($('star-chart'), {
    type: 'bar',
    data: {
      labels: parts.map((p) => p[0].toUpperCase() + p.slice(1)),
      datasets: [{
        label: 'Answers covering it',
        data: parts.map((p) => report.questions.filter((q) => q.star && q.star[p]).length),
        backgroundColor: '#1c6b2a',
      }],
    },
    options: { animation: false, scales: { y: { min: 0, max: Math.max(1, report.questions.length), ticks: { stepSize: 1 } } } },
  });
}

// ---- keeping and sharing the report ----

async function downloadPdf() {
  const response = await authorised(`/api/reports/${state.sessionId}/pdf`);
  if (!response.ok) {
    showProblem('The PDF could not be made right now; try again in a moment.');
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'candor-report.pdf';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the URL would otherwise hold the PDF until the page closes.
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

async function share() {
  const response = await authorised(`/api/reports/${state.sessionId}/shares`, { method: 'POST' });
  const body = await response.json().catch(() => null);
  if (!response.ok || !body) {
    showProblem(body && body.detail || 'The link could not be made right now.');
    return;
  }
  state.shareToken = body.token;
  $('share-link').value = `${location.origin}${body.url}`;
  $('share-link-row').hidden = false;
  $('share-status').textContent = 'Link made: copy it to your mentor.';
  $('share-link').select();
}

async function revoke() {
  const response = await authorised(`/api/reports/${state.sessionId}/shares/${state.shareToken}`, { method: 'DELETE' });
  if (!response.ok && response.status !== 404) {
    showProblem('The link could not be revoked right now; try again.');
    return;
  }
  $('share-link-row').hidden = true;
  $('share-status').textContent = 'The link is revoked: it no longer opens the report.';
}

async function showShared(token) {
  show('report');
  const response = await fetch(`/api/shared/${encodeURIComponent(token)}`);
  const body = await response.json().catch(() => null);
  if (!response.ok || !body) {
    $('report').hidden = true;
    showProblem(body && body.detail || 'This link does not exist or was revoked.');
    return;
  }
  const job = [body.jobTitle, body.company].filter(Boolean).join(' at ');
  showReport(body.report, true, job);
}

// ---- start ----

function resume() {
  const saved = JSON.parse(localStorage.getItem(STORE) || 'null');
  if (!saved || !saved.sessionId) {
    show('start');
    return;
  }
  state.sessionId = saved.sessionId;
  state.analysed = saved.analysed || {};
  show('interview');
  $('answer-state').textContent = 'Returning to your interview…';
  connect(null);
}

wireAccount();
showAccount();
wireDocuments();
wireCorrections();
wireTyping();
wireRecorder();
$('download-pdf').addEventListener('click', downloadPdf);
$('share').addEventListener('click', share);
$('revoke').addEventListener('click', revoke);
$('new-interview').addEventListener('click', () => {
  forget();
  resetInterview();
  history.replaceState(null, '', '/');
  show('start');
});
if (location.pathname.startsWith('/shared/')) {
  showShared(location.pathname.slice('/shared/'.length));
} else {
  resume();
}
