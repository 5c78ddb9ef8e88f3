#!/usr/bin/python3
"""Builds the .deb from a finished build folder with cpack and checks it with dpkg-deb.

Fields: Package, Version, Architecture (and the ELF machine of the packaged programs agrees),
Depends computed by dpkg-shlibdeps (libsdl2, libsqlite3, libc6...) plus adduser, and OpenBLAS
and LAPACKE exactly when the build uses them (--blas ON, CTRAIL_USE_BLAS); control
members: conffiles listing /etc/carbontrail/kiosk.conf, executable postinst/prerm/postrm.
Contents: /usr/bin/carbontrail and ctrail, the model databases of 2007, 2012 and 2017, fonts (when the build has a font
rule) and the assets under /usr/share/carbontrail, the unit in /lib/systemd/system, the
conffile, the setup helper; nothing under /usr/local or the build folder's paths. The packaged
unit is verified by systemd-analyze against the extracted tree (check_unit.py).
Exit 77 (skip) when cpack, dpkg-deb or the build's CPackConfig.cmake is missing.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tarfile
import io
import tempfile

ELF_MACHINE = {"arm64": 183, "amd64": 62, "armhf": 40, "i386": 3}


def elf_machine(path):
    with open(path, "rb") as f:
        head = f.read(20)
    if head[:4] != b"\x7fELF":
        return None
    return int.from_bytes(head[18:20], "little" if head[5] == 1 else "big")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--cpack", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--arch", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--blas", required=True, help="CTRAIL_USE_BLAS of the build (ON/OFF)")
    a = ap.parse_args()

    dpkg_deb = shutil.which("dpkg-deb")
    config = os.path.join(a.build_dir, "CPackConfig.cmake")
    for ok, why in ((os.access(a.cpack, os.X_OK), f"cpack not found ({a.cpack})"),
                    (dpkg_deb, "dpkg-deb not found (Debian package: dpkg)"),
                    (shutil.which("dpkg-shlibdeps"), "dpkg-shlibdeps not found (Debian package: dpkg-dev)"),
                    (os.path.isfile(config), f"{config} missing (cmake/Packaging.cmake not included)")):
        if not ok:
            print("SKIP:", why)
            return 77

    failures = []

    def expect(cond, what, detail=""):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            if detail:
                print(detail)
            failures.append(what)

    # A fresh package of the current build, in the test's own folder.
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    r = subprocess.run([a.cpack, "-G", "DEB", "--config", config, "-B", a.out],
                       capture_output=True, text=True, cwd=a.build_dir)
    if r.returncode != 0:
        print(r.stdout, r.stderr)
        print("FAIL: cpack failed (is the build complete? cmake --build first)")
        return 1
    expected_name = f"carbontrail_{a.version}_{a.arch}.deb"
    debs = glob.glob(os.path.join(a.out, "*.deb"))
    expect([os.path.basename(d) for d in debs] == [expected_name],
           f"cpack made exactly {expected_name}", str(debs))
    if not debs:
        return 1
    deb = debs[0]
    print(f"package: {deb} ({os.path.getsize(deb)} bytes)")

    def field(name):
        return subprocess.run([dpkg_deb, "-f", deb, name], capture_output=True, text=True).stdout.strip()

    expect(field("Package") == "carbontrail", "Package: carbontrail")
    expect(field("Version") == a.version, f"Version: {a.version} (got {field('Version')})")
    expect(field("Architecture") == a.arch, f"Architecture: {a.arch} (got {field('Architecture')})")
    depends = field("Depends")
    print("Depends:", depends)
    for dep in ("libsdl2-2.0-0", "libsqlite3-0", "libsodium23", "libc6", "libstdc++6", "adduser"):
        expect(any(d.strip().split()[0] == dep for d in depends.replace("|", ",").split(",") if d.strip()),
               f"Depends has {dep}")
    expect("(>=" in depends, "shlibdeps versioned the library dependencies")
    # Eigen delegates to OpenBLAS/LAPACKE only with CTRAIL_USE_BLAS: the kiosk then needs both.
    names = [d.strip().split()[0] for d in depends.replace("|", ",").split(",") if d.strip()]
    blas = a.blas.upper() in ("ON", "1", "TRUE", "YES")
    for prefix, what in (("libopenblas", "OpenBLAS"), ("liblapacke", "LAPACKE")):
        has = any(n.startswith(prefix) for n in names)
        expect(has == blas, f"Depends {'has' if blas else 'has no'} {what} ({prefix}*)", depends)
    expect(field("Maintainer") != "", "Maintainer set")
    desc = field("Description").split("\n")
    expect(len(desc) > 2 and desc[0] and all(l.startswith(" ") and not l.startswith("  ") for l in desc[1:])
           and desc[1].strip() != desc[0].strip(),
           "Description: a synopsis, then an extended text indented by one space", "\n".join(desc))

    # Control members.
    ctrl = subprocess.run([dpkg_deb, "--ctrl-tarfile", deb], capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(ctrl)) as t:
        members = {os.path.basename(m.name): m for m in t.getmembers() if m.isfile()}
        for script in ("postinst", "prerm", "postrm"):
            m = members.get(script)
            expect(m is not None and m.mode & 0o111 == 0o111, f"control has executable {script}")
        conffiles = t.extractfile(members["conffiles"]).read().decode().split() if "conffiles" in members else []
    expect(conffiles == ["/etc/carbontrail/kiosk.conf"], f"conffiles lists kiosk.conf ({conffiles})")

    # Data members.
    listing = subprocess.run([dpkg_deb, "-c", deb], capture_output=True, text=True).stdout.splitlines()
    paths = {}
    for line in listing:
        parts = line.split(None, 5)
        path = parts[5].split(" -> ")[0]
        paths[path.lstrip(".")] = parts[0]
    files = sorted(p for p, mode in paths.items() if not mode.startswith("d"))
    print(f"{len(files)} files, Installed-Size {field('Installed-Size')} KiB")
    for f in files:
        print("   ", f)

    def has(path, executable=False):
        mode = paths.get(path, "")
        return mode.startswith("-") and (not executable or mode[3] == "x")

    expect(has("/usr/bin/carbontrail", True), "/usr/bin/carbontrail")
    expect(has("/usr/bin/ctrail", True), "/usr/bin/ctrail")
    expect(has("/usr/sbin/carbontrail-setup-pi", True), "/usr/sbin/carbontrail-setup-pi")
    expect(has("/lib/systemd/system/carbontrail.service"), "unit in /lib/systemd/system")
    expect(has("/usr/sbin/carbontrail-update", True), "/usr/sbin/carbontrail-update")
    expect(has("/lib/systemd/system/carbontrail-update@.service"), "the update's unit")
    expect(has("/usr/share/polkit-1/rules.d/50-carbontrail-update.rules"), "the update's polkit rule")
    expect(has("/etc/carbontrail/kiosk.conf"), "/etc/carbontrail/kiosk.conf")
    # Admin mode: polkit rule, the USB stick's udev rule and its mount point.
    expect(has("/usr/share/polkit-1/rules.d/50-carbontrail.rules"), "polkit rule in /usr/share/polkit-1/rules.d")
    expect(has("/lib/udev/rules.d/99-carbontrail-usb.rules"), "udev rule in /lib/udev/rules.d")
    expect(has("/usr/lib/tmpfiles.d/carbontrail.conf"), "tmpfiles.d entry for the mount point")
    expect(paths.get("/etc/carbontrail/kiosk.conf", "") == "-rw-r-----",
           f"kiosk.conf mode 0640 (got {paths.get('/etc/carbontrail/kiosk.conf')})")
    models = [f for f in files if f.startswith("/usr/share/carbontrail/model/") and f.endswith(".sqlite")]
    expect(models, "a model database under /usr/share/carbontrail/model")
    # The big picture's year switch: every bundled year beside the 2007 model (kiosk.conf).
    for year in (2007, 2012, 2017):
        expect(f"/usr/share/carbontrail/model/china-{year}.sqlite" in models,
               f"the {year} model (china-{year}.sqlite) under /usr/share/carbontrail/model")
    if os.path.isfile(os.path.join(a.source_dir, "assets/fonts/CMakeLists.txt")):
        fonts = [f for f in files if f.startswith("/usr/share/carbontrail/") and
                 f.lower().endswith((".ttf", ".otf", ".ttc"))]
        expect(fonts, "fonts under /usr/share/carbontrail")
        expect(all(int(l.split()[2]) < 2_000_000 for l in listing
                   if l.split(None, 5)[5].lstrip(".") in fonts), "fonts are subsets (< 2 MB each)")
    allowed = ("/usr/bin/", "/usr/sbin/", "/usr/share/carbontrail/", "/usr/share/doc/carbontrail/",
               "/lib/systemd/system/", "/etc/carbontrail/", "/usr/share/polkit-1/rules.d/",
               "/lib/udev/rules.d/", "/usr/lib/tmpfiles.d/")
    stray = [f for f in files if not f.startswith(allowed)]
    expect(not stray, "no files outside the expected folders", "\n".join(stray))

    with tempfile.TemporaryDirectory(prefix="ctrail-deb-") as root:
        subprocess.run([dpkg_deb, "-x", deb, root], check=True)
        want = ELF_MACHINE.get(a.arch)
        for prog in ("usr/bin/carbontrail", "usr/bin/ctrail"):
            p = os.path.join(root, prog)
            if os.path.exists(p):
                m = elf_machine(p)
                expect(m == want, f"{prog} is an {a.arch} program (ELF machine {m}, want {want})")
                if shutil.which("file"):
                    desc = subprocess.run(["file", "-b", p], capture_output=True, text=True).stdout
                    expect("not stripped" not in desc, f"{prog} is stripped", desc)
        unit = os.path.join(root, "lib/systemd/system/carbontrail.service")
        if os.path.exists(unit):
            check_unit = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_unit.py")
            r = subprocess.run([sys.executable, check_unit, unit, "--exec",
                                os.path.join(root, "usr/bin/carbontrail")], capture_output=True, text=True)
            print(r.stdout.strip())
            expect(r.returncode in (0, 77), "packaged unit passes systemd-analyze verify")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
