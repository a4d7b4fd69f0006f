// Live video player: a camera's fragmented MP4 over a WebSocket into Media Source Extensions.
// AtalayaLive.play(video, cameraId, {stream, onStatus, onInfo}) -> {stop(), setStream(kind)}
// Statuses: connecting, live, reconnecting, offline, forbidden, not-found, unsupported.
(function () {
  'use strict';

  var RECONNECT_DELAYS_MS = [1000, 2000, 5000, 10000];
  var STALL_MS = 5000;            // no video for this long: the connection is renewed
  var LIVE_EDGE_S = 0.25;         // where the player aims behind the newest video
  var CATCH_UP_S = 0.35;          // further behind than this: play slightly faster
  var JUMP_S = 2.0;               // further behind than this: jump to the edge
  var KEEP_BEHIND_S = 10;         // buffered video kept behind the playhead

  function play(video, cameraId, options) {
    options = options || {};
    var kind = options.stream === 'sub' ? 'sub' : 'main';
    var onStatus = options.onStatus || function () {};
    var onInfo = options.onInfo || function () {};
    var stopped = false;
    var socket = null;
    var mediaSource = null;
    var sourceBuffer = null;
    var pending = [];
    var mime = null;
    var attempts = 0;
    var connectedAt = 0;            // when the current socket was asked for
    var lastVideoAt = 0;            // when video last came through it
    var cameraStatus = null;
    var currentStatus = null;
    var reconnectTimer = null;
    var ticker = null;

    function status(name, detail) {
      if (stopped) return;
      if (name === currentStatus && !detail) return;
      currentStatus = name;
      onStatus(name, detail || null);
    }

    function start() {
      status('connecting');
      fetch('/api/v1/cameras/' + cameraId + '/live', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (response) {
          if (response.status === 403 || response.status === 404) {
            return response.json().catch(function () { return {}; }).then(function (problem) {
              status(response.status === 403 ? 'forbidden' : 'not-found', problem.detail);
              return null;
            });
          }
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (info) {
          if (!info || stopped) return;
          onInfo(info);
          if (kind === 'sub' && info.streams.indexOf('sub') < 0) kind = 'main';
          connect();
        })
        .catch(function () { retryLater(); });
    }

    function connect() {
      var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
      socket = new WebSocket(scheme + location.host + '/api/v1/cameras/' + cameraId + '/live/stream?stream=' + kind);
      socket.binaryType = 'arraybuffer';
      connectedAt = Date.now();
      var thisSocket = socket;
      socket.onmessage = function (event) {
        if (thisSocket !== socket) return;
        if (typeof event.data === 'string') message(JSON.parse(event.data));
        else videoData(event.data);
      };
      socket.onclose = function () {
        if (thisSocket !== socket || stopped) return;
        socket = null;
        retryLater();
      };
    }

    function message(data) {
      if (data.type === 'stream') {
        mime = data.mime;
        resetMedia();
      } else if (data.type === 'status') {
        cameraStatus = data;
        if (data.status === 'offline' || data.status === 'error') status('offline', data.problem);
        else if (data.status === 'idle') status('offline', data.problem);
      }
    }

    function videoData(buffer) {
      if (!mime) return;
      if (!MediaSource.isTypeSupported(mime)) {
        status('unsupported', mime);
        return;
      }
      pending.push(buffer);
      lastVideoAt = Date.now();
      attempts = 0;
      appendNext();
    }

    function resetMedia() {
      pending = [];
      sourceBuffer = null;
      mediaSource = new MediaSource();
      var thisSource = mediaSource;
      if (video.src) URL.revokeObjectURL(video.src);
      video.src = URL.createObjectURL(mediaSource);
      mediaSource.addEventListener('sourceopen', function () {
        if (thisSource !== mediaSource || !MediaSource.isTypeSupported(mime)) return;
        sourceBuffer = mediaSource.addSourceBuffer(mime);
        sourceBuffer.mode = 'segments';
        sourceBuffer.addEventListener('updateend', appendNext);
        appendNext();
      });
    }

    function appendNext() {
      if (!sourceBuffer || sourceBuffer.updating || pending.length === 0) return;
      try {
        sourceBuffer.appendBuffer(pending.shift());
      } catch (e) {
        if (e.name === 'QuotaExceededError') trimBehind(0);
        else renew();
      }
    }

    function trimBehind(keepSeconds) {
      if (!sourceBuffer || sourceBuffer.updating || video.buffered.length === 0) return;
      var until = video.currentTime - keepSeconds;
      if (until > video.buffered.start(0) + 1) sourceBuffer.remove(video.buffered.start(0), until);
    }

    // Keeps the playhead near the newest video, and notices when video stops coming.
    function tick() {
      if (stopped) return;
      var buffered = video.buffered;
      if (buffered.length > 0) {
        var edge = buffered.end(buffered.length - 1);
        var behind = edge - video.currentTime;
        if (behind > JUMP_S || video.currentTime < buffered.start(buffered.length - 1)) {
          video.currentTime = Math.max(buffered.start(buffered.length - 1), edge - LIVE_EDGE_S);
        } else {
          video.playbackRate = behind > CATCH_UP_S ? 1.1 : 1.0;
        }
        if (video.paused) video.play().catch(function () {});
        var flowing = lastVideoAt > connectedAt && Date.now() - lastVideoAt < STALL_MS;
        if (flowing && video.readyState >= 2) status('live');
        trimBehind(KEEP_BEHIND_S);
      }
      var cameraDown = cameraStatus && cameraStatus.status !== 'online';
      if (socket && connectedAt && Date.now() - Math.max(lastVideoAt, connectedAt) > STALL_MS && !cameraDown) renew();
    }

    function renew() {
      if (socket) {
        var old = socket;
        socket = null;
        old.close();
      }
      retryLater();
    }

    // Each attempt asks for the camera again first, so a refusal (a permission withdrawn) is told as such.
    function retryLater() {
      if (stopped) return;
      status('reconnecting');
      var delay = RECONNECT_DELAYS_MS[Math.min(attempts, RECONNECT_DELAYS_MS.length - 1)];
      attempts++;
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(start, delay);
    }

    function stop() {
      stopped = true;
      clearTimeout(reconnectTimer);
      clearInterval(ticker);
      if (socket) socket.close();
      socket = null;
      sourceBuffer = null;
      if (video.src) URL.revokeObjectURL(video.src);
      video.removeAttribute('src');
      video.load();
    }

    function setStream(newKind) {
      if (newKind === kind || stopped) return;
      kind = newKind;
      if (socket) {
        var old = socket;
        socket = null;
        old.close();
      }
      status('connecting');
      start();
    }

    video.muted = true;
    video.playsInline = true;
    ticker = setInterval(tick, 250);
    start();
    return {stop: stop, setStream: setStream};
  }

  window.AtalayaLive = {play: play};
})();
