// The clustered canvas peer page of issue 15: what a developer would write for a timeline and a
// map of many events without Dateline's model. It reads the same Dateline JSON from `?data=`,
// makes one object per event, filters with Array.filter, clusters the placed events with
// supercluster (rebuilt on every filter change) drawn as Leaflet circle markers on a canvas, and
// draws a histogram of the events per month on a canvas under it. It times itself, on the page's
// clock (performance.now(), zero at navigation): `window.peer.interactiveAt` when both views were
// first painted, and `window.peer.samples` one figure per filter change, from the input event's
// time stamp until the frame that shows the change has been painted (a message posted from an
// animation frame callback is handled after the frame is painted). No framework, no worker.
/* global L, Supercluster */
'use strict';
(async () => {
  const peer = (window.peer = { interactiveAt: null, samples: [], frames: null });
  const afterPaint = (f) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => f(performance.now());
      ch.port2.postMessage(null);
    });
  // Frames for a pan: the animation frames' times while `frames` is an array.
  const tick = () => {
    if (peer.frames) peer.frames.push(performance.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  const url = new URLSearchParams(location.search).get('data');
  const data = await (await fetch(url)).json();
  const places = new Map(data.places.map((p) => [p.id, p]));
  const events = data.events.map((e) => {
    const p = typeof e.place === 'string' ? places.get(e.place) : e.place;
    return {
      id: e.id,
      title: e.title,
      t: Date.parse(e.time.start),
      actors: e.actors.map((a) => a.actor),
      lat: p && typeof p.lat === 'number' ? p.lat : null,
      lon: p && typeof p.lon === 'number' ? p.lon : null,
    };
  });
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    if (e.t < lo) lo = e.t;
    if (e.t > hi) hi = e.t;
  }

  // The busiest eight actors, as checkboxes.
  const freq = new Map();
  for (const e of events) for (const a of e.actors) freq.set(a, (freq.get(a) || 0) + 1);
  const top = [...freq].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const box = document.getElementById('actors');
  for (const [id] of top) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = id;
    label.append(input, ` ${id}`);
    box.append(label);
  }

  const map = L.map('map', { preferCanvas: true, worldCopyJump: false }).setView([30, 35], 4);
  const layer = L.layerGroup().addTo(map);
  let index = null;
  const drawMap = () => {
    layer.clearLayers();
    if (!index) return;
    const b = map.getBounds();
    const zoom = map.getZoom();
    for (const c of index.getClusters(
      [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      zoom,
    )) {
      const [lon, lat] = c.geometry.coordinates;
      const n = c.properties.cluster ? c.properties.point_count : 1;
      layer.addLayer(
        L.circleMarker([lat, lon], { radius: 4 + Math.min(20, Math.log2(n) * 2), weight: 1 }),
      );
    }
  };
  map.on('moveend', drawMap);

  const canvas = document.getElementById('timeline');
  const ctx = canvas.getContext('2d');
  const drawTimeline = (shown) => {
    canvas.width = canvas.clientWidth;
    canvas.height = canvas.clientHeight;
    const bins = new Uint32Array(Math.max(1, Math.ceil((hi - lo) / (30 * 86400000)) + 1));
    for (const e of shown) bins[Math.floor((e.t - lo) / (30 * 86400000))]++;
    let max = 1;
    for (const v of bins) if (v > max) max = v;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#36c';
    const w = canvas.width / bins.length;
    bins.forEach((v, i) => {
      const h = (v / max) * (canvas.height - 10);
      ctx.fillRect(i * w, canvas.height - h, Math.max(1, w - 1), h);
    });
  };

  const show = () => {
    const picked = [...box.querySelectorAll('input:checked')].map((i) => i.value);
    const shown = picked.length
      ? events.filter((e) => e.actors.some((a) => picked.includes(a)))
      : events;
    index = new Supercluster({ radius: 60, maxZoom: 16 });
    index.load(
      shown
        .filter((e) => e.lat !== null)
        .map((e) => ({
          type: 'Feature',
          properties: { id: e.id },
          geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
        })),
    );
    drawMap();
    drawTimeline(shown);
    document.getElementById('count').textContent = `${shown.length} events`;
  };
  // A click counts from the button's release, as Dateline's figures do.
  let releasedAt = null;
  addEventListener('pointerup', (ev) => (releasedAt = ev.timeStamp), true);
  box.addEventListener('change', (ev) => {
    const at = releasedAt ?? ev.timeStamp;
    releasedAt = null;
    show();
    afterPaint((t) => peer.samples.push(t - at));
  });
  show();
  afterPaint((t) => {
    peer.interactiveAt = t;
  });
})();
