#!/usr/bin/python3
"""The cameras of the recording benchmark: N RTSP mounts rtsp://127.0.0.1:PORT/cam1 .. camN of one H.264 stream.

An RTP H.264 stream arriving on a UDP port (from one ffmpeg that plays the clip in a loop in real time) is packed
once and every client of every mount receives its own copy of it, so the server stays cheap enough to serve a hundred
clients on two cores next to what is being measured. Prints "READY rtsp://127.0.0.1:PORT/" once it listens; stops on
SIGTERM, SIGINT or when stdin closes.

Needs Debian's python3-gi and gir1.2-gst-rtsp-server-1.0 with gstreamer1.0-plugins-good/bad: run with /usr/bin/python3.
"""

import argparse
import os
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

ADDRESS = "127.0.0.1"


class OneStreamForEveryMount(GstRtspServer.RTSPMediaFactory):
    """A factory whose media is the same for every mount point, so the stream is depacketised and packed once."""

    def do_gen_key(self, _url):
        return "the-one-stream"


def launch(rtp_port, jitter_ms):
    return (f"( udpsrc port={rtp_port} address={ADDRESS} buffer-size=4194304 "
            'caps="application/x-rtp,media=video,clock-rate=90000,encoding-name=H264,payload=96" '
            f"! rtpjitterbuffer latency={jitter_ms} ! rtph264depay ! h264parse config-interval=-1 "
            "! video/x-h264,stream-format=byte-stream,alignment=au "
            "! rtph264pay name=pay0 pt=96 config-interval=-1 mtu=1400 )")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True, help="RTSP port")
    parser.add_argument("--rtp-port", type=int, required=True, help="UDP port the RTP H.264 feed arrives on")
    parser.add_argument("--streams", type=int, required=True, help="number of mounts /cam1 .. /camN")
    # The live-latency benchmark passes 0: its feed comes over loopback, where packets neither reorder nor arrive late,
    # and a held-back packet would be counted as latency of what it measures. The buffer stays in the pipeline even
    # then, because it carries the feed's regular RTP timestamps through.
    parser.add_argument("--jitter-ms", type=int, default=100, help="how long the jitter buffer holds packets")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(ADDRESS)
    server.set_service(str(args.port))
    factory = OneStreamForEveryMount()
    factory.set_launch(launch(args.rtp_port, args.jitter_ms))
    factory.set_shared(True)
    factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP)
    mounts = server.get_mount_points()
    for number in range(1, args.streams + 1):
        mounts.add_factory(f"/cam{number}", factory)

    loop = GLib.MainLoop()

    def on_stdin(fd, _condition):
        if os.read(fd, 4096):
            return GLib.SOURCE_CONTINUE
        loop.quit()
        return GLib.SOURCE_REMOVE

    try:
        server.attach(None)
    except GLib.Error as error:
        print(f"cannot listen on {ADDRESS}:{args.port}: {error.message}", file=sys.stderr)
        return 1
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    GLib.io_add_watch(sys.stdin.fileno(), GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP | GLib.IO_ERR, on_stdin)
    print(f"READY rtsp://{ADDRESS}:{args.port}/", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
