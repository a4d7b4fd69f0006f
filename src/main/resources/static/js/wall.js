// Video wall: a grid of live tiles. Each tile shows a camera (or a tour through cameras) with the console's live
// player; named layouts are saved and opened by wall-layouts.js. The wall in use is kept for the browser tab, so a
// camera sent from the map (/live?add=<id>) joins the wall the operator already has.
(function () {
  "use strict";

  const page = document.getElementById("wall-page");
  const wall = document.getElementById("wall");
  if (!page || !wall) return;

  const GRIDS = { "1x1": 1, "2x2": 4, "3x3": 9, "4x4": 16, "1+5": 6 };
  const COLUMNS = { "1x1": 1, "2x2": 2, "3x3": 3, "4x4": 4, "1+5": 3 };
  const GRID_KEYS = Object.keys(GRIDS);
  const STORED = "atalaya.wall." + page.dataset.user;
  const defaultDwell = Number(page.dataset.defaultDwell) || 10;

  const texts = {};
  document.querySelectorAll("#wall-text [data-key]").forEach((entry) => { texts[entry.dataset.key] = entry.textContent; });
  const text = (key, ...values) => (texts[key] || key).replace(/\{(\d)}/g, (_, n) => values[Number(n)] ?? "");

  const cameraList = document.getElementById("wall-camera-list");
  const cameraItems = Array.from(cameraList.querySelectorAll("li[data-camera-id]"));
  const cameraNames = new Map(cameraItems.map((item) => [Number(item.dataset.cameraId), item.dataset.name]));
  const filter = document.getElementById("wall-filter");
  const message = document.getElementById("wall-message");
  const menu = document.getElementById("wall-menu");

  // tiles: per index null (empty), {camera}, {tour: {cameras, dwellSeconds}, position} or {forbidden: true}
  let state = { grid: "2x2", tiles: [], selected: 0, layoutId: null };
  let savedShape = null;
  let enlarged = null;
  const tileElements = [];
  const players = [];
  const tourTimers = [];
  const cameraInfo = new Map();

  // ---- state ----

  const tileCount = () => GRIDS[state.grid];
  const isSmall = (index) => enlarged !== index && (tileCount() > 4 || (state.grid === "1+5" && index > 0));
  const cameraOf = (tile) => !tile ? null : tile.camera ? tile.camera
    : tile.tour ? tile.tour.cameras[tile.position % tile.tour.cameras.length] : null;
  const content = () => ({ grid: state.grid, tiles: state.tiles.slice(0, tileCount()).map(savedTile) });
  const shape = () => JSON.stringify(content());

  function savedTile(tile) {
    if (!tile || tile.forbidden) return null;
    if (tile.camera) return { camera: tile.camera };
    return { tour: { cameras: tile.tour.cameras, dwellSeconds: tile.tour.dwellSeconds } };
  }

  function fromSaved(tile) {
    if (!tile) return null;
    if (tile.forbidden) return { forbidden: true };
    if (tile.camera) return { camera: tile.camera };
    if (tile.tour) return { tour: { cameras: tile.tour.cameras, dwellSeconds: tile.tour.dwellSeconds }, position: 0 };
    return null;
  }

  function remember() {
    try {
      sessionStorage.setItem(STORED, JSON.stringify({ grid: state.grid, tiles: state.tiles.map(savedTileOrForbidden),
        selected: state.selected, layoutId: state.layoutId, savedShape }));
    } catch (e) { /* storage full or refused: the wall still works, it is just not kept */ }
  }

  function savedTileOrForbidden(tile) {
    return tile && tile.forbidden ? { forbidden: true } : savedTile(tile);
  }

  function restore() {
    try {
      const kept = JSON.parse(sessionStorage.getItem(STORED) || "null");
      if (!kept || !GRIDS[kept.grid]) return false;
      state = { grid: kept.grid, tiles: (kept.tiles || []).map(fromSaved), selected: Number(kept.selected) || 0,
        layoutId: kept.layoutId || null };
      savedShape = kept.savedShape || null;
      return true;
    } catch (e) {
      return false;
    }
  }

  function change(mutate) {
    mutate();
    render();
    remember();
  }

  // ---- rendering ----

  function render() {
    const count = tileCount();
    state.tiles = Array.from({ length: count }, (_, index) => state.tiles[index] || null);
    if (state.selected >= count) state.selected = 0;
    if (enlarged !== null && enlarged >= count) enlarged = null;
    while (tileElements.length < count) tileElements.push(createTile(tileElements.length));
    while (tileElements.length > count) {
      stopPlayer(tileElements.length - 1);
      stopTour(tileElements.length - 1);
      tileElements.pop().remove();
    }
    wall.dataset.grid = state.grid;
    wall.classList.toggle("wall-enlarged", enlarged !== null);
    document.querySelectorAll("button[data-grid]").forEach((button) => {
      button.setAttribute("aria-pressed", String(button.dataset.grid === state.grid));
    });
    tileElements.forEach((element, index) => renderTile(element, index));
    layouts.refresh();
  }

  function createTile(index) {
    const tile = document.createElement("div");
    tile.className = "wall-tile";
    tile.dataset.index = String(index);
    tile.draggable = true;
    tile.setAttribute("role", "group");
    tile.innerHTML = '<video muted playsinline autoplay></video>'
      + '<div class="wall-tile-bar"><span class="wall-tile-number"></span><span class="wall-tile-name"></span>'
      + '<span class="wall-tile-tour" hidden></span><span class="wall-rec" hidden></span>'
      + '<span class="wall-tile-status"></span>'
      + '<button type="button" class="wall-tile-menu-button" aria-haspopup="menu">⋮</button></div>'
      + '<p class="wall-tile-empty"></p>';
    tile.querySelector(".wall-tile-number").textContent = String(index + 1);
    tile.querySelector(".wall-rec").textContent = text("rec");
    tile.querySelector(".wall-rec").title = text("rec.title");
    tile.querySelector(".wall-tile-menu-button").setAttribute("aria-label", text("tile.menu"));
    tile.querySelector(".wall-tile-menu-button").tabIndex = -1;
    tile.addEventListener("click", (event) => {
      if (event.target.closest(".wall-tile-menu-button")) { select(index); openMenu(index); return; }
      select(index);
    });
    tile.addEventListener("dblclick", () => toggleEnlarged(index));
    tile.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("application/x-atalaya-tile", String(index));
      event.dataTransfer.effectAllowed = "move";
    });
    tile.addEventListener("dragover", (event) => {
      const types = event.dataTransfer.types;
      if (types.includes("application/x-atalaya-camera") || types.includes("application/x-atalaya-tile")) {
        event.preventDefault();
        tile.classList.add("wall-drop");
      }
    });
    tile.addEventListener("dragleave", () => tile.classList.remove("wall-drop"));
    tile.addEventListener("drop", (event) => {
      event.preventDefault();
      tile.classList.remove("wall-drop");
      const camera = event.dataTransfer.getData("application/x-atalaya-camera");
      const from = event.dataTransfer.getData("application/x-atalaya-tile");
      if (camera) put(index, Number(camera));
      else if (from !== "") swap(Number(from), index);
    });
    wall.appendChild(tile);
    return tile;
  }

  function renderTile(element, index) {
    const tile = state.tiles[index];
    const camera = cameraOf(tile);
    const kind = !tile ? "empty" : tile.forbidden ? "forbidden" : tile.tour ? "tour" : "camera";
    element.dataset.kind = kind;
    element.classList.toggle("selected", index === state.selected);
    element.classList.toggle("enlarged", index === enlarged);
    element.classList.toggle("small", isSmall(index));
    element.tabIndex = index === state.selected ? 0 : -1;
    element.setAttribute("aria-label", text("tile", index + 1) + (camera ? ": " + (cameraNames.get(camera) || "") : ""));
    if (camera) element.dataset.cameraId = String(camera); else delete element.dataset.cameraId;
    element.querySelector(".wall-tile-name").textContent = camera ? cameraNames.get(camera) || "#" + camera
      : kind === "forbidden" ? text("tile.forbidden") : "";
    element.querySelector(".wall-tile-empty").textContent = kind === "empty" ? text("tile.empty") : "";
    const tour = element.querySelector(".wall-tile-tour");
    tour.hidden = kind !== "tour";
    if (kind === "tour") {
      tour.textContent = text("tour", (tile.position % tile.tour.cameras.length) + 1, tile.tour.cameras.length);
    }
    if (kind === "forbidden") showStatus(index, "forbidden", null);
    if (kind === "empty") showStatus(index, "", null);
    // tiles hidden behind an enlarged one stop playing until the wall comes back
    syncPlayer(index, enlarged === null || enlarged === index ? camera : null);
    syncTour(index, tile);
  }

  function showStatus(index, status, detail) {
    const element = tileElements[index];
    if (!element) return;
    const label = element.querySelector(".wall-tile-status");
    element.dataset.status = status;
    label.dataset.status = status;
    label.textContent = status ? text("status." + status) : "";
    label.title = detail || "";
  }

  // ---- players and tours ----

  // Small tiles ask for the sub-stream; the player falls back to the main stream of a camera that has none.
  function desiredStream(index, camera) {
    if (!isSmall(index)) return "main";
    const info = cameraInfo.get(camera);
    return info && Array.isArray(info.streams) && !info.streams.includes("sub") ? "main" : "sub";
  }

  function syncPlayer(index, camera) {
    const running = players[index];
    if (running && running.camera !== camera) stopPlayer(index);
    if (!camera) return;
    const stream = desiredStream(index, camera);
    if (players[index]) {
      if (players[index].stream !== stream && players[index].handle) {
        players[index].stream = stream;
        players[index].handle.setStream(stream);
      }
      return;
    }
    const element = tileElements[index];
    const rec = element.querySelector(".wall-rec");
    const info = cameraInfo.get(camera);
    rec.hidden = !(info && info.recording);
    const player = { camera, stream, handle: null };
    players[index] = player;
    if (!window.AtalayaLive || typeof window.AtalayaLive.play !== "function") {
      showStatus(index, "unavailable", null);
      return;
    }
    showStatus(index, "connecting", null);
    player.handle = window.AtalayaLive.play(element.querySelector("video"), camera, {
      stream,
      onStatus: (status, detail) => { if (players[index] === player) showStatus(index, status, detail); },
      onInfo: (received) => {
        cameraInfo.set(camera, received);
        if (players[index] !== player) return;
        rec.hidden = !received.recording;
        const wanted = desiredStream(index, camera);
        if (wanted !== player.stream) { player.stream = wanted; player.handle.setStream(wanted); }
      }
    });
  }

  function stopPlayer(index) {
    const player = players[index];
    players[index] = null;
    if (player && player.handle) player.handle.stop();
    if (tileElements[index]) tileElements[index].querySelector(".wall-rec").hidden = true;
  }

  function syncTour(index, tile) {
    const timer = tourTimers[index];
    if (timer && timer.tile === tile) return;
    stopTour(index);
    if (!tile || !tile.tour) return;
    const next = { tile, id: 0 };
    const advance = () => {
      tile.position = (tile.position + 1) % tile.tour.cameras.length;
      if (state.tiles[index] === tile) renderTile(tileElements[index], index);
      next.id = setTimeout(advance, tile.tour.dwellSeconds * 1000);
    };
    next.id = setTimeout(advance, tile.tour.dwellSeconds * 1000);
    tourTimers[index] = next;
  }

  function stopTour(index) {
    if (tourTimers[index]) clearTimeout(tourTimers[index].id);
    tourTimers[index] = null;
  }

  // ---- actions ----

  function select(index, focus) {
    if (index < 0 || index >= tileCount()) return;
    state.selected = index;
    tileElements.forEach((element, i) => {
      element.classList.toggle("selected", i === index);
      element.tabIndex = i === index ? 0 : -1;
    });
    if (focus !== false) tileElements[index].focus({ preventScroll: true });
    remember();
  }

  function put(index, camera) {
    if (!cameraNames.has(camera)) return;
    change(() => { state.tiles[index] = { camera }; state.selected = index; });
  }

  function empty(index) {
    change(() => { state.tiles[index] = null; });
  }

  function swap(from, to) {
    if (from === to || from >= tileCount()) return;
    change(() => {
      const moved = state.tiles[from];
      state.tiles[from] = state.tiles[to];
      state.tiles[to] = moved;
      state.selected = to;
    });
  }

  function setGrid(grid) {
    if (!GRIDS[grid]) return;
    enlarged = null;
    change(() => { state.grid = grid; });
  }

  // The enlarged tile fills the wall, so full screen shows the wall or the enlarged tile alike.
  function toggleEnlarged(index) {
    enlarged = enlarged === index ? null : index;
    render();
    select(index);
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); return; }
    if (wall.requestFullscreen) wall.requestFullscreen().catch(() => { /* refused by the browser: nothing to do */ });
  }

  let sayTimer = null;

  // A confirmation fades after a while; a failure stays until the next message.
  function say(words, failed) {
    message.textContent = words;
    message.classList.toggle("error-text", Boolean(failed));
    clearTimeout(sayTimer);
    if (!failed) sayTimer = setTimeout(() => { message.textContent = ""; }, 8000);
  }

  // ---- tile menu ----

  let menuTile = null;

  function openMenu(index) {
    menuTile = index;
    const tile = state.tiles[index];
    menu.querySelector('[data-action="enlarge"]').textContent = text(enlarged === index ? "menu.restore" : "menu.enlarge");
    menu.querySelector('[data-action="single"]').hidden = !cameraOf(tile);
    menu.querySelector('[data-action="empty"]').hidden = !tile;
    const box = tileElements[index].querySelector(".wall-tile-menu-button").getBoundingClientRect();
    menu.hidden = false;
    menu.style.left = Math.max(4, Math.min(window.innerWidth - menu.offsetWidth - 4, box.right - menu.offsetWidth)) + "px";
    menu.style.top = Math.min(window.innerHeight - menu.offsetHeight - 4, box.bottom + 2) + "px";
    menu.querySelector("button:not([hidden])").focus();
  }

  function closeMenu(refocus) {
    if (menu.hidden) return;
    menu.hidden = true;
    if (refocus !== false && menuTile !== null && tileElements[menuTile]) tileElements[menuTile].focus();
  }

  menu.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]");
    if (!action || menuTile === null) return;
    const index = menuTile;
    closeMenu();
    if (action.dataset.action === "enlarge") toggleEnlarged(index);
    if (action.dataset.action === "tour") openTour(index);
    if (action.dataset.action === "empty") empty(index);
    if (action.dataset.action === "single") window.location.assign("/cameras/" + cameraOf(state.tiles[index]) + "/live");
  });
  menu.addEventListener("keydown", (event) => {
    const items = Array.from(menu.querySelectorAll("button:not([hidden])"));
    const at = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      items[(at + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length].focus();
    } else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      closeMenu();
    }
    event.stopPropagation();
  });
  document.addEventListener("click", (event) => {
    if (!menu.hidden && !event.target.closest("#wall-menu, .wall-tile-menu-button")) closeMenu(false);
  });

  // ---- tours ----

  const tourDialog = document.getElementById("wall-tour-dialog");
  const tourForm = document.getElementById("wall-tour-form");
  const tourError = document.getElementById("wall-tour-error");
  let tourTile = null;

  function openTour(index) {
    tourTile = index;
    const tile = state.tiles[index];
    const chosen = tile && tile.tour ? tile.tour.cameras : cameraOf(tile) ? [cameraOf(tile)] : [];
    tourForm.querySelectorAll('input[name="camera"]').forEach((box) => { box.checked = chosen.includes(Number(box.value)); });
    tourForm.elements.dwell.value = tile && tile.tour ? tile.tour.dwellSeconds : defaultDwell;
    document.getElementById("wall-tour-heading").textContent = text("tour.title", index + 1);
    document.getElementById("wall-tour-remove").hidden = !(tile && tile.tour);
    tourError.textContent = "";
    tourDialog.showModal();
  }

  tourForm.addEventListener("submit", (event) => {
    const choice = event.submitter ? event.submitter.value : "start";
    if (choice === "cancel") return;
    const index = tourTile;
    if (choice === "remove") {
      const tile = state.tiles[index];
      change(() => { state.tiles[index] = tile && tile.tour ? { camera: cameraOf(tile) } : tile; });
      return;
    }
    const cameras = Array.from(tourForm.querySelectorAll('input[name="camera"]:checked')).map((box) => Number(box.value));
    const dwell = Number(tourForm.elements.dwell.value);
    if (cameras.length < 2) {
      event.preventDefault();
      tourError.textContent = text("tour.needTwo");
      return;
    }
    change(() => { state.tiles[index] = { tour: { cameras, dwellSeconds: dwell }, position: 0 }; });
  });
  tourDialog.addEventListener("close", () => { if (tourTile !== null && tileElements[tourTile]) tileElements[tourTile].focus(); });

  // ---- named layouts ----

  const address = () => state.layoutId ? "/live?layout=" + state.layoutId : "/live";

  const layouts = window.AtalayaWallLayouts({
    text,
    say,
    content,
    current: () => ({ id: state.layoutId, changed: savedShape !== null && savedShape !== shape() }),
    show(layout) {
      enlarged = null;
      change(() => {
        state.grid = GRIDS[layout.grid] ? layout.grid : "2x2";
        state.tiles = (layout.tiles || []).map(fromSaved);
        state.selected = 0;
        state.layoutId = layout.id;
      });
      this.saved(layout.id);
    },
    saved(id) {
      state.layoutId = id;
      savedShape = id ? shape() : null;
      remember();
      history.replaceState(null, "", address());
    }
  });

  document.getElementById("wall-fullscreen").addEventListener("click", toggleFullscreen);
  document.querySelectorAll("button[data-grid]").forEach((button) => {
    button.addEventListener("click", () => setGrid(button.dataset.grid));
  });
  const help = document.getElementById("wall-help");
  document.getElementById("wall-help-button").addEventListener("click", () => help.showModal());

  // ---- camera list ----

  const visibleCameras = () => cameraItems.filter((item) => !item.hidden);

  filter.addEventListener("input", () => {
    const words = filter.value.trim().toLowerCase();
    cameraItems.forEach((item) => {
      item.hidden = words !== "" && !(item.dataset.name + " " + item.dataset.group).toLowerCase().includes(words);
    });
  });
  filter.addEventListener("keydown", (event) => {
    const first = visibleCameras()[0];
    if (event.key === "ArrowDown" && first) { event.preventDefault(); focusCamera(first); }
    if (event.key === "Enter" && first) { event.preventDefault(); put(state.selected, Number(first.dataset.cameraId)); }
    if (event.key === "Escape") { filter.value = ""; filter.dispatchEvent(new Event("input")); focusTile(); }
  });

  function focusCamera(item) {
    cameraItems.forEach((other) => {
      other.tabIndex = other === item ? 0 : -1;
      other.setAttribute("aria-selected", String(other === item));
    });
    item.focus();
  }

  cameraItems.forEach((item) => {
    item.addEventListener("click", () => focusCamera(item));
    item.addEventListener("dblclick", () => put(state.selected, Number(item.dataset.cameraId)));
    item.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("application/x-atalaya-camera", item.dataset.cameraId);
      event.dataTransfer.effectAllowed = "copy";
    });
  });
  if (cameraItems.length) cameraItems[0].tabIndex = 0;

  cameraList.addEventListener("keydown", (event) => {
    const item = event.target.closest("li[data-camera-id]");
    if (!item) return;
    const shown = visibleCameras();
    const at = shown.indexOf(item);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = shown[at + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) focusCamera(next); else if (event.key === "ArrowUp") filter.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      put(state.selected, Number(item.dataset.cameraId));
    } else if (event.key === "Escape" || event.key === "ArrowRight") {
      event.preventDefault();
      focusTile();
    } else {
      return;
    }
    event.stopPropagation();
  });

  function focusTile() {
    if (tileElements[state.selected]) tileElements[state.selected].focus();
  }

  // ---- keys of the wall ----

  let afterG = false;
  const typing = (target) => target.closest("input, textarea, select, [contenteditable], dialog");

  function moveSelection(key) {
    const columns = COLUMNS[state.grid];
    const count = tileCount();
    let index = state.selected;
    if (state.grid === "1+5") {
      // the large tile covers rows and columns 1-2; the small ones sit to its right (1, 2) and below (3, 4, 5)
      const moves = { ArrowRight: [1, 1, 2, 4, 5, 5], ArrowLeft: [0, 0, 0, 3, 3, 4],
        ArrowDown: [3, 2, 5, 3, 4, 5], ArrowUp: [0, 1, 1, 0, 0, 2] };
      index = moves[key][index];
    } else if (key === "ArrowRight") index = Math.min(count - 1, index + 1);
    else if (key === "ArrowLeft") index = Math.max(0, index - 1);
    else if (key === "ArrowDown") index = index + columns < count ? index + columns : index;
    else if (key === "ArrowUp") index = index - columns >= 0 ? index - columns : index;
    select(index);
  }

  window.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || !menu.hidden) return;
    if (afterG) { afterG = false; return; } // the console's "g" shortcuts
    if (event.key === "g") { afterG = true; setTimeout(() => { afterG = false; }, 1200); return; }
    const onTile = event.target.closest(".wall-tile");
    const digit = /^Digit([1-9])$/.exec(event.code);
    let handled = true;
    if (event.key === "?") help.showModal();
    else if (digit && event.shiftKey) { if (GRID_KEYS[digit[1] - 1]) setGrid(GRID_KEYS[digit[1] - 1]); else handled = false; }
    else if (digit) select(Number(digit[1]) - 1, !event.target.closest(".wall-camera-list"));
    else if (event.key.startsWith("Arrow") && !event.target.closest(".wall-camera-list")) moveSelection(event.key);
    else if (event.key === "Enter" && onTile) toggleEnlarged(Number(onTile.dataset.index));
    else if (event.key === "Escape" && enlarged !== null) toggleEnlarged(enlarged);
    else if (event.key === "Delete" || event.key === "Backspace") empty(state.selected);
    else if (event.key === "f" || event.key === "F") toggleFullscreen();
    else if (event.key === "t" || event.key === "T") openTour(state.selected);
    else if (event.key === "m" || event.key === "M" || event.key === "ContextMenu") openMenu(state.selected);
    else if (event.key === "s" || event.key === "S") layouts.save();
    else if (event.key === "/") filter.focus();
    else handled = false;
    if (handled) { event.preventDefault(); event.stopImmediatePropagation(); }
  }, true);

  window.addEventListener("pagehide", () => players.forEach((player, index) => { if (player) stopPlayer(index); }));

  // ---- start ----

  const query = new URLSearchParams(window.location.search);
  const restored = restore();
  render();
  if (!restored) select(0, false);
  const layoutToOpen = query.get("layout");
  const cameraToAdd = Number(query.get("add"));
  const failed = (e) => say(text("failed", e.message), true);
  // a reload keeps the wall as the operator left it, changes included, rather than opening its layout afresh
  const reloaded = restored && layoutToOpen === String(state.layoutId);
  const opening = layoutToOpen && !reloaded ? layouts.open(layoutToOpen) : Promise.resolve();
  opening.catch(failed).then(() => {
    if (cameraToAdd && cameraNames.has(cameraToAdd)) {
      const firstEmpty = state.tiles.findIndex((tile) => !tile);
      put(restored ? state.selected : firstEmpty >= 0 ? firstEmpty : 0, cameraToAdd);
      history.replaceState(null, "", address());
    }
    return layouts.load();
  }).catch(failed);
})();
