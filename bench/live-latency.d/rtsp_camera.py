#!/usr/bin/python3
"""The camera of the live-latency benchmark: one RTSP mount rtsp://127.0.0.1:PORT/live of an RTP H.264 feed.

Like bench/recording.d/rtsp_server.py, an RTP H.264 stream arriving on a UDP port is packed once and every client
receives its own copy over TCP. Unlike it, the jitter buffer holds nothing back (latency=0; that server's 100 ms would
be counted as latency of what is measured): the feed comes over loopback, where packets neither reorder nor arrive
late, and the buffer is kept only because it carries the feed's regular RTP timestamps through (without it the
packets are stamped with their arrival times, whose jitter muxers downstream complain about). Prints "READY rtsp://127.0.0.1:PORT/live" once it listens; stops
on SIGTERM, SIGINT or when stdin closes.

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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True, help="RTSP port")
    parser.add_argument("--rtp-port", type=int, required=True, help="UDP port the RTP H.264 feed arrives on")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(ADDRESS)
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(
        f"( udpsrc port={args.rtp_port} address={ADDRESS} buffer-size=4194304 "
        'caps="application/x-rtp,media=video,clock-rate=90000,encoding-name=H264,payload=96" '
        "! rtpjitterbuffer latency=0 ! rtph264depay ! h264parse config-interval=-1 "
        "! video/x-h264,stream-format=byte-stream,alignment=au "
        "! rtph264pay name=pay0 pt=96 config-interval=-1 mtu=1400 )")
    factory.set_shared(True)
    factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP)
    server.get_mount_points().add_factory("/live", factory)

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
    print(f"READY rtsp://{ADDRESS}:{args.port}/live", flush=True)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
