// Console behaviour shared by every page: the clock, keyboard shortcuts, copy buttons and CSRF for htmx requests.
(function () {
  "use strict";

  const language = document.documentElement.lang || undefined;

  const clock = document.querySelector("[data-clock]");
  if (clock) {
    const day = new Intl.DateTimeFormat(language, { weekday: "short", day: "2-digit", month: "short" });
    const time = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    const tick = () => {
      const now = new Date();
      clock.textContent = day.format(now) + " · " + time.format(now);
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

  // A secret shown once (one-time password, API token, two-factor key) gets a button that copies it.
  const copyLabel = document.body.dataset.copyLabel;
  const copiedLabel = document.body.dataset.copiedLabel;
  if (copyLabel && navigator.clipboard) {
    document.querySelectorAll("[data-copy]").forEach((secret) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button ghost small copy";
      button.textContent = copyLabel;
      button.addEventListener("click", () => {
        navigator.clipboard.writeText(secret.textContent.trim()).then(() => {
          button.textContent = copiedLabel;
          setTimeout(() => { button.textContent = copyLabel; }, 2000);
        });
      });
      secret.after(button);
    });
  }

  const help = document.getElementById("shortcut-help");
  let focusBeforeHelp = null;
  const showHelp = () => {
    focusBeforeHelp = document.activeElement;
    help.hidden = false;
    help.querySelector(".panel").focus();
  };
  const hideHelp = () => {
    help.hidden = true;
    if (focusBeforeHelp && focusBeforeHelp.focus) focusBeforeHelp.focus();
  };
  if (help) {
    help.addEventListener("click", (event) => { if (event.target === help) hideHelp(); });
  }

  const typing = (target) => target.closest("input, textarea, select, [contenteditable]");
  let pendingG = false;
  document.addEventListener("keydown", (event) => {
    if (help && !help.hidden && event.key === "Tab") { event.preventDefault(); return; } // nothing to tab to inside
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === "Escape" && help && !help.hidden) { hideHelp(); return; }
    if (event.key === "?" && help) { if (help.hidden) showHelp(); else hideHelp(); return; }
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
