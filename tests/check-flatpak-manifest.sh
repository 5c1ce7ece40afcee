#!/usr/bin/env bash
# flatpak-builder parses the manifest offline; an unknown key is only a
# WARNING on stderr with exit 0, so any warning fails this test. Then the
# manifest's own rules: a runtime that is not end-of-life, every
# permission explained by a comment, no file-system access, and every
# downloaded source pinned by SHA-256.
set -u
manifest=${1:?usage: $0 MANIFEST}
err=$(flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null)
status=$?
if [ $status -ne 0 ] || grep -qiE "warning|can't parse" <<<"$err"; then
  echo "$err" >&2
  exit 1
fi
/usr/bin/python3 - "$manifest" <<'PY' || exit 1
import json, re, sys

path = sys.argv[1]
text = open(path, encoding="utf-8").read()
problems = []
# json-glib reads /* */ comments, but a slash inside one ends its parse early.
for comment in re.findall(r"/\*(.*?)\*/", text, flags=re.S):
    if "/" in comment:
        problems.append(f"a comment holds a slash, which json-glib cannot read: {comment[:40]!r}")
manifest = json.loads(re.sub(r"/\*.*?\*/", "", text, flags=re.S))
for key in ("id", "runtime", "runtime-version", "sdk", "command", "finish-args", "modules"):
    if key not in manifest:
        problems.append(f"no {key}")
# End-of-life GNOME runtimes: 47 on 15 October 2025, 48 on 24 March 2026.
if manifest.get("runtime") == "org.gnome.Platform" and int(manifest["runtime-version"]) <= 48:
    problems.append(f"GNOME {manifest['runtime-version']} is end-of-life")
for arg in manifest.get("finish-args", []):
    if arg.startswith(("--filesystem", "--socket=session-bus", "--socket=system-bus",
                       "--device=all", "--talk-name=org.freedesktop.Flatpak")):
        problems.append(f"{arg}: files and screenshots come through the portals")
# Each permission, or group of permissions, follows a comment saying why.
block = re.search(r'"finish-args"\s*:\s*\[(.*?)\]', text, flags=re.S).group(1)
explained = False
for line in block.splitlines():
    line = line.strip()
    if line.startswith("/*") or line.startswith("*"):
        explained = True
    elif line.startswith('"'):
        if not explained:
            problems.append(f"{line} has no comment saying why")
    elif line:
        explained = False
for module in manifest.get("modules", []):
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file") and \
                not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            problems.append(f"{module['name']}: {source.get('url')} is not pinned by sha256")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "ok: $manifest parses with no warning, explains each permission, pins each source"
