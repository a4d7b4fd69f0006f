// Playback page: plays the chosen minute of recorded video and offers it as a clip. Times from the server are UTC;
// the operator reads and types them in the browser's local time.
(function () {
  "use strict";

  const language = document.documentElement.lang || undefined;
  const shown = new Intl.DateTimeFormat(language, {
    year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23"
  });

  document.querySelectorAll("main time[datetime]").forEach((time) => {
    time.textContent = shown.format(new Date(time.dateTime));
  });

  const form = document.getElementById("playback-form");
  if (!form) return;
  const video = document.getElementById("player");
  const download = document.getElementById("download");
  const problem = document.getElementById("playback-error");
  const seconds = Number(form.dataset.seconds) || 60;

  const pad = (number) => String(number).padStart(2, "0");
  const localInputValue = (date) => date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate())
    + "T" + pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds());

  if (form.dataset.defaultStart) {
    form.elements.start.value = localInputValue(new Date(form.dataset.defaultStart));
  }

  video.addEventListener("error", () => {
    problem.textContent = form.dataset.failed;
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // a datetime-local value has no offset, so Date reads it as the browser's local time
    const from = new Date(form.elements.start.value);
    if (Number.isNaN(from.getTime())) return;
    const to = new Date(from.getTime() + seconds * 1000);
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(),
      reason: form.elements.reason.value.trim() });
    const caseNumber = form.elements.case.value.trim();
    if (caseNumber) query.set("case", caseNumber);
    problem.textContent = "";
    video.src = form.dataset.stream + "?" + query;
    video.play().catch(() => { /* the error event explains a failure */ });
    download.href = form.dataset.clip + "?" + query;
    download.hidden = false;
  });
})();
