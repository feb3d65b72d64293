#!/usr/bin/env python3
"""Decision commit latency as a pipeline sees it: `onmodel decide` is fed one decision every 50 ms and the time from
writing the line to reading its 'ok' (printed after the commit) is measured. Run it while something else writes to
the same project (for example the window's scoring worker) to see how long a decision waits for the write lock.

usage: decision-latency.py PROJECT_DIR [DECISIONS]   (from the repository root, after mvn -DskipTests package)
Records approvals of sh010/v001 frames 1001-1048 in pass 'latency' by reviewer 'Bench' (append-only, like any
decision: use a copy of a project).
"""
import subprocess
import sys
import time

project = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 120
decide = subprocess.Popen(
    ["java", "-cp", "app/target/onmodel-app.jar:app/target/lib/*", "dev.onmodel.app.Main", "decide", "-p", project],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
latencies = []
for i in range(count):
    frame = 1001 + i % 48
    start = time.perf_counter()
    decide.stdin.write(f"sh010,v001,{frame},{frame},approve,Bench,animator,latency,\n")
    decide.stdin.flush()
    answer = decide.stdout.readline()
    latencies.append((time.perf_counter() - start) * 1000)
    if not answer.startswith("ok"):
        sys.exit("decide refused a decision: " + answer.strip())
    time.sleep(0.05)
decide.stdin.close()
decide.wait()
measured = sorted(latencies[5:])  # the first few run while the JIT warms up
print(f"n={len(measured)} p50={measured[len(measured) // 2]:.1f} p95={measured[int(len(measured) * 0.95)]:.1f} "
      f"p99={measured[int(len(measured) * 0.99)]:.1f} max={measured[-1]:.1f} ms")
