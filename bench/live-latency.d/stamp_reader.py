#!/usr/bin/python3
"""The floor under the live view's latency: the camera's frames decoded straight from RTSP by ffmpeg.

Reads raw 8-bit gray frames (ffmpeg `-f rawvideo -pix_fmt gray pipe:1`) of the given size from standard input, reads
the capture time each carries (see timestamped_frames.py) and keeps (time the frame arrived) - (time it was made).
Once the file given with --start-when exists (Glass.java makes it when the pages start collecting), or else after the
warm-up, it collects for the given seconds, then prints one line in the format of Glass.java:
GLASS direct samples=N p50_ms=A p95_ms=B min_ms= max_ms= unreadable=U frames_per_second=F
"""

import argparse
import math
import os
import sys
import time

BLOCK = 16
BITS = 48


def stamp(frame, width):
    per_row = width // BLOCK
    millis = 0
    for i in range(BITS):
        bits = []
        for index in (i, BITS + i):
            row, column = divmod(index, per_row)
            bits.append(frame[(row * BLOCK + BLOCK // 2) * width + column * BLOCK + BLOCK // 2] > 127)
        if bits[0] == bits[1]:
            return None
        millis = millis * 2 + bits[0]
    return millis


def percentile(ordered, percent):
    if not ordered:
        return "-"
    return str(round(ordered[max(1, math.ceil(percent / 100 * len(ordered))) - 1]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, required=True)
    parser.add_argument("--height", type=int, required=True)
    parser.add_argument("--warm-up", type=float, default=5)
    parser.add_argument("--start-when", help="a file whose appearance starts the collecting, instead of the warm-up")
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    size = args.width * args.height
    source = sys.stdin.buffer
    samples, unreadable, frames = [], 0, 0
    started = time.monotonic()
    collecting_since = None
    while True:
        frame = source.read(size)
        if len(frame) < size:
            break
        arrived = time.time_ns() / 1_000_000
        if collecting_since is None:
            waited = time.monotonic() - started
            if os.path.exists(args.start_when) if args.start_when else waited >= args.warm_up:
                collecting_since = time.monotonic()
            else:
                continue
        if time.monotonic() - collecting_since > args.seconds:
            break
        frames += 1
        captured = stamp(frame, args.width)
        if captured is None:
            unreadable += 1
        else:
            samples.append(arrived - captured)
    samples.sort()
    print(f"GLASS direct samples={len(samples)} p50_ms={percentile(samples, 50)} p95_ms={percentile(samples, 95)} "
          f"min_ms={percentile(samples, 0)} max_ms={percentile(samples, 100)} unreadable={unreadable} "
          f"frames_per_second={frames / args.seconds:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
