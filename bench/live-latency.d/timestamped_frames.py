#!/usr/bin/python3
"""Raw gray video frames, paced to real time, that carry the wall-clock time at which each was made.

Writes WIDTHxHEIGHT 8-bit gray frames (ffmpeg's `-f rawvideo -pix_fmt gray`) to standard output at FPS frames per
second. The top rows of every frame hold the epoch milliseconds at which the frame was made as 48 black (0) or white
(1) blocks of 16x16 pixels, most significant bit first, left to right and row by row, followed by the same 48 bits
inverted, so that a reader can tell a cleanly decoded stamp from a damaged one. Blocks sit on the 16x16 macroblock
grid, so an H.264 encoder keeps them sharp. Below them lies a fixed grainy texture, which makes every keyframe about
as large as a camera's (a few tens of kilobytes), and a bar moves across it, so the picture is never still. Stops
when standard output closes.
"""

import argparse
import random
import sys
import time

BLOCK = 16
BITS = 48
BACKGROUND = 96
GRAIN = 48
BAR = 200


def stamp_rows(width, millis):
    """The pixel rows of the stamp: one row of bytes per block row, each repeated BLOCK times by the caller."""
    bits = [(millis >> (BITS - 1 - i)) & 1 for i in range(BITS)]
    bits += [1 - bit for bit in bits]
    per_row = width // BLOCK
    rows = []
    for start in range(0, len(bits), per_row):
        blocks = b"".join(b"\xff" * BLOCK if bit else b"\x00" * BLOCK for bit in bits[start:start + per_row])
        rows.append(blocks + bytes([BACKGROUND]) * (width - len(blocks)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=360)
    parser.add_argument("--fps", type=int, default=25)
    args = parser.parse_args()
    width, height = args.width, args.height
    if width % BLOCK or width // BLOCK < 8 or height < 8 * BLOCK:
        parser.error(f"the width must be a multiple of {BLOCK} and the frame at least {8 * BLOCK} pixels each way")

    grain = random.Random(20261129)
    background = bytes(BACKGROUND - GRAIN // 2 + grain.randrange(GRAIN) for _ in range(width * height))
    bar_width = width // 10
    bar_top = height // 2
    bar_rows = range(bar_top, bar_top + height // 4)
    out = sys.stdout.buffer
    interval = 1.0 / args.fps
    next_frame = time.monotonic()
    frame_number = 0
    try:
        while True:
            delay = next_frame - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            elif delay < -1:
                next_frame = time.monotonic()  # fell a second behind (machine stalled): keep the pace from now
            frame = bytearray(background)
            bar_left = (frame_number * 8) % (width - bar_width)
            for y in bar_rows:
                frame[y * width + bar_left:y * width + bar_left + bar_width] = bytes([BAR]) * bar_width
            for block_row, row in enumerate(stamp_rows(width, time.time_ns() // 1_000_000)):
                for y in range(block_row * BLOCK, (block_row + 1) * BLOCK):
                    frame[y * width:(y + 1) * width] = row
            out.write(frame)
            out.flush()
            frame_number += 1
            next_frame += interval
    except (BrokenPipeError, KeyboardInterrupt):
        return 0


if __name__ == "__main__":
    sys.exit(main())
