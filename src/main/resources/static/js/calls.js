/* The call-taker's screen: the call queue kept current over server-sent events (ringing calls ring, with a soft
   WebAudio cue), and the intake form with its map. Keys: a answers the first ringing call, n takes a new call that
   came by ordinary phone, Enter (Ctrl+Enter in the narrative) opens the incident. Every text from the server is set
   as text, never as HTML. Nothing is fetched from outside: without a configured tile server the map is a plain grid. */
(function () {
  'use strict';

  const page = document.getElementById('calls-page');
  if (!page) return;
  const API = page.dataset.api;
  const RECENT_KEPT = 30;
  const RING_EVERY_MS = 4000;
  const RECONNECT_GRACE_MS = 5000;
  const MUTED_KEY = 'atalaya.calls.muted';
  const COORDINATES = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

  const labels = {};
  document.querySelectorAll('#calls-labels [data-key]').forEach((dd) => { labels[dd.dataset.key] = dd.textContent; });
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const $ = (id) => document.getElementById(id);
  const lists = { RINGING: $('calls-ringing'), ACTIVE: $('calls-active'), ENDED: $('calls-recent') };
  const empty = { RINGING: 'none-ringing', ACTIVE: 'none-active', ENDED: 'none-recent' };
  const form = $('intake-form');
  const message = $('calls-message');
  const typeInput = $('intake-type');
  const priority = $('intake-priority');
  const coordinates = $('intake-coordinates');
  const address = $('intake-address');

  const calls = new Map();
  let selectedId = null;
  let opening = null;
  let everReady = false;
  let picked = null;

  function text(key, ...args) {
    return (labels[key] || key).replace(/\{(\d+)\}/g, (all, index) => (args[index] == null ? '' : String(args[index])));
  }

  function element(tag, className, content) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (content != null) made.textContent = content;
    return made;
  }

  function clock(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleTimeString(document.documentElement.lang || undefined, { hour12: false });
  }

  function timeElement(iso) {
    const time = element('time', null, clock(iso));
    if (iso) time.dateTime = iso;
    return time;
  }

  function say(words, isError) {
    message.textContent = words || '';
    message.classList.toggle('error-text', Boolean(isError));
  }

  // ---- the ring ----

  const ring = (function () {
    const button = $('calls-sound');
    const hint = $('calls-sound-hint');
    const AudioContextClass = window.AudioContext || window.webkitAudioContext;
    let context = null;
    let muted = false;
    let timer = null;
    try { muted = localStorage.getItem(MUTED_KEY) === 'true'; } catch (e) { /* not remembered: still works */ }

    function showState() {
      button.setAttribute('aria-pressed', String(!muted));
      button.textContent = muted ? text('sound-off') : text('sound-on');
      hint.classList.toggle('quiet', muted || !AudioContextClass || (context !== null && context.state === 'running'));
    }

    function arm() {
      if (!AudioContextClass) return;
      try {
        if (context === null) context = new AudioContextClass();
        if (context.state === 'suspended') context.resume().then(showState, showState);
      } catch (e) { /* no audio on this machine: the screen works without it */ }
      showState();
    }

    function tone(at, frequency, seconds) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.setValueAtTime(frequency, at);
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.16, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + seconds + 0.02);
    }

    function once() {
      if (muted || context === null || context.state !== 'running') return;
      const now = context.currentTime + 0.01;
      for (let pulse = 0; pulse < 2; pulse++) {
        tone(now + pulse * 0.45, 523, 0.3);
        tone(now + pulse * 0.45 + 0.02, 659, 0.28);
      }
    }

    /** Rings now and every few seconds while any call rings; quiet when none does. */
    function update(anyRinging, ringNow) {
      if (anyRinging && ringNow) once();
      if (anyRinging && timer === null) timer = setInterval(once, RING_EVERY_MS);
      if (!anyRinging && timer !== null) { clearInterval(timer); timer = null; }
    }

    button.addEventListener('click', () => {
      muted = !muted;
      try { localStorage.setItem(MUTED_KEY, String(muted)); } catch (e) { /* not remembered */ }
      if (!muted) arm();
      showState();
    });
    ['click', 'keydown'].forEach((type) => document.addEventListener(type, arm, { capture: true }));
    showState();
    return { update };
  })();

  // ---- the queue ----

  function callerOf(call) {
    return call.callerNumber || call.callerUri || text('unknown-caller');
  }

  function locationOf(call) {
    if (call.latitude != null) {
      const point = call.latitude.toFixed(5) + ', ' + call.longitude.toFixed(5);
      return call.radiusMetres ? point + ' ' + text('uncertainty', Math.round(call.radiusMetres)) : point;
    }
    if (call.civicAddress) return call.civicAddress;
    if (call.channel !== 'SIP') return '';
    return call.locationProblem ? text('location-problem', call.locationProblem) : text('no-location');
  }

  function takeable(call) {
    return call.answeredAt && !call.incidentId;
  }

  function row(call) {
    const item = element('li', 'call-row call-' + call.state.toLowerCase());
    item.dataset.call = call.id;
    if (call.id === selectedId) item.classList.add('selected');
    const head = element('div', 'call-head');
    head.append(element('span', 'badge', call.channel === 'SIP' ? text('sip') : text('manual')), ' ',
      element('strong', 'mono', callerOf(call)));
    if (call.callerName) head.append(' ', element('span', null, call.callerName));
    item.append(head);

    const times = element('div', 'call-times small muted');
    times.append(timeElement(call.offeredAt));
    if (call.answeredBy) times.append(' · ', text('answered-by', call.answeredBy), ' ', timeElement(call.answeredAt));
    if (call.abandoned) times.append(' · ', element('span', 'badge warn', text('abandoned')));
    else if (call.endedAt) times.append(' · ', text('ended'), ' ', timeElement(call.endedAt));
    item.append(times);
    const where = locationOf(call);
    if (where) item.append(element('div', 'call-where small' + (call.latitude == null ? ' muted' : ''), where));

    const actions = element('div', 'call-actions');
    if (call.state === 'RINGING') {
      const answer = element('button', 'button small', text('answer'));
      answer.type = 'button';
      answer.dataset.action = 'answer';
      answer.setAttribute('aria-keyshortcuts', 'a');
      actions.append(answer);
    } else if (takeable(call)) {
      const take = element('button', 'button ghost small', text('take-down'));
      take.type = 'button';
      take.dataset.action = 'select';
      actions.append(take);
    } else if (call.state === 'ACTIVE') {
      // taken down already: the row is the only way back to the line
      const hang = element('button', 'button danger small', text('hang-up'));
      hang.type = 'button';
      hang.dataset.action = 'hang-up';
      actions.append(hang);
    }
    if (call.incidentId) {
      const link = element('a', 'small', text('incident', call.incidentNumber || call.incidentId));
      link.href = page.dataset.incidents + call.incidentId;
      actions.append(link);
    }
    if (actions.childElementCount) item.append(actions);
    return item;
  }

  function sorted(state) {
    const chosen = [...calls.values()].filter((call) => call.state === state);
    if (state === 'ENDED') return chosen.sort((a, b) => b.endedAt.localeCompare(a.endedAt)).slice(0, RECENT_KEPT);
    return chosen.sort((a, b) => a.offeredAt.localeCompare(b.offeredAt) || a.id - b.id);
  }

  function renderQueue() {
    Object.entries(lists).forEach(([state, list]) => {
      const shown = sorted(state);
      list.replaceChildren(...(shown.length ? shown.map(row) : [element('li', 'muted small', text(empty[state]))]));
    });
  }

  function apply(call, fromStream) {
    const before = calls.get(call.id);
    calls.set(call.id, call);
    if (opening) opening.add(call.id);
    const newlyRinging = call.state === 'RINGING' && !before && fromStream && everReady && !opening;
    if (!opening) {
      renderQueue();
      ring.update(sorted('RINGING').length > 0, newlyRinging);
    }
    if (call.id === selectedId) showCallState(call);
  }

  // ---- acting ----

  async function request(method, url, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    const response = await fetch(url, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const failure = new Error(answer && answer.detail ? answer.detail : response.status + ' ' + response.statusText);
      failure.status = response.status;
      failure.problem = answer || {};
      throw failure;
    }
    return answer;
  }

  async function answer(id) {
    try {
      const call = await request('POST', API + '/' + id + '/answer', {});
      apply(call, false);
      say('');
      select(call.id);
      typeInput.focus();
    } catch (e) {
      say(text('answered-elsewhere', e.message), true);
    }
  }

  async function newCall() {
    try {
      const call = await request('POST', API, {});
      apply(call, false);
      say('');
      select(call.id);
      $('intake-caller-number').focus();
    } catch (e) {
      say(text('new-call-failed', e.message), true);
    }
  }

  async function hangUp(id) {
    if (id == null) return;
    try {
      apply(await request('POST', API + '/' + id + '/hang-up', {}), false);
    } catch (e) {
      say(text('failed', e.message), true);
    }
  }

  // ---- the form and its map ----

  let map = null;
  let pointLayer = null;
  let reportedLayer = null;

  function ensureMap() {
    if (map || !window.L) return;
    const element = $('intake-map');
    const data = element.dataset;
    // the keyboard's way to a place is the coordinates and address fields: the map stays out of the tab order
    map = AtalayaBaseMap.create(element, { center: [Number(data.latitude), Number(data.longitude)],
      zoom: Number(data.zoom), keyboard: false });
    element.querySelectorAll('.leaflet-control-zoom a').forEach((link) => link.setAttribute('tabindex', '-1'));
    reportedLayer = L.layerGroup().addTo(map);
    pointLayer = L.layerGroup().addTo(map);
    map.on('click', (event) => {
      setPoint(event.latlng.lat, event.latlng.lng, true);
      coordinates.value = formatPoint(picked);
      clearError('location');
    });
  }

  function formatPoint(point) {
    return point ? point.lat.toFixed(6) + ', ' + point.lon.toFixed(6) : '';
  }

  function setPoint(lat, lon, keepView) {
    picked = lat == null ? null : { lat, lon };
    if (!map) return;
    pointLayer.clearLayers();
    if (!picked) return;
    L.circleMarker([lat, lon], { className: 'intake-point', radius: 7, weight: 2 }).addTo(pointLayer);
    if (!keepView) map.setView([lat, lon], Math.max(map.getZoom(), 16));
  }

  function showReported(call) {
    if (!map) return;
    reportedLayer.clearLayers();
    if (call.latitude == null) return;
    if (call.radiusMetres) {
      const circle = L.circle([call.latitude, call.longitude], { radius: call.radiusMetres, className: 'intake-uncertainty',
        weight: 1, interactive: false }).addTo(reportedLayer);
      map.fitBounds(circle.getBounds(), { maxZoom: 17 });
    } else {
      map.setView([call.latitude, call.longitude], 17);
    }
  }

  function clearErrors() {
    form.querySelectorAll('[data-error]').forEach((slot) => { slot.hidden = true; slot.textContent = ''; });
    $('intake-error').hidden = true;
  }

  function clearError(field) {
    const slot = form.querySelector('[data-error="' + field + '"]');
    if (slot) { slot.hidden = true; slot.textContent = ''; }
  }

  function showError(field, words) {
    const slot = form.querySelector('[data-error="' + field + '"]');
    if (slot) {
      slot.textContent = words;
      slot.hidden = false;
    } else {
      $('intake-error').textContent = words;
      $('intake-error').hidden = false;
    }
  }

  function showCallState(call) {
    $('intake-channel').textContent = call.channel === 'SIP' ? text('sip') : text('manual');
    $('intake-uri').textContent = call.callerUri || '';
    const offered = $('intake-offered'), answered = $('intake-answered');
    offered.textContent = clock(call.offeredAt);
    offered.dateTime = call.offeredAt;
    answered.textContent = call.answeredAt ? clock(call.answeredAt) : text('not-yet');
    if (call.answeredAt) answered.dateTime = call.answeredAt;
    const state = $('intake-state');
    state.hidden = call.state !== 'ENDED';
    state.textContent = call.abandoned ? text('abandoned') : text('ended');
    $('intake-hang-up').hidden = call.state !== 'ACTIVE';
    $('intake-hung-up').hidden = !(call.state === 'ENDED' && takeable(call) && call.channel === 'SIP');
    $('intake-hung-up').textContent = text('caller-hung-up');
    $('intake-submit').disabled = !takeable(call);
  }

  function select(id) {
    const call = calls.get(id);
    if (!call) return;
    const changed = selectedId !== id;
    selectedId = id;
    renderQueue();
    $('intake-none').hidden = true;
    form.hidden = false;
    ensureMap();
    if (map) map.invalidateSize();
    showCallState(call);
    if (!changed) return;
    form.reset();
    clearErrors();
    $('intake-duplicates').hidden = true;
    $('intake-created').textContent = text('not-yet');
    $('intake-caller-number').value = call.callerNumber || '';
    $('intake-caller-name').value = call.callerName || '';
    address.value = call.civicAddress || '';
    if (call.latitude != null) {
      setPoint(call.latitude, call.longitude, true);
      coordinates.value = formatPoint(picked);
    } else {
      setPoint(null);
    }
    showReported(call);
  }

  function chosenType() {
    const typed = typeInput.value.trim().toLowerCase();
    const option = [...document.querySelectorAll('#intake-types option')]
      .find((candidate) => candidate.value.toLowerCase() === typed || candidate.dataset.code.toLowerCase() === typed);
    return option || null;
  }

  typeInput.addEventListener('input', () => {
    const option = chosenType();
    if (option) {
      priority.value = option.dataset.priority;
      clearError('typeCode');
    }
  });

  coordinates.addEventListener('change', () => readCoordinates());

  /** Reads the typed coordinates into the point; false (and says why) when they cannot be read. */
  function readCoordinates() {
    clearError('location');
    const typed = coordinates.value.trim();
    if (!typed) { setPoint(null); return true; }
    const match = COORDINATES.exec(typed);
    const lat = match ? Number(match[1]) : NaN, lon = match ? Number(match[2]) : NaN;
    if (!match || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      showError('location', text('coordinates-invalid'));
      return false;
    }
    setPoint(lat, lon, false);
    return true;
  }

  function body(openAnyway) {
    const option = chosenType();
    return {
      callerNumber: $('intake-caller-number').value,
      callerName: $('intake-caller-name').value,
      typeCode: option ? option.dataset.code : typeInput.value.trim(),
      priority: Number(priority.value),
      latitude: picked ? picked.lat : null,
      longitude: picked ? picked.lon : null,
      address: address.value,
      narrative: $('intake-narrative').value,
      openAnyway
    };
  }

  function landOn(result) {
    window.location.assign(page.dataset.incidents + result.incidentId);
  }

  async function submit(openAnyway) {
    if (selectedId == null) return;
    clearErrors();
    if (!readCoordinates()) return;
    const submitButton = $('intake-submit');
    submitButton.disabled = true;
    try {
      landOn(await request('POST', API + '/' + selectedId + '/incident', body(openAnyway)));
    } catch (e) {
      submitButton.disabled = false;
      const problem = e.problem || {};
      if (e.status === 409 && problem.candidates) {
        showCandidates(problem.candidates);
      } else if (problem.errors) {
        Object.entries(problem.errors).forEach(([field, words]) => showError(field, words));
        const first = form.querySelector('[data-error]:not([hidden])');
        if (first) (first.closest('.field, fieldset').querySelector('input, textarea, select') || first).focus();
      } else {
        showError(null, e.message);
      }
    }
  }

  function showCandidates(candidates) {
    const list = $('intake-candidates');
    list.replaceChildren(...candidates.map((incident) => {
      const item = element('li', 'intake-candidate');
      const add = element('button', 'button small', text('duplicates-add', incident.number));
      add.type = 'button';
      add.addEventListener('click', () => attach(incident.id));
      item.append(add, ' ', element('span', 'muted small',
        [incident.typeCode, 'P' + incident.priority, incident.address || '', clock(incident.createdAt)]
          .filter(Boolean).join(' · ')));
      if (incident.summary) item.append(element('div', 'small', incident.summary));
      return item;
    }));
    $('intake-duplicates').hidden = false;
    const first = list.querySelector('button');
    if (first) first.focus();
  }

  async function attach(incidentId) {
    try {
      const values = body(false);
      landOn(await request('POST', API + '/' + selectedId + '/attach/' + incidentId,
        { callerNumber: values.callerNumber, callerName: values.callerName, narrative: values.narrative }));
    } catch (e) {
      showError(null, e.message);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(false);
  });
  $('intake-anyway').addEventListener('click', () => submit(true));
  $('intake-hang-up').addEventListener('click', () => hangUp(selectedId));
  $('calls-new').addEventListener('click', newCall);
  $('intake-narrative').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  document.querySelector('.calls-queue').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const id = Number(button.closest('[data-call]').dataset.call);
    if (button.dataset.action === 'answer') answer(id);
    else if (button.dataset.action === 'hang-up') hangUp(id);
    else select(id);
  });

  // the key after g belongs to the console's navigation (g c, g i...), never to this screen
  let afterG = false;
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    const typing = target.closest && target.closest('input, textarea, select, [contenteditable]');
    if (typing) {
      if (event.key === 'Escape') target.blur();
      return;
    }
    if (afterG) {
      afterG = false;
      return;
    }
    if (event.key === 'g') {
      afterG = true;
      setTimeout(() => { afterG = false; }, 1200);
    } else if (event.key === 'a') {
      const first = sorted('RINGING')[0];
      if (first) { event.preventDefault(); answer(first.id); }
    } else if (event.key === 'n') {
      event.preventDefault();
      newCall();
    }
  });

  // ---- the stream ----

  function streamState(state) {
    const status = $('calls-stream');
    status.dataset.state = state;
    status.textContent = text('stream-' + state);
  }

  function ready() {
    if (opening) {
      [...calls.keys()].forEach((id) => { if (!opening.has(id) && id !== selectedId) calls.delete(id); });
    }
    opening = null;
    everReady = true;
    renderQueue();
    ring.update(sorted('RINGING').length > 0, false);
    page.dataset.ready = 'true';
  }

  const source = new EventSource(page.dataset.stream);
  let interrupted = null;
  source.addEventListener('open', () => {
    clearTimeout(interrupted);
    opening = new Set();
    streamState('open');
  });
  source.addEventListener('call', (event) => apply(JSON.parse(event.data), true));
  source.addEventListener('ready', ready);
  source.addEventListener('error', () => {
    clearTimeout(interrupted);
    interrupted = setTimeout(() => streamState('reconnecting'), everReady ? RECONNECT_GRACE_MS : 0);
  });
  renderQueue();
})();
