#!/usr/bin/python3
"""Raw gray video frames of a still scene in which an object crosses the picture whenever we are told to.

Writes WIDTHxHEIGHT 8-bit gray frames (ffmpeg's `-f rawvideo -pix_fmt gray`) to standard output at FPS frames per
second, paced to real time: a fixed grainy texture with a few darker and lighter blocks, like a quiet street. On
SIGUSR1 a bright box appears at the left edge and crosses the middle of the picture in CROSSING seconds; the epoch
milliseconds at which its first frame was made are written as a line "MOTION <ms>" to the file given with --log
(flushed at once), which is the instant an alarm's latency is counted from. Stops when standard output closes.
"""

import argparse
import random
import signal
import sys
import time

BACKGROUND = 90
GRAIN = 24
BOX = 230


def still_scene(width, height):
    grain = random.Random(20261129)
    scene = bytearray(BACKGROUND - GRAIN // 2 + grain.randrange(GRAIN) for _ in range(width * height))
    for left, top, w, h, shade in ((width // 10, height * 2 // 3, width // 7, height // 5, 60),
                                   (width * 2 // 3, height // 2, width // 5, height // 3, 140)):
        for y in range(top, top + h):
            scene[y * width + left:y * width + left + w] = bytes([shade]) * w
    return bytes(scene)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=360)
    parser.add_argument("--fps", type=int, default=10)
    parser.add_argument("--crossing", type=float, default=3.0, help="seconds the object takes to cross")
    parser.add_argument("--log", required=True, help="file the MOTION lines are appended to")
    args = parser.parse_args()
    width, height = args.width, args.height
    scene = still_scene(width, height)
    box_width, box_height = width // 8, height // 5
    box_top = (height - box_height) // 2
    crossing_frames = max(1, round(args.crossing * args.fps))
    step = (width - box_width) / crossing_frames

    requested = []
    signal.signal(signal.SIGUSR1, lambda *_: requested.append(True))
    log = open(args.log, "a", buffering=1)
    out = sys.stdout.buffer
    interval = 1.0 / args.fps
    next_frame = time.monotonic()
    crossing_at = None  # frame index within the current crossing, or None
    try:
        while True:
            delay = next_frame - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            elif delay < -1:
                next_frame = time.monotonic()
            if crossing_at is None and requested:
                requested.clear()
                crossing_at = 0
            frame = bytearray(scene)
            if crossing_at is not None:
                left = int(crossing_at * step)
                for y in range(box_top, box_top + box_height):
                    frame[y * width + left:y * width + left + box_width] = bytes([BOX]) * box_width
                if crossing_at == 0:
                    print(f"MOTION {time.time_ns() // 1_000_000}", file=log)
                crossing_at = crossing_at + 1 if crossing_at + 1 < crossing_frames else None
            out.write(frame)
            out.flush()
            next_frame += interval
    except (BrokenPipeError, KeyboardInterrupt):
        return 0


if __name__ == "__main__":
    sys.exit(main())
