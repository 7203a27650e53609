#!/usr/bin/env python3
"""Whole-program benchmark: loading every tag of a big repository, as a user feels it.

For each tag count and emulator latency it
  1. writes a seed file (one organization `bench`, one repository `app`, tags `build-000000`…),
  2. starts `swr-tui emulator --seed FILE --latency-ms L` and times its start-up,
  3. times one tag page (limit 1,000, offset N/2) over plain HTTP (emulator cost only),
  4. runs, RUNS times each and interleaved, so both meet the same machine:
     - Huawei's official Python SDK paging the v2 tag list (limit 1,000, sequential: what a
       script written with the SDK does), and
     - the real swr-tui binary in a private tmux server (160x45): Enter on the repository, then
       the screen is read every 10 ms until the first tag rows are drawn and until the title
       shows the complete count; then `r` (refresh) and the same wait. Peak RSS (VmHWM) of the
       process is read after the load and again after the refresh,
  5. prints min and median of every figure, and the SDK/swr-tui ratio of each run's pair; also
     the longest the UI thread was busy in one step during the loads, which swr-tui logs.

With --repos N it does the same for an organization of N repositories (Enter on the
organization; the SDK pages list_repos_details).

Usage:
  python benches/load.py [--bin target/release/swr-tui] [--tags 1000,10000,100000]
                         [--repos 10000] [--latency 50,0] [--runs 3] [--no-sdk]
Needs tmux and (unless --no-sdk) `pip install -r tests/requirements-interop.txt`.
Build first: cargo build --release
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

POLL = 0.01  # seconds between screen reads
TIMEOUT = 300.0


def seed_file(directory, count, repos=False):
    path = os.path.join(directory, f"seed-{'repos' if repos else 'tags'}-{count}.json")
    if not os.path.exists(path):
        if repos:
            listed = [{"name": f"team-{i % 40}/service-{i:05d}", "tags": [{"tag": "1.0"}]} for i in range(count)]
        else:
            listed = [{"name": "app", "tags": [{"tag": f"build-{i:06d}"} for i in range(count)]}]
        seed = {
            "namespaces": [{"name": "bench", "repos": listed}],
            "users": [{"id": "u-0001", "name": "alice"}],
        }
        with open(path, "w") as f:
            json.dump(seed, f)
    return path


class Emulator:
    def __init__(self, binary, seed, latency):
        started = time.monotonic()
        self.proc = subprocess.Popen(
            [binary, "emulator", "--listen", "127.0.0.1:0", "--seed", seed, "--latency-ms", str(latency)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        first = self.proc.stdout.readline().strip()
        self.startup = time.monotonic() - started
        second = self.proc.stdout.readline().strip()
        match = re.fullmatch(r"listening on (http://\S+)", first)
        if not match:
            self.proc.kill()
            raise SystemExit(f"emulator did not start: {first!r}")
        self.url = match.group(1)
        self.creds = dict(kv.split("=", 1) for kv in second.removeprefix("credentials: ").split())

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def page_ms(url, count, samples=7):
    """Median and min time of one tag page (limit 1000) straight over HTTP, with a token."""
    body = json.dumps({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "alice", "password": "demo-password", "domain": {"name": "demo"}}}},
        "scope": {"project": {"name": "cn-north-4"}}}}).encode()
    request = urllib.request.Request(f"{url}/v3/auth/tokens", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as reply:
        token = reply.headers["X-Subject-Token"]
    offset = (count // 2) // 1000 * 1000
    times = []
    for _ in range(samples):
        request = urllib.request.Request(
            f"{url}/v2/manage/namespaces/bench/repos/app/tags?offset={offset}&limit=1000",
            headers={"X-Auth-Token": token},
        )
        started = time.monotonic()
        with urllib.request.urlopen(request) as reply:
            reply.read()
        times.append((time.monotonic() - started) * 1000)
    return min(times), statistics.median(times)


def sdk_client(emu):
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkswr.v2 import SwrClient
    from huaweicloudsdkswr.v2 import model as m

    config = HttpConfig.get_default_config()
    config.retry_times = 0
    creds = emu.creds
    client = (
        SwrClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(creds["HUAWEICLOUD_SDK_AK"], creds["HUAWEICLOUD_SDK_SK"],
                                           creds["HUAWEICLOUD_SDK_PROJECT_ID"]))
        .with_endpoints([emu.url])
        .build()
    )
    return client, m


def sdk_load(emu):
    client, m = sdk_client(emu)
    started = time.monotonic()
    tags, offset, total = 0, 0, None
    while total is None or offset < total:
        reply = client.list_repository_tags(
            m.ListRepositoryTagsRequest(namespace="bench", repository="app", offset=str(offset), limit="1000"))
        total = int(reply.content_range.rsplit("/", 1)[1])
        tags += len(reply.body)
        offset += 1000
        if not reply.body:
            break
    return time.monotonic() - started, tags


def sdk_load_repos(emu):
    client, m = sdk_client(emu)
    started = time.monotonic()
    repos, offset, total = 0, 0, None
    while total is None or offset < total:
        reply = client.list_repos_details(
            m.ListReposDetailsRequest(namespace="bench", offset=str(offset), limit="1000"))
        total = int(reply.content_range.rsplit("/", 1)[1])
        repos += len(reply.body)
        offset += 1000
        if not reply.body:
            break
    return time.monotonic() - started, repos


TITLE = re.compile(r"Tags \(([\d,]+)(?: of ([\d,]+))?\)([^─┐]*)")
SPINNER = set("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")


def tags_title(screen, title=TITLE):
    """(rows shown, complete) from the tag pane's title, or None before it shows a count."""
    match = title.search(screen)
    if not match:
        return None
    rows = int(match.group(1).replace(",", ""))
    rest = match.group(2) is not None or "loading" in match.group(3) or any(c in SPINNER for c in match.group(3))
    return rows, not rest


class Tui:
    def __init__(self, binary, emu, directory):
        self.socket = f"swr-bench-{os.getpid()}"
        self.dir = directory
        creds = emu.creds
        # An empty config file: a named one must exist.
        with open(os.path.join(directory, "config.toml"), "w"):
            pass
        script = (
            f"exec env HUAWEICLOUD_SDK_AK={creds['HUAWEICLOUD_SDK_AK']} HUAWEICLOUD_SDK_SK={creds['HUAWEICLOUD_SDK_SK']} "
            f"HUAWEICLOUD_SDK_PROJECT_ID={creds['HUAWEICLOUD_SDK_PROJECT_ID']} SWR_TUI_CONFIG={directory}/config.toml "
            f"XDG_DATA_HOME={directory} XDG_CACHE_HOME={directory}/cache "
            f"{binary} --endpoint {emu.url} --region cn-north-4 {os.environ.get('SWR_TUI_ARGS', '')}"
        )
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "bench", "-x", "160", "-y", "45")
        self.tmux("respawn-pane", "-k", "-t", "bench", script)
        self.pid = int(self.tmux("list-panes", "-t", "bench", "-F", "#{pane_pid}").strip())

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "bench")

    def wait(self, predicate, what, timeout=TIMEOUT):
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(POLL)
        if timeout < TIMEOUT:
            return None
        raise SystemExit(f"timed out waiting for {what}; screen:\n{self.screen()}")

    def peak_rss_mb(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def load(self, key, pattern=TITLE):
        """Presses `key`; seconds until the first rows and until every row is there."""
        started = time.monotonic()
        self.tmux("send-keys", "-t", "bench", key)
        first = None
        while time.monotonic() - started < TIMEOUT:
            title = tags_title(self.screen(), pattern)
            now = time.monotonic() - started
            if title and title[0] > 0 and first is None:
                first = now
            if title and title[1] and title[0] > 0 and (key != "r" or now > 0.05):
                return first, now
            time.sleep(POLL)
        raise SystemExit(f"timed out loading; screen:\n{self.screen()}")

    def logged_step_ms(self):
        """The longest UI step of the last load, as the program logged it (None if it did not)."""
        try:
            with open(os.path.join(self.dir, "swr-tui", "swr-tui.log")) as f:
                found = re.findall(r"longest UI step (\d+) ms", f.read())
        except OSError:
            return None
        return int(found[-1]) if found else None

    def close(self):
        self.tmux("send-keys", "-t", "bench", "q")
        time.sleep(0.2)
        self.tmux("kill-server")


def tui_load(binary, emu, count):
    directory = tempfile.mkdtemp(prefix="swr-bench-")
    tui = Tui(binary, emu, directory)
    try:
        tui.wait(lambda s: "bench" in s and "Organizations (1)" in s, "the organization")
        tui.tmux("send-keys", "-t", "bench", "Enter")
        tui.wait(lambda s: "Repositories (1)" in s, "the repository")
        first, complete = tui.load("Enter")
        rows = tags_title(tui.screen())[0]
        if rows != count:
            raise SystemExit(f"swr-tui shows {rows} tags, the repository has {count}")
        rss_loaded = tui.peak_rss_mb()
        time.sleep(0.1)  # the log line follows the frame
        step_loaded = tui.logged_step_ms()
        # A refresh: the old rows stay until the new list is complete, so the peak may grow.
        tui.tmux("send-keys", "-t", "bench", "r")
        tui.wait(lambda s: (t := tags_title(s)) is not None and not t[1], "the refresh to start", 2.0)
        tui.wait(lambda s: (t := tags_title(s)) is not None and t[1] and t[0] == count, "the refresh to end")
        rss_refreshed = tui.peak_rss_mb()
        time.sleep(0.1)
        step_refresh = tui.logged_step_ms()
        steps = [s for s in (step_loaded, step_refresh) if s is not None]
        return {"first": first, "all": complete, "rss": rss_loaded, "rss_refresh": rss_refreshed,
                "step": max(steps) if steps else None}
    finally:
        tui.close()
        shutil.rmtree(directory, ignore_errors=True)


REPOS_TITLE = re.compile(r"Repositories \(([\d,]+)(?: of ([\d,]+))?\)([^─┐]*)")


def tui_load_repos(binary, emu, count):
    directory = tempfile.mkdtemp(prefix="swr-bench-")
    tui = Tui(binary, emu, directory)
    try:
        tui.wait(lambda s: "Organizations (1)" in s, "the organization")
        first, complete = tui.load("Enter", REPOS_TITLE)
        rows = tags_title(tui.screen(), REPOS_TITLE)[0]
        if rows != count:
            raise SystemExit(f"swr-tui shows {rows} repositories, the organization has {count}")
        return {"first": first, "all": complete, "rss": tui.peak_rss_mb()}
    finally:
        tui.close()
        shutil.rmtree(directory, ignore_errors=True)


def fmt(values, unit, digits=2):
    return f"min {min(values):.{digits}f}{unit}  median {statistics.median(values):.{digits}f}{unit}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default="target/release/swr-tui")
    parser.add_argument("--tags", default="1000,10000,100000")
    parser.add_argument("--repos", default="", help="repository counts instead of tag counts")
    parser.add_argument("--latency", default="50,0")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-sdk", action="store_true")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    if not shutil.which("tmux"):
        raise SystemExit("tmux is needed (apt-get install tmux)")
    work = tempfile.mkdtemp(prefix="swr-bench-seeds-")
    print(f"binary {binary}, {os.cpu_count()} cores, {args.runs} runs each")
    repos = bool(args.repos)
    try:
        for count in [int(c) for c in (args.repos or args.tags).split(",")]:
            seed = seed_file(work, count, repos)
            for latency in [int(l) for l in args.latency.split(",")]:
                emu = Emulator(binary, seed, latency)
                try:
                    (report_repos if repos else report)(args, binary, emu, count, latency)
                finally:
                    emu.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def runs(args, count, what, sdk_load_fn, tui_load_fn):
    """RUNS interleaved pairs: the SDK, then swr-tui; the SDK's times, swr-tui's, their ratios."""
    sdk, tui, ratios = [], [], []
    for _ in range(args.runs):
        if not args.no_sdk:
            seconds, got = sdk_load_fn()
            if got != count:
                raise SystemExit(f"the SDK listed {got} {what} of {count}")
            sdk.append(seconds)
        run = tui_load_fn()
        tui.append(run)
        if not args.no_sdk:
            ratios.append(sdk[-1] / run["all"])
    return sdk, tui, ratios


def print_runs(what, sdk, tui, ratios, extra):
    if sdk:
        print(f"official SDK, all {what}:{' ' * (10 - len(what))}{fmt(sdk, 's')}")
    print(f"swr-tui, first rows drawn:   {fmt([r['first'] for r in tui], 's', 3)}")
    print(f"swr-tui, all rows (title):   {fmt([r['all'] for r in tui], 's')}")
    print(f"swr-tui, peak RSS loaded:    {fmt([r['rss'] for r in tui], ' MB', 0)}")
    extra()
    if ratios:
        print(f"SDK time / swr-tui time:     {fmt(ratios, 'x', 1)}  (each run's pair)")
    sys.stdout.flush()


def report_repos(args, binary, emu, count, latency):
    print(f"\n== {count:,} repositories in one organization, emulator --latency-ms {latency}")
    results = runs(args, count, "repositories", lambda: sdk_load_repos(emu),
                   lambda: tui_load_repos(binary, emu, count))
    print_runs("repos", *results, lambda: None)


def report(args, binary, emu, count, latency):
    print(f"\n== {count:,} tags, emulator --latency-ms {latency}")
    print(f"emulator start-up with the seed: {emu.startup:.2f}s")
    if latency == 0:
        low, mid = page_ms(emu.url, count)
        print(f"one tag page over HTTP (limit 1000): min {low:.1f}ms  median {mid:.1f}ms")
    sdk, tui, ratios = runs(args, count, "tags", lambda: sdk_load(emu), lambda: tui_load(binary, emu, count))

    def refresh():
        print(f"swr-tui, peak RSS after r:   {fmt([r['rss_refresh'] for r in tui], ' MB', 0)}")
        steps = [r["step"] for r in tui if r["step"] is not None]
        if steps:
            print(f"swr-tui, longest UI step:    {fmt(steps, ' ms', 0)}  (as it logged; load and refresh)")

    print_runs("tags", sdk, tui, ratios, refresh)


if __name__ == "__main__":
    main()
