#!/usr/bin/env python3
"""Where the machine's CPU went during a benchmark run.

   cpu-split.py SERVER_PID OUT_FILE        samples /proc every second until OUT_FILE.stop exists,
                                           then writes OUT_FILE (properties: cpu seconds per group)

Groups: the server JVM, PostgreSQL (every process named postgres), Redis, the load generator
(every other java process: Gatling and Maven), and the rest. Each process's CPU time is the last
value seen for it, so processes that end during the run (Gatling) still count.
"""
import os
import sys
import time

server_pid, out = sys.argv[1], sys.argv[2]
ticks = os.sysconf("SC_CLK_TCK")


def snapshot():
    seen = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        cpu = (int(fields[11]) + int(fields[12])) / ticks   # utime + stime
        seen[pid] = (name, cpu)
    return seen


def group(pid, name):
    if pid == server_pid:
        return "server"
    if name.startswith("postgres"):
        return "postgresql"
    if name.startswith("redis"):
        return "redis"
    if name == "java":
        return "load-generator"
    return "other"


def machine():
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    values = [int(p) for p in parts]
    idle = values[3] + values[4]
    return (sum(values) - idle) / ticks, sum(values) / ticks


start = snapshot()
busy0, total0 = machine()
wall0 = time.time()
last = dict(start)
while not os.path.exists(out + ".stop"):
    time.sleep(1)
    last.update(snapshot())
busy1, total1 = machine()
wall = time.time() - wall0
sums = {}
for pid, (name, cpu) in last.items():
    before = start.get(pid, (name, 0.0))[1]
    g = group(pid, name)
    sums[g] = sums.get(g, 0.0) + max(0.0, cpu - before)
with open(out, "w") as f:
    f.write(f"wall.seconds={wall:.1f}\n")
    f.write(f"cores={os.cpu_count()}\n")
    f.write(f"machine.busy.seconds={busy1 - busy0:.1f}\n")
    for g in ["server", "postgresql", "redis", "load-generator", "other"]:
        f.write(f"{g}.seconds={sums.get(g, 0.0):.1f}\n")
