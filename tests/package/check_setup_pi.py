#!/usr/bin/python3
"""carbontrail-setup-pi on temporary copies of a Raspberry Pi OS boot folder.

Dry run (default) prints a diff and changes nothing; --apply writes the changes, keeps a
backup of each changed file, keeps the other kernel parameters in place on cmdline.txt's one
line, leaves an active KMS overlay alone, and a second --apply changes nothing.
"""
import glob
import os
import subprocess
import sys
import tempfile

# cmdline.txt and config.txt as Raspberry Pi OS bookworm Lite writes them (shortened).
CMDLINE = ("console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 "
           "fsck.repair=yes rootwait quiet init=/usr/lib/raspberrypi-sys-mods/firstboot\n")
CONFIG = """# For more options and information see http://rptl.io/configtxt
dtparam=audio=on
camera_auto_detect=1
display_auto_detect=1
auto_initramfs=1
# dtoverlay=vc4-kms-v3d
max_framebuffers=2
arm_64bit=1

[cm4]
otg_mode=1

[all]
"""


def main():
    script = sys.argv[1]
    failures = []

    def expect(cond, what, detail=""):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            if detail:
                print(detail)
            failures.append(what)

    def run(boot, *args):
        return subprocess.run(["/bin/sh", script, "--boot", boot, *args], capture_output=True, text=True)

    with tempfile.TemporaryDirectory(prefix="ctrail-boot-") as boot:
        cmdline = os.path.join(boot, "cmdline.txt")
        config = os.path.join(boot, "config.txt")
        open(cmdline, "w").write(CMDLINE)
        open(config, "w").write(CONFIG)

        r = run(boot)
        expect(r.returncode == 0, "dry run exits 0", r.stderr)
        expect(open(cmdline).read() == CMDLINE and open(config).read() == CONFIG,
               "dry run changes nothing")
        expect(sorted(os.listdir(boot)) == ["cmdline.txt", "config.txt"], "dry run writes no files")
        expect("+++" in r.stdout and "+dtoverlay=vc4-kms-v3d" in r.stdout
               and "consoleblank=0" in r.stdout and "--apply" in r.stdout,
               "dry run shows the diff and how to apply", r.stdout)

        r = run(boot, "--apply")
        expect(r.returncode == 0, "--apply exits 0", r.stderr)
        new_cmdline = open(cmdline).read()
        expect(new_cmdline.count("\n") == 1 and new_cmdline.endswith("\n"), "cmdline.txt stays one line")
        expect(new_cmdline.startswith(CMDLINE.strip() + " "), "other kernel parameters kept in order",
               new_cmdline)
        expect(" consoleblank=0" in new_cmdline and " vt.global_cursor_default=0" in new_cmdline,
               "console blanking off, cursor hidden", new_cmdline)
        new_config = open(config).read()
        expect(new_config.startswith(CONFIG), "config.txt keeps its content")
        expect(new_config.rstrip().endswith("[all]\ndtoverlay=vc4-kms-v3d"), "KMS overlay added in [all]",
               new_config)
        backups = sorted(glob.glob(os.path.join(boot, "*.bak")))
        expect(len(backups) == 2, f"a backup of each changed file ({[os.path.basename(b) for b in backups]})")
        for b in backups:
            original = CMDLINE if "cmdline" in os.path.basename(b) else CONFIG
            expect(open(b).read() == original, f"{os.path.basename(b)} holds the original")

        r = run(boot, "--apply")
        expect(r.returncode == 0 and "nothing to change" in r.stdout, "second --apply changes nothing", r.stdout)
        expect(len(glob.glob(os.path.join(boot, "*.bak"))) == 2, "and makes no new backup")

    with tempfile.TemporaryDirectory(prefix="ctrail-boot-") as boot:
        # Existing settings are corrected in place; an active overlay with options is kept.
        open(os.path.join(boot, "cmdline.txt"), "w").write("console=tty1 consoleblank=600 rootwait\n")
        open(os.path.join(boot, "config.txt"), "w").write("dtoverlay=vc4-kms-v3d,cma-512\n")
        r = run(boot, "--apply")
        expect(open(os.path.join(boot, "cmdline.txt")).read() ==
               "console=tty1 consoleblank=0 rootwait vt.global_cursor_default=0\n",
               "consoleblank=600 becomes consoleblank=0 in place")
        expect(open(os.path.join(boot, "config.txt")).read() == "dtoverlay=vc4-kms-v3d,cma-512\n",
               "an active vc4-kms-v3d line is left alone")

    with tempfile.TemporaryDirectory(prefix="ctrail-boot-") as boot:
        r = run(boot)
        expect(r.returncode != 0 and "cmdline.txt not found" in r.stderr, "a folder without cmdline.txt is an error")
        r = subprocess.run(["/bin/sh", script, "--bogus"], capture_output=True, text=True)
        expect(r.returncode == 2, "unknown options are refused")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
