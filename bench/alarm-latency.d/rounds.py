#!/usr/bin/python3
"""The alarm-latency benchmark's rounds: triggers alarms, waits until the console shows them, pairs each alarm with
its trigger and prints the latencies.

A round: SIGUSR1 to motion_frames.py (an object crosses the one picture all cameras show: one motion alarm per
camera, counted from the "MOTION <ms>" line the generator logs for its first frame), then one MQTT message per source,
spread over the first seconds of the round, each carrying a unique text that becomes the alarm's detail (counted from
the instant just before the message is handed to mosquitto_pub). The round waits until the API lists all the alarms
and the console (AlarmConsole.java, whose SEEN lines arrive in --seen-file) has shown them, closes them with outcome
"test" (an open alarm would fold the next round's signals into itself), and the next round begins only after the
object has left and the motion detector's quiet period has passed, so that the cameras' next motion is a new episode.
Rounds go on until at least --min-alarms alarms were triggered.

Prints one line "ALARM <kind> <alarmId or -> <trigger ms> <firstAt ms or -> <seen ms or -> <label>" per triggered
alarm (firstAt: when Atalaya says the alarm began: the arrival in the JVM of the frame that showed the motion, the
instant the MQTT message was read) and, last, "LATENCY ..." with the figures.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime


# loopback only: no proxy from the environment
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def now_ms():
    return time.time_ns() // 1_000_000


class Api:
    def __init__(self, base, token):
        self.base = base.rstrip("/")
        self.token = token

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Authorization": "Bearer " + self.token, "Content-Type": "application/json", "Accept": "application/json"})
        with OPENER.open(request, timeout=30) as answer:
            text = answer.read()
            return json.loads(text) if text else None


class Seen:
    """The console's SEEN lines, read as the file grows: alarm id -> painted epoch ms."""

    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.painted = {}

    def refresh(self):
        with open(self.path, "rb") as file:
            file.seek(self.offset)
            chunk = file.read()
        complete = chunk.rfind(b"\n") + 1
        self.offset += complete
        for line in chunk[:complete].decode().splitlines():
            parts = line.split()
            if len(parts) == 4 and parts[0] == "SEEN":
                self.painted.setdefault(int(parts[1]), int(parts[3]))
        return self.painted


def epoch_ms(iso):
    return round(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)


def percentile(values, share):
    """Nearest rank."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 100))
    return ordered[int(rank) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", required=True, help="http://localhost:PORT/api/v1")
    parser.add_argument("--cameras", required=True, help="comma-separated camera ids that see the object")
    parser.add_argument("--generator", type=int, required=True, help="process id of motion_frames.py")
    parser.add_argument("--motion-log", required=True)
    parser.add_argument("--seen-file", help="AlarmConsole.java's output (not with --probe)")
    parser.add_argument("--mqtt-port", type=int)
    parser.add_argument("--topics", default="", help="comma-separated MQTT topics, one per source")
    parser.add_argument("--min-alarms", type=int, default=200)
    parser.add_argument("--crossing", type=float, default=3.0, help="seconds the object takes to cross")
    parser.add_argument("--quiet", type=float, default=5.0, help="the motion detector's quiet period, seconds")
    parser.add_argument("--wait", type=float, default=30.0, help="seconds to wait for a round's alarms")
    parser.add_argument("--probe", action="store_true",
                        help="only make the object cross once and print SILENT with the cameras that raised no alarm")
    args = parser.parse_args()
    api = Api(args.api, os.environ["BENCH_TOKEN"])
    cameras = {int(c) for c in args.cameras.split(",")}
    if args.probe:
        return probe(api, args, cameras)
    topics = [topic for topic in args.topics.split(",") if topic]
    seen = Seen(args.seen_file)
    publishers = [subprocess.Popen(["mosquitto_pub", "-h", "127.0.0.1", "-p", str(args.mqtt_port), "-q", "1",
                                    "-t", topic, "-l"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
                  for topic in topics]
    time.sleep(1)  # the publishers connect
    triggered = []  # (kind, alarm id or None, trigger ms, label)
    rounds = 0
    try:
        while len(triggered) < args.min_alarms:
            rounds += 1
            triggered += one_round(api, args, rounds, cameras, publishers, seen)
    finally:
        for publisher in publishers:
            publisher.stdin.close()
        for publisher in publishers:
            publisher.wait(5)
    report(triggered, seen.refresh(), rounds)


def close_leftovers(api, cameras):
    """Closes what is open for the benchmark's cameras and sources, so that it pairs with no trigger of this round."""
    left = set()
    for alarm in api.call("GET", "/alarms?state=open&limit=500")["alarms"]:
        camera = alarm["cameras"][0]["id"] if alarm["cameras"] else None
        if camera in cameras or (alarm["detail"] or "").startswith("bench round "):
            left.add(alarm["id"])
            api.call("POST", f"/alarms/{alarm['id']}/close", {"outcome": "test"})
    return left


def probe(api, args, cameras):
    close_leftovers(api, cameras)
    started = time.monotonic()
    os.kill(args.generator, signal.SIGUSR1)
    raised = set()
    while time.monotonic() - started < 10 and raised != cameras:
        time.sleep(0.5)
        raised = {alarm["cameras"][0]["id"] for alarm in api.call("GET", "/alarms?state=open&limit=500")["alarms"]
                  if alarm["type"] == "motion" and alarm["cameras"] and alarm["cameras"][0]["id"] in cameras}
    close_leftovers(api, cameras)
    print("SILENT " + " ".join(str(camera) for camera in sorted(cameras - raised)))
    time.sleep(max(0.0, started + args.crossing + args.quiet + 2.0 - time.monotonic()))


def one_round(api, args, number, cameras, publishers, seen):
    stale = close_leftovers(api, cameras)
    with open(args.motion_log) as log:
        motions_before = log.read().count("MOTION")
    started = time.monotonic()
    os.kill(args.generator, signal.SIGUSR1)
    messages = {}
    for index, publisher in enumerate(publishers):
        time.sleep(0.25)
        text = f"bench round {number} source {index + 1}"
        messages[text] = now_ms()
        publisher.stdin.write((text + "\n").encode())
        publisher.stdin.flush()
    motion_at = None
    while motion_at is None and time.monotonic() - started < 5:
        with open(args.motion_log) as log:
            lines = [line.split() for line in log if line.startswith("MOTION")]
        if len(lines) > motions_before:
            motion_at = int(lines[motions_before][1])
        else:
            time.sleep(0.05)
    if motion_at is None:
        sys.exit("rounds: motion_frames.py logged no MOTION after SIGUSR1")

    motion_alarms, mqtt_alarms, began = {}, {}, {}
    deadline = time.monotonic() + args.wait
    while time.monotonic() < deadline:
        for alarm in api.call("GET", "/alarms?state=open&limit=500")["alarms"]:
            camera = alarm["cameras"][0]["id"] if alarm["cameras"] else None
            if alarm["id"] in stale:
                continue
            if alarm["type"] == "motion" and camera in cameras:
                motion_alarms.setdefault(camera, alarm["id"])
            elif alarm["detail"] in messages:
                mqtt_alarms.setdefault(alarm["detail"], alarm["id"])
            else:
                continue
            began.setdefault(alarm["id"], epoch_ms(alarm["firstAt"]))
        ids = list(motion_alarms.values()) + list(mqtt_alarms.values())
        painted = seen.refresh()
        if len(motion_alarms) == len(cameras) and len(mqtt_alarms) == len(messages) and all(i in painted for i in ids):
            break
        time.sleep(0.25)

    for alarm_id in list(motion_alarms.values()) + list(mqtt_alarms.values()):
        try:
            api.call("POST", f"/alarms/{alarm_id}/close", {"outcome": "test"})
        except OSError as error:
            print(f"rounds: could not close alarm {alarm_id}: {error}", file=sys.stderr)
    found = [("motion", motion_alarms.get(camera), motion_at, f"camera-{camera}") for camera in sorted(cameras)]
    found += [("mqtt", mqtt_alarms.get(text), at, text.replace(" ", "-")) for text, at in messages.items()]
    found = [(kind, alarm_id, at, began.get(alarm_id), label) for kind, alarm_id, at, label in found]
    painted = seen.refresh()
    print(f"rounds: round {number}: {len(motion_alarms)}/{len(cameras)} motion and "
          f"{len(mqtt_alarms)}/{len(messages)} MQTT alarms raised, "
          f"{sum(1 for _, i, _, _, _ in found if i in painted)} seen on the console", file=sys.stderr)
    # the object leaves, then the quiet period must pass before the cameras' next motion is a new episode
    ready_at = started + args.crossing + args.quiet + 2.0
    time.sleep(max(0.0, ready_at - time.monotonic()))
    return found


def report(triggered, painted, rounds):
    latencies = {"motion": [], "mqtt": []}
    began_after = {"motion": [], "mqtt": []}  # Atalaya's firstAt - trigger: the signal reaching Atalaya
    shown_after = {"motion": [], "mqtt": []}  # painted - firstAt: from there to the screen
    unseen = 0
    for kind, alarm_id, trigger, began, label in triggered:
        seen_at = painted.get(alarm_id) if alarm_id is not None else None
        print(f"ALARM {kind} {alarm_id if alarm_id is not None else '-'} {trigger} "
              f"{began if began is not None else '-'} {seen_at if seen_at is not None else '-'} {label}")
        if seen_at is None:
            unseen += 1
            continue
        latencies[kind].append(seen_at - trigger)
        if began is not None:
            began_after[kind].append(began - trigger)
            shown_after[kind].append(seen_at - began)
    every = latencies["motion"] + latencies["mqtt"]
    figure = lambda values, share: "-" if not values else str(percentile(values, share))
    print(f"LATENCY rounds={rounds} triggered={len(triggered)} seen={len(every)} unseen={unseen} "
          f"p50_ms={figure(every, 50)} p99_ms={figure(every, 99)} max_ms={figure(every, 100)} "
          f"min_ms={figure(every, 0.0001)} "
          f"motion_n={len(latencies['motion'])} motion_p50_ms={figure(latencies['motion'], 50)} "
          f"motion_p99_ms={figure(latencies['motion'], 99)} "
          f"mqtt_n={len(latencies['mqtt'])} mqtt_p50_ms={figure(latencies['mqtt'], 50)} "
          f"mqtt_p99_ms={figure(latencies['mqtt'], 99)} "
          f"motion_began_p50_ms={figure(began_after['motion'], 50)} motion_shown_p50_ms={figure(shown_after['motion'], 50)} "
          f"mqtt_began_p50_ms={figure(began_after['mqtt'], 50)} mqtt_shown_p50_ms={figure(shown_after['mqtt'], 50)}")


if __name__ == "__main__":
    sys.exit(main())
