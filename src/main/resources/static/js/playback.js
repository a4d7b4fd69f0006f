// The timeline player: one camera, or up to four played together on one clock. Recorded ranges and gaps come from
// the recordings API for the part of the timeline in view; video from playback.mp4 (see playback-stream.js). Times
// are shown in the browser's time zone. The reason and case number are asked once and kept for the browser tab.
(function () {
  "use strict";

  const root = document.getElementById("pb-player");
  if (!root) return;

  const text = root.dataset;
  const api = text.api;
  const SPANS = [60e3, 120e3, 300e3, 600e3, 1800e3, 3600e3, 2 * 3600e3, 6 * 3600e3, 12 * 3600e3, 24 * 3600e3];
  const TICK_STEPS = [10e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 2 * 3600e3, 3 * 3600e3,
    6 * 3600e3];
  const SPEEDS = [0.25, 0.5, 1, 2, 4, 8];
  /** Spans between segments shorter than this are rounding, not missing video. */
  const CONTINUOUS_MS = 1000;
  /** Another camera further than this from the first is moved; closer, its speed is nudged. */
  const SYNC_SEEK_S = 2;
  const SYNC_NUDGE_S = 0.2;

  const language = document.documentElement.lang || undefined;
  const dateTime = new Intl.DateTimeFormat(language, { year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const timeOfDay = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit", second: "2-digit",
    hourCycle: "h23" });
  const hourMinute = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const dayMonth = new Intl.DateTimeFormat(language, { day: "2-digit", month: "2-digit" });

  const $ = (id) => document.getElementById(id);
  const timeline = $("pb-timeline");
  const ticks = timeline.querySelector(".pb-ticks");
  const playhead = timeline.querySelector(".pb-playhead");
  const playheadLabel = timeline.querySelector(".pb-playhead-label");
  const selection = timeline.querySelector(".pb-selection");
  const hover = timeline.querySelector(".pb-hover");
  const hoverImage = hover.querySelector("img");
  const hoverTime = hover.querySelector("span");
  const clock = $("pb-clock");
  const notice = $("pb-notice");
  const error = $("pb-error");
  const playButton = $("pb-play");
  const speed = $("pb-speed");

  const iso = (ms) => new Date(ms).toISOString();
  const state = {
    position: Date.parse(text.start),
    span: 3600e3,
    viewStart: 0,
    playing: false,
    rate: 1,
    markIn: null,
    markOut: null,
    drag: null,
    fetched: null
  };
  state.viewStart = state.position - state.span * 0.75;

  const players = Array.from(root.querySelectorAll(".pb-tile")).map((tile) => {
    const player = {
      id: tile.dataset.camera,
      tile,
      video: tile.querySelector("video"),
      status: tile.querySelector(".pb-tile-status"),
      lane: timeline.querySelector('.pb-lane[data-camera="' + tile.dataset.camera + '"]'),
      ranges: [],
      gaps: [],
      loading: false,
      token: 0,
      retryAfter: 0,
      continuedFrom: null
    };
    player.stream = new window.AtalayaRecorded.Stream(player.video, {
      onEnd: () => continueAfter(player),
      onJump: (from, to) => say(text.msgJumped + " " + timeOfDay.format(new Date(player.stream.start + to * 1000))),
      onError: () => showError(text.msgFailed)
    });
    return player;
  });

  const purpose = window.AtalayaRecorded.purpose($("pb-purpose"), {
    noCase: text.msgNoCase,
    needed: text.msgReasonNeeded,
    changed: () => seek(current(), true)
  });
  const ensurePurpose = () => purpose.ensure();

  function withPurpose(parameters) {
    const query = new URLSearchParams(parameters);
    const given = purpose.current();
    query.set("reason", given.reason);
    if (given.caseNumber) query.set("case", given.caseNumber);
    return query;
  }

  // ---- playing ----

  function master() {
    return players.find((player) => !player.loading && player.stream.active()) || null;
  }

  /** The time of day the player shows, in milliseconds since the epoch. */
  function current() {
    const first = master();
    return first ? first.stream.time() : state.position;
  }

  /** Goes to the instant: within the video received where it can, else with a new stream (always when reloading). */
  function seek(at, reload) {
    state.position = at;
    error.textContent = "";
    keepInView(at);
    for (const player of players) {
      if (!reload && !player.loading && player.stream.seekWithin(at)) continue;
      load(player, at);
    }
  }

  async function load(player, at, jumpedFrom) {
    const token = ++player.token;
    player.loading = true;
    player.status.textContent = text.msgLoading;
    try {
      await ensurePurpose();
      if (token !== player.token) return;
      const start = await player.stream.open(api + player.id + "/playback.mp4?" + withPurpose({ from: iso(at) }));
      if (token !== player.token) return;
      player.tile.dataset.streamStart = iso(start);
      await player.stream.seekTo(Math.max(0, (at - start) / 1000));
      if (token !== player.token) return;
      player.video.playbackRate = state.rate;
      if (state.playing) player.video.play().catch(() => { /* shown by the status */ });
      player.status.textContent = "";
      if (jumpedFrom !== undefined && start > jumpedFrom + 1500) {
        say(text.msgJumped + " " + timeOfDay.format(new Date(start)));
      }
    } catch (problem) {
      if (token !== player.token || (problem && problem.name === "AbortError")) return;
      if (problem && problem.status === 404) {
        const next = nextRecorded(player, at);
        if (next !== null) {
          player.loading = false;
          load(player, next, at);
          return;
        }
        player.status.textContent = text.msgNothing;
        player.retryAfter = performance.now() + 5000;
      } else if (problem instanceof Error && problem.message === text.msgReasonNeeded) {
        showError(text.msgReasonNeeded);
        player.status.textContent = "";
      } else {
        player.status.textContent = "";
        showError((problem && problem.detail) || text.msgFailed);
      }
    } finally {
      if (token === player.token) player.loading = false;
    }
  }

  /** Where the camera recorded next after `at`, from the ranges known for the timeline, or null. */
  function nextRecorded(player, at) {
    const range = player.ranges.find((candidate) => candidate.start > at);
    return range ? range.start : null;
  }

  /** The stream played to its end (its length, or a change of the camera's stream): go on from there. */
  function continueAfter(player) {
    const end = player.stream.receivedEnd();
    if (player.continuedFrom !== null && end <= player.continuedFrom + 100) {
      say(text.msgEnded);
      return;
    }
    player.continuedFrom = end;
    load(player, end, end);
  }

  function play(playing) {
    state.playing = playing;
    playButton.textContent = playing ? playButton.dataset.pause : playButton.dataset.play;
    playButton.setAttribute("aria-pressed", String(playing));
    let any = false;
    for (const player of players) {
      if (!player.stream.active()) continue;
      any = true;
      if (playing) player.video.play().catch(() => { /* shown by the status */ });
      else player.video.pause();
    }
    if (playing && !any) seek(state.position);
  }

  function setRate(rate) {
    state.rate = rate;
    speed.value = String(rate);
    players.forEach((player) => { player.video.playbackRate = rate; });
  }

  function stepFrame(direction) {
    if (state.playing) play(false);
    for (const player of players) {
      if (!player.stream.active()) continue;
      const target = player.stream.time() + direction * player.stream.frameSeconds * 1000;
      if (!player.stream.seekWithin(target)) load(player, target);
    }
  }

  function jump(milliseconds) {
    seek(current() + milliseconds);
  }

  /** Keeps the other cameras within a fifth of a second of the first one that plays. */
  function synchronise() {
    const first = master();
    const now = performance.now();
    if (first) state.position = first.stream.time();
    else if (state.playing && synchronise.last) state.position += (now - synchronise.last) * state.rate;
    synchronise.last = now;
    for (const player of players) {
      if (player === first || player.loading) continue;
      if (player.stream.active()) {
        if (!first) continue;
        const ahead = (player.stream.time() - state.position) / 1000;
        if (Math.abs(ahead) > SYNC_SEEK_S) {
          if (!player.stream.seekWithin(state.position)) load(player, state.position);
        } else {
          player.video.playbackRate = Math.abs(ahead) > SYNC_NUDGE_S ? state.rate * (ahead > 0 ? 0.85 : 1.15)
            : state.rate;
        }
        if (state.playing && player.video.paused) player.video.play().catch(() => { /* shown by the status */ });
      } else if (state.playing && now > player.retryAfter && recordedAt(player, state.position)) {
        load(player, state.position);
      }
    }
  }

  function recordedAt(player, at) {
    return player.ranges.some((range) => range.start <= at && at < range.end);
  }

  // ---- the timeline ----

  const viewEnd = () => state.viewStart + state.span;
  const width = () => timeline.clientWidth || 1;
  const xOf = (at) => (at - state.viewStart) / state.span * width();
  const timeAt = (clientX) => state.viewStart
    + (clientX - timeline.getBoundingClientRect().left - timeline.clientLeft) / width() * state.span;
  const percent = (at) => ((at - state.viewStart) / state.span * 100) + "%";

  function keepInView(at) {
    if (at < state.viewStart || at > viewEnd()) {
      state.viewStart = at - state.span * 0.25;
      drawTimeline();
    }
  }

  function zoom(direction, anchor) {
    const index = SPANS.indexOf(state.span);
    const next = SPANS[Math.max(0, Math.min(SPANS.length - 1, index + direction))];
    if (next === state.span) return;
    const at = anchor === undefined ? current() : anchor;
    const fraction = Math.min(1, Math.max(0, (at - state.viewStart) / state.span));
    state.span = next;
    state.viewStart = at - fraction * next;
    drawTimeline();
  }

  function pan(milliseconds) {
    state.viewStart += milliseconds;
    drawTimeline();
  }

  function spanWords(span) {
    return span >= 3600e3 ? (span / 3600e3) + " h" : (span / 60e3) + " min";
  }

  function drawTimeline() {
    timeline.dataset.viewStart = iso(state.viewStart);
    timeline.dataset.viewEnd = iso(viewEnd());
    timeline.setAttribute("aria-valuemin", String(Math.round(state.viewStart / 1000)));
    timeline.setAttribute("aria-valuemax", String(Math.round(viewEnd() / 1000)));
    $("pb-span").textContent = spanWords(state.span);
    for (const player of players) {
      const parts = [];
      for (const range of player.ranges) parts.push(block("pb-range", range.start, range.end, null));
      for (const gap of player.gaps) parts.push(block("pb-gap", gap.start, gap.end, gap.reason));
      player.lane.replaceChildren(...parts.filter(Boolean));
    }
    drawTicks();
    drawSelection();
    fetchSoon();
  }

  function block(kind, start, end, title) {
    if (end <= state.viewStart || start >= viewEnd()) return null;
    const element = document.createElement("div");
    element.className = kind;
    const from = Math.max(start, state.viewStart);
    const to = Math.min(end, viewEnd());
    element.style.left = percent(from);
    element.style.width = ((to - from) / state.span * 100) + "%";
    element.dataset.start = iso(start);
    element.dataset.end = iso(end);
    if (title) element.title = title;
    return element;
  }

  function drawTicks() {
    const step = TICK_STEPS.find((candidate) => state.span / candidate <= 8) || TICK_STEPS[TICK_STEPS.length - 1];
    const offset = -new Date(state.viewStart).getTimezoneOffset() * 60e3;
    const marks = [];
    for (let at = Math.ceil((state.viewStart + offset) / step) * step - offset; at < viewEnd(); at += step) {
      const mark = document.createElement("span");
      mark.className = "pb-tick";
      mark.style.left = percent(at);
      const date = new Date(at);
      const midnight = date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;
      mark.textContent = midnight ? dayMonth.format(date) : step < 60e3 ? timeOfDay.format(date)
        : hourMinute.format(date);
      marks.push(mark);
    }
    ticks.replaceChildren(...marks);
  }

  function drawSelection() {
    const marks = $("pb-marks");
    marks.textContent = (state.markIn !== null ? timeOfDay.format(new Date(state.markIn)) : "…") + " – "
      + (state.markOut !== null ? timeOfDay.format(new Date(state.markOut)) : "…");
    if (state.markIn === null || state.markOut === null || state.markOut <= state.markIn) {
      selection.hidden = true;
      return;
    }
    selection.hidden = false;
    const from = Math.max(state.markIn, state.viewStart);
    const to = Math.min(state.markOut, viewEnd());
    selection.style.left = percent(from);
    selection.style.width = Math.max(0, (to - from) / state.span * 100) + "%";
  }

  let fetchTimer = null;

  function fetchSoon() {
    clearTimeout(fetchTimer);
    fetchTimer = setTimeout(fetchRecordings, 150);
  }

  /** Loads the recorded ranges of the view and half a view on each side, unless they are loaded already. */
  async function fetchRecordings() {
    const wanted = { from: state.viewStart - state.span / 2, to: viewEnd() + state.span / 2 };
    if (state.fetched && state.fetched.from <= state.viewStart && state.fetched.to >= viewEnd()) return;
    state.fetched = wanted;
    await Promise.all(players.map(async (player) => {
      const response = await fetch(api + player.id + "/recordings?" + new URLSearchParams({
        from: iso(wanted.from), to: iso(wanted.to) }), { credentials: "same-origin" });
      if (!response.ok) return;
      const body = await response.json();
      player.ranges = mergeSegments(body.segments);
      player.gaps = body.gaps.map((gap) => ({ start: Date.parse(gap.start), end: Date.parse(gap.end),
        reason: gap.reason }));
    }));
    if (state.fetched === wanted) drawTimeline();
  }

  function mergeSegments(segments) {
    const ranges = [];
    for (const segment of segments) {
      const start = Date.parse(segment.start);
      const end = Date.parse(segment.end);
      const last = ranges[ranges.length - 1];
      if (last && start - last.end <= CONTINUOUS_MS) last.end = Math.max(last.end, end);
      else ranges.push({ start, end });
    }
    return ranges;
  }

  function drawNow() {
    requestAnimationFrame(drawNow);
    const now = state.drag && state.drag.mode === "playhead" ? state.drag.at : current();
    if (!Number.isFinite(now)) return;
    clock.textContent = dateTime.format(new Date(now));
    clock.dateTime = iso(now);
    timeline.setAttribute("aria-valuetext", dateTime.format(new Date(now)));
    timeline.setAttribute("aria-valuenow", String(Math.round(now / 1000)));
    playhead.hidden = now < state.viewStart || now > viewEnd();
    playhead.style.left = percent(now);
    playheadLabel.textContent = timeOfDay.format(new Date(now));
    if (state.playing && !state.drag && (now > viewEnd() || now < state.viewStart)) keepInView(now);
  }

  // pointer: click or drag the playhead to seek, drag the empty timeline to pan, shift-drag to mark a range
  timeline.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    timeline.setPointerCapture(event.pointerId);
    const at = timeAt(event.clientX);
    const mode = event.shiftKey ? "select" : event.target.closest(".pb-playhead") ? "playhead" : "pending";
    state.drag = { mode, x: event.clientX, at, from: at, viewStart: state.viewStart };
    hover.hidden = true;
  });

  timeline.addEventListener("pointermove", (event) => {
    const drag = state.drag;
    if (!drag) {
      showThumbnail(event);
      return;
    }
    const at = timeAt(event.clientX);
    if (drag.mode === "pending" && Math.abs(event.clientX - drag.x) > 4) drag.mode = "pan";
    if (drag.mode === "pan") {
      state.viewStart = drag.viewStart - (event.clientX - drag.x) / width() * state.span;
      drawTimeline();
    } else if (drag.mode === "playhead") {
      drag.at = at;
    } else if (drag.mode === "select") {
      state.markIn = Math.min(drag.from, at);
      state.markOut = Math.max(drag.from, at);
      drawSelection();
    }
  });

  timeline.addEventListener("pointerup", (event) => {
    const drag = state.drag;
    state.drag = null;
    if (!drag) return;
    if (drag.mode === "pending") seek(timeAt(event.clientX));
    else if (drag.mode === "playhead") seek(drag.at);
  });

  timeline.addEventListener("pointerleave", () => { hover.hidden = true; });

  timeline.addEventListener("wheel", (event) => {
    event.preventDefault();
    zoom(event.deltaY < 0 ? -1 : 1, timeAt(event.clientX));
  }, { passive: false });

  let thumbnailTimer = null;

  function showThumbnail(event) {
    const at = Math.floor(timeAt(event.clientX) / 1000) * 1000;
    const lane = event.target.closest(".pb-lane");
    const player = players.find((candidate) => candidate.lane === lane) || players[0];
    hover.hidden = false;
    hover.style.left = Math.min(Math.max(0, xOf(at) - 80), width() - 160) + "px";
    hoverTime.textContent = timeOfDay.format(new Date(at));
    clearTimeout(thumbnailTimer);
    if (!purpose.current() || !recordedAt(player, at)) {
      hoverImage.hidden = true;
      return;
    }
    thumbnailTimer = setTimeout(() => {
      hoverImage.src = api + player.id + "/thumbnail.jpg?" + withPurpose({ at: iso(at) });
      hoverImage.hidden = false;
    }, 120);
  }

  // ---- export ----

  async function exportClip() {
    error.textContent = "";
    if (state.markIn === null || state.markOut === null || state.markOut <= state.markIn) {
      showError(text.msgExportMarks);
      return;
    }
    try {
      await ensurePurpose();
    } catch (refused) {
      showError(text.msgReasonNeeded);
      return;
    }
    const progress = $("pb-export-progress");
    const shown = $("pb-export-percent");
    const link = $("pb-export-link");
    const camera = $("pb-export-camera").value;
    $("pb-export-state").hidden = false;
    link.hidden = true;
    progress.value = 0;
    shown.textContent = "0 %";
    const response = await fetch(api + camera + "/clip.mp4?" + withPurpose({ from: iso(state.markIn),
      to: iso(state.markOut) }), { credentials: "same-origin" });
    if (!response.ok) {
      let detail = "";
      try { detail = (await response.json()).detail || ""; } catch (ignored) { /* no problem detail */ }
      $("pb-export-state").hidden = true;
      showError(text.msgExportRefused + " " + detail);
      return;
    }
    const total = Number(response.headers.get("Content-Length")) || 0;
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total) {
        progress.value = Math.min(100, received / total * 100);
        shown.textContent = Math.floor(progress.value) + " %";
      }
    }
    progress.value = 100;
    shown.textContent = "100 %";
    if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob(chunks, { type: "video/mp4" }));
    const named = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") || "");
    link.download = named ? named[1] : "camera-" + camera + ".mp4";
    link.hidden = false;
    say(text.msgExportDone);
  }

  // ---- controls and keys ----

  function say(words) {
    notice.textContent = words;
    clearTimeout(say.timer);
    say.timer = setTimeout(() => { notice.textContent = ""; }, 6000);
  }

  function showError(words) {
    error.textContent = words;
  }

  function markIn() {
    state.markIn = current();
    drawSelection();
  }

  function markOut() {
    state.markOut = current();
    drawSelection();
  }

  function changeSpeed(direction) {
    const index = SPEEDS.indexOf(state.rate);
    setRate(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, index + direction))]);
  }

  playButton.addEventListener("click", () => play(!state.playing));
  speed.addEventListener("change", () => setRate(Number(speed.value)));
  $("pb-zoom-in").addEventListener("click", () => zoom(-1));
  $("pb-zoom-out").addEventListener("click", () => zoom(1));
  $("pb-back10").addEventListener("click", () => jump(-10e3));
  $("pb-forward10").addEventListener("click", () => jump(10e3));
  $("pb-frame-back").addEventListener("click", () => stepFrame(-1));
  $("pb-frame-forward").addEventListener("click", () => stepFrame(1));
  $("pb-mark-in").addEventListener("click", markIn);
  $("pb-mark-out").addEventListener("click", markOut);
  $("pb-export").addEventListener("click", () => exportClip().catch(() => showError(text.msgFailed)));
  $("pb-goto").addEventListener("submit", (event) => {
    event.preventDefault();
    // a datetime-local value has no offset, so Date reads it as the browser's local time
    const at = new Date($("pb-goto-time").value).getTime();
    if (!Number.isNaN(at)) seek(at);
  });
  const adding = $("pb-add-camera");
  if (adding) {
    adding.addEventListener("change", () => {
      if (!adding.value) return;
      const ids = players.map((player) => player.id).concat(adding.value);
      window.location.assign(text.sync + "?cameras=" + ids.join(",") + "&at=" + encodeURIComponent(iso(current())));
    });
  }

  const keys = {
    " ": () => play(!state.playing),
    "[": () => changeSpeed(-1),
    "]": () => changeSpeed(1),
    ",": () => stepFrame(-1),
    ".": () => stepFrame(1),
    "+": () => zoom(-1),
    "=": () => zoom(-1),
    "-": () => zoom(1),
    "i": markIn,
    "o": markOut,
    "ArrowLeft": (event) => event.shiftKey ? jump(-10e3) : pan(-state.span / 10),
    "ArrowRight": (event) => event.shiftKey ? jump(10e3) : pan(state.span / 10)
  };

  let afterG = -Infinity;
  document.addEventListener("keydown", (event) => {
    if (purpose.asking() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, select, textarea")) return;
    // "g" then a letter is the console's navigation: leave that letter to it
    if (event.key === "g") afterG = event.timeStamp;
    if (event.timeStamp - afterG < 1200) return;
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action(event);
  });

  const pad = (number) => String(number).padStart(2, "0");
  const start = new Date(state.position);
  $("pb-goto-time").value = start.getFullYear() + "-" + pad(start.getMonth() + 1) + "-" + pad(start.getDate())
    + "T" + pad(start.getHours()) + ":" + pad(start.getMinutes()) + ":" + pad(start.getSeconds());

  drawTimeline();
  requestAnimationFrame(drawNow);
  setInterval(synchronise, 250);
  play(true);
})();
