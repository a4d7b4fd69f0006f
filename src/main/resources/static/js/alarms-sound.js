// The alarm console's sound cues, made with WebAudio (no audio file): a soft double tone for a new alarm, a sharper,
// repeated one for a priority-1 alarm or an escalation. Browsers let a page make sound only after the person
// interacted with it, so the cue is armed by the first click or key press; until then the page says so. Muting is
// remembered in the browser (localStorage).
window.AtalayaAlarmSound = function (options) {
  "use strict";

  // options: button (the mute toggle), hint (shown until sound can play), labels {on, off}
  const STORED = "atalaya.alarms.muted";
  const AudioContextClass = window.AudioContext || window.webkitAudioContext;
  let context = null;
  let muted = read();

  function read() {
    try { return localStorage.getItem(STORED) === "true"; } catch (e) { return false; }
  }

  function remember() {
    try { localStorage.setItem(STORED, String(muted)); } catch (e) { /* not kept: the toggle still works */ }
  }

  function showState() {
    options.button.setAttribute("aria-pressed", String(!muted));
    options.button.textContent = muted ? options.labels.off : options.labels.on;
    // the hint keeps its place when it goes, so that nothing moves under the pointer
    options.hint.classList.toggle("quiet", muted || !AudioContextClass
      || (context !== null && context.state === "running"));
  }

  /** Creates or wakes the audio context; only works from within a user's gesture. */
  function arm() {
    if (!AudioContextClass) return;
    try {
      if (context === null) context = new AudioContextClass();
      if (context.state === "suspended") context.resume().then(showState, showState);
    } catch (e) { /* no audio on this machine: the console works without it */ }
    showState();
  }

  function beep(at, frequency, seconds, type, volume) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = type;
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(volume, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + seconds + 0.02);
  }

  /** Plays a cue: "new" for a new alarm, "urgent" for a priority-1 alarm or an escalation. */
  function play(kind) {
    if (muted || context === null || context.state !== "running") return;
    const now = context.currentTime + 0.01;
    if (kind === "urgent") {
      for (let round = 0; round < 3; round++) {
        beep(now + round * 0.36, 880, 0.14, "square", 0.08);
        beep(now + round * 0.36 + 0.16, 1175, 0.14, "square", 0.08);
      }
    } else {
      beep(now, 660, 0.16, "sine", 0.18);
      beep(now + 0.2, 880, 0.22, "sine", 0.18);
    }
  }

  options.button.addEventListener("click", () => {
    muted = !muted;
    remember();
    if (!muted) arm();
    showState();
  });
  // on click rather than on pointer down: the click has found its target by then
  ["click", "keydown"].forEach((type) => document.addEventListener(type, arm, { capture: true }));
  showState();

  return { play, isMuted: () => muted };
};
