// Service finder: the map of results (progressive enhancement: the list
// below it is the same information without JavaScript). Reads div#map's
// data-* attributes, loads the points from data-points-url (JSON: points
// [{id, name, lat, lon, url}]) and draws them with Leaflet as circle markers
// (no marker images). Tiles only when data-tile-url is set; otherwise the
// markers stand on a plain background and nothing is loaded from elsewhere.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L || !window.fetch) return;
  var BRUSSELS = [50.846, 4.352];
  var map = L.map(el, { scrollWheelZoom: false }).setView(BRUSSELS, 12);
  var tiles = el.getAttribute('data-tile-url');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: el.getAttribute('data-attribution') || '' }).addTo(map);
  }

  function popup(point) {
    var link = document.createElement('a');
    link.href = point.url;
    link.textContent = point.name;
    return link;
  }

  fetch(el.getAttribute('data-points-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (res) { return res.ok ? res.json() : { points: [] }; })
    .then(function (data) {
      var points = Array.isArray(data.points) ? data.points : [];
      var bounds = [];
      points.forEach(function (p) {
        if (typeof p.lat !== 'number' || typeof p.lon !== 'number') return;
        L.circleMarker([p.lat, p.lon], { radius: 8, weight: 2, color: '#084569', fillColor: '#0b5a8c', fillOpacity: 0.8 })
          .bindPopup(popup(p))
          .addTo(map);
        bounds.push([p.lat, p.lon]);
      });
      if (bounds.length === 1) map.setView(bounds[0], 15);
      else if (bounds.length > 1) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
      el.setAttribute('data-points-loaded', String(bounds.length));
    })
    .catch(function () { el.setAttribute('data-points-loaded', 'error'); });
})();
