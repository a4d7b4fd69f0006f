/* The dispatcher's board: active incidents (most urgent first), units by status, and the map with both, kept live by
   the board's event stream. Choosing an incident (arrows + Enter, or a click) shows the units recommended for it;
   Enter or the button assigns one. The map's base layer follows the console map: a configured tile server, or a plain
   grid with nothing fetched from outside. Text from the server is always set as text, never as HTML. */
(function () {
  'use strict';

  const root = document.getElementById('dispatch-board');
  if (!root || !window.L) return;
  const data = root.dataset;
  const text = {};
  document.querySelectorAll('#dispatch-text dd').forEach(function (dd) { text[dd.dataset.key] = dd.textContent; });
  const STATUS_ORDER = ['AVAILABLE', 'DISPATCHED', 'EN_ROUTE', 'ON_SCENE', 'OUT_OF_SERVICE'];

  const incidentList = document.getElementById('dispatch-incident-list');
  const recommendationList = document.getElementById('dispatch-recommendations');
  const selectedBox = document.getElementById('dispatch-selected');
  const message = document.getElementById('dispatch-message');
  const unitGroups = document.getElementById('dispatch-unit-groups');
  const agencyFilter = document.getElementById('dispatch-agency-filter');
  const typeFilter = document.getElementById('dispatch-type-filter');
  const streamState = document.getElementById('dispatch-stream');
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  const map = AtalayaBaseMap.create(document.getElementById('dispatch-map'), {
    center: [Number(data.latitude), Number(data.longitude)], zoom: Number(data.zoom)
  }, data);

  let incidents = [];
  const units = new Map();
  const unitMarkers = new Map();
  const incidentMarkers = new Map();
  let asked = Number(new URLSearchParams(window.location.search).get('incident'));
  let selectedId = null;
  let cursor = 0;
  let recommendations = [];
  let recommendationCursor = 0;

  function element(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content != null) node.textContent = content;
    return node;
  }

  function age(iso) {
    if (!iso) return '';
    const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000));
    return (text.minutes || '{0} min').replace('{0}', minutes);
  }

  function request(method, url, body) {
    const headers = { 'Accept': 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin' }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) throw new Error(json.detail || response.statusText);
        return json;
      });
    });
  }

  function loadBoard() {
    return request('GET', data.board).then(function (board) {
      incidents = board.incidents;
      units.clear();
      board.units.forEach(function (unit) { units.set(unit.id, unit); });
      fillAgencyFilter();
      drawIncidents();
      drawUnits();
      if (selectedId == null && asked && incidents.some(function (i) { return i.id === asked; })) {
        select(asked);
        asked = 0;
      } else if (selectedId != null) loadRecommendations();
    }).catch(function (error) { message.textContent = (text.failed || '') + ' ' + error.message; });
  }

  function fillAgencyFilter() {
    const chosen = agencyFilter.value;
    const names = Array.from(new Set(Array.from(units.values()).map(function (u) { return u.agency; }))).sort();
    while (agencyFilter.options.length > 1) agencyFilter.remove(1);
    names.forEach(function (name) { agencyFilter.add(new Option(name, name)); });
    agencyFilter.value = names.includes(chosen) ? chosen : '';
  }

  function drawIncidents() {
    incidentList.replaceChildren();
    if (!incidents.length) incidentList.append(element('li', 'muted', text['none-incidents']));
    const seen = new Set();
    cursor = Math.min(cursor, Math.max(0, incidents.length - 1));
    incidents.forEach(function (incident, index) {
      seen.add(incident.id);
      const item = element('li', 'dispatch-incident priority-' + incident.priority);
      item.setAttribute('role', 'option');
      item.dataset.id = incident.id;
      item.setAttribute('aria-selected', String(incident.id === selectedId));
      if (index === cursor) item.classList.add('cursor');
      const head = element('div', 'dispatch-row');
      head.append(element('span', 'badge ' + (incident.priority <= 2 ? 'danger' : 'warn'),
        (text.priority || 'P{0}').replace('{0}', incident.priority)));
      head.append(element('strong', 'mono', incident.number));
      head.append(element('span', 'muted', text['incident.' + incident.status] || incident.status));
      head.append(element('span', 'muted mono', age(incident.createdAt)));
      item.append(head);
      item.append(element('div', '', incident.typeName + (incident.address ? ' · ' + incident.address : '')));
      if (incident.units.length) item.append(element('div', 'mono muted', incident.units.join(' ')));
      item.addEventListener('click', function () { cursor = index; select(incident.id); });
      incidentList.append(item);
      placeIncident(incident);
    });
    incidentMarkers.forEach(function (marker, id) {
      if (!seen.has(id)) { marker.remove(); incidentMarkers.delete(id); }
    });
    if (selectedId != null && !seen.has(selectedId)) { selectedId = null; selectedBox.hidden = true; }
  }

  function placeIncident(incident) {
    if (incident.lat == null || incident.lon == null) return;
    let marker = incidentMarkers.get(incident.id);
    if (!marker) {
      marker = L.circleMarker([incident.lat, incident.lon], { radius: 10, className: 'dispatch-incident-marker' })
        .addTo(map);
      marker.on('click', function () { select(incident.id); });
      incidentMarkers.set(incident.id, marker);
    }
    marker.setLatLng([incident.lat, incident.lon]);
    marker.bindTooltip(incident.number + ' · ' + incident.typeName);
  }

  function visible(unit) {
    return (!agencyFilter.value || unit.agency === agencyFilter.value)
      && (!typeFilter.value || unit.unitType === typeFilter.value);
  }

  function drawUnits() {
    unitGroups.replaceChildren();
    STATUS_ORDER.forEach(function (status) {
      const group = Array.from(units.values()).filter(function (u) { return u.status === status && visible(u); })
        .sort(function (a, b) { return a.callSign.localeCompare(b.callSign); });
      if (!group.length) return;
      unitGroups.append(element('h3', 'dispatch-status-heading status-' + status,
        (text['status.' + status] || status) + ' (' + group.length + ')'));
      const list = element('ul', 'dispatch-list dispatch-unit-list');
      group.forEach(function (unit) {
        const item = element('li', 'dispatch-row status-' + unit.status);
        item.append(element('strong', 'mono', unit.callSign));
        item.append(element('span', 'muted', unit.agency));
        item.append(element('span', 'muted mono', age(unit.statusSince)));
        const incident = incidents.find(function (i) { return i.id === unit.incidentId; });
        if (incident) item.append(element('span', 'mono', incident.number));
        list.append(item);
      });
      unitGroups.append(list);
    });
    units.forEach(placeUnit);
  }

  function placeUnit(unit) {
    let marker = unitMarkers.get(unit.id);
    if (unit.lat == null || unit.lon == null || !visible(unit)) {
      if (marker) { marker.remove(); unitMarkers.delete(unit.id); }
      return;
    }
    if (!marker) {
      marker = L.marker([unit.lat, unit.lon], { keyboard: false, icon: L.divIcon({ className: 'dispatch-unit-marker',
        html: '', iconSize: null }) }).addTo(map);
      unitMarkers.set(unit.id, marker);
    }
    marker.setLatLng([unit.lat, unit.lon]);
    const label = marker.getElement();
    if (label) {
      label.textContent = unit.callSign;
      STATUS_ORDER.forEach(function (status) { label.classList.toggle('status-' + status, status === unit.status); });
    }
    marker.bindTooltip(unit.callSign + ' · ' + (text['status.' + unit.status] || unit.status));
  }

  function select(id) {
    selectedId = id;
    drawIncidents();
    const incident = incidents.find(function (i) { return i.id === id; });
    if (!incident) return;
    selectedBox.hidden = false;
    document.getElementById('dispatch-selected-number').textContent = incident.number;
    document.getElementById('dispatch-selected-type').textContent = incident.typeName
      + (incident.summary ? ' — ' + incident.summary : '');
    document.getElementById('dispatch-selected-link').href = data.incidentPage + '/' + incident.id;
    if (incident.lat != null) map.panTo([incident.lat, incident.lon]);
    loadRecommendations();
  }

  function loadRecommendations() {
    const id = selectedId;
    request('GET', data.incidents + '/' + id + '/recommendations').then(function (list) {
      if (id !== selectedId) return;
      recommendations = list;
      recommendationCursor = Math.min(recommendationCursor, Math.max(0, list.length - 1));
      drawRecommendations();
    }).catch(function (error) { message.textContent = (text.failed || '') + ' ' + error.message; });
  }

  function drawRecommendations() {
    recommendationList.replaceChildren();
    const incident = incidents.find(function (i) { return i.id === selectedId; });
    if (incident && incident.lat == null) {
      recommendationList.append(element('li', 'muted', text['no-point']));
      return;
    }
    if (!recommendations.length) recommendationList.append(element('li', 'muted', text['none-available']));
    recommendations.forEach(function (unit, index) {
      const item = element('li', 'dispatch-row');
      item.setAttribute('role', 'option');
      if (index === recommendationCursor) item.classList.add('cursor');
      item.append(element('strong', 'mono', unit.callSign));
      item.append(element('span', 'muted', unit.agency));
      if (unit.stale) item.append(element('span', 'badge warn', text.stale));
      else item.append(element('span', 'mono', Math.max(1, Math.round(unit.etaSeconds / 60)) + ' min · '
        + (unit.distanceMetres / 1000).toFixed(1) + ' km'));
      if (data.canAssign === 'true') {
        const button = element('button', 'button small', text.assign);
        button.type = 'button';
        button.addEventListener('click', function () { assign(unit); });
        item.append(button);
      }
      recommendationList.append(item);
    });
  }

  function assign(unit) {
    const id = selectedId;
    request('POST', data.incidents + '/' + id + '/assignments', { unitIds: [unit.unitId] }).then(function () {
      message.textContent = unit.callSign + ': ' + text.assigned;
      return loadBoard();
    }).catch(function (error) { message.textContent = (text.failed || '') + ' ' + error.message; });
  }

  incidentList.addEventListener('keydown', function (event) {
    if (!incidents.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      cursor = Math.max(0, Math.min(incidents.length - 1, cursor + (event.key === 'ArrowDown' ? 1 : -1)));
      drawIncidents();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      select(incidents[cursor].id);
      recommendationList.focus();
    }
  });

  recommendationList.addEventListener('keydown', function (event) {
    if (!recommendations.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      recommendationCursor = Math.max(0, Math.min(recommendations.length - 1,
        recommendationCursor + (event.key === 'ArrowDown' ? 1 : -1)));
      drawRecommendations();
    } else if (event.key === 'Enter' && data.canAssign === 'true') {
      event.preventDefault();
      assign(recommendations[recommendationCursor]);
    } else if (event.key === 'Escape') {
      incidentList.focus();
    }
  });

  agencyFilter.addEventListener('change', drawUnits);
  typeFilter.addEventListener('change', drawUnits);

  let refreshTimer = null;
  function refreshSoon() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(function () { refreshTimer = null; loadBoard(); }, 300);
  }

  function connect() {
    const source = new EventSource(data.events);
    source.addEventListener('ready', function () {
      streamState.textContent = text['stream.open'];
      loadBoard();
    });
    source.addEventListener('position', function (event) {
      const position = JSON.parse(event.data);
      const unit = units.get(position.unitId);
      if (!unit) return;
      unit.lat = position.lat;
      unit.lon = position.lon;
      placeUnit(unit);
    });
    source.addEventListener('unit', function (event) {
      const unit = JSON.parse(event.data);
      units.set(unit.id, unit);
      drawUnits();
      refreshSoon();
    });
    source.addEventListener('incidents', refreshSoon);
    source.onerror = function () { streamState.textContent = text['stream.reconnecting']; };
  }

  loadBoard();
  connect();
})();
