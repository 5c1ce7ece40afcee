#!/usr/bin/python3
# test-viewer-atspi.py: the support engineer's side through AT-SPI (dogtail).
# Bundles are made by the real `mfa-ticket create`, then damaged or crafted
# by hand; each opens in the real app from the command line, and what the
# window says is read back by accessible name. Prints TAP; skips cleanly
# without a display or dogtail. Any GLib/GTK warning or critical fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import App, case, main  # noqa: E402
from dogtail.rawinput import keyCombo, pressKey, typeText  # noqa: E402 - after the harness

WORK = tempfile.mkdtemp(prefix="mfa-viewer-test-")
ACCOUNT = "alice@1234567890.onaliyun.com"


def png(path, width=64, height=48):
    """A small real PNG (a gradient), without any imaging library."""
    rows = b"".join(b"\0" + bytes(value for x in range(width)
                                   for value in (x * 4 % 256, y * 5 % 256, 128))
                    for y in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n"
                  + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def evidence(name, value):
    path = os.path.join(WORK, name + ".json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(value, out)
    return path


def create_bundle(name, env=None):
    """A full bundle, as `mfa-ticket create` makes it (in the zone of `env`'s TZ, else UTC)."""
    path = os.path.join(WORK, name)
    phone = evidence("phone", {"verdict": "ahead", "offset_min_seconds": 60,
                               "offset_max_seconds": 90})
    clock = evidence("clock", {"verdict": "ok", "offset_seconds": 0.4, "servers": []})
    subprocess.run([os.environ["MFA_TICKET"], "create", "--account-type", "ram-user",
                    "--account", ACCOUNT, "--operation-time", "2026-11-28T12:00:31Z",
                    "--note", "Codes are rejected", "--check", f"phone-clock={phone}",
                    "--check", f"clock={clock}",
                    "--attach", f"error-page={png(os.path.join(WORK, 'error.png'))}",
                    "-o", path], check=True, env={**os.environ, "TZ": "UTC", **(env or {})})
    return path


def flip_byte(source, name, entry):
    """A copy of `source` with one byte of `entry`'s data flipped."""
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(entry)
    data = bytearray(open(source, "rb").read())
    # The local header: 30 bytes, the name, the extra field; then the data.
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:
                                                    info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    data[start + info.compress_size // 2] ^= 0x01
    path = os.path.join(WORK, name)
    with open(path, "wb") as out:
        out.write(data)
    return path


def hostile_bundle(name):
    """From the bundle corpus: an entry that climbs out of its folder."""
    good = b"\x89PNG fake image"
    manifest = {"format": "mfa-ticket", "version": 1,
                "account": {"type": "ram-user", "name": "mallory@1.onaliyun.com"},
                "files": [{"path": "attachments/01-other.png", "size": len(good),
                           "sha256": hashlib.sha256(good).hexdigest(), "kind": "other",
                           "media_type": "image/png"}]}
    path = os.path.join(WORK, name)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("attachments/01-other.png", good)
        archive.writestr("../../tmp/mfa-viewer-evil.txt", b"x")
    return path


def listing():
    return sorted(os.listdir(WORK))


@case
def intact_bundle():
    """/gui/viewer/intact: the account, the diagnosis and "intact"."""
    path = create_bundle("full.mfaticket")
    app = App(path)
    try:
        app.wait_label(lambda text: text == ACCOUNT, f"“{ACCOUNT}”")
        app.wait_label(lambda text: text.startswith("The phone’s clock was between 60 seconds and "
                                               "90 seconds ahead"), "with the diagnosis")
        app.wait_label(lambda text: text.startswith("Intact:"), "saying “Intact”")
        app.wait_label(lambda text: text.startswith("The error page"), "captioning the attachment")
        assert app.button("Save Attachments…").sensitive
        # Keys and decrypted vaults may live in this process: no core dump.
        with open(f"/proc/{app.process.pid}/limits", encoding="utf-8") as limits:
            core = [line.split()[4:6] for line in limits if line.startswith("Max core file size")]
        assert core == [["0", "0"]], core
    finally:
        app.close()


@case
def flipped_byte_names_the_entry():
    """/gui/viewer/flipped-byte: the damaged entry is named, nothing is saved."""
    path = flip_byte(create_bundle("flip-source.mfaticket"), "flipped.mfaticket",
                     "attachments/01-error-page.png")
    before = listing()
    app = App(path)
    try:
        # The head is intact: the account shows before verification ends.
        app.wait_label(lambda text: text == ACCOUNT, f"“{ACCOUNT}”")
        app.wait_label(lambda text: text.startswith("Damaged: attachments/01-error-page.png"),
                  "naming attachments/01-error-page.png")
        assert not app.button("Save Attachments…").sensitive
    finally:
        app.close()
    assert listing() == before, "the viewer wrote a file"


@case
def hostile_bundle_is_refused():
    """/gui/viewer/hostile: opens without a crash and says why it is refused."""
    path = hostile_bundle("hostile.mfaticket")
    app = App(path)
    try:
        app.wait_label(lambda text: "../../tmp/mfa-viewer-evil.txt: an unsafe path" in text
                  and "refused" in text, "saying the unsafe path is refused")
        assert app.process.poll() is None, "the app is gone"
    finally:
        app.close()
    assert not os.path.exists("/tmp/mfa-viewer-evil.txt")


@case
def not_a_bundle_and_several_windows():
    """/gui/viewer/several: two files, two windows; a non-bundle is refused."""
    junk = os.path.join(WORK, "junk.mfaticket")
    with open(junk, "w", encoding="utf-8") as out:
        out.write("This is not a ZIP archive at all.\n")
    app = App(junk, create_bundle("second.mfaticket"))
    try:
        app.wait_label(lambda text: text.startswith("This file is refused: not a ticket bundle"),
                  "refusing the file")
        app.wait_label(lambda text: text == ACCOUNT, f"“{ACCOUNT}”")
        frames = app.node.findChildren(lambda n: n.roleName == "frame", recursive=False)
        assert len(frames) == 2, [frame.name for frame in frames]
    finally:
        app.close()


def choose_folder(app, folder):
    """Save Attachments…, then the folder typed into the chooser (Ctrl+L)."""
    app.press("Save Attachments…")
    for _ in range(30):
        if app.node.findChildren(lambda n: n.name == "Save Attachments To", recursive=False):
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the folder chooser never opened")
    time.sleep(0.5)
    keyCombo("<Control>l")
    typeText(folder)
    time.sleep(0.3)
    pressKey("Return")


def answer(app, word):
    """A dialog button: GTK 4.8 names them “_Replace Replace”, mnemonic first."""
    buttons = app.node.findChildren(lambda n: n.roleName == "push button"
                                    and (n.name or "").split(" ")[-1] == word)
    assert buttons, f"no “{word}” button"
    buttons[-1].doActionNamed("click")
    time.sleep(0.4)


@case
def save_attachments_asks_before_replacing():
    """/gui/viewer/save: app-made names; a file there is replaced only when asked."""
    path = create_bundle("save.mfaticket")
    folder = tempfile.mkdtemp(prefix="saved-", dir=WORK)
    mine = os.path.join(folder, "01-error-page.png")
    with open(mine, "w", encoding="utf-8") as out:
        out.write("my own file")
    log = os.path.join(WORK, "file-manager.log")
    file_manager = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "fake-file-manager.py"), log], stdout=subprocess.PIPE, text=True)
    assert file_manager.stdout.readline().strip() == "ready"
    app = App(path)
    try:
        app.wait_label(lambda text: text.startswith("Intact:"), "saying “Intact”")
        choose_folder(app, folder)
        app.wait_label(lambda text: text == "Replace existing files?", "asking to replace")
        app.label_containing("01-error-page.png")
        answer(app, "Cancel")
        assert open(mine, encoding="utf-8").read() == "my own file", "replaced unasked"
        choose_folder(app, folder)
        app.wait_label(lambda text: text == "Replace existing files?", "asking again")
        if os.environ.get("MFA_SHOTS"):
            subprocess.run(["import", "-window", "root",
                            os.path.join(os.environ["MFA_SHOTS"], "viewer-replace.png")])
        answer(app, "Replace")
        # Saved: a toast says so; its Show in Files asks the file manager for the first file.
        app.wait_label(lambda text: text == "Attachments saved", "saying “saved”")
        app.node.findChildren(lambda n: n.roleName == "push button"
                              and n.name.startswith("Show in Files"))[0].doActionNamed("click")
        for _ in range(30):
            if os.path.exists(log) and open(log, encoding="utf-8").read():
                break
            time.sleep(0.3)
    finally:
        app.close()
        file_manager.terminate()
    with open(log, encoding="utf-8") as shown:
        assert shown.read().splitlines() == [f"ShowItems file://{mine}"]
    with open(mine, "rb") as saved:
        assert saved.read(8) == b"\x89PNG\r\n\x1a\n", "not the bundle's PNG"
    assert sorted(os.listdir(folder)) == ["01-error-page.png"], os.listdir(folder)


def zone_rows(bundle, viewer_zone):
    """The operation-time rows' titles and values, the viewer run in `viewer_zone`."""
    app = App(bundle, env={"TZ": viewer_zone})
    try:
        app.wait_label(lambda text: text.startswith("Intact:"), "saying “Intact”")
        titles = [n.name for n in app.node.findChildren(
            lambda n: n.roleName == "label" and (n.name or "").startswith("Operation Time"))]
        values = [n.name for n in app.node.findChildren(
            lambda n: n.roleName == "label" and (n.name or "").startswith("2026-11-28"))]
        labels = [n.name or "" for n in app.node.findChildren(lambda n: n.roleName == "label")]
        assert not [text for text in labels if "Asia/Shanghai" in text or "Etc/UTC" in text], labels
        unnamed = [(n.roleName, n.name) for n in app.node.findChildren(
            lambda n: n.roleName in ("push button", "toggle button")
            and (not n.name or n.name.startswith("Gtk")))]
        assert not unnamed, unnamed
        return titles, values
    finally:
        app.close()


@case
def zones_differ():
    """/gui/viewer/zone-two-rows: a bundle made in UTC, read in Shanghai: both zones, by city."""
    titles, values = zone_rows(create_bundle("utc.mfaticket"), "Asia/Shanghai")
    assert titles == ["Operation Time (UTC)", "Operation Time (User’s Zone)",
                      "Operation Time (Your Zone)"], titles
    assert values == ["2026-11-28 12:00:31 UTC",
                      "2026-11-28 12:00:31 (Coordinated Universal Time, UTC+00:00)",
                      "2026-11-28 20:00:31 (Shanghai, China, UTC+08:00)"], values


@case
def zones_same():
    """/gui/viewer/zone-one-row: made and read in the same zone: one row for both."""
    for made_in, read_in, local in (("UTC", "UTC", "12:00:31 (Coordinated Universal Time, "
                                                   "UTC+00:00)"),
                                    ("Asia/Shanghai", "Asia/Shanghai", "20:00:31 (Shanghai, "
                                                                       "China, UTC+08:00)")):
        bundle = create_bundle(f"same-{made_in.replace('/', '-')}.mfaticket", {"TZ": made_in})
        titles, values = zone_rows(bundle, read_in)
        assert titles == ["Operation Time (UTC)",
                          "Operation Time (User’s Zone, Same as Yours)"], (made_in, titles)
        assert values == ["2026-11-28 12:00:31 UTC", f"2026-11-28 {local}"], (made_in, values)


if __name__ == "__main__":
    main()
