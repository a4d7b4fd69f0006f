// Recorded-video cameras list: local times, and the choice of up to four cameras to play back together.
(function () {
  "use strict";

  const shown = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23"
  });
  document.querySelectorAll("main time[datetime]").forEach((time) => {
    time.textContent = shown.format(new Date(time.dateTime));
  });

  const form = document.getElementById("together-form");
  if (!form) return;
  const most = Number(form.dataset.most) || 4;
  const button = document.getElementById("play-together");
  const boxes = Array.from(form.querySelectorAll("input[name=cameras]"));
  const update = () => {
    const chosen = boxes.filter((box) => box.checked).length;
    button.disabled = chosen < 1 || chosen > most;
    boxes.forEach((box) => { box.disabled = !box.checked && chosen >= most; });
  };
  boxes.forEach((box) => box.addEventListener("change", update));
  form.addEventListener("submit", (event) => {
    // one parameter, "cameras=1,2,3", as the page's address is documented
    event.preventDefault();
    const ids = boxes.filter((box) => box.checked).map((box) => box.value);
    if (ids.length) window.location.assign(form.action + "?cameras=" + ids.join(","));
  });
  update();
})();
