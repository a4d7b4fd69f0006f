// Alarm types: each form saves its type through PUT /api/v1/alarm-types/{code} and says in words how it went.
(function () {
  "use strict";

  const page = document.getElementById("alarm-types-page");
  if (!page) return;
  const message = document.getElementById("alarm-types-message");
  const texts = {};
  document.querySelectorAll("#alarm-types-text [data-key]").forEach((entry) => { texts[entry.dataset.key] = entry.textContent; });
  const text = (key, ...values) => (texts[key] || key).replace(/\{(\d)}/g, (_, n) => values[Number(n)] ?? "");
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function say(words, failed) {
    message.textContent = words;
    message.classList.toggle("error-text", Boolean(failed));
  }

  async function save(form) {
    const code = form.dataset.code;
    const escalate = form.elements.escalateAfterSeconds.value.trim();
    const body = {
      priority: Number(form.elements.priority.value),
      escalateAfterSeconds: escalate === "" ? null : Number(escalate),
      clip: form.elements.clip.checked,
      sop: form.elements.sop.value.split("\n").map((line) => line.trim()).filter((line) => line !== ""),
    };
    const headers = { "Accept": "application/json", "Content-Type": "application/json" };
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    try {
      const response = await fetch(page.dataset.api + "/" + encodeURIComponent(code),
        { method: "PUT", headers, credentials: "same-origin", body: JSON.stringify(body) });
      if (!response.ok) {
        const problem = await response.json().catch(() => null);
        throw new Error(problem && problem.detail ? problem.detail : response.status + " " + response.statusText);
      }
      say(text("saved", code));
    } catch (e) {
      say(text("failed", e.message), true);
    }
  }

  page.querySelectorAll("form[data-code]").forEach((form) => {
    form.addEventListener("submit", (event) => { event.preventDefault(); save(form); });
  });
})();
