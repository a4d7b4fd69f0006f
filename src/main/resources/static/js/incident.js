/* The incident page: times in the viewer's local time (also in the panels other modules fill in: a
   time[data-local="time"] shows the time of day only), a quiet placeholder where such a panel cannot be loaded, and a
   small map (base-map.js) with the incident's place and the cameras that see it. */
(function () {
  'use strict';

  const page = document.getElementById('incident-page');
  if (!page) return;

  function localTimes(root) {
    const language = document.documentElement.lang || undefined;
    root.querySelectorAll('time[data-local]').forEach(function (time) {
      const at = new Date(time.getAttribute('datetime'));
      if (isNaN(at)) return;
      time.textContent = time.dataset.local === 'time' ? at.toLocaleTimeString(language) : at.toLocaleString(language);
    });
  }
  localTimes(document);
  document.body.addEventListener('htmx:afterSwap', function (event) { localTimes(event.detail.target); });

  document.body.addEventListener('htmx:responseError', function (event) {
    const panel = event.detail.elt;
    if (!panel || !panel.classList || !panel.classList.contains('incident-panel')) return;
    const quiet = document.createElement('p');
    quiet.className = 'muted';
    quiet.textContent = page.dataset.unavailable;
    panel.replaceChildren(quiet);
  });

  const element = document.getElementById('incident-map');
  if (!element || !window.L) return;
  const data = element.dataset;
  const point = [Number(data.latitude), Number(data.longitude)];
  const map = AtalayaBaseMap.create(element, { center: point, zoom: 17 });

  L.circleMarker(point, { radius: 9, className: 'incident-point' }).addTo(map).bindTooltip(data.label);
  const shown = [point];
  document.querySelectorAll('#incident-cameras li[data-camera]').forEach(function (item) {
    const camera = [Number(item.dataset.latitude), Number(item.dataset.longitude)];
    if (isNaN(camera[0]) || isNaN(camera[1])) return;
    L.circleMarker(camera, { radius: 6, className: 'incident-camera' }).addTo(map).bindTooltip(item.dataset.name);
    L.polyline([camera, point], { className: 'incident-sightline', weight: 1, interactive: false }).addTo(map);
    shown.push(camera);
  });
  if (shown.length > 1) map.fitBounds(L.latLngBounds(shown), { padding: [24, 24], maxZoom: 18 });
})();
