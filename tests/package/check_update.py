#!/usr/bin/python3
"""carbontrail-update in a harness: a temporary root ($CTRAIL_UPDATE_ROOT), fake systemctl,
dpkg, dpkg-query, df and findmnt on PATH (the build machine's systemd and dpkg are never
touched), real .deb files made with dpkg-deb, and the real carbontrail for --check-model.

The fake systemctl plays a Type=notify unit: after a restart it reports ActiveState=active
only when the installed package version and the model it would open are not listed as
"never ready"; otherwise it stays "activating" (Restart=always keeps trying).

usage: check_update.py SCRIPT CARBONTRAIL MODEL [EMULATOR]
"""
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

SCRIPT, CARBONTRAIL, MODEL = sys.argv[1:4]
EMULATOR = sys.argv[4] if len(sys.argv) > 4 else ""

FAKES = {
    "systemctl": r"""
        #!/bin/sh
        F=$CTRAIL_UPDATE_ROOT/fake
        echo "systemctl $*" >>"$F/calls"
        ready() {
            v=$(cat "$F/installed" 2>/dev/null)
            grep -qx "$v" "$F/never-ready" 2>/dev/null && return 1
            m=$CTRAIL_UPDATE_ROOT/var/lib/carbontrail/model/current.sqlite
            [ -f "$m" ] && grep -q NEVER-READY-MODEL "$m" && return 1
            return 0
        }
        case "$1" in
        restart) if ready; then echo active >"$F/state"; else echo activating >"$F/state"; fi
                 rm -f "$F/shown"
                 cat "$F/installed" >"$F/running" 2>/dev/null; exit 0 ;;
        show)
            case "$3" in
            ActiveState)
                # A "flaky" version reports ready once, then crashes and is restarted.
                if grep -qx "$(cat "$F/installed")" "$F/flaky" 2>/dev/null && [ -f "$F/shown" ]; then
                    echo activating >"$F/state"
                fi
                touch "$F/shown"
                cat "$F/state" 2>/dev/null || echo inactive ;;
            NRestarts) echo 0 ;;
            TimeoutStartUSec) echo "${FAKE_TIMEOUT:-1min 30s}" ;;
            esac ;;
        esac
        exit 0
    """,
    "dpkg": r"""
        #!/bin/sh
        F=$CTRAIL_UPDATE_ROOT/fake
        echo "dpkg $*" >>"$F/calls"
        if [ "$1" = --print-architecture ]; then echo arm64; exit 0; fi
        for a; do deb=$a; done
        v=$(dpkg-deb -f "$deb" Version) || exit 2
        grep -qx "$v" "$F/fail-install" 2>/dev/null && { echo "dpkg: error processing $deb" >&2; exit 1; }
        echo "$v" >"$F/installed"
    """,
    "dpkg-query": r"""
        #!/bin/sh
        F=$CTRAIL_UPDATE_ROOT/fake
        [ -f "$F/installed" ] || exit 1
        echo "install ok installed $(cat "$F/installed")"
    """,
    "df": r"""
        #!/bin/sh
        F=$CTRAIL_UPDATE_ROOT/fake
        echo "Filesystem 1024-blocks Used Available Capacity Mounted on"
        echo "/dev/fake 30000000 1000 $(cat "$F/free-kb" 2>/dev/null || echo 20000000) 1% /"
    """,
    "findmnt": r"""
        #!/bin/sh
        cat "$CTRAIL_UPDATE_ROOT/fake/rootfs" 2>/dev/null || echo ext4
    """,
}

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def make_deb(out_dir, version, package="carbontrail", arch="arm64"):
    tree = tempfile.mkdtemp(dir=out_dir)
    os.makedirs(os.path.join(tree, "DEBIAN"))
    with open(os.path.join(tree, "DEBIAN", "control"), "w") as f:
        f.write(f"Package: {package}\nVersion: {version}\nArchitecture: {arch}\n"
                "Maintainer: test <test@example.org>\nInstalled-Size: 2000\n"
                "Description: test package\n")
    os.makedirs(os.path.join(tree, "usr", "share", "doc", package))
    with open(os.path.join(tree, "usr", "share", "doc", package, "v"), "w") as f:
        f.write(version)
    path = os.path.join(out_dir, f"{package}_{version}_{arch}.deb")
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", tree, path], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.rmtree(tree)
    return path


class Harness:
    def __init__(self, base, name):
        self.root = os.path.join(base, name)
        self.fake = os.path.join(self.root, "fake")
        self.bin = os.path.join(self.root, "fakebin")
        self.stick = os.path.join(self.root, "media", "stick")
        for d in (self.fake, self.bin, self.stick, self.path("var/lib/carbontrail")):
            os.makedirs(d, exist_ok=True)
        for name, text in FAKES.items():
            p = os.path.join(self.bin, name)
            with open(p, "w") as f:
                f.write(textwrap.dedent(text).lstrip())
            os.chmod(p, 0o755)
        self.carbontrail = CARBONTRAIL
        if EMULATOR:  # a cross build: the ARM program under its emulator
            self.carbontrail = os.path.join(self.bin, "carbontrail")
            with open(self.carbontrail, "w") as f:
                f.write(f'#!/bin/sh\nexec "{EMULATOR}" "{CARBONTRAIL}" "$@"\n')
            os.chmod(self.carbontrail, 0o755)

    def path(self, p):
        return os.path.join(self.root, p)

    def write(self, name, text):
        with open(os.path.join(self.fake, name), "w") as f:
            f.write(text)

    def read(self, name):
        try:
            with open(os.path.join(self.fake, name)) as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def install(self, version, cache=True):
        """carbontrail VERSION installed and running, its .deb kept in the cache."""
        self.write("installed", version + "\n")
        self.write("running", version + "\n")
        self.write("state", "active\n")
        if cache:
            d = self.path("var/cache/carbontrail")
            os.makedirs(d, exist_ok=True)
            make_deb(d, version)

    def run(self, file, timeout="2", extra_env=None):
        env = dict(os.environ)
        env.update({"PATH": self.bin + ":" + env.get("PATH", "/usr/bin:/bin"),
                    "CTRAIL_UPDATE_ROOT": self.root, "CTRAIL_UPDATE_CARBONTRAIL": self.carbontrail,
                    "CTRAIL_UPDATE_SETTLE": "0", "CTRAIL_UPDATE_POLL": "1",
                    "SDL_VIDEODRIVER": "dummy"})
        if timeout is not None:
            env["CTRAIL_UPDATE_TIMEOUT"] = timeout
        env.update(extra_env or {})
        p = subprocess.run(["/bin/sh", SCRIPT, file], env=env, capture_output=True, text=True,
                           timeout=300)
        print(textwrap.indent(p.stdout + p.stderr, "    | "))
        return p.returncode, p.stdout + p.stderr

    def status(self):
        try:
            with open(self.path("var/lib/carbontrail/update-status")) as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def snapshot(self):
        """Every file under the root except the harness's own and the status line."""
        out = {}
        for d, _, files in os.walk(self.root):
            if d.startswith(self.fake) or d.startswith(self.bin):
                continue
            for f in files:
                p = os.path.join(d, f)
                if f in ("update-status", ".update.lock"):
                    continue
                with open(p, "rb") as fh:
                    out[os.path.relpath(p, self.root)] = fh.read()
        return out


def main():
    if not shutil.which("dpkg-deb"):
        print("SKIP: dpkg-deb is not installed (apt-get install dpkg)")
        return 77
    if shutil.which("shellcheck"):  # POSIX sh, no surprises (skipped where not installed)
        r = subprocess.run(["shellcheck", "--shell=sh", SCRIPT], capture_output=True, text=True)
        print(r.stdout)
        check(r.returncode == 0, "shellcheck finds nothing")
    else:
        print("note: shellcheck not installed, the script's lint is skipped")
    base = tempfile.mkdtemp(prefix="ctrail-update-")
    try:
        # 1. A good package update: installed, restarted, ready; both versions kept.
        h = Harness(base, "good-deb")
        h.install("1.0.0")
        new = make_deb(h.stick, "1.1.0")
        rc, out = h.run(new)
        check(rc == 0, "good package: exit 0")
        check(h.read("installed").strip() == "1.1.0", "good package: 1.1.0 installed")
        check(h.read("running").strip() == "1.1.0", "good package: 1.1.0 running")
        check("systemctl restart carbontrail.service" in h.read("calls"),
              "good package: the service was restarted")
        cache = sorted(os.listdir(h.path("var/cache/carbontrail")))
        check("carbontrail_1.0.0_arm64.deb" in cache and "carbontrail_1.1.0_arm64.deb" in cache,
              f"good package: previous and new kept in the cache ({cache})")
        check(h.status().split()[2] == "0", "good package: status line says 0")
        check("carbontrail-update: installing carbontrail 1.1.0 (was 1.0.0)" in out,
              "good package: each step logged")

        # 2. A package that never becomes ready: rolled back, the previous version running.
        h = Harness(base, "never-ready")
        h.install("1.0.0")
        h.write("never-ready", "2.0.0\n")
        new = make_deb(h.stick, "2.0.0")
        rc, out = h.run(new, timeout=None, extra_env={"FAKE_TIMEOUT": "2s"})
        check(rc == 5, f"never ready: exit 5 (got {rc})")
        check(h.read("installed").strip() == "1.0.0", "never ready: 1.0.0 installed again")
        check(h.read("state").strip() == "active" and h.read("running").strip() == "1.0.0",
              "never ready: 1.0.0 running and ready")
        check("did not report ready within 2s" in out,
              "never ready: waited the unit's own start timeout (TimeoutStartUSec=2s)")
        check("dpkg -i --force-downgrade" in h.read("calls"), "never ready: downgraded")
        check(not os.path.exists(h.path("var/cache/carbontrail/carbontrail_2.0.0_arm64.deb")),
              "never ready: the failed package is not kept")

        # 2b. A package that reports ready and then stops at once: rolled back.
        h = Harness(base, "flaky")
        h.install("1.0.0")
        h.write("flaky", "2.1.0\n")
        rc, out = h.run(make_deb(h.stick, "2.1.0"))
        check(rc == 5 and h.read("installed").strip() == "1.0.0",
              f"ready then gone: exit 5, 1.0.0 back (got {rc})")
        check("stopped again after reporting ready" in out, "ready then gone: said why")

        # 2c. The previous version does not come back either: exit 6, said loudly.
        h = Harness(base, "both-fail")
        h.install("1.0.0")
        h.write("never-ready", "1.0.0\n2.2.0\n")
        rc, out = h.run(make_deb(h.stick, "2.2.0"))
        check(rc == 6 and "going back to 1.0.0 failed too" in h.status(),
              f"rollback fails too: exit 6 (got {rc})")

        # 3. A package whose installation fails: rolled back too.
        h = Harness(base, "dpkg-fails")
        h.install("1.0.0")
        h.write("fail-install", "1.2.0\n")
        rc, out = h.run(make_deb(h.stick, "1.2.0"))
        check(rc == 5 and h.read("installed").strip() == "1.0.0",
              "dpkg fails: exit 5, 1.0.0 back")

        # 4. A corrupt model: refused by the exhibit's own check, nothing changed.
        h = Harness(base, "corrupt-model")
        h.install("1.0.0")
        os.makedirs(h.path("var/lib/carbontrail/model"))
        shutil.copy(MODEL, h.path("var/lib/carbontrail/model/current.sqlite"))
        bad = os.path.join(h.stick, "china-2012.sqlite")
        with open(MODEL, "rb") as f:
            data = bytearray(f.read())
        data[0:100] = b"\0" * 100  # the SQLite header gone
        with open(bad, "wb") as f:
            f.write(data)
        before = h.snapshot()
        rc, out = h.run(bad)
        check(rc == 2, f"corrupt model: exit 2 (got {rc})")
        check(h.snapshot() == before, "corrupt model: nothing changed on disk")
        check("systemctl" not in h.read("calls"), "corrupt model: the exhibit was not restarted")
        check("not a model the exhibit can open" in out, "corrupt model: the reason is logged")

        # 5. A good model: installed, the previous kept.
        h = Harness(base, "good-model")
        h.install("1.0.0")
        rc, out = h.run(MODEL)
        current = h.path("var/lib/carbontrail/model/current.sqlite")
        check(rc == 0 and os.path.exists(current), "good model: exit 0, installed")
        rc, out = h.run(MODEL)
        check(rc == 0 and os.path.exists(h.path("var/lib/carbontrail/model/previous.sqlite")),
              "good model again: the previous one kept")

        # 6. A model the exhibit does not start with: the previous model back.
        h = Harness(base, "model-never-ready")
        h.install("1.0.0")
        os.makedirs(h.path("var/lib/carbontrail/model"))
        shutil.copy(MODEL, h.path("var/lib/carbontrail/model/current.sqlite"))
        odd = os.path.join(h.stick, "odd.sqlite")
        shutil.copy(MODEL, odd)
        subprocess.run(["/usr/bin/python3", "-c",
                        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                        "c.execute(\"CREATE TABLE z(t)\"); "
                        "c.execute(\"INSERT INTO z VALUES('NEVER-READY-MODEL')\"); c.commit()",
                        odd], check=True)
        rc, out = h.run(odd)
        with open(h.path("var/lib/carbontrail/model/current.sqlite"), "rb") as f:
            restored = f.read()
        with open(MODEL, "rb") as f:
            original = f.read()
        check(rc == 5 and restored == original, "model never ready: exit 5, previous model back")
        check(h.read("state").strip() == "active", "model never ready: running again")

        # 7. No space: refused before anything is copied or installed.
        for kind in ("deb", "model"):
            h = Harness(base, "no-space-" + kind)
            h.install("1.0.0")
            h.write("free-kb", "100\n")
            file = make_deb(h.stick, "1.1.0") if kind == "deb" else MODEL
            before = h.snapshot()
            rc, out = h.run(file)
            check(rc == 3, f"no space ({kind}): exit 3 (got {rc})")
            check(h.snapshot() == before, f"no space ({kind}): nothing changed on disk")
            check(h.read("installed").strip() == "1.0.0" and "dpkg -i" not in h.read("calls"),
                  f"no space ({kind}): nothing installed")
            check("not enough space" in h.status(), f"no space ({kind}): status says why")

        # 8. Refusals that change nothing: another package, another architecture, no copy of
        #    the installed version to go back to, a read-only root, a file of another kind.
        h = Harness(base, "refusals")
        h.install("1.0.0")
        before = h.snapshot()
        cases = [
            (make_deb(h.stick, "1.1.0", package="something-else"), 2, "not a carbontrail package"),
            (make_deb(h.stick, "1.1.0", arch="amd64"), 2, "is for amd64"),
            (os.path.join(h.stick, "notes.txt"), 2, "expected a .deb package or a .sqlite"),
        ]
        with open(os.path.join(h.stick, "notes.txt"), "w") as f:
            f.write("hello")
        before = h.snapshot()
        for file, code, words in cases:
            rc, out = h.run(file)
            check(rc == code and words in out, f"refused: {words} (exit {rc})")
        check(h.snapshot() == before and "dpkg -i" not in h.read("calls"),
              "refused: nothing changed")
        h = Harness(base, "no-previous")
        h.install("1.0.0", cache=False)
        rc, out = h.run(make_deb(h.stick, "1.1.0"))
        check(rc == 4 and "no copy of the installed version 1.0.0" in out,
              "no previous copy: exit 4")
        h = Harness(base, "overlay")
        h.install("1.0.0")
        h.write("rootfs", "overlay\n")
        rc, out = h.run(make_deb(h.stick, "1.1.0"))
        check(rc == 4 and "read-only" in out, "overlay root: exit 4")

        # 9. The usage text documents every exit code.
        rc, out = Harness(base, "usage").run("--help")
        check(rc == 0 and all(f"  {c}  " in out for c in range(7)), "--help lists exit codes 0-6")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
