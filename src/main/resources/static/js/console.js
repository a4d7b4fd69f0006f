// Console behaviour shared by every page: the clock, keyboard shortcuts and CSRF for htmx requests.
(function () {
  "use strict";

  const clock = document.querySelector("[data-clock]");
  if (clock) {
    const tick = () => {
      const now = new Date();
      clock.textContent = now.toLocaleTimeString(document.documentElement.lang || undefined, { hour12: false });
      clock.dateTime = now.toISOString();
    };
    tick();
    setInterval(tick, 1000);
  }

  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  if (csrfToken && csrfHeader) {
    document.addEventListener("htmx:configRequest", (event) => {
      event.detail.headers[csrfHeader.content] = csrfToken.content;
    });
  }

  const help = document.getElementById("shortcut-help");
  const typing = (target) => target.closest("input, textarea, select, [contenteditable]");
  let pendingG = false;
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === "Escape" && help && !help.hidden) { help.hidden = true; return; }
    if (event.key === "?" && help) { help.hidden = !help.hidden; return; }
    if (pendingG) {
      pendingG = false;
      const target = event.key === "h"
        ? document.querySelector(".brand")
        : document.querySelector(`.sidebar a[data-shortcut="${CSS.escape(event.key)}"]`);
      if (target) { event.preventDefault(); window.location.assign(target.href); }
      return;
    }
    if (event.key === "g") { pendingG = true; setTimeout(() => { pendingG = false; }, 1200); }
  });
})();
