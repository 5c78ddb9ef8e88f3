#!/usr/bin/python3
"""Checks of what admin mode needs from the system (firmware/polkit, firmware/udev,
firmware/udev/99-carbontrail-usb.rules, firmware/tmpfiles, the service's ReadWritePaths):

- the polkit rule allows exactly reboot, power off and setting the clock (and NTP around it),
  only for the user `carbontrail`, and nothing else;
- the udev rule matches a USB stick labelled CTRAIL (FAT/exFAT), names it /dev/carbontrail-usb
  and mounts it with systemd-mount at /media/carbontrail-usb for the service user; the mount
  unit that makes (media-carbontrail\x2dusb.mount) is written out from the rule's arguments and
  passes `systemd-analyze verify`;
- tmpfiles.d makes the mount point (run with `systemd-tmpfiles --root` in a temporary folder);
- the service may write /var/lib/carbontrail and the stick's folder, nothing else.
Standard library only. Exit 1 on a failure, 77 (skip) only for a missing systemd tool.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from unit_file import settings as unit_settings  # noqa: E402

MOUNT_POINT = "/media/carbontrail-usb"
MOUNT_UNIT = "media-carbontrail\\x2dusb.mount"
ALLOWED_ACTIONS = {
    "org.freedesktop.login1.reboot",
    "org.freedesktop.login1.reboot-multiple-sessions",
    "org.freedesktop.login1.power-off",
    "org.freedesktop.login1.power-off-multiple-sessions",
    "org.freedesktop.timedate1.set-time",
    "org.freedesktop.timedate1.set-ntp",
}

failures = []


def expect(cond, what, detail=""):
    print(("ok   " if cond else "FAIL ") + what + (f"\n     {detail}" if detail and not cond else ""))
    if not cond:
        failures.append(what)


def check_polkit(path):
    text = open(path, encoding="utf-8").read()
    code = re.sub(r"//[^\n]*", "", text)  # comments out
    expect(code.count("{") == code.count("}") and code.count("(") == code.count(")"),
           "polkit rule: braces and parentheses balance")
    expect(re.search(r"polkit\.addRule\(\s*function\s*\(\s*action\s*,\s*subject\s*\)", code) is not None,
           "polkit rule: one polkit.addRule(function(action, subject) ...)")
    guard = re.search(r'if\s*\(\s*subject\.user\s*!==\s*"carbontrail"\s*\)\s*\{\s*return\s+polkit\.Result\.NOT_HANDLED;',
                      code)
    expect(guard is not None, "polkit rule: any user but carbontrail is not handled first")
    actions = set(re.findall(r'case\s+"([^"]+)"\s*:', code))
    expect(actions == ALLOWED_ACTIONS, "polkit rule: exactly reboot, power off, set-time and set-ntp",
           f"{sorted(actions)}")
    results = re.findall(r"polkit\.Result\.(\w+)", code)
    expect(results.count("YES") == 1 and set(results) <= {"YES", "NOT_HANDLED"},
           "polkit rule: one YES (for those actions), otherwise NOT_HANDLED (no AUTH_*, no blanket YES)",
           str(results))
    # The YES is inside the switch, after the cases.
    switch = re.search(r"switch\s*\(\s*action\.id\s*\)\s*\{(.*?)\}", code, re.S)
    expect(switch is not None and "polkit.Result.YES" in switch.group(1),
           "polkit rule: YES only inside switch(action.id)")
    run_polkit_rule(text)


# polkit (Debian 12: polkitd with the duktape engine) runs rules with this much of its API.
HARNESS = r"""
var rules = [];
var polkit = {Result: {YES: "yes", NO: "no", AUTH_SELF: "auth_self", AUTH_ADMIN: "auth_admin",
                       NOT_HANDLED: null},
              addRule: function(f) { rules.push(f); }, log: function() {}};
%s
var actions = %s, users = ["carbontrail", "pi", "root"];
for (var u = 0; u < users.length; ++u)
    for (var a = 0; a < actions.length; ++a) {
        var r = null;
        for (var i = 0; i < rules.length && r === null; ++i)
            r = rules[i]({id: actions[a]}, {user: users[u], local: true, active: false});
        print(users[u] + " " + actions[a] + " " + r);
    }
"""


def run_polkit_rule(text):
    duk = shutil.which("duk")
    if not duk:
        print("SKIP: duk (Debian package duktape, polkit's JavaScript engine) not found: "
              "the rule is checked by its text only")
        return
    probe = sorted(ALLOWED_ACTIONS) + ["org.freedesktop.login1.halt", "org.freedesktop.systemd1.manage-units",
                                       "org.freedesktop.timedate1.set-timezone",
                                       "org.freedesktop.login1.suspend"]
    with tempfile.TemporaryDirectory(prefix="ctrail-polkit-") as tmp:
        js = os.path.join(tmp, "run.js")
        with open(js, "w", encoding="utf-8") as f:
            f.write(HARNESS % (text, "[" + ",".join('"%s"' % a for a in probe) + "]"))
        r = subprocess.run([duk, js], capture_output=True, text=True)
    expect(r.returncode == 0, "polkit rule runs in duktape", r.stdout + r.stderr)
    results = {}
    for line in r.stdout.splitlines():
        user, action, result = line.split()
        results[(user, action)] = result
    for user in ("carbontrail", "pi", "root"):
        for action in probe:
            want = "yes" if user == "carbontrail" and action in ALLOWED_ACTIONS else "null"
            got = results.get((user, action))
            expect(got == want, f"polkit rule run: {user} {action} -> {want}", f"got {got}")


def check_udev(path):
    lines = [l for l in open(path, encoding="utf-8").read().splitlines()
             if l.strip() and not l.lstrip().startswith("#")]
    expect(len(lines) == 1, "udev rule: one rule line", str(lines))
    rule = lines[0] if lines else ""
    # Commas outside quotes separate the pairs.
    pairs = [p.strip() for p in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)', rule)]
    syntax = re.compile(r'^[A-Z_]+(\{[A-Za-z_]+\})?(==|!=|=|\+=|-=|:=)"[^"]*"$')
    bad = [p for p in pairs if not syntax.match(p)]
    expect(not bad, "udev rule: every pair is KEY op \"value\"", str(bad))
    kv = {}
    for p in pairs:
        m = re.match(r'^([A-Z_]+(?:\{[A-Za-z_]+\})?)(==|!=|=|\+=|-=|:=)"([^"]*)"$', p)
        if m:
            kv.setdefault(m.group(1), []).append((m.group(2), m.group(3)))
    def has(key, op, value):
        return (op, value) in kv.get(key, [])
    expect(has("SUBSYSTEM", "==", "block"), "udev rule: block devices")
    expect(has("ENV{ID_BUS}", "==", "usb"), "udev rule: on USB only")
    expect(has("ENV{ID_FS_LABEL}", "==", "CTRAIL"), "udev rule: file system label CTRAIL")
    expect(has("ENV{ID_FS_TYPE}", "==", "vfat|exfat"),
           "udev rule: FAT or exFAT only (the mount options uid=/gid= need them)")
    expect(has("SYMLINK", "+=", "carbontrail-usb"), "udev rule: names it /dev/carbontrail-usb")
    runs = [v for op, v in kv.get("RUN{program}", []) if op == "+="]
    expect(len(runs) == 1, "udev rule: one RUN{program}+= (systemd-mount)", str(runs))
    return runs[0].split() if runs else []


def check_mount(argv, analyze):
    """The mount the rule asks systemd-mount for, as the transient mount unit it becomes."""
    expect(argv[:1] == ["/usr/bin/systemd-mount"], "udev rule runs /usr/bin/systemd-mount", str(argv))
    flags = [a for a in argv[1:] if a.startswith("--")]
    args = [a for a in argv[1:] if not a.startswith("--")]
    for f in ("--no-block", "--collect", "--automount=no", "--owner=carbontrail"):
        expect(f in flags, f"systemd-mount {f}", str(flags))
    expect(args == ["$devnode", MOUNT_POINT], f"systemd-mount mounts the device at {MOUNT_POINT}", str(args))
    opts = next((f.split("=", 1)[1] for f in flags if f.startswith("--options=")), "").split(",")
    for o in ("nosuid", "nodev", "noexec", "sync"):
        expect(o in opts, f"mount option {o}", str(opts))
    if not analyze:
        return
    escape = shutil.which("systemd-escape")
    if escape:
        name = subprocess.run([escape, "--path", "--suffix=mount", MOUNT_POINT],
                              capture_output=True, text=True).stdout.strip()
        expect(name == MOUNT_UNIT, f"mount unit: systemd names {MOUNT_POINT} {MOUNT_UNIT}", name)
    with tempfile.TemporaryDirectory(prefix="ctrail-mount-") as tmp:
        # What systemd-mount creates: What= the device, --owner adds uid= and gid=.
        unit = os.path.join(tmp, MOUNT_UNIT)
        with open(unit, "w", encoding="utf-8") as f:
            f.write("[Unit]\nDescription=Carbon Trail USB stick\n"
                    "BindsTo=dev-carbontrail\\x2dusb.device\nAfter=dev-carbontrail\\x2dusb.device\n"
                    f"[Mount]\nWhat=/dev/carbontrail-usb\nWhere={MOUNT_POINT}\n"
                    "Options=" + ",".join(opts + ["uid=carbontrail", "gid=carbontrail"]) + "\n")
        r = subprocess.run([analyze, "verify", "--man=no", unit], capture_output=True, text=True)
        messages = (r.stdout + r.stderr).strip()
        expect(r.returncode == 0 and not messages, "the mount unit passes systemd-analyze verify", messages)


def check_tmpfiles(path):
    tool = shutil.which("systemd-tmpfiles")
    if not tool:
        print("SKIP: systemd-tmpfiles not found")
        return
    with tempfile.TemporaryDirectory(prefix="ctrail-tmpfiles-") as root:
        r = subprocess.run([tool, "--create", f"--root={root}", path], capture_output=True, text=True)
        expect(r.returncode == 0, "tmpfiles: systemd-tmpfiles --create succeeds", r.stderr)
        made = os.path.join(root, MOUNT_POINT.lstrip("/"))
        expect(os.path.isdir(made), f"tmpfiles: makes {MOUNT_POINT}")


def check_service(path):
    s = unit_settings(open(path, encoding="utf-8").read())
    paths = " ".join(s.get("ReadWritePaths", [])).split()
    expect(sorted(paths) == sorted(["/var/lib/carbontrail", "-" + MOUNT_POINT]),
           f"service: writes /var/lib/carbontrail and {MOUNT_POINT} only", str(paths))
    expect(s.get("Restart") == ["always"], "service: Restart=always (admin 'Restart exhibit' exits 0)")
    expect(s.get("ProtectSystem") == ["strict"], "service: ProtectSystem=strict stays")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../..")
    fw = os.path.join(src, "firmware")
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        print("SKIP: systemd-analyze not found (Debian package: systemd)")
        return 77
    check_polkit(os.path.join(fw, "polkit/50-carbontrail.rules"))
    check_mount(check_udev(os.path.join(fw, "udev/99-carbontrail-usb.rules")), analyze)
    check_tmpfiles(os.path.join(fw, "tmpfiles/carbontrail.conf"))
    check_service(os.path.join(fw, "systemd/carbontrail.service"))
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
