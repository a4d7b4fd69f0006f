/* The camera map: cameras as markers with their field of view, coloured by status, kept current over server-sent
   events, on the base map of base-map.js. Every text from the server is set as text, never as HTML. */
(function () {
  'use strict';

  const element = document.getElementById('map');
  if (!element || !window.L) return;
  const data = element.dataset;
  const EARTH_RADIUS_M = 6371008.8;
  const DEFAULT_RANGE_M = 60;
  const CONE_STEPS = 16;
  const RECONNECT_GRACE_MS = 5000;

  const map = AtalayaBaseMap.create(element, {
    center: [Number(data.latitude), Number(data.longitude)],
    zoom: Number(data.zoom)
  });

  const cameras = new Map();
  const received = new Map();
  let following = false;
  const list = document.getElementById('map-list');
  const filter = document.getElementById('map-filter');
  const message = document.getElementById('map-message');

  /* The point at distance metres along bearing degrees from the start (spherical earth; exact enough for a camera's range). */
  function destination(lat, lon, bearing, metres) {
    const angular = metres / EARTH_RADIUS_M;
    const theta = bearing * Math.PI / 180, phi1 = lat * Math.PI / 180, lambda1 = lon * Math.PI / 180;
    const phi2 = Math.asin(Math.sin(phi1) * Math.cos(angular) + Math.cos(phi1) * Math.sin(angular) * Math.cos(theta));
    const lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(angular) * Math.cos(phi1),
      Math.cos(angular) - Math.sin(phi1) * Math.sin(phi2));
    return [phi2 * 180 / Math.PI, lambda2 * 180 / Math.PI];
  }

  function conePoints(camera) {
    const range = camera.range || DEFAULT_RANGE_M;
    const points = [[camera.lat, camera.lon]];
    for (let i = 0; i <= CONE_STEPS; i++) {
      const bearing = camera.heading - camera.fov / 2 + camera.fov * i / CONE_STEPS;
      points.push(destination(camera.lat, camera.lon, bearing, range));
    }
    return points;
  }

  function isPlaced(camera) {
    return camera.lat != null && camera.lon != null;
  }

  function link(href, text, name) {
    const anchor = document.createElement('a');
    anchor.className = 'button ghost small';
    anchor.href = href;
    anchor.textContent = text;
    anchor.dataset.link = name;
    return anchor;
  }

  function since(camera) {
    if (!camera.since) return '';
    return data.labelSince.replace('{0}', new Date(camera.since).toLocaleString(document.documentElement.lang || undefined));
  }

  function popupContent(camera) {
    const box = document.createElement('div');
    box.className = 'map-popup';
    box.dataset.cameraId = camera.id;
    const title = document.createElement('strong');
    title.className = 'map-popup-name';
    title.textContent = camera.name;
    const status = document.createElement('p');
    status.className = 'map-popup-status';
    const dot = document.createElement('span');
    dot.className = 'map-dot status-' + camera.status;
    dot.setAttribute('aria-hidden', 'true');
    const words = document.createElement('span');
    words.textContent = camera.statusText + (camera.problem ? ': ' + camera.problem : '');
    if (camera.problemDetail && camera.problemDetail !== camera.problem) words.title = camera.problemDetail;
    status.append(dot, ' ', words);
    box.append(title, status);
    if (camera.since) {
      const when = document.createElement('p');
      when.className = 'muted map-popup-since';
      when.textContent = since(camera);
      box.append(when);
    }
    const links = document.createElement('p');
    links.className = 'map-popup-links';
    if (camera.links && camera.links.live) links.append(link(camera.links.live, data.labelLive, 'live'));
    if (camera.links && camera.links.wall) links.append(link(camera.links.wall, data.labelWall, 'wall'));
    if (camera.links && camera.links.playback) links.append(link(camera.links.playback, data.labelPlayback, 'playback'));
    if (links.childElementCount) box.append(links);
    return box;
  }

  function setStatusClass(node, status) {
    if (!node) return;
    Array.from(node.classList).filter(function (name) { return name.startsWith('status-'); })
      .forEach(function (name) { node.classList.remove(name); });
    node.classList.add('status-' + status);
    node.dataset.status = status;
  }

  function paint(entry) {
    const camera = entry.camera;
    if (entry.marker) {
      const icon = entry.marker.getElement();
      setStatusClass(icon, camera.status);
      icon.setAttribute('aria-label', camera.name + ', ' + camera.statusText + (camera.problem ? ': ' + camera.problem : ''));
      if (entry.marker.isPopupOpen()) entry.marker.setPopupContent(popupContent(camera));
    }
    if (entry.cone) setStatusClass(entry.cone.getElement(), camera.status);
    setStatusClass(entry.dot, camera.status);
    entry.statusWords.textContent = camera.statusText + (camera.problem ? ': ' + camera.problem : '');
  }

  function place(camera) {
    const entry = { camera: camera };
    if (isPlaced(camera)) {
      if (camera.heading != null && camera.fov != null) {
        entry.cone = L.polygon(conePoints(camera), { className: 'map-cone', interactive: false, weight: 1 }).addTo(map);
        entry.cone.getElement().dataset.cameraId = camera.id;
      }
      entry.marker = L.marker([camera.lat, camera.lon], {
        icon: L.divIcon({ className: 'map-marker', html: '', iconSize: [16, 16] }),
        keyboard: true,
        riseOnHover: true
      }).addTo(map);
      entry.marker.getElement().dataset.cameraId = camera.id;
      entry.marker.bindTooltip(camera.name, { direction: 'top', offset: [0, -8] });
      entry.marker.bindPopup(function () { return popupContent(entry.camera); }, { minWidth: 280 });
    }
    entry.item = listItem(entry);
    cameras.set(camera.id, entry);
    paint(entry);
  }

  function listItem(entry) {
    const camera = entry.camera;
    const item = document.createElement('li');
    item.dataset.cameraId = camera.id;
    item.dataset.name = fold(camera.name);
    const target = document.createElement(entry.marker ? 'button' : 'div');
    target.className = 'map-item';
    if (entry.marker) {
      target.type = 'button';
      target.addEventListener('click', function () { show(entry); });
    }
    entry.dot = document.createElement('span');
    entry.dot.className = 'map-dot';
    entry.dot.setAttribute('aria-hidden', 'true');
    const name = document.createElement('span');
    name.className = 'map-item-name';
    name.textContent = camera.name;
    entry.statusWords = document.createElement('span');
    entry.statusWords.className = 'map-item-status muted';
    target.append(entry.dot, name, entry.statusWords);
    if (!entry.marker) {
      const unplaced = document.createElement('span');
      unplaced.className = 'badge';
      unplaced.textContent = data.labelNotPlaced;
      target.append(unplaced);
    }
    item.append(target);
    list.append(item);
    return item;
  }

  function show(entry) {
    map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 17));
    entry.marker.openPopup();
  }

  function fitAll() {
    const bounds = L.latLngBounds([]);
    cameras.forEach(function (entry) {
      if (entry.marker) bounds.extend(entry.marker.getLatLng());
      if (entry.cone) bounds.extend(entry.cone.getBounds());
    });
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 18 });
  }

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function applyFilter() {
    const wanted = fold(filter.value.trim());
    let shown = 0;
    cameras.forEach(function (entry) {
      const match = !wanted || entry.item.dataset.name.includes(wanted);
      entry.item.hidden = !match;
      if (match) shown++;
    });
    say(cameras.size === 0 ? data.labelNone : (shown === 0 ? data.labelNoMatch : ''));
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  /* A status update older than what the map shows (a late delivery) is ignored. */
  function apply(update) {
    received.set(update.cameraId, update);
    const entry = cameras.get(update.cameraId);
    if (!entry) return;
    const camera = entry.camera;
    if (camera.since && update.since && Date.parse(update.since) < Date.parse(camera.since)) return;
    if (camera.since && !update.since) return;
    camera.status = update.status;
    camera.statusText = update.statusText;
    camera.problem = update.problem || null;
    camera.problemDetail = update.problemDetail || null;
    camera.since = update.since || null;
    paint(entry);
  }

  function streamState(state) {
    const node = document.getElementById('map-stream');
    node.dataset.state = state;
    node.textContent = data['stream' + state.charAt(0).toUpperCase() + state.slice(1)];
  }

  /* The server ends each stream after a while and the browser reconnects at once: only a reconnection that takes
     longer is worth telling the operator about. */
  function follow() {
    const source = new EventSource(data.events);
    let interrupted = null;
    source.addEventListener('open', function () {
      clearTimeout(interrupted);
      streamState('open');
    });
    source.addEventListener('status', function (event) { apply(JSON.parse(event.data)); });
    source.addEventListener('cameras', load);
    source.addEventListener('error', function () {
      clearTimeout(interrupted);
      if (source.readyState === EventSource.CLOSED) {
        streamState('closed');
      } else {
        interrupted = setTimeout(function () { streamState('reconnecting'); }, RECONNECT_GRACE_MS);
      }
    });
  }

  filter.addEventListener('input', applyFilter);
  document.getElementById('map-fit').addEventListener('click', fitAll);

  function clear() {
    cameras.forEach(function (entry) {
      if (entry.marker) entry.marker.remove();
      if (entry.cone) entry.cone.remove();
      entry.item.remove();
    });
    cameras.clear();
  }

  /* Loads the cameras; the first time, fits the view to them and starts following their status. A status that
     arrived while the list was on its way is applied again, so the list cannot put an older one back. */
  function load() {
    return fetch(data.cameras, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (found) {
        clear();
        found.forEach(place);
        received.forEach(apply);
        applyFilter();
        if (!following) {
          following = true;
          fitAll();
          follow();
        }
      })
      .catch(function () { say(data.labelLoadFailed); });
  }

  load();
})();
