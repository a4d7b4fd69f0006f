/* The responder's phone page: the panel (unit, incident, status buttons) is loaded again when the server's stream
   says the unit's situation changed; the small map shows the incident and the unit's latest position; "share my
   position" sends the phone's fixes, at most one per configured interval. Without a configured tile server the map
   is a plain grid: nothing is fetched from outside. Every text from the server is set as text, never as HTML. */
(function () {
  'use strict';

  const root = document.getElementById('responder');
  if (!root) return;
  const data = root.dataset;
  const SHARING_KEY = 'atalaya.responder.sharing';
  const RECONNECT_GRACE_MS = 5000;
  const SCENE_ZOOM = 16;
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const language = document.documentElement.lang || undefined;

  const streamState = document.getElementById('responder-stream');

  let map = null;
  let unitMarker = null;
  let shownPanel = null;

  function panel() {
    return document.getElementById('responder-panel');
  }

  function signedOn() {
    const current = panel();
    return current !== null && current.dataset.signedOn === 'true';
  }

  function format(template) {
    const values = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d)\}/g, function (whole, index) { return values[Number(index)]; });
  }

  /* ---- the map ---- */

  function drawMap() {
    if (map) {
      map.remove();
      map = null;
      unitMarker = null;
    }
    const element = document.getElementById('responder-map');
    if (!element || !window.L) return;
    const place = element.dataset;
    const points = [];
    map = AtalayaBaseMap.create(element, { zoomSnap: 0.5 }, data);
    if (place.incidentLatitude && place.incidentLongitude) {
      const incident = [Number(place.incidentLatitude), Number(place.incidentLongitude)];
      L.circleMarker(incident, { className: 'responder-incident-marker', radius: 12, weight: 3 })
        .bindTooltip(data.labelIncident).addTo(map);
      points.push(incident);
    }
    if (place.unitLatitude && place.unitLongitude) {
      const unit = [Number(place.unitLatitude), Number(place.unitLongitude)];
      unitMarker = L.circleMarker(unit, { className: 'responder-unit-marker', radius: 8, weight: 3 })
        .bindTooltip(data.labelUnit).addTo(map);
      points.push(unit);
    }
    if (points.length > 1) map.fitBounds(points, { padding: [32, 32], maxZoom: 17 });
    else map.setView(points[0], SCENE_ZOOM);
  }

  function moveUnit(latitude, longitude) {
    if (!signedOn()) return;
    if (!document.getElementById('responder-map')) {
      refreshPanel();
      return;
    }
    if (!map) return;
    if (unitMarker) {
      unitMarker.setLatLng([latitude, longitude]);
    } else {
      unitMarker = L.circleMarker([latitude, longitude], { className: 'responder-unit-marker', radius: 8, weight: 3 })
        .bindTooltip(data.labelUnit).addTo(map);
    }
  }

  /* ---- the panel ---- */

  function refreshPanel() {
    if (window.htmx) {
      htmx.ajax('GET', data.panel, { target: '#responder-panel', swap: 'outerHTML' });
    } else {
      window.location.reload();
    }
  }

  /* After the first load and after every swap of the panel: its map, and the sharing shown as it stands. */
  function panelChanged() {
    const current = panel();
    if (!current || current === shownPanel) return;
    shownPanel = current;
    drawMap();
    if (!signedOn()) stopSharing(true);
    showSharing();
  }

  document.addEventListener('htmx:afterSettle', panelChanged);

  /* ---- the stream ---- */

  function listen() {
    const source = new EventSource(data.events);
    let interrupted = null;
    source.addEventListener('open', function () {
      clearTimeout(interrupted);
      interrupted = null;
      streamState.hidden = true;
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        clearTimeout(interrupted);
        streamState.textContent = data.labelClosed;
        streamState.hidden = false;
        return;
      }
      if (interrupted) return;
      interrupted = setTimeout(function () {
        streamState.textContent = data.labelOffline;
        streamState.hidden = false;
      }, RECONNECT_GRACE_MS);
    });
    source.addEventListener('situation', function (event) {
      const current = panel();
      if (current && JSON.parse(event.data).version !== current.dataset.version) refreshPanel();
    });
    source.addEventListener('position', function (event) {
      const position = JSON.parse(event.data);
      moveUnit(position.latitude, position.longitude);
    });
  }

  /* ---- sharing the phone's position ---- */

  const every = Number(data.positionEvery) || 5000;
  let watch = null;
  let latestFix = null;
  let lastSentAt = 0;
  let sendTimer = null;
  let sending = false;
  /* The last word about sharing ({text, failed}), kept while the panel is loaded again; null when not sharing. */
  let shareNews = null;

  function tell(text, failed) {
    shareNews = { text: text, failed: Boolean(failed) };
    showSharing();
  }

  /* The panel's toggle and line, as the sharing stands (the panel is replaced whenever the unit changes). */
  function showSharing() {
    const toggle = document.getElementById('responder-share-toggle');
    const state = document.getElementById('responder-share-state');
    if (!toggle || !state) return;
    const on = watch !== null;
    toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
    toggle.textContent = on ? data.labelShareOn : data.labelShareOff;
    toggle.classList.toggle('ghost', !on);
    toggle.classList.toggle('responder-sharing', on);
    const failed = shareNews !== null && shareNews.failed;
    state.textContent = shareNews ? shareNews.text : data.labelIdle;
    state.classList.toggle('error-text', failed);
    state.classList.toggle('muted', !failed);
  }

  function startSharing() {
    if (!window.isSecureContext || !navigator.geolocation) {
      tell(data.labelInsecure, true);
      return;
    }
    sessionStorage.setItem(SHARING_KEY, '1');
    watch = navigator.geolocation.watchPosition(onFix, onFixError,
      { enableHighAccuracy: true, maximumAge: 0, timeout: 60000 });
    tell(data.labelWaiting, false);
  }

  function stopSharing(forget) {
    if (watch !== null) navigator.geolocation.clearWatch(watch);
    watch = null;
    latestFix = null;
    clearTimeout(sendTimer);
    sendTimer = null;
    if (forget) sessionStorage.removeItem(SHARING_KEY);
    shareNews = null;
    showSharing();
  }

  function onFix(fix) {
    latestFix = fix;
    if (sendTimer !== null || sending) return;
    sendTimer = setTimeout(sendLatest, Math.max(0, lastSentAt + every - Date.now()));
  }

  function onFixError(error) {
    if (error.code === error.PERMISSION_DENIED) {
      stopSharing(true);
      tell(data.labelDenied, true);
    } else {
      tell(data.labelUnavailable, true);
    }
  }

  function known(value) {
    return typeof value === 'number' && isFinite(value) ? value : null;
  }

  function sendLatest() {
    sendTimer = null;
    const fix = latestFix;
    if (!fix || watch === null) return;
    latestFix = null;
    sending = true;
    lastSentAt = Date.now();
    const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    fetch(data.position, {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: JSON.stringify({
        latitude: fix.coords.latitude,
        longitude: fix.coords.longitude,
        accuracy: known(fix.coords.accuracy),
        speed: known(fix.coords.speed),
        heading: known(fix.coords.heading),
        timestamp: Math.round(fix.timestamp)
      })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw new Error(body.detail || String(response.status));
        const time = new Date(body.at || Date.now()).toLocaleTimeString(language);
        tell(body.accuracyMetres == null ? format(data.labelSentUnknownAccuracy, time)
          : format(data.labelSent, time, Math.round(body.accuracyMetres)), false);
        moveUnit(body.latitude, body.longitude);
      });
    }).catch(function (failure) {
      tell(format(data.labelFailed, failure.message), true);
    }).finally(function () {
      sending = false;
      if (latestFix && watch !== null) onFix(latestFix);
    });
  }

  document.addEventListener('click', function (event) {
    if (!event.target.closest('#responder-share-toggle')) return;
    if (watch === null) startSharing();
    else stopSharing(true);
  });

  panelChanged();
  listen();
  if (signedOn() && sessionStorage.getItem(SHARING_KEY) === '1') startSharing();
})();
