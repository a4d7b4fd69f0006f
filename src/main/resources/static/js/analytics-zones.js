// The analytics zone editor: motion zones and exclusion masks drawn as polygons over the camera's current picture,
// each zone's sensitivity and minimum area, the minimum duration, the weekly arming schedule and the tamper switch,
// read from and saved to /api/v1/cameras/{id}/analytics. Points are kept from 0 to 1 across and down the picture.
(function () {
  "use strict";

  const page = document.getElementById("analytics-editor");
  if (!page) return;
  const SVG = "http://www.w3.org/2000/svg";
  const DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
  const cameraId = page.dataset.camera;
  const api = "/api/v1/cameras/" + cameraId + "/analytics";
  const width = Number(page.dataset.width);
  const height = Number(page.dataset.height);
  const mostZones = Number(page.dataset.mostZones);
  const mostPoints = Number(page.dataset.mostPoints);
  const mostWindows = Number(page.dataset.mostWindows);
  const dayLabels = page.dataset.textDayLabels.split(",");
  const dayNames = page.dataset.textDayNames.split(",");
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const $ = (id) => document.getElementById(id);
  const overlay = $("az-overlay");
  const picture = $("az-picture");

  let settings = { motionEnabled: true, minDurationSeconds: 1, zones: [], schedule: [], tamperEnabled: true };
  let selected = -1;       // index of the zone being edited, or -1
  let drawing = null;      // the points of the polygon being drawn, or null
  let cursor = { x: 0.5, y: 0.5, shown: false }; // where the keyboard adds a point
  let changed = false;

  function text(key, ...values) {
    const template = page.dataset["text" + key.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join("")] || key;
    return values.reduce((words, value, index) => words.replaceAll("{" + index + "}", String(value)), template);
  }

  function say(words, failed) {
    const message = $("az-message");
    message.textContent = words;
    message.classList.toggle("error", Boolean(failed));
    message.setAttribute("role", failed ? "alert" : "status");
  }

  function markChanged() {
    changed = true;
    $("az-save-state").textContent = text("unsaved");
  }

  async function request(method, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    const response = await fetch(api, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = await response.json().catch(() => null);
    if (!response.ok) throw new Error(answer && answer.detail ? answer.detail : response.status + " " + response.statusText);
    return answer;
  }

  // ---- the picture -------------------------------------------------------------------------------------------------

  function refreshPicture() {
    const note = $("az-picture-note");
    if (page.dataset.mayWatch !== "true") {
      note.textContent = text("no-live");
      note.hidden = false;
      return;
    }
    const fresh = new Image();
    fresh.onload = () => {
      picture.src = fresh.src;
      picture.hidden = false;
      note.hidden = true;
    };
    fresh.onerror = () => {
      picture.hidden = true;
      note.textContent = text("no-picture");
      note.hidden = false;
    };
    fresh.src = api + "/snapshot.png?at=" + Date.now();
  }

  // ---- drawing -----------------------------------------------------------------------------------------------------

  const round = (value) => Math.round(Math.min(1, Math.max(0, value)) * 10000) / 10000;
  const toView = (point) => (point[0] * width) + "," + (point[1] * height);

  function pointAt(event) {
    const box = overlay.getBoundingClientRect();
    return [round((event.clientX - box.left) / box.width), round((event.clientY - box.top) / box.height)];
  }

  function startDrawing() {
    if (settings.zones.length >= mostZones) { say(text("too-many-zones", mostZones), true); return; }
    drawing = [];
    select(-1);
    overlay.classList.add("drawing");
    render();
  }

  function addPoint(point) {
    if (drawing === null) startDrawing();
    if (drawing === null) return;
    const last = drawing[drawing.length - 1];
    // the two clicks of a double-click land on the same spot: one point, then the double-click closes
    if (last && Math.abs(last[0] - point[0]) < 0.004 && Math.abs(last[1] - point[1]) < 0.004) return;
    if (drawing.length >= mostPoints) { say(text("too-many-points", mostPoints), true); return; }
    drawing.push(point);
    render();
  }

  function closePolygon() {
    if (drawing === null || drawing.length < 3) return false;
    const names = new Set(settings.zones.map((zone) => zone.name.toLowerCase()));
    let number = settings.zones.length + 1;
    while (names.has(text("zone-name", number).toLowerCase())) number++;
    settings.zones.push({ name: text("zone-name", number), kind: "detect", sensitivity: 50, minAreaPercent: 1,
      polygon: drawing });
    drawing = null;
    overlay.classList.remove("drawing");
    markChanged();
    select(settings.zones.length - 1);
    return true;
  }

  function cancelDrawing() {
    drawing = null;
    overlay.classList.remove("drawing");
    render();
  }

  function element(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    parent.appendChild(node);
    return node;
  }

  function render() {
    const zones = $("az-zones");
    zones.replaceChildren();
    settings.zones.forEach((zone, index) => {
      const shape = element("polygon", { points: zone.polygon.map(toView).join(" "), "data-zone": index,
        class: "az-zone az-" + zone.kind + (index === selected ? " selected" : "") }, zones);
      element("title", {}, shape).textContent = zone.name;
      const [x, y] = centre(zone.polygon);
      element("text", { x: x * width, y: y * height, class: "az-zone-label", "text-anchor": "middle",
        "font-size": Math.round(0.04 * height) }, zones)
        .textContent = zone.name;
    });
    const sketch = $("az-drawing");
    sketch.replaceChildren();
    if (drawing !== null && drawing.length > 0) {
      element("polyline", { points: drawing.map(toView).join(" "), class: "az-sketch" }, sketch);
      drawing.forEach((point, index) => element("circle", { cx: point[0] * width, cy: point[1] * height,
        r: index === 0 ? 0.012 * width : 0.006 * width, class: index === 0 ? "az-first" : "az-point",
        "data-first": index === 0 ? "true" : "false" }, sketch));
    }
    const cross = $("az-cursor");
    cross.hidden = !cursor.shown;
    const [across, down] = cross.querySelectorAll("line");
    const size = 0.02 * width;
    setLine(across, cursor.x * width - size, cursor.y * height, cursor.x * width + size, cursor.y * height);
    setLine(down, cursor.x * width, cursor.y * height - size, cursor.x * width, cursor.y * height + size);
    $("az-status").textContent = drawing === null ? text("idle") : text("drawing-points", drawing.length);
    renderZoneList();
  }

  function setLine(line, x1, y1, x2, y2) {
    line.setAttribute("x1", x1); line.setAttribute("y1", y1); line.setAttribute("x2", x2); line.setAttribute("y2", y2);
  }

  function centre(polygon) {
    const sum = polygon.reduce((total, point) => [total[0] + point[0], total[1] + point[1]], [0, 0]);
    return [sum[0] / polygon.length, sum[1] / polygon.length];
  }

  // ---- the zone list and the selected zone ---------------------------------------------------------------------------

  function renderZoneList() {
    const list = $("az-zone-list");
    list.replaceChildren();
    settings.zones.forEach((zone, index) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "az-zone-item az-" + zone.kind + (index === selected ? " selected" : "");
      button.setAttribute("aria-pressed", String(index === selected));
      button.dataset.zone = String(index);
      const swatch = document.createElement("span");
      swatch.className = "az-swatch";
      swatch.setAttribute("aria-hidden", "true");
      const name = document.createElement("span");
      name.textContent = zone.name;
      const kind = document.createElement("span");
      kind.className = "muted az-zone-kind";
      kind.textContent = text("kind-" + zone.kind);
      button.append(swatch, name, kind);
      button.addEventListener("click", () => select(index === selected ? -1 : index));
      item.appendChild(button);
      list.appendChild(item);
    });
    $("az-no-zones").hidden = settings.zones.length > 0;
  }

  function select(index) {
    selected = index;
    const form = $("az-zone-form");
    form.hidden = index < 0;
    if (index >= 0) {
      const zone = settings.zones[index];
      $("az-zone-name").value = zone.name;
      $("az-zone-kind").value = zone.kind;
      $("az-zone-sensitivity").value = String(zone.sensitivity);
      $("az-zone-sensitivity-value").textContent = String(zone.sensitivity);
      $("az-zone-area").value = String(zone.minAreaPercent);
    }
    render();
  }

  function deleteSelected() {
    if (selected < 0) return;
    settings.zones.splice(selected, 1);
    markChanged();
    select(-1);
  }

  function editSelected(change) {
    if (selected < 0) return;
    change(settings.zones[selected]);
    markChanged();
    render();
  }

  $("az-zone-name").addEventListener("input", (event) => editSelected((zone) => { zone.name = event.target.value; }));
  $("az-zone-kind").addEventListener("change", (event) => editSelected((zone) => { zone.kind = event.target.value; }));
  $("az-zone-sensitivity").addEventListener("input", (event) => editSelected((zone) => {
    zone.sensitivity = Number(event.target.value);
    $("az-zone-sensitivity-value").textContent = event.target.value;
  }));
  $("az-zone-area").addEventListener("input", (event) => editSelected((zone) => {
    zone.minAreaPercent = Number(event.target.value);
  }));
  $("az-zone-delete").addEventListener("click", deleteSelected);

  // ---- detection and the schedule ----------------------------------------------------------------------------------

  function renderDetection() {
    $("az-motion").checked = settings.motionEnabled;
    $("az-tamper").checked = settings.tamperEnabled;
    $("az-min-duration").value = String(settings.minDurationSeconds);
  }

  $("az-motion").addEventListener("change", (event) => { settings.motionEnabled = event.target.checked; markChanged(); });
  $("az-tamper").addEventListener("change", (event) => { settings.tamperEnabled = event.target.checked; markChanged(); });
  $("az-min-duration").addEventListener("input", (event) => {
    settings.minDurationSeconds = event.target.value === "" ? null : Number(event.target.value);
    markChanged();
  });

  function renderSchedule() {
    const rows = $("az-schedule");
    rows.replaceChildren();
    settings.schedule.forEach((window, index) => {
      const row = document.createElement("div");
      row.className = "az-window";
      row.setAttribute("role", "group");
      const days = document.createElement("div");
      days.className = "az-days";
      DAYS.forEach((day, dayIndex) => {
        const label = document.createElement("label");
        label.className = "az-day";
        label.title = dayNames[dayIndex];
        const box = document.createElement("input");
        box.type = "checkbox";
        box.checked = window.days.includes(day);
        box.setAttribute("aria-label", dayNames[dayIndex]);
        box.addEventListener("change", () => {
          window.days = DAYS.filter((name, i) => (i === dayIndex ? box.checked : window.days.includes(name)));
          markChanged();
        });
        const short = document.createElement("span");
        short.textContent = dayLabels[dayIndex];
        short.setAttribute("aria-hidden", "true");
        label.append(box, short);
        days.appendChild(label);
      });
      const from = timeInput(window.from, (value) => { window.from = value; });
      const to = timeInput(window.to, (value) => { window.to = value; });
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button ghost small";
      remove.textContent = text("remove-window");
      remove.addEventListener("click", () => {
        settings.schedule.splice(index, 1);
        markChanged();
        renderSchedule();
      });
      const dash = document.createElement("span");
      dash.textContent = "–";
      dash.setAttribute("aria-hidden", "true");
      row.append(days, from, dash, to, remove);
      rows.appendChild(row);
    });
    $("az-schedule-empty").hidden = settings.schedule.length > 0;
    $("az-add-window").disabled = settings.schedule.length >= mostWindows;
  }

  function timeInput(value, set) {
    const input = document.createElement("input");
    input.type = "time";
    input.className = "input az-time";
    input.value = value;
    input.required = true;
    input.addEventListener("input", () => { set(input.value); markChanged(); });
    return input;
  }

  $("az-add-window").addEventListener("click", () => {
    settings.schedule.push({ days: DAYS.slice(0, 5), from: "08:00", to: "18:00" });
    markChanged();
    renderSchedule();
  });

  // ---- loading and saving ------------------------------------------------------------------------------------------

  function show(loaded) {
    settings = { motionEnabled: loaded.motionEnabled, minDurationSeconds: loaded.minDurationSeconds,
      zones: loaded.zones, schedule: loaded.schedule, tamperEnabled: loaded.tamperEnabled };
    drawing = null;
    changed = false;
    select(-1);
    renderDetection();
    renderSchedule();
  }

  async function load() {
    try {
      show(await request("GET"));
      $("az-save-state").textContent = "";
    } catch (e) {
      say(text("load-failed", e.message), true);
    }
  }

  async function save() {
    if (drawing !== null && !closePolygon()) cancelDrawing();
    const button = $("az-save");
    button.disabled = true;
    try {
      show(await request("PUT", settings));
      say(text("saved"), false);
      $("az-save-state").textContent = "";
    } catch (e) {
      say(text("failed", e.message), true);
    } finally {
      button.disabled = false;
    }
  }

  $("az-save").addEventListener("click", save);
  $("az-refresh").addEventListener("click", refreshPicture);
  $("az-draw").addEventListener("click", () => { startDrawing(); overlay.focus(); });
  window.addEventListener("beforeunload", (event) => { if (changed) event.preventDefault(); });

  // ---- mouse and keyboard on the picture ------------------------------------------------------------------------------

  overlay.addEventListener("click", (event) => {
    const target = event.target;
    if (drawing !== null && target.dataset && target.dataset.first === "true") {
      closePolygon();
      return;
    }
    if (drawing === null && target.dataset && target.dataset.zone !== undefined) {
      select(Number(target.dataset.zone));
      return;
    }
    addPoint(pointAt(event));
  });
  overlay.addEventListener("dblclick", (event) => { event.preventDefault(); closePolygon(); });
  overlay.addEventListener("focus", () => { cursor.shown = true; render(); });
  overlay.addEventListener("blur", () => { cursor.shown = false; render(); });

  const typing = (target) => target.closest("input, textarea, select, [contenteditable]");

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const onPicture = event.target === overlay;
    if (drawing !== null) {
      if (event.key === "Enter") { event.preventDefault(); closePolygon(); return; }
      if (event.key === "Escape") { event.preventDefault(); cancelDrawing(); return; }
      if (event.key === "Backspace") { event.preventDefault(); drawing.pop(); render(); return; }
    } else if (selected >= 0) {
      if (event.key === "Delete") { event.preventDefault(); deleteSelected(); return; }
      if (event.key === "Escape") { event.preventDefault(); select(-1); return; }
    }
    if (!onPicture) return;
    const step = event.shiftKey ? 0.05 : 0.01;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[event.key]) {
      event.preventDefault();
      cursor = { x: round(cursor.x + moves[event.key][0]), y: round(cursor.y + moves[event.key][1]), shown: true };
      render();
    } else if (event.key === " ") {
      event.preventDefault();
      addPoint([cursor.x, cursor.y]);
    }
  });

  refreshPicture();
  load();
})();
