/* The base of every console map: Leaflet with a metric scale and either the configured tile server or, when there is
   none, a plain background with a grid of latitude and longitude lines, so that nothing is fetched from outside. */
window.AtalayaBaseMap = (function () {
  'use strict';

  // degrees between grid lines, coarse to fine: the first that leaves at least four lines across the view is drawn
  const GRID_STEPS = [20, 10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001];

  function drawGrid(map) {
    const grid = L.layerGroup().addTo(map);
    // a renderer of its own: the grid lies under the page's shapes, and does not depend on when theirs is added
    const renderer = L.svg();
    const redraw = function () {
      grid.clearLayers();
      const bounds = map.getBounds();
      const span = Math.max(bounds.getEast() - bounds.getWest(), bounds.getNorth() - bounds.getSouth());
      const step = GRID_STEPS.find(function (candidate) { return span / candidate >= 4; })
        || GRID_STEPS[GRID_STEPS.length - 1];
      const south = Math.max(-85, bounds.getSouth() - step), north = Math.min(85, bounds.getNorth() + step);
      const west = bounds.getWest() - step, east = bounds.getEast() + step;
      const line = { className: 'map-grid', interactive: false, weight: 1, renderer: renderer };
      for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
        L.polyline([[lat, west], [lat, east]], line).addTo(grid);
      }
      for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
        L.polyline([[south, lon], [north, lon]], line).addTo(grid);
      }
    };
    // a map without its view yet has no bounds: the grid starts once it has one
    map.whenReady(function () {
      map.on('moveend', redraw);
      redraw();
    });
  }

  /**
   * A map in the element.
   * @param element the map's element
   * @param options Leaflet's map options (center, zoom, keyboard...); the attribution control is this function's
   * @param tiles {tileUrl, attribution}; the element's data-tile-url and data-attribution when not given
   */
  function create(element, options, tiles) {
    const source = tiles || element.dataset;
    const map = L.map(element, Object.assign({ maxZoom: 19 }, options, { attributionControl: false }));
    L.control.scale({ imperial: false }).addTo(map);
    if (source.tileUrl) {
      L.control.attribution({ prefix: false }).addTo(map);
      L.tileLayer(source.tileUrl, { attribution: source.attribution || '', maxZoom: 19 }).addTo(map);
    } else {
      element.classList.add('map-offline');
      drawGrid(map);
    }
    return map;
  }

  return { create: create };
})();
