// The single-camera live page: the player and its status in words.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var video = document.getElementById('live-video');
    var status = document.getElementById('live-status');
    var detail = document.getElementById('live-detail');
    var recording = document.getElementById('live-recording');
    var badge = {live: 'ok', connecting: 'warn', reconnecting: 'warn'};
    AtalayaLive.play(video, video.dataset.camera, {
      stream: 'main',
      onStatus: function (name, why) {
        status.dataset.status = name;
        status.textContent = status.getAttribute('data-label-' + name) || name;
        status.className = 'badge ' + (badge[name] || 'danger');
        detail.hidden = !why;
        detail.textContent = why || '';
      },
      onInfo: function (info) { recording.hidden = !info.recording; }
    });
  });
})();
