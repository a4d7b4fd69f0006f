// The reason and case number for viewing recorded video: asked in a dialog the first time, then kept for the
// browser tab (sessionStorage) and sent with every request for video, thumbnails and clips until the user changes
// the case. A link may carry the reason and case in its address (?reason=...&case=...): they are then taken as
// given, without asking.
(function () {
  "use strict";

  const KEY = "atalaya.playback.purpose";

  /** A reason and case given in the address (a link from an incident page): accepted without asking. */
  function fromAddress() {
    const query = new URLSearchParams(location.search);
    const reason = (query.get("reason") || "").trim().slice(0, 500);
    if (!reason || !query.has("case")) return null;
    const purpose = { reason, caseNumber: (query.get("case") || "").trim().slice(0, 100) };
    sessionStorage.setItem(KEY, JSON.stringify(purpose));
    return purpose;
  }

  function stored() {
    try {
      const purpose = JSON.parse(sessionStorage.getItem(KEY));
      return purpose && purpose.reason ? purpose : null;
    } catch (ignored) {
      return null;
    }
  }

  /**
   * @param dialog the <dialog> with a form holding the fields "reason" and "case", and a cancel button
   * @param words  noCase (shown when no case number is given), needed (why a refusal stops playback),
   *               changed() called when the user gave a new reason or case through the "change" control
   */
  function purpose(dialog, words) {
    const form = dialog.querySelector("form");
    const shownCase = document.getElementById("pb-case");
    let given = fromAddress() || stored();
    let pending = null;

    function show() {
      shownCase.textContent = given ? (given.caseNumber || words.noCase) : "—";
    }

    function ask() {
      if (pending) return pending.promise;
      pending = {};
      pending.promise = new Promise((resolve, reject) => { pending.resolve = resolve; pending.reject = reject; });
      form.elements.reason.value = given ? given.reason : "";
      form.elements.case.value = given ? given.caseNumber : "";
      dialog.showModal();
      form.elements.reason.focus();
      return pending.promise;
    }

    function finish(answer) {
      const waiting = pending;
      pending = null;
      if (dialog.open) dialog.close();
      if (!waiting) return;
      if (answer) waiting.resolve(answer);
      else waiting.reject(new Error(words.needed));
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const reason = form.elements.reason.value.trim();
      if (!reason) {
        form.elements.reason.reportValidity();
        return;
      }
      given = { reason, caseNumber: form.elements.case.value.trim() };
      sessionStorage.setItem(KEY, JSON.stringify(given));
      show();
      finish(given);
    });
    dialog.querySelector("button[type=button]").addEventListener("click", () => finish(null));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(null);
    });
    document.getElementById("pb-case-change").addEventListener("click", () => ask().then(words.changed, () => {
      /* the case stays as it was */
    }));
    show();

    return {
      /** The reason and case given, or null. */
      current: () => given,
      /** Resolves with the reason and case, asking for them first if none is given; rejects when refused. */
      ensure: () => given ? Promise.resolve(given) : ask(),
      /** Whether the dialog is open. */
      asking: () => dialog.open
    };
  }

  window.AtalayaRecorded = Object.assign(window.AtalayaRecorded || {}, { purpose });
})();
