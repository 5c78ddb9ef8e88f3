#!/usr/bin/python3
"""Runs the Debian maintainer scripts (firmware/debian) with stubbed system commands.

The scripts cannot run for real in a test (they create a system user), so every command they
call that changes the system (getent, adduser, install, chgrp, chmod, systemctl, rm, rmdir) is
a stub on PATH that logs its arguments; the scripts' decisions are then checked from the log:
user created once with the right groups, data folder owned by carbontrail, conffile readable
by the exhibit, running service restarted only on configure, data removed only on purge.
Also `sh -n` syntax and the conffiles list.
"""
import os
import stat
import subprocess
import sys
import tempfile

STUBBED = ["getent", "adduser", "install", "chgrp", "chmod", "systemctl", "rm", "rmdir"]

STUB = """#!/bin/sh
echo "$(basename "$0") $*" >> "$STUB_LOG"
name=$(basename "$0")
if [ "$name" = getent ]; then
    # passwd lookups fail unless STUB_USER_EXISTS=1; groups exist unless listed in STUB_NO_GROUPS
    case "$1" in
        passwd) [ "${STUB_USER_EXISTS:-0}" = 1 ] && exit 0; exit 2 ;;
        group) case " ${STUB_NO_GROUPS:-} " in *" $2 "*) exit 2 ;; esac; exit 0 ;;
    esac
fi
exit 0
"""


def run(script, args, env_extra, tmp):
    log = os.path.join(tmp, "log")
    open(log, "w").close()
    # DPKG_ROOT: a fake system root holding the conffile and /run/systemd/system (= booted
    # with systemd), so the conffile and systemctl branches run too.
    env = {"PATH": os.path.join(tmp, "bin") + ":/usr/bin:/bin", "STUB_LOG": log,
           "DPKG_ROOT": os.path.join(tmp, "root")}
    env.update(env_extra)
    r = subprocess.run(["/bin/sh", script] + args, capture_output=True, text=True, env=env)
    return r, open(log).read().splitlines()


def main():
    debian = sys.argv[1]
    failures = []

    def expect(cond, what):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(what)

    for name in ("postinst", "prerm", "postrm"):
        path = os.path.join(debian, name)
        expect(os.path.isfile(path) and os.stat(path).st_mode & stat.S_IXUSR, f"{name} is executable")
        r = subprocess.run(["/bin/sh", "-n", path], capture_output=True, text=True)
        expect(r.returncode == 0, f"{name} passes sh -n {r.stderr.strip()}")
    conffiles = open(os.path.join(debian, "conffiles")).read().split()
    expect(conffiles == ["/etc/carbontrail/kiosk.conf"], f"conffiles lists kiosk.conf ({conffiles})")

    with tempfile.TemporaryDirectory(prefix="ctrail-maint-") as tmp:
        os.mkdir(os.path.join(tmp, "bin"))
        for cmd in STUBBED:
            p = os.path.join(tmp, "bin", cmd)
            with open(p, "w") as f:
                f.write(STUB)
            os.chmod(p, 0o755)
        root = os.path.join(tmp, "root")
        os.makedirs(os.path.join(root, "etc/carbontrail"))
        os.makedirs(os.path.join(root, "run/systemd/system"))
        open(os.path.join(root, "etc/carbontrail/kiosk.conf"), "w").close()
        postinst = os.path.join(debian, "postinst")
        prerm = os.path.join(debian, "prerm")
        postrm = os.path.join(debian, "postrm")

        # First install: user missing.
        r, log = run(postinst, ["configure"], {}, tmp)
        expect(r.returncode == 0, f"postinst configure exits 0 ({r.stderr.strip()})")
        adds = [l for l in log if l.startswith("adduser --system")]
        expect(len(adds) == 1 and "--group" in adds[0] and adds[0].endswith(" carbontrail")
               and "--home /var/lib/carbontrail" in adds[0] and "nologin" in adds[0],
               f"creates system user carbontrail with its group: {adds}")
        for g in ("video", "input", "render"):
            expect(f"adduser carbontrail {g}" in log, f"adds carbontrail to {g}")
        expect(f"install -d -o carbontrail -g carbontrail -m 0750 {root}/var/lib/carbontrail" in log,
               "creates /var/lib/carbontrail owned by carbontrail")
        expect(f"chgrp carbontrail {root}/etc/carbontrail/kiosk.conf" in log
               and f"chmod 0640 {root}/etc/carbontrail/kiosk.conf" in log,
               "kiosk.conf readable by the exhibit's group only")
        expect("systemctl daemon-reload" in log and "systemctl try-restart carbontrail.service" in log,
               "reloads systemd and restarts a running exhibit")

        # Upgrade: user exists, a group missing -> warning, no failure.
        r, log = run(postinst, ["configure", "0.0.9"], {"STUB_USER_EXISTS": "1",
                                                      "STUB_NO_GROUPS": "render"}, tmp)
        expect(r.returncode == 0, "postinst on upgrade exits 0")
        expect(not any(l.startswith("adduser --system") for l in log), "does not recreate the user")
        expect("adduser carbontrail render" not in log and "group 'render' does not exist" in r.stderr,
               "warns about a missing group instead of failing")
        expect(not any(l.startswith("systemctl enable") or l.startswith("systemctl start")
                       for l in log), "never enables or starts the screen-grabbing service itself")

        r, log = run(postinst, ["frobnicate"], {}, tmp)
        expect(r.returncode != 0, "postinst rejects an unknown action")

        r, log = run(prerm, ["upgrade", "0.2.0"], {}, tmp)
        expect(r.returncode == 0 and not any(l.startswith("systemctl") for l in log),
               "prerm upgrade leaves the service alone")
        r, log = run(prerm, ["remove"], {}, tmp)
        expect(r.returncode == 0 and "systemctl stop carbontrail.service" in log
               and f"systemctl --root={root} disable carbontrail.service" in log,
               "prerm remove stops and disables the service")

        r, log = run(postrm, ["remove"], {}, tmp)
        expect(r.returncode == 0 and not any(l.startswith("rm ") for l in log),
               "postrm remove keeps the data")
        r, log = run(postrm, ["purge"], {}, tmp)
        expect(r.returncode == 0 and f"rm -rf {root}/var/lib/carbontrail" in log,
               "postrm purge deletes the data")

        # Not booted with systemd (e.g. building an image in a chroot): no systemctl calls.
        os.rmdir(os.path.join(root, "run/systemd/system"))
        r, log = run(postinst, ["configure"], {}, tmp)
        expect(r.returncode == 0 and not any(l.startswith("systemctl") for l in log),
               "without a running systemd, postinst calls no systemctl")
        expect(not any("deluser" in l for l in log), "purge keeps the system user")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
