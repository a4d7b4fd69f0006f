#!/usr/bin/python3
"""Counts the segments a side of the recording benchmark lost within the measured window.

Reads "CAMERA START END" lines (epoch seconds, one per recorded segment) on stdin and prints one line
"lost_segments=L uncovered_seconds=U cameras_with_losses=C". A camera's loss is the part of the window
[--from, --to] that none of its segments covers; any hole longer than --tolerance seconds in total counts as at least
one lost segment (ceil(hole / segment length)). A camera without any segment lost the whole window.

Coverage rather than a count of files: a segment is cut at the first keyframe after its nominal length, so the count
of files in a window varies by one with the phase of the keyframes even when nothing is lost.
"""

import argparse
import math
import sys


def uncovered_seconds(segments, start, end):
    covered = 0.0
    reached = start
    for seg_start, seg_end in sorted(segments):
        seg_start = max(seg_start, reached)
        seg_end = min(seg_end, end)
        if seg_end > seg_start:
            covered += seg_end - seg_start
            reached = seg_end
    return (end - start) - covered


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="start", type=float, required=True, help="window start, epoch seconds")
    parser.add_argument("--to", dest="end", type=float, required=True, help="window end, epoch seconds")
    parser.add_argument("--segment-seconds", type=float, required=True)
    parser.add_argument("--tolerance", type=float, default=1.0, help="seconds of hole per camera not counted")
    parser.add_argument("cameras", nargs="+", help="every camera that should have recorded")
    args = parser.parse_args()

    segments = {camera: [] for camera in args.cameras}
    for line in sys.stdin:
        fields = line.split()
        if len(fields) == 3 and fields[0] in segments:
            segments[fields[0]].append((float(fields[1]), float(fields[2])))

    lost = 0
    total_uncovered = 0.0
    cameras_with_losses = 0
    for camera in args.cameras:
        hole = uncovered_seconds(segments[camera], args.start, args.end)
        if hole > args.tolerance:
            lost += math.ceil(hole / args.segment_seconds)
            total_uncovered += hole
            cameras_with_losses += 1
    print(f"lost_segments={lost} uncovered_seconds={total_uncovered:.1f} cameras_with_losses={cameras_with_losses}")


if __name__ == "__main__":
    main()
