// Legal holds page: the times typed in this computer's zone go to the server as UTC instants, and the times shown
// in UTC are shown again in this computer's zone.
(function () {
  "use strict";

  const form = document.getElementById("legal-hold-form");
  if (form) {
    const pad = (number) => String(number).padStart(2, "0");
    const localValue = (date) => date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate())
        + "T" + pad(date.getHours()) + ":" + pad(date.getMinutes());
    form.querySelectorAll("[data-utc-field]").forEach((local) => {
      const utc = form.elements[local.dataset.utcField];
      if (utc.value) {
        const kept = new Date(utc.value);
        if (!isNaN(kept)) local.value = localValue(kept);
      }
    });
    form.addEventListener("submit", () => {
      form.querySelectorAll("[data-utc-field]").forEach((local) => {
        const date = new Date(local.value);
        form.elements[local.dataset.utcField].value = isNaN(date) ? "" : date.toISOString();
      });
    });
  }

  const language = document.documentElement.lang || undefined;
  const format = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  document.querySelectorAll("time[data-local]").forEach((time) => {
    const date = new Date(time.dateTime);
    if (!isNaN(date)) {
      time.title = time.textContent;
      time.textContent = format.format(date);
    }
  });
})();
