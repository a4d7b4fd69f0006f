// Recorded video from the playback API into one <video> through Media Source Extensions: the page learns where the
// stream starts (the Atalaya-Stream-Start header), so the time of day it shows is exact, and only a window of video
// around the playhead is kept in memory. A gap in the recording is a jump in the stream's timeline; the player
// skips it and says so.
(function () {
  "use strict";

  /** Read no further than this many seconds (times the speed) ahead of the playhead. */
  const AHEAD_SECONDS = 30;
  /** Keep this many seconds behind the playhead, for steps back. */
  const KEEP_BEHIND_SECONDS = 20;
  const WAIT_MS = 250;

  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  class Aborted extends Error {
  }

  class RecordedStream {
    /**
     * @param video    the <video> to play into
     * @param handlers onEnd() when the stream has played to its end; onJump(fromSeconds, toSeconds) when a gap in the
     *                 recording was skipped; onError(error) when the stream broke off
     */
    constructor(video, handlers) {
      this.video = video;
      this.handlers = handlers;
      this.start = null;
      this.complete = false;
      this.frameSeconds = 1 / 25;
      video.addEventListener("ended", () => { if (this.start !== null && this.complete) this.handlers.onEnd(); });
      video.addEventListener("waiting", () => this.skipGap());
      setInterval(() => { if (!video.paused && video.readyState < 3) this.skipGap(); }, 500);
      this.measureFrames();
    }

    /**
     * Opens the stream at url; resolves with its start (milliseconds since the epoch) once its headers have come,
     * rejects with {status, detail} when it is refused.
     */
    async open(url) {
      this.close();
      const controller = new AbortController();
      this.controller = controller;
      const response = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok) {
        let detail = null;
        try { detail = (await response.json()).detail; } catch (ignored) { /* no problem detail */ }
        throw { status: response.status, detail };
      }
      const type = response.headers.get("Content-Type");
      if (!window.MediaSource || !MediaSource.isTypeSupported(type)) {
        controller.abort();
        throw { status: 0, detail: null };
      }
      const source = new MediaSource();
      this.source = source;
      this.objectUrl = URL.createObjectURL(source);
      this.video.src = this.objectUrl;
      await new Promise((resolve) => source.addEventListener("sourceopen", resolve, { once: true }));
      if (controller.signal.aborted) throw new Aborted();
      this.buffer = source.addSourceBuffer(type);
      this.start = Date.parse(response.headers.get("Atalaya-Stream-Start"));
      this.complete = false;
      this.pump(response.body.getReader(), controller);
      return this.start;
    }

    /** Moves the playhead to this many seconds into the stream once it can. */
    async seekTo(seconds) {
      if (this.video.readyState < 1) {
        await new Promise((resolve) => this.video.addEventListener("loadedmetadata", resolve, { once: true }));
      }
      this.video.currentTime = seconds;
    }

    /** Moves to the instant if the stream holds it already; returns whether it did. */
    seekWithin(instant) {
      if (!this.active()) return false;
      const seconds = (instant - this.start) / 1000;
      const buffered = this.video.buffered;
      for (let i = 0; i < buffered.length; i++) {
        if (buffered.start(i) <= seconds && seconds < buffered.end(i)) {
          this.video.currentTime = seconds;
          return true;
        }
      }
      return false;
    }

    /** Whether the stream is open and has video to show. */
    active() {
      return this.start !== null && this.video.readyState >= 1 && !this.video.ended;
    }

    /** The time of day at the playhead, in milliseconds since the epoch. */
    time() {
      return this.start + this.video.currentTime * 1000;
    }

    /** The time of day where the received video ends. */
    receivedEnd() {
      const buffered = this.video.buffered;
      return buffered.length ? this.start + buffered.end(buffered.length - 1) * 1000 : this.time();
    }

    close() {
      if (this.controller) this.controller.abort();
      this.controller = null;
      this.start = null;
      this.complete = false;
      if (this.objectUrl) {
        URL.revokeObjectURL(this.objectUrl);
        this.objectUrl = null;
        this.video.removeAttribute("src");
        this.video.load();
      }
    }

    async pump(reader, controller) {
      try {
        for (;;) {
          await this.roomAhead(controller);
          const { done, value } = await reader.read();
          if (controller.signal.aborted) return;
          if (done) break;
          await this.trimBehind();
          await this.append(value);
        }
        while (this.buffer.updating) await pause(20);
        if (controller.signal.aborted) return;
        this.complete = true;
        if (this.source.readyState === "open") this.source.endOfStream();
      } catch (error) {
        if (!controller.signal.aborted && !(error instanceof Aborted)) this.handlers.onError(error);
      } finally {
        reader.cancel().catch(() => { /* already closed */ });
      }
    }

    async roomAhead(controller) {
      for (;;) {
        if (controller.signal.aborted) throw new Aborted();
        const buffered = this.video.buffered;
        const end = buffered.length ? buffered.end(buffered.length - 1) : 0;
        const rate = Math.max(1, this.video.playbackRate);
        if (end - this.video.currentTime < AHEAD_SECONDS * rate) return;
        await pause(WAIT_MS);
      }
    }

    async trimBehind() {
      const buffered = this.video.buffered;
      if (!buffered.length) return;
      const keepFrom = this.video.currentTime - KEEP_BEHIND_SECONDS;
      if (keepFrom - buffered.start(0) < 10) return;
      await this.whenIdle(() => this.buffer.remove(0, keepFrom));
    }

    append(bytes) {
      return this.whenIdle(() => this.buffer.appendBuffer(bytes));
    }

    whenIdle(change) {
      return new Promise((resolve, reject) => {
        this.buffer.addEventListener("updateend", resolve, { once: true });
        this.buffer.addEventListener("error", () => reject(new Error("the video could not be decoded")),
          { once: true });
        try {
          change();
        } catch (error) {
          reject(error);
        }
      });
    }

    /** When the playhead stands before a hole in the received video, goes on at the next received part. */
    skipGap() {
      if (this.start === null) return;
      const now = this.video.currentTime;
      const buffered = this.video.buffered;
      for (let i = 0; i < buffered.length; i++) {
        if (buffered.start(i) <= now && now < buffered.end(i) - 0.15) return;
      }
      for (let i = 0; i < buffered.length; i++) {
        if (buffered.start(i) > now) {
          this.video.currentTime = buffered.start(i);
          this.handlers.onJump(now, buffered.start(i));
          return;
        }
      }
    }

    /** Learns the length of one frame from the frames shown, for stepping frame by frame. */
    measureFrames() {
      if (!this.video.requestVideoFrameCallback) return;
      let last = null;
      const seen = (now, frame) => {
        if (last !== null) {
          const step = frame.mediaTime - last;
          if (step > 0.001 && step < 0.5 && this.video.playbackRate <= 1) this.frameSeconds = step;
        }
        last = frame.mediaTime;
        this.video.requestVideoFrameCallback(seen);
      };
      this.video.requestVideoFrameCallback(seen);
    }
  }

  window.AtalayaRecorded = Object.assign(window.AtalayaRecorded || {}, { Stream: RecordedStream });
})();
