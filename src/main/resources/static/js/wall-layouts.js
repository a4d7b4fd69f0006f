// Named layouts of the video wall: the list a user may open (their own and those others share), and opening, saving,
// saving under a new name and deleting them through /api/v1/wall/layouts. The wall (wall.js) says what it shows and
// shows what is opened; this file knows the API, the layout list and the save dialog.
window.AtalayaWallLayouts = function (wall) {
  "use strict";

  // wall: text(key, ...values), say(words, failed), content() -> {grid, tiles} as the API takes them,
  //       show(layout) shows an opened layout, saved(id) marks the wall as layout id (null: none), current() ->
  //       {id, changed}
  const API = "/api/v1/wall/layouts";
  const select = document.getElementById("wall-layout-select");
  const label = document.getElementById("wall-current");
  const deleteButton = document.getElementById("wall-delete");
  const dialog = document.getElementById("wall-save-dialog");
  const form = document.getElementById("wall-save-form");
  const problem = document.getElementById("wall-save-error");
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  let layouts = [];

  const failed = (e) => wall.say(wall.text("failed", e.message), true);
  const currentLayout = () => layouts.find((layout) => layout.id === wall.current().id) || null;

  async function request(method, url, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin" });
    const answer = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new Error(answer && answer.detail ? answer.detail : response.status + " " + response.statusText);
    return answer;
  }

  /** Shows which layout the wall is, and whether it changed since it was opened or saved. */
  function refresh() {
    const layout = currentLayout();
    const changed = Boolean(layout) && wall.current().changed;
    label.textContent = layout ? layout.name + (changed ? " · " + wall.text("changed") : "") : wall.text("layout.unsaved");
    label.classList.toggle("changed", changed);
    deleteButton.disabled = !(layout && layout.mine);
  }

  async function load() {
    layouts = await request("GET", API);
    select.querySelectorAll("option:not([value=''])").forEach((option) => option.remove());
    layouts.forEach((layout) => {
      const option = document.createElement("option");
      option.value = String(layout.id);
      option.textContent = layout.mine ? wall.text(layout.shared ? "layout.shared" : "layout.mine", layout.name)
        : wall.text("layout.sharedBy", layout.name, layout.owner);
      select.appendChild(option);
    });
    select.value = currentLayout() ? String(wall.current().id) : "";
    refresh();
  }

  async function open(id) {
    const layout = await request("GET", API + "/" + id);
    wall.show(layout);
    select.value = String(layout.id);
    refresh();
    wall.say(wall.text("opened", layout.name));
  }

  async function store(name, shared, asNew) {
    const body = Object.assign({ name, shared }, wall.content());
    const saved = asNew ? await request("POST", API, body) : await request("PUT", API + "/" + wall.current().id, body);
    wall.saved(saved.id);
    await load();
    wall.say(wall.text("saved", saved.name));
  }

  /** Saves over the user's own layout; anything else is saved under a new name. */
  function save() {
    const layout = currentLayout();
    if (layout && layout.mine) store(layout.name, layout.shared, false).catch(failed);
    else saveAs();
  }

  function saveAs() {
    const layout = currentLayout();
    form.elements.name.value = layout && !layout.mine ? layout.name : "";
    form.elements.shared.checked = false;
    problem.textContent = "";
    dialog.showModal();
  }

  async function remove() {
    const layout = currentLayout();
    if (!layout || !layout.mine || !window.confirm(wall.text("delete.confirm", layout.name))) return;
    await request("DELETE", API + "/" + layout.id);
    wall.saved(null);
    await load();
    wall.say(wall.text("deleted", layout.name));
  }

  form.addEventListener("submit", (event) => {
    if (!event.submitter || event.submitter.value !== "save") return;
    event.preventDefault();
    store(form.elements.name.value.trim(), form.elements.shared.checked, true)
      .then(() => dialog.close())
      .catch((e) => { problem.textContent = e.message; });
  });
  document.getElementById("wall-open").addEventListener("click", () => { if (select.value) open(select.value).catch(failed); });
  document.getElementById("wall-save").addEventListener("click", save);
  document.getElementById("wall-save-as").addEventListener("click", saveAs);
  deleteButton.addEventListener("click", () => remove().catch(failed));

  return { refresh, load, open, save };
};
