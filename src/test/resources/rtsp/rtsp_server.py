#!/usr/bin/python3
"""A real RTSP server for tests: N H.264 streams at rtsp://127.0.0.1:PORT/cam1 .. camN, over TCP or UDP.

Each stream is shared by all its clients, as a camera's is. The picture is either a test pattern encoded live
(openh264) or a clip played in a loop in real time without re-encoding (--source). Prints one line
"READY rtsp://127.0.0.1:PORT/" on stdout once it listens; stops on SIGTERM, SIGINT or when stdin closes, so it never
outlives the process that started it.

Needs Debian's python3-gi, gir1.2-gst-rtsp-server-1.0 and gstreamer1.0-plugins-base/good/bad: run it with
/usr/bin/python3. With gstreamer1.0-x installed the test pattern also shows the stream name and the time.
"""

import argparse
import os
import signal
import sys
import threading

try:
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtsp", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    gi.require_version("GstVideo", "1.0")
    from gi.repository import GLib, Gst, GstRtsp, GstRtspServer, GstVideo
except (ImportError, ValueError) as missing:
    sys.exit(f"{missing}: run with Debian's /usr/bin/python3 and install python3-gi gir1.2-gst-rtsp-server-1.0 "
             "gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad")

ADDRESS = "127.0.0.1"
RAW_H264_SUFFIXES = (".h264", ".264")
ROLE = "camera-user"
AUTH_METHODS = {"basic": GstRtsp.RTSPAuthMethod.BASIC, "digest": GstRtsp.RTSPAuthMethod.DIGEST}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Serve H.264 test streams over RTSP at 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0, help="TCP port to listen on; 0 (default) picks a free one")
    parser.add_argument("--streams", type=int, default=1, help="number of streams, served as /cam1 .. /camN")
    parser.add_argument("--source", help="an H.264 clip (.mp4, .mov, or Annex B .h264) to loop instead of a pattern")
    parser.add_argument("--size", help="test pattern size WIDTHxHEIGHT (default 640x360)")
    parser.add_argument("--fps", type=int, help="frames per second of the test pattern or of a raw .h264 source "
                                                "(default 15)")
    parser.add_argument("--bitrate", type=int, help="test pattern bit rate in kbit/s (default 500)")
    parser.add_argument("--keyframe-interval", type=float, help="test pattern seconds between keyframes (default 1)")
    parser.add_argument("--pattern", help="test pattern: a videotestsrc pattern name (default smpte, scrolling)")
    parser.add_argument("--user", help="require RTSP authentication with this user name")
    parser.add_argument("--password", help="the password of --user")
    parser.add_argument("--auth", choices=sorted(AUTH_METHODS), default="digest",
                        help="authentication method required with --user (default digest, as most cameras)")
    args = parser.parse_args(argv)

    if args.streams < 1:
        parser.error("--streams must be at least 1")
    if (args.user is None) != (args.password is None):
        parser.error("--user and --password go together")
    pattern_only = {"--size": args.size, "--bitrate": args.bitrate,
                    "--keyframe-interval": args.keyframe_interval, "--pattern": args.pattern}
    if args.source is not None:
        given = [name for name, value in pattern_only.items() if value is not None]
        if given:
            parser.error(", ".join(given) + ": for the test pattern only, not with --source")
        if not os.path.isfile(args.source):
            parser.error(f"--source {args.source}: no such file")
        if is_raw_h264(args.source) and not starts_with_start_code(args.source):
            parser.error(f"--source {args.source}: not an H.264 Annex B stream (no start code at the beginning)")
        if args.fps is not None and not is_raw_h264(args.source):
            parser.error("--fps applies to a raw .h264 source only: an MP4 clip keeps its own timing")
    args.width, args.height = parse_size(parser, args.size or "640x360")
    args.fps = args.fps or 15
    args.bitrate = args.bitrate or 500
    args.keyframe_interval = args.keyframe_interval or 1.0
    args.pattern = args.pattern or "smpte"
    if args.fps < 1 or args.bitrate < 1 or args.keyframe_interval <= 0:
        parser.error("--fps, --bitrate and --keyframe-interval must be positive")
    return args


def parse_size(parser, text):
    width, separator, height = text.lower().partition("x")
    if not (separator and width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0):
        parser.error(f"--size {text}: expected WIDTHxHEIGHT, for example 640x360")
    return int(width), int(height)


def is_raw_h264(path):
    return path.lower().endswith(RAW_H264_SUFFIXES)


def starts_with_start_code(path):
    with open(path, "rb") as stream:
        head = stream.read(4)
    return head.startswith(b"\x00\x00\x01") or head == b"\x00\x00\x00\x01"


def test_pattern_launch(args, stream_name):
    """A pipeline that draws and encodes the stream itself; it runs only while someone watches."""
    overlay = ""
    if Gst.ElementFactory.find("clockoverlay"):
        overlay = (f'! clockoverlay text="{stream_name}" time-format="%Y-%m-%d %H:%M:%S" '
                   'halignment=left valignment=top font-desc="Sans 16" ')
    return (f"( videotestsrc is-live=true pattern={args.pattern} horizontal-speed=2 "
            f"! video/x-raw,format=I420,width={args.width},height={args.height},framerate={args.fps}/1 "
            f"{overlay}"
            f"! openh264enc bitrate={args.bitrate * 1000} gop-size={max(1, round(args.fps * args.keyframe_interval))} "
            "rate-control=bitrate complexity=low usage-type=camera multi-thread=1 "
            "! rtph264pay name=pay0 pt=96 config-interval=-1 )")


def request_keyframe_on_play(_client, context):
    """Asks the encoder for a keyframe as each client starts playing, as many cameras do, so that a client's
    recording starts with a whole picture instead of waiting for the next scheduled keyframe."""
    payloader = context.media.get_element().get_by_name("pay0")
    payloader.send_event(GstVideo.video_event_new_upstream_force_key_unit(Gst.CLOCK_TIME_NONE, True, 0))


def refuse_seeking(_factory, media):
    """Makes a test pattern stream answer, like a camera, that it cannot seek.

    videotestsrc says it can, and rtsp-media then seeks the shared pipeline back to zero on every PLAY that carries
    a Range (ffmpeg's does): the clients already watching would receive a burst of pictures with stale timestamps.
    """
    payloader_input = media.get_element().get_by_name("pay0").get_static_pad("sink")
    payloader_input.add_probe(Gst.PadProbeType.QUERY_UPSTREAM, answer_not_seekable)


def answer_not_seekable(_pad, info):
    # a new seeking query already says "not seekable": answering it unchanged is enough (and Python cannot write it)
    if info.get_query().type == Gst.QueryType.SEEKING:
        return Gst.PadProbeReturn.HANDLED
    return Gst.PadProbeReturn.OK


CLIP_STREAM_LAUNCH = ("( appsrc name=feed is-live=true format=time max-buffers=60 leaky-type=downstream "
                      "! rtph264pay name=pay0 pt=96 config-interval=-1 )")


class LoopingClip:
    """Plays a clip in a loop at its own pace and hands each access unit to every stream being served.

    One player feeds all streams, so a stream joins the loop where it is, at the next keyframe, like a camera.
    An MP4 clip restarts through seamless segment seeks, which keep the running time growing. A raw stream has no
    timestamps: the parser counts them from the given frame rate, and multifilesrc reads the file again and again
    as one endless stream (a seek would restart the parser's count at zero).
    """

    def __init__(self, path, fps, on_error):
        self.loops_by_seeking = not is_raw_h264(path)
        if self.loops_by_seeking:
            head = "filesrc name=file ! qtdemux "
        else:
            head = ("multifilesrc name=file loop=true "
                    f'! h264parse ! capssetter caps="video/x-h264,framerate={fps}/1" ')
        self.pipeline = Gst.parse_launch(
            head + "! h264parse config-interval=-1 ! video/x-h264,stream-format=byte-stream,alignment=au "
                   "! appsink name=out sync=true max-buffers=2 emit-signals=true")
        self.pipeline.get_by_name("file").set_property("location", path)
        self.pipeline.get_by_name("out").connect("new-sample", self._on_sample)
        self.on_error = on_error
        self.outlets = []
        self.lock = threading.Lock()
        self.loop_delay = 0
        self.last_running_time = None
        self.frame_interval = Gst.MSECOND

    def start(self):
        """Prerolls the clip (so a file that cannot be played fails here) and starts the loop."""
        bus = self.pipeline.get_bus()
        self.pipeline.set_state(Gst.State.PAUSED)
        result, _, _ = self.pipeline.get_state(10 * Gst.SECOND)
        if result != Gst.StateChangeReturn.SUCCESS:
            error = bus.timed_pop_filtered(Gst.SECOND, Gst.MessageType.ERROR)
            reason = error.parse_error()[0].message if error else "no H.264 picture within 10 s"
            self.stop()
            raise RuntimeError(f"cannot play the source clip: {reason}")
        bus.add_signal_watch()
        bus.connect("message", self._on_message)
        if self.loops_by_seeking:
            self._seek_to_start(Gst.SeekFlags.FLUSH)
        self.pipeline.set_state(Gst.State.PLAYING)

    def stop(self):
        self.pipeline.set_state(Gst.State.NULL)

    def attach(self, media):
        outlet = Outlet(media.get_element().get_by_name("feed"))
        with self.lock:
            self.outlets.append(outlet)
        media.connect("unprepared", lambda _media: self._detach(outlet))

    def _detach(self, outlet):
        with self.lock:
            if outlet in self.outlets:
                self.outlets.remove(outlet)

    def _seek_to_start(self, flags):
        self.pipeline.seek(1.0, Gst.Format.TIME, flags | Gst.SeekFlags.SEGMENT,
                           Gst.SeekType.SET, 0, Gst.SeekType.NONE, -1)

    def _on_message(self, _bus, message):
        if message.type == Gst.MessageType.SEGMENT_DONE:
            self._seek_to_start(Gst.SeekFlags.NONE)
        elif message.type == Gst.MessageType.ERROR:
            error, _ = message.parse_error()
            self.on_error(f"source clip failed: {error.message}")

    def _on_sample(self, sink):
        sample = sink.emit("pull-sample")
        running_time = self._running_time(sample)
        with self.lock:
            outlets = list(self.outlets)
        for outlet in outlets:
            if not outlet.offer(sample, running_time):
                self._detach(outlet)
        return Gst.FlowReturn.OK

    def _running_time(self, sample):
        """The sample's decoding time on the loop's timeline, always increasing.

        A clip's duration often leaves its last frame out, so the first frame of the next loop would share that
        frame's time: that loop then runs one frame later.
        """
        buffer = sample.get_buffer()
        decoding_time = buffer.dts if buffer.dts != Gst.CLOCK_TIME_NONE else buffer.pts
        running_time = sample.get_segment().to_running_time(Gst.Format.TIME, decoding_time) + self.loop_delay
        if self.last_running_time is not None:
            if running_time <= self.last_running_time:
                self.loop_delay += self.last_running_time + self.frame_interval - running_time
                running_time = self.last_running_time + self.frame_interval
            else:
                self.frame_interval = running_time - self.last_running_time
        self.last_running_time = running_time
        return running_time


SHALLOW_COPY = (Gst.BufferCopyFlags.FLAGS | Gst.BufferCopyFlags.TIMESTAMPS | Gst.BufferCopyFlags.META
                | Gst.BufferCopyFlags.MEMORY)


class Outlet:
    """The entrance of one served stream: moves the clip's timestamps onto that stream's own clock."""

    def __init__(self, appsrc):
        self.appsrc = appsrc
        self.offset = None

    def offer(self, sample, running_time):
        """Pushes the sample, decoded at the given time of the loop, once the stream runs and has had a keyframe.
        False when the stream has gone."""
        buffer = sample.get_buffer()
        if self.offset is None:
            keyframe = not buffer.has_flags(Gst.BufferFlags.DELTA_UNIT)
            if not keyframe or self.appsrc.current_state != Gst.State.PLAYING:
                return True
            self.appsrc.set_property("caps", sample.get_caps())
            clock = self.appsrc.get_clock()
            self.offset = clock.get_time() - self.appsrc.get_base_time() - running_time
        # Buffer.copy() in PyGObject hands back the same buffer: copy_region makes a new one sharing the memory
        served = buffer.copy_region(SHALLOW_COPY, 0, buffer.get_size())
        served.dts = running_time + self.offset
        served.pts = served.dts
        if buffer.pts != Gst.CLOCK_TIME_NONE and buffer.dts != Gst.CLOCK_TIME_NONE:
            served.pts += buffer.pts - buffer.dts
        result = self.appsrc.emit("push-buffer", served)
        return result in (Gst.FlowReturn.OK, Gst.FlowReturn.NOT_LINKED)


def authentication(args):
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, ROLE)
    if args.auth == "basic":
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password), token)
    else:
        auth.add_digest(args.user, args.password, token)
    auth.set_supported_methods(AUTH_METHODS[args.auth])
    return auth


def role_permissions():
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_permission_for_role(ROLE, GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS, True)
    permissions.add_permission_for_role(ROLE, GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, True)
    return permissions


def create_server(args, clip):
    server = GstRtspServer.RTSPServer()
    server.set_address(ADDRESS)
    server.set_service(str(args.port))
    if args.user is not None:
        server.set_auth(authentication(args))
    mounts = server.get_mount_points()
    for number in range(1, args.streams + 1):
        name = f"cam{number}"
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_shared(True)
        factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP | GstRtsp.RTSPLowerTrans.UDP)
        if args.user is not None:
            factory.set_permissions(role_permissions())
        if clip is None:
            factory.set_launch(test_pattern_launch(args, name))
            factory.connect("media-configure", refuse_seeking)
        else:
            factory.set_launch(CLIP_STREAM_LAUNCH)
            factory.connect("media-configure", lambda _factory, media: clip.attach(media))
        mounts.add_factory(f"/{name}", factory)
    if clip is None:
        server.connect("client-connected",
                       lambda _server, client: client.connect("play-request", request_keyframe_on_play))
    return server


def main(argv):
    args = parse_arguments(argv)
    Gst.init(None)
    if args.source is None and not Gst.ElementFactory.find("openh264enc"):
        print("no H.264 encoder: install gstreamer1.0-plugins-bad (openh264enc)", file=sys.stderr)
        return 1
    loop = GLib.MainLoop()
    outcome = {"exit": 0}

    def stop(reason, exit_code=0):
        outcome["exit"] = max(outcome["exit"], exit_code)
        loop.quit()
        try:
            print(reason, file=sys.stderr, flush=True)
        except OSError:
            pass  # Java's Process.destroy() closes its end of stderr as it sends SIGTERM

    def on_stdin(fd, _condition):
        if os.read(fd, 4096):
            return GLib.SOURCE_CONTINUE
        stop("stopping: stdin closed")
        return GLib.SOURCE_REMOVE

    clip = None
    if args.source is not None:
        clip = LoopingClip(os.path.abspath(args.source), args.fps, lambda reason: GLib.idle_add(stop, reason, 1))
    server = create_server(args, clip)
    try:
        server.create_source(None).attach(None)
        if clip is not None:
            clip.start()
    except GLib.Error as error:
        print(f"cannot start: {error.message}", file=sys.stderr)
        return 1
    except RuntimeError as error:
        print(f"cannot start: {error}", file=sys.stderr)
        return 1

    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, stop, "stopping on SIGTERM")
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, stop, "stopping on SIGINT")
    GLib.io_add_watch(sys.stdin.fileno(), GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP | GLib.IO_ERR, on_stdin)

    print(f"READY rtsp://{ADDRESS}:{server.get_bound_port()}/", flush=True)
    loop.run()
    if clip is not None:
        clip.stop()
    return outcome["exit"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
