// The alarm console: the queue of open alarms (or the recently closed ones), the counts by state, and the selected
// alarm's detail with the steps of working it. The alarm stream (/api/v1/alarms/stream) keeps everything current:
// it begins with the counts and every open alarm, then sends each change; "ready" marks the end of its opening, after
// which a new alarm sounds its cue. Actions go to the alarm API; its answer is shown at once, the stream confirms it.
(function () {
  "use strict";

  const page = document.getElementById("alarms-page");
  if (!page) return;

  const API = page.dataset.api;
  const BASE = page.dataset.base.replace(/\/$/, "");
  const SUPERVISOR = page.dataset.supervisor === "true";
  const CLOSED_SHOWN = Number(page.dataset.closedShown) || 50;
  const PLAYBACK_LEAD_MS = 10_000;
  const RECONNECT_GRACE_MS = 4_000;
  const language = document.documentElement.lang || undefined;

  const texts = {};
  const typeLabels = {};
  document.querySelectorAll("#alarm-text [data-key]").forEach((entry) => { texts[entry.dataset.key] = entry.textContent; });
  document.querySelectorAll("#alarm-text [data-type]").forEach((entry) => { typeLabels[entry.dataset.type] = entry.textContent; });
  const text = (key, ...values) => (texts[key] || key).replace(/\{(\d)}/g, (_, n) => values[Number(n)] ?? "");
  const typeLabel = (code) => typeLabels[code] || code;

  const rows = document.getElementById("alarm-rows");
  const empty = document.getElementById("alarm-empty");
  const show = document.getElementById("alarm-show");
  const message = document.getElementById("alarm-message");
  const streamLabel = document.getElementById("alarm-stream");
  const detail = document.getElementById("alarm-detail");
  const detailNone = document.getElementById("alarm-detail-none");
  const detailBody = document.getElementById("alarm-detail-body");
  const closeForm = document.getElementById("alarm-close");
  const outcome = document.getElementById("alarm-outcome");
  const note = document.getElementById("alarm-note");
  const field = (name) => detailBody.querySelector(`[data-field="${name}"]`);
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  const sound = window.AtalayaAlarmSound({
    button: document.getElementById("alarm-sound"),
    hint: document.getElementById("alarm-sound-hint"),
    labels: { on: text("sound.on"), off: text("sound.off") },
  });

  const open = new Map();     // id -> alarm, every open alarm the user sees
  const closed = new Map();   // id -> alarm, the recently closed ones, once asked for
  let closedLoaded = false;
  let selectedId = null;
  let opening = null;         // while a stream begins: the ids it sent; null once it is ready
  let everReady = false;

  // ---- formatting ----

  const timeOnly = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const dateTime = new Intl.DateTimeFormat(language, { day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

  function when(instant) {
    if (!instant) return "";
    const date = new Date(instant);
    return date.toDateString() === new Date().toDateString() ? timeOnly.format(date) : dateTime.format(date);
  }

  function element(tag, className, content) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (content !== undefined && content !== null) made.textContent = String(content);
    return made;
  }

  function timeElement(instant) {
    const time = element("time", null, when(instant));
    if (instant) { time.dateTime = instant; time.title = new Date(instant).toLocaleString(language); }
    return time;
  }

  const stateBadge = { new: "danger", acknowledged: "warn", in_progress: "ok", closed: "" };
  const cameraNames = (alarm) => alarm.cameras.map((camera) => camera.name || text("js.cameraRemoved", camera.id));

  function say(words, failed) {
    message.textContent = words;
    message.classList.toggle("error-text", Boolean(failed));
  }

  // ---- the queue ----

  function ordered() {
    if (show.value === "closed") {
      return Array.from(closed.values()).sort((a, b) => (b.closedAt || "").localeCompare(a.closedAt || "") || b.id - a.id);
    }
    return Array.from(open.values()).sort((a, b) => a.priority - b.priority
      || (a.escalatedAt ? 0 : 1) - (b.escalatedAt ? 0 : 1)
      || a.firstAt.localeCompare(b.firstAt) || a.id - b.id);
  }

  // Rows are kept per alarm and only refilled when what they show changed: a row replaced under the pointer would
  // lose the click that began on it, and the focus.
  const rowElements = new Map();

  function renderQueue() {
    const alarms = ordered();
    const hadFocus = Boolean(document.activeElement && document.activeElement.closest("#alarm-rows tr"));
    const shown = new Set(alarms.map((alarm) => alarm.id));
    const shownBefore = Array.from(rows.children, (tr) => Number(tr.dataset.id));
    rowElements.forEach((tr, id) => {
      if (!shown.has(id)) { tr.remove(); rowElements.delete(id); }
    });
    alarms.forEach((alarm, position) => {
      let tr = rowElements.get(alarm.id);
      if (!tr) {
        tr = createRow(alarm.id);
        rowElements.set(alarm.id, tr);
      }
      fillRow(tr, alarm);
      if (rows.children[position] !== tr) rows.insertBefore(tr, rows.children[position] || null);
    });
    if (selectedId !== null && !shown.has(selectedId)) {
      // the selected alarm left the list (closed): its neighbour is selected, so the operator goes on from there
      const at = Math.max(0, shownBefore.indexOf(selectedId));
      select(alarms.length ? alarms[Math.min(at, alarms.length - 1)].id : null);
    }
    empty.hidden = alarms.length > 0;
    empty.textContent = text(show.value === "closed" ? "none.closed" : "none.open");
    markSelected(hadFocus && !document.activeElement.closest("#alarm-rows tr"));
  }

  function createRow(id) {
    const tr = element("tr", "alarm-row");
    tr.dataset.id = String(id);
    tr.tabIndex = -1;
    tr.setAttribute("aria-selected", "false");
    tr.addEventListener("click", () => { select(id); tr.focus(); });
    return tr;
  }

  function fillRow(tr, alarm) {
    const escalated = Boolean(alarm.escalatedAt) && alarm.state !== "closed";
    const names = cameraNames(alarm).join(", ") || "—";
    const assigned = alarm.assigneeName || alarm.assignee || text("js.unassigned");
    const shows = JSON.stringify([alarm.priority, alarm.type, alarm.count, escalated, names, alarm.source,
      alarm.firstAt, alarm.lastAt, alarm.state, assigned]);
    if (tr.dataset.shows === shows) return;
    tr.dataset.shows = shows;
    tr.dataset.state = alarm.state;
    tr.className = "alarm-row priority-" + alarm.priority + (escalated ? " escalated" : "");
    const priority = element("td");
    priority.append(priorityMark(alarm));
    const type = element("td", "alarm-type");
    type.append(element("span", null, typeLabel(alarm.type)));
    if (alarm.count > 1) type.append(" ", foldedBadge(alarm));
    if (escalated) type.append(" ", element("span", "badge danger", text("escalated")));
    const cameras = element("td", "alarm-camera-list", names);
    cameras.title = names;
    const source = element("td", "alarm-source", alarm.source);
    source.title = alarm.source;
    const time = element("td", "nowrap");
    time.append(timeElement(alarm.firstAt));
    if (alarm.lastAt && alarm.lastAt !== alarm.firstAt) time.append(" – ", timeElement(alarm.lastAt));
    const state = element("td");
    state.append(element("span", "badge " + (stateBadge[alarm.state] || ""), text("state." + alarm.state)));
    tr.replaceChildren(priority, type, cameras, source, time, state, element("td", null, assigned));
  }

  function priorityMark(alarm) {
    const mark = element("span", "alarm-priority p" + alarm.priority, text("priority", alarm.priority));
    mark.title = text("priority.title", alarm.priority);
    return mark;
  }

  function foldedBadge(alarm) {
    const badge = element("span", "badge warn", text("folded", alarm.count));
    badge.title = text("folded.title", alarm.count);
    return badge;
  }

  function markSelected(focus) {
    rows.querySelectorAll("tr").forEach((tr) => {
      const selected = Number(tr.dataset.id) === selectedId;
      tr.setAttribute("aria-selected", String(selected));
      tr.tabIndex = selected ? 0 : -1;
      if (selected && focus) tr.focus();
    });
    if (selectedId === null && rows.firstElementChild) rows.firstElementChild.tabIndex = 0;
  }

  function select(id) {
    const changed = id !== selectedId;
    selectedId = id;
    markSelected(false);
    renderDetail(changed);
  }

  function move(step) {
    const alarms = ordered();
    if (!alarms.length) return;
    const at = alarms.findIndex((alarm) => alarm.id === selectedId);
    const next = at < 0 ? 0 : Math.min(alarms.length - 1, Math.max(0, at + step));
    select(alarms[next].id);
    markSelected(true);
    const tr = rows.querySelector("tr[aria-selected='true']");
    if (tr) tr.scrollIntoView({ block: "nearest" });
  }

  // ---- the detail ----

  const selected = () => (selectedId === null ? null : open.get(selectedId) || closed.get(selectedId) || null);

  function renderDetail(changed) {
    const alarm = selected();
    detailNone.hidden = alarm !== null;
    detailBody.hidden = alarm === null;
    if (!alarm) return;
    detailBody.dataset.id = String(alarm.id);
    field("priority").replaceChildren(priorityMark(alarm));
    field("type").textContent = typeLabel(alarm.type) + " · #" + alarm.id;
    const state = field("state");
    state.className = "badge " + (stateBadge[alarm.state] || "");
    state.textContent = text("state." + alarm.state);
    field("escalated").hidden = !alarm.escalatedAt || alarm.state === "closed";
    const count = field("count");
    count.hidden = alarm.count <= 1;
    count.textContent = text("folded", alarm.count);
    count.title = text("folded.title", alarm.count);
    field("detail").textContent = alarm.detail || "";
    field("detail").hidden = !alarm.detail;
    const span = field("span");
    span.replaceChildren();
    if (alarm.lastAt && alarm.lastAt !== alarm.firstAt) {
      span.append(timeElement(alarm.firstAt), " – ", timeElement(alarm.lastAt));
    } else {
      span.append(timeElement(alarm.firstAt));
    }
    field("source").textContent = alarm.source;
    field("location").textContent = alarm.latitude == null || alarm.longitude == null ? text("js.noLocation")
      : text("js.location", alarm.latitude.toFixed(5), alarm.longitude.toFixed(5));
    field("assignee").textContent = alarm.assigneeName || alarm.assignee || text("js.unassigned");
    renderCameras(alarm);
    renderSop(alarm);
    renderActions(alarm);
    renderClips(alarm);
    if (changed) {
      outcome.value = "";
      note.value = "";
    }
    loadHistory(alarm.id);
  }

  function renderCameras(alarm) {
    const list = field("cameras");
    list.replaceChildren();
    if (!alarm.cameras.length) list.append(element("li", "muted", text("js.noCameras")));
    const playbackAt = new Date(new Date(alarm.firstAt).getTime() - PLAYBACK_LEAD_MS).toISOString();
    alarm.cameras.forEach((camera) => {
      const item = element("li");
      item.append(element("span", "alarm-camera-name", camera.name || text("js.cameraRemoved", camera.id)), " ");
      const live = element("a", "button ghost small", text("action.live"));
      live.href = BASE + "/cameras/" + camera.id + "/live";
      const playback = element("a", "button ghost small", text("action.playback"));
      playback.href = BASE + "/cameras/" + camera.id + "/playback?at=" + encodeURIComponent(playbackAt);
      item.append(live, " ", playback);
      list.append(item);
    });
  }

  function renderSop(alarm) {
    const list = field("sop");
    list.replaceChildren(...alarm.sop.map((line) => {
      const item = element("li", line.done ? "done" : null);
      const label = element("label", "check");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = line.done;
      box.disabled = alarm.state === "closed";
      box.dataset.index = String(line.index);
      if (line.index < 9) box.setAttribute("aria-keyshortcuts", String(line.index + 1));
      box.addEventListener("change", () => tick(alarm.id, line.index, box.checked));
      const key = line.index < 9 ? element("kbd", null, String(line.index + 1)) : element("span");
      label.append(box, key, element("span", null, line.text));
      item.append(label);
      if (line.done && line.doneBy) item.append(element("span", "muted small", text("js.sopBy", line.doneBy, when(line.doneAt))));
      return item;
    }));
  }

  function renderActions(alarm) {
    const isOpen = alarm.state !== "closed";
    const button = (action) => detailBody.querySelector(`[data-action="${action}"]`);
    button("acknowledge").disabled = alarm.state !== "new";
    button("assign").disabled = !isOpen || alarm.assignee === page.dataset.user;
    button("start").disabled = alarm.state !== "acknowledged";
    button("incident").disabled = alarm.incidentRequested;
    const incident = field("incident");
    incident.hidden = !alarm.incidentRequested;
    incident.textContent = text("js.incident.requested");
    closeForm.hidden = !isOpen;
    const closedLine = field("closed");
    closedLine.hidden = isOpen;
    closedLine.textContent = isOpen ? "" : text("js.closedAs", text("outcome." + alarm.outcome))
      + (alarm.outcomeNote ? " — " + alarm.outcomeNote : "");
  }

  function renderClips(alarm) {
    const box = field("clips");
    const cameraName = (id) => (alarm.cameras.find((camera) => camera.id === id) || {}).name || String(id);
    const kept = new Map(Array.from(box.querySelectorAll("video[data-clip]")).map((video) => [video.dataset.clip, video]));
    box.replaceChildren();
    if (!alarm.clips.length) box.append(element("p", "muted", text("js.noClips")));
    alarm.clips.forEach((clip) => {
      const figure = element("figure", "alarm-clip");
      const caption = element("figcaption", "small", text("js.clip.title", cameraName(clip.cameraId), when(clip.from), when(clip.to)));
      if (clip.state === "ready") {
        // a clip already playing keeps playing when the alarm changes
        const video = kept.get(String(clip.id)) || document.createElement("video");
        video.dataset.clip = String(clip.id);
        video.controls = true;
        video.preload = "metadata";
        video.muted = true;
        if (!video.getAttribute("src")) video.src = BASE + clip.url;
        figure.append(video, caption);
      } else {
        figure.append(element("p", "alarm-clip-pending muted",
          text(clip.state === "pending" ? "js.clip.pending" : "js.clip.unavailable")), caption);
      }
      box.append(figure);
    });
  }

  let historyRequest = 0;

  async function loadHistory(id) {
    const mine = ++historyRequest;
    const list = field("history");
    try {
      const alarm = await request("GET", API + "/" + id);
      if (mine !== historyRequest || selectedId !== id) return;
      const history = alarm.history || [];
      list.replaceChildren(...history.map((entry) => {
        const item = element("li");
        item.append(timeElement(entry.at), " ", element("strong", null, entry.action), " ",
          element("span", "muted", entry.by), entry.detail ? " — " + entry.detail : "");
        return item;
      }));
      if (!history.length) list.append(element("li", "muted", text("js.historyEmpty")));
    } catch (e) {
      if (mine === historyRequest) list.replaceChildren(element("li", "error-text", text("js.historyFailed", e.message)));
    }
  }

  // ---- actions ----

  async function request(method, url, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    const response = await fetch(url, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new Error(answer && answer.detail ? answer.detail : response.status + " " + response.statusText);
    return answer;
  }

  async function act(action, body) {
    const alarm = selected();
    if (!alarm) return;
    try {
      const changed = await request("POST", API + "/" + alarm.id + "/" + action, body === undefined ? {} : body);
      if (changed && changed.id) apply(changed, false);
      say(text("js.done." + action, alarm.id));
      return true;
    } catch (e) {
      say(text("js.failed", e.message), true);
      return false;
    }
  }

  async function tick(id, index, done) {
    try {
      const changed = await request("POST", API + "/" + id + "/sop/" + index, { done });
      if (changed && changed.id) apply(changed, false);
    } catch (e) {
      say(text("js.failed", e.message), true);
      renderDetail(false);
    }
  }

  function toggleSop(position) {
    const alarm = selected();
    if (!alarm || alarm.state === "closed") return;
    const line = alarm.sop.find((entry) => entry.index === position);
    if (line) tick(alarm.id, line.index, !line.done);
  }

  async function close() {
    if (!outcome.value) {
      say(text("js.outcome.needed"), true);
      outcome.focus();
      return;
    }
    const done = await act("close", { outcome: outcome.value, note: note.value.trim() || null });
    if (done) { outcome.value = ""; note.value = ""; }
  }

  detailBody.querySelectorAll("[data-action]").forEach((button) => {
    button.addEventListener("click", () => act(button.dataset.action));
  });
  closeForm.addEventListener("submit", (event) => { event.preventDefault(); close(); });
  outcome.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && outcome.value) { event.preventDefault(); close(); }
  });

  // ---- the stream ----

  /** Takes an alarm as it is now; returns whether it is one the console had not seen open before. */
  function apply(alarm, fromStream) {
    const before = open.get(alarm.id) || closed.get(alarm.id) || null;
    if (alarm.state === "closed") {
      open.delete(alarm.id);
      if (closedLoaded) closed.set(alarm.id, alarm);
    } else {
      open.set(alarm.id, alarm);
      closed.delete(alarm.id);
    }
    if (fromStream && opening !== null) opening.add(alarm.id);
    if (fromStream && opening === null) cue(alarm, before);
    renderQueue();
    if (alarm.id === selectedId) renderDetail(false);
  }

  function cue(alarm, before) {
    const isNew = before === null && alarm.state === "new";
    const escalated = SUPERVISOR && alarm.escalatedAt && alarm.state !== "closed" && !(before && before.escalatedAt);
    if (isNew) say(text("js.newAlarm", typeLabel(alarm.type) + " · " + alarm.source));
    if ((isNew && alarm.priority === 1) || escalated) sound.play("urgent");
    else if (isNew) sound.play("new");
  }

  function counts(data) {
    document.getElementById("alarm-count-new").textContent = data.newCount;
    document.getElementById("alarm-count-acknowledged").textContent = data.acknowledged;
    document.getElementById("alarm-count-in-progress").textContent = data.inProgress;
    document.getElementById("alarm-count-closed-today").textContent = data.closedToday;
    page.querySelector(".alarm-count-new").classList.toggle("waiting", data.newCount > 0);
  }

  /** The stream's opening is complete: open alarms it did not send were closed meanwhile (or are beyond its limit). */
  function ready() {
    if (opening === null) return;
    Array.from(open.keys()).filter((id) => !opening.has(id)).forEach((id) => open.delete(id));
    opening = null;
    everReady = true;
    page.dataset.ready = "true";
    renderQueue();
    if (selectedId === null && show.value === "open") {
      const first = ordered()[0];
      if (first) select(first.id);
    }
  }

  function streamState(state) {
    streamLabel.dataset.state = state;
    streamLabel.textContent = text("stream." + state);
  }

  function follow() {
    const source = new EventSource(page.dataset.stream);
    let interrupted = null;
    source.addEventListener("open", () => {
      clearTimeout(interrupted);
      opening = new Set();
      streamState("open");
    });
    source.addEventListener("counts", (event) => counts(JSON.parse(event.data)));
    source.addEventListener("alarm", (event) => apply(JSON.parse(event.data), true));
    source.addEventListener("ready", ready);
    source.addEventListener("error", () => {
      clearTimeout(interrupted);
      if (source.readyState === EventSource.CLOSED) {
        streamState("closed");
      } else {
        interrupted = setTimeout(() => streamState("reconnecting"), everReady ? RECONNECT_GRACE_MS : 0);
      }
    });
  }

  async function loadClosed() {
    try {
      const answer = await request("GET", API + "?state=closed&limit=" + CLOSED_SHOWN);
      closed.clear();
      (answer.alarms || []).forEach((alarm) => closed.set(alarm.id, alarm));
      closedLoaded = true;
      if (answer.counts) counts(answer.counts);
      renderQueue();
    } catch (e) {
      say(text("js.loadFailed", e.message), true);
    }
  }

  show.addEventListener("change", () => {
    selectedId = null;
    renderQueue();
    renderDetail(true);
    if (show.value === "closed") loadClosed();
    const first = ordered()[0];
    if (first) select(first.id);
  });

  // ---- keys ----

  const typing = (target) => target.closest("input:not([type=checkbox]), textarea, select, [contenteditable]");
  let lastG = 0;

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (!document.getElementById("shortcut-help")?.hidden) return;
    if (event.key === "g") { lastG = Date.now(); return; }
    if (Date.now() - lastG < 1200) { lastG = 0; return; } // the console's "g x" navigation
    const alarm = selected();
    switch (event.key) {
      case "j": case "ArrowDown": move(1); break;
      case "k": case "ArrowUp": move(-1); break;
      case "Enter":
        if (event.target.closest("button, a, summary")) return;
        if (alarm) detail.focus();
        break;
      case "a": if (alarm && alarm.state === "new") act("acknowledge"); break;
      case "t": if (alarm && alarm.state !== "closed") act("assign"); break;
      case "s": if (alarm && alarm.state === "acknowledged") act("start"); break;
      case "c":
        if (!alarm || alarm.state === "closed") return;
        if (outcome.value) close(); else outcome.focus();
        break;
      default:
        if (/^[1-9]$/.test(event.key)) toggleSop(Number(event.key) - 1); else return;
    }
    event.preventDefault();
  });

  streamState("connecting");
  renderQueue();
  renderDetail(true);
  follow();
})();
