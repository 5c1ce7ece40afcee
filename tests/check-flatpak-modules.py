#!/usr/bin/python3
# check-flatpak-modules.py: builds the Flatpak manifest's modules outside
# Flatpak, with the options the manifest gives them, as flatpak-builder would
# (prefix /app, installed into a staging folder), and checks what the app
# module installs. No runtime can be downloaded here, so the build uses this
# machine's libraries. An archive module is built only when its archive, with
# the manifest's SHA-256, is in $MFA_FLATPAK_SOURCES; otherwise it is skipped
# with the reason. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

manifest_path, source_root = sys.argv[1], sys.argv[2]
with open(manifest_path, encoding="utf-8") as manifest_file:
    manifest = json.loads(re.sub(r"/\*.*?\*/", "", manifest_file.read(), flags=re.S))
work = tempfile.mkdtemp(prefix="mfa-flatpak-modules-")
staging = os.path.join(work, "staging")
results = []


def run(argv, cwd, log):
    with open(log, "a") as out:
        out.write("$ " + " ".join(argv) + "\n")
        out.flush()
        done = subprocess.run(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                              env={**os.environ, "DESTDIR": staging})
    if done.returncode != 0:
        with open(log) as out:
            raise RuntimeError(f"{argv[0]} failed:\n{out.read()[-3000:]}")


def build_meson(module, source, log):
    build = os.path.join(work, module["name"] + "-build")
    run(["meson", "setup", build, source, "--prefix=/app", "--libdir=lib",
         "--buildtype=release", *module.get("config-opts", [])], source, log)
    run(["meson", "compile", "-C", build], source, log)
    run(["meson", "install", "-C", build, "--destdir", staging], source, log)


def build_autotools(module, source, log):
    run(["./configure", "--prefix=/app", *module.get("config-opts", [])], source, log)
    run(["make", f"-j{os.cpu_count() or 2}"], source, log)
    run(["make", "install"], source, log)


def build_simple(module, source, log):
    for command in module.get("build-commands", []):
        run(["sh", "-c", command], source, log)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for block in iter(lambda: data.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_archive(source):
    folder = os.environ.get("MFA_FLATPAK_SOURCES")
    if not folder or not os.path.isdir(folder):
        return None
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and sha256(path) == source["sha256"]:
            return path
    return None


def check_app_install(command):
    app_id = manifest["id"]
    expected = [f"app/bin/{command}",
                f"app/share/applications/{app_id}.desktop",
                f"app/share/metainfo/{app_id}.metainfo.xml",
                f"app/share/glib-2.0/schemas/{app_id}.gschema.xml",
                f"app/share/icons/hicolor/scalable/apps/{app_id}.svg"]
    missing = [path for path in expected if not os.path.exists(os.path.join(staging, path))]
    if missing:
        raise RuntimeError(f"not installed under /app: {missing}")
    # No test program is built with the manifest's options.
    built = subprocess.run(["find", staging, "-name", "test-*"], capture_output=True,
                           text=True).stdout.split()
    if built:
        raise RuntimeError(f"test programs installed: {built}")


for module in manifest["modules"]:
    name = module["name"]
    log = os.path.join(work, name + ".log")
    sources = module.get("sources", [])
    try:
        if sources and sources[0].get("type") == "dir":
            source = os.path.normpath(os.path.join(os.path.dirname(manifest_path),
                                                   sources[0]["path"]))
            if os.path.realpath(source) != os.path.realpath(source_root):
                raise RuntimeError(f"the dir source {source} is not this checkout")
        else:
            archive = find_archive(sources[0])
            if archive is None:
                results.append((name, "skip", f"its archive ({sources[0]['url']}, sha256 "
                                f"{sources[0]['sha256'][:12]}…) cannot be downloaded here; "
                                "put it in $MFA_FLATPAK_SOURCES"))
                continue
            unpacked = os.path.join(work, name + "-src")
            with tarfile.open(archive) as tar:
                tar.extractall(unpacked, filter="data") if hasattr(tarfile, "data_filter") \
                    else tar.extractall(unpacked)
            entries = os.listdir(unpacked)
            source = os.path.join(unpacked, entries[0]) if len(entries) == 1 else unpacked
        if module.get("buildsystem") == "meson":
            build_meson(module, source, log)
        elif module.get("buildsystem") == "autotools":
            build_autotools(module, source, log)
        elif module.get("buildsystem") == "simple":
            build_simple(module, source, log)
        else:
            raise RuntimeError(f"buildsystem {module.get('buildsystem')} is not handled here")
        if name == manifest["modules"][-1]["name"]:
            check_app_install(manifest["command"])
        results.append((name, "ok", ""))
    except RuntimeError as error:
        results.append((name, "fail", str(error)))

print(f"1..{len(results)}")
failed = False
for number, (name, verdict, detail) in enumerate(results, 1):
    if verdict == "skip":
        print(f"ok {number} module {name} # SKIP {detail}")
    elif verdict == "ok":
        print(f"ok {number} module {name} built with the manifest's options")
    else:
        failed = True
        for line in detail.splitlines():
            print(f"# {line}")
        print(f"not ok {number} module {name}")
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if failed else 0)
