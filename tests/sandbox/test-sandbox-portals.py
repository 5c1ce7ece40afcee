#!/usr/bin/python3
# test-sandbox-portals.py: the app in a bubblewrap sandbox shaped like its
# Flatpak, driven through AT-SPI as a user would, every file and screenshot
# coming through the real portals: the file chooser portal's dialog
# (xdg-desktop-portal-gtk) for an export and a QR picture, a picture dragged
# from another app's window (the document portal's FileTransfer), the screenshot
# portal (a test backend standing in for GNOME Shell), the saving of a ticket
# bundle into a folder chosen in the portal's dialog (written through the
# document portal), and a link opened through the open-URI portal. Where a
# portal is missing or refuses, the app says so and stays usable.
#
# With MFA_SHOTS=DIR it saves screenshots (the portal's chooser over the app,
# the saved bundle reopened in the viewer) for people to look at.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import ctypes.util
import importlib
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gui"))
import sandbox_harness as sandbox  # noqa: E402 - after the path

reason = sandbox.missing_package()
if reason:
    sandbox.skip_all(reason)
for tool in ("qrencode", "unzip"):
    if shutil.which(tool) is None:
        sandbox.skip_all(f"{tool} is not installed")
# Without a screenshot backend, as on a desktop whose portal has none.
NO_SCREENSHOT_BACKEND = bool(os.environ.get("MFA_SANDBOX_NO_SCREENSHOT_BACKEND"))
try:
    box = sandbox.Sandbox(screenshot_backend=not NO_SCREENSHOT_BACKEND)
except AssertionError as error:  # a portal that cannot start here (no FUSE, no namespaces)
    print(f"Bail out! the sandbox did not start: {str(error).splitlines()[0]}", flush=True)
    print(error, file=sys.stderr)
    sys.exit(1)
import atspi_harness as harness  # noqa: E402 - after the sandbox set DISPLAY and the bus
from dogtail import rawinput, tree  # noqa: E402
from dogtail.rawinput import absoluteMotion, keyCombo, pressKey  # noqa: E402
# The ticket assistant's helpers (focus, type, press, wait) from its own test.
ticket = importlib.import_module("test-ticket-atspi")

KEY = "JBSWY3DPEHPK3PXP"
STALE = ["otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP&issuer=Aliyun",
         "otpauth://totp/Aliyun:alice?secret=KRSXG5CTMVRXEZLU&issuer=Aliyun"]
DOCUMENTS = box.path("home", "Documents")
SHOTS = os.environ.get("MFA_SHOTS")
NO_PORTAL = "Screenshots are taken through the desktop’s screenshot service"
NOT_TAKEN = "No screenshot was taken"
SAVED = "Saved as "


def shoot(name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        time.sleep(0.8)
        subprocess.run(["import", "-window", "root", os.path.join(SHOTS, f"{name}.png")],
                       check=True)


def sandboxed_app(*args):
    return harness.App(*args, launcher=box.launcher())


def portal_dialog(title):
    """The portal's file chooser: a window of xdg-desktop-portal-gtk, not of the app."""
    for _ in range(40):
        try:
            backend = tree.root.application("xdg-desktop-portal-gtk")
            dialogs = [w for w in backend.children if w.name == title and w.showing]
            if dialogs:
                return dialogs[0]
        except Exception:  # noqa: BLE001 - not on the accessibility bus yet
            pass
        time.sleep(0.25)
    raise AssertionError(f"the portal's dialog “{title}” never opened")


def focus_follows_pointer():
    """Gives the X keyboard focus back to "wherever the pointer is": with no
    window manager, a window that took the focus and closed leaves it nowhere."""
    xlib = ctypes.CDLL(ctypes.util.find_library("X11"))
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    display = xlib.XOpenDisplay(os.environ["DISPLAY"].encode())
    assert display, "cannot open the display"
    pointer_root = 1
    xlib.XSetInputFocus(ctypes.c_void_p(display), ctypes.c_ulong(pointer_root), pointer_root,
                        ctypes.c_ulong(0))
    xlib.XCloseDisplay(ctypes.c_void_p(display))


def point_at_dialog():
    """Keys go to the window under the pointer: the portal's dialog, which X
    places at the top left, over the app. The pointer leaves and comes back,
    so the dialog is told it has the focus."""
    focus_follows_pointer()
    absoluteMotion(1275, 795)
    time.sleep(0.2)
    absoluteMotion(300, 300)
    time.sleep(0.3)


def choose_in_portal(title, path, shot=None, save=False, settle=1.0):
    """Puts a path into the portal's dialog and accepts it: into the location
    bar (Ctrl+L) to open, into the Name field to save. The path is set
    through AT-SPI, in one piece: typed key by key, it races GTK 3's inline
    completion of the folder names."""
    dialog = portal_dialog(title)
    time.sleep(0.8)
    point_at_dialog()
    if not save:
        keyCombo("<Control>l")
        time.sleep(0.5)
    entry = None
    for _ in range(20):
        focused = dialog.findChildren(lambda n: n.roleName == "text" and n.focused)
        if focused:
            entry = focused[0]
            break
        time.sleep(0.25)
    assert entry is not None, f"no text field has the focus in “{title}”"
    entry.text = path
    time.sleep(0.5)
    if shot:
        shoot(shot)
    pressKey("Return")
    time.sleep(settle)


def cancel_portal(title):
    portal_dialog(title)
    time.sleep(0.8)
    point_at_dialog()
    pressKey("Escape")
    time.sleep(1.0)


def portal_log():
    return box.log("desktop-portal")


def write(name, text):
    path = os.path.join(DOCUMENTS, name)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    return path


def open_assistant():
    app = sandboxed_app("--topic", "device-lost")
    app.choose("A RAM user")
    app.choose("No, it still fails")
    app.press("Prepare a Ticket…")
    return app, ticket.frame(app, "Prepare a Ticket")


def to_attachments(assistant):
    """Account, time and words: just enough to reach the attachments page."""
    ticket.type_name("bob@example.onaliyun.com")
    ticket.press(assistant, "Next")
    ticket.label_starting(assistant, "Step 2 of 5")
    ticket.press(assistant, "Next")
    ticket.type_into(assistant, "What happened, in your words",
                     "Every code is rejected since I changed phones.")
    ticket.press(assistant, "Next")
    ticket.label_starting(assistant, "No image yet.")


@harness.case
def export_through_file_chooser_portal():
    """/sandbox/portal/duplicates-export: an export opened in the portal's dialog, read via the document portal."""
    export = write("export.txt", "\n".join([STALE[0], STALE[1]]) + "\n")
    app = sandboxed_app("--check", "duplicates")
    try:
        time.sleep(1)
        app.press("Open Export Files…")
        choose_in_portal("Open Authenticator Exports", export, shot="portal-file-chooser")
        app.label_containing("Aliyun / alice: 2 entries with different keys")
        # The portal saw a sandboxed app: it handed over a document, not the path.
        converted = [line for line in portal_log().splitlines()
                     if "convert uri" in line and "export.txt" in line]
        assert converted and f"{box.run_dir}/doc/" in converted[-1], portal_log()[-2000:]
    finally:
        app.close()


@harness.case
def qr_picture_through_file_chooser_portal():
    """/sandbox/portal/code-qr: a QR picture opened in the portal's dialog gives the key."""
    picture = os.path.join(DOCUMENTS, "binding-qr.png")
    subprocess.run(["qrencode", "-s", "8", "-m", "4", "-o", picture, STALE[0]], check=True)
    app = sandboxed_app("--check", "code")
    try:
        time.sleep(1)
        app.press("Open QR Code Picture…")
        choose_in_portal("Open a Picture of the QR Code", picture, shot="portal-qr-chooser")
        said = app.label_containing("Read the key")
        assert "binding-qr.png" in said, said
    finally:
        app.close()


@harness.case
def file_chooser_cancelled():
    """/sandbox/portal/cancelled: a cancelled dialog leaves the app as it was, responsive."""
    app = sandboxed_app("--check", "duplicates")
    try:
        time.sleep(1)
        app.press("Open Export Files…")
        cancel_portal("Open Authenticator Exports")
        # Still answering: the dialog opens again.
        app.press("Open Export Files…")
        cancel_portal("Open Authenticator Exports")
        assert app.process.poll() is None, "the app exited"
    finally:
        app.close()


def set_screenshot_answer(answer):
    with open(box.path("screenshots", "answer"), "w") as steer:
        steer.write(answer)


def screenshot_without_backend():
    """/sandbox/no-screenshot-backend/said: no screenshot service: the app says so and offers the file chooser."""
    app, assistant = open_assistant()
    try:
        to_attachments(assistant)
        ticket.press(assistant, "Take Screenshot…")
        said = ticket.label_starting(assistant, NO_PORTAL).name
        assert "choose the file" in said, said
        # The other ways are still there and work: the file chooser opens.
        ticket.press(assistant, "Choose Image…")
        cancel_portal("Choose Images")
        assert app.process.poll() is None, "the app exited"
    finally:
        app.close()


if NO_SCREENSHOT_BACKEND:
    harness.case(screenshot_without_backend)


def screenshot_through_portal():
    """/sandbox/portal/screenshot: a screenshot from the portal is attached; a refusal is said."""
    app, assistant = open_assistant()
    try:
        to_attachments(assistant)
        set_screenshot_answer("cancel")
        ticket.press(assistant, "Take Screenshot…")
        said = ticket.label_starting(assistant, NOT_TAKEN).name
        assert "choose" in said.lower(), said
        set_screenshot_answer("ok")
        ticket.press(assistant, "Take Screenshot…")
        row = None
        for _ in range(40):
            rows = assistant.findChildren(lambda n: n.roleName == "list item"
                                          and n.name.startswith("Screenshot-"))
            if rows:
                row = rows[0]
                break
            time.sleep(0.3)
        assert row is not None, "the screenshot never became an attachment"
        with open(box.path("screenshots", "requests.txt")) as requests:
            asked = requests.read()
        # The backend was asked for our app, with the app's window as parent.
        assert f"{sandbox.APP_ID}\tx11:" in asked, asked
    finally:
        app.close()


if not NO_SCREENSHOT_BACKEND:
    harness.case(screenshot_through_portal)


@harness.case
def bundle_saved_through_document_portal():
    """/sandbox/portal/save: a bundle with a chosen picture and a screenshot, saved in the portal's dialog, is whole, verified, alone."""
    target = os.path.join(DOCUMENTS, "ticket.mfaticket")
    picture = os.path.join(DOCUMENTS, "binding-page.png")
    subprocess.run(["qrencode", "-s", "6", "-m", "4", "-o", picture, STALE[0]], check=True)
    before = set(box.host_files(DOCUMENTS))
    app, assistant = open_assistant()
    try:
        to_attachments(assistant)
        # Both come into the sandbox as documents; the writer reads them from there.
        ticket.press(assistant, "Choose Image…")
        choose_in_portal("Choose Images", picture)
        ticket.wait_for(assistant, lambda n: n.roleName == "list item"
                        and n.name == "binding-page.png", "the chosen picture's row")
        if not NO_SCREENSHOT_BACKEND:
            set_screenshot_answer("ok")
            ticket.press(assistant, "Take Screenshot…")
            ticket.wait_for(assistant, lambda n: n.roleName == "list item"
                            and n.name.startswith("Screenshot-"), "the screenshot's row",
                            tries=40)
        ticket.press(assistant, "Next")
        ticket.press(assistant, "Save Ticket…")
        choose_in_portal("Save Ticket", target, shot="portal-save-dialog", save=True)
        said = ticket.label_starting(assistant, SAVED).name
        # The user's own name for it, not the document portal's path.
        assert said == "Saved as ticket.mfaticket", said
        shoot("saved-in-sandbox")
    finally:
        app.close()
    verify = subprocess.run([os.environ["MFA_TICKET"], "verify", target], capture_output=True,
                            text=True)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    added = set(box.host_files(DOCUMENTS)) - before
    assert added == {"ticket.mfaticket"}, f"the folder gained {sorted(added)}"
    names = subprocess.run(["unzip", "-Z1", target], capture_output=True, text=True,
                           check=True).stdout.split()
    attached = [name for name in names if name.startswith("attachments/")]
    assert len(attached) == (1 if NO_SCREENSHOT_BACKEND else 2), names
    # The saved bundle, reopened in the viewer (outside the sandbox, as support staff would).
    viewer = harness.App(target)
    try:
        viewer.label_containing("bob@example.onaliyun.com")
        shoot("bundle-reopened-in-viewer")
    finally:
        viewer.close()


@harness.case
def link_through_open_uri_portal():
    """/sandbox/portal/open-uri: a flow's link opens in the browser through the open-URI portal."""
    app = sandboxed_app("--topic", "device-lost")
    try:
        app.choose("A RAM user")
        app.choose("Open the RAM Console")
        opened = ""
        for _ in range(40):
            if os.path.exists(box.opened_urls):
                with open(box.opened_urls) as urls:
                    opened = urls.read()
                if opened:
                    break
            time.sleep(0.25)
        assert opened.strip() == "https://ram.console.aliyun.com", opened
        # Launched by the portal, not by the app (which cannot see the host's browsers).
        assert "Launching mfa-test-browser https://ram.console.aliyun.com" in portal_log(), \
            portal_log()[-2000:]
    finally:
        app.close()


@harness.case
def picture_dropped_from_another_app():
    """/sandbox/portal/drag-and-drop: a QR picture dragged from another app's window reaches the sandboxed app."""
    picture = os.path.join(DOCUMENTS, "dragged-qr.png")
    subprocess.run(["qrencode", "-s", "8", "-m", "4", "-o", picture, STALE[0]], check=True)
    # The other app (GTK 3, as a file manager) at the right, the app at the top left.
    source = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "drag-source.py"), picture,
                               "900", "40"], env=box.env, stderr=subprocess.DEVNULL)
    app = sandboxed_app("--check", "code")
    try:
        time.sleep(2)
        focus_follows_pointer()
        absoluteMotion(1000, 100)
        time.sleep(0.3)
        rawinput.press(1000, 100, 1)
        time.sleep(0.3)
        for step in range(1, 21):  # a drag is a motion, not a jump
            absoluteMotion(1000 - step * 35, 100 + step * 10)
            time.sleep(0.05)
        time.sleep(0.5)
        rawinput.release(300, 300, 1)
        said = app.label_containing("Read the key")
        assert "dragged-qr.png" in said, said
        # The sandbox cannot see the folder: the file came as a document of its own.
        view = os.path.join(box.run_dir, "doc", "by-app", sandbox.APP_ID)
        docs = [d for d in os.listdir(view)
                if os.path.exists(os.path.join(view, d, "dragged-qr.png"))]
        assert docs, f"no document for the dropped file in {os.listdir(view)}"
    finally:
        source.terminate()
        source.wait(timeout=10)
        app.close()


# ---- saving stays atomic through the document portal ----------------------

def noise_png(path, width=2400, height=2400):
    """A picture that does not compress: a bundle big enough to watch being written."""
    raw = b"".join(b"\0" + os.urandom(width * 3) for _ in range(height))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height,
                                                                      8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))


def sandboxed_pid(app):
    """The app's own PID on the host: bwrap's descendant named mfa-troubleshooter."""
    def parent(pid):
        with open(f"/proc/{pid}/stat") as stat:
            return int(stat.read().rsplit(")", 1)[1].split()[1])
    for _ in range(40):
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/comm") as comm:
                    if comm.read().strip() != "mfa-troubleshoo":
                        continue
                ancestor = int(entry)
                while ancestor > 1 and ancestor != app.process.pid:
                    ancestor = parent(ancestor)
                if ancestor == app.process.pid:
                    return int(entry)
            except (FileNotFoundError, ProcessLookupError, ValueError):
                continue
        time.sleep(0.25)
    raise AssertionError("the sandboxed app's process was not found")


def open_files(pid):
    names = []
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                names.append(os.readlink(f"/proc/{pid}/fd/{fd}"))
            except OSError:
                pass
    except OSError:
        pass
    return names


def ready_to_save(app, assistant, picture):
    to_attachments(assistant)
    ticket.press(assistant, "Choose Image…")
    choose_in_portal("Choose Images", picture)
    name = os.path.basename(picture)
    ticket.wait_for(assistant, lambda n: n.roleName == "list item" and n.name == name,
                    "the attached picture's row", tries=60)
    ticket.press(assistant, "Next")
    ticket.press(assistant, "Save Ticket…")


def leftovers(before):
    """Whatever the save left in the chosen folder, hidden files too."""
    return sorted(set(box.host_files(DOCUMENTS)) - before)


@harness.case
def kill_while_writing():
    """/sandbox/save-atomic/killed: killed while the bundle is written, nothing is left in the folder."""
    picture = os.path.join(DOCUMENTS, "big-killed.png")
    noise_png(picture)
    target = os.path.join(DOCUMENTS, "killed.mfaticket")
    before = set(box.host_files(DOCUMENTS))
    app, assistant = open_assistant()
    try:
        ready_to_save(app, assistant, picture)
        pid = sandboxed_pid(app)
        choose_in_portal("Save Ticket", target, save=True, settle=0)
        # The moment the unnamed private file is open, the bundle is being written.
        writing = None
        deadline = time.monotonic() + 30
        while writing is None and time.monotonic() < deadline:
            writing = next((f for f in open_files(pid) if f.startswith("/tmp/#")), None)
        assert writing is not None, "never saw the bundle being written"
        os.kill(pid, signal.SIGKILL)
        app.process.wait(timeout=10)
    finally:
        if app.process.poll() is None:
            app.close()
    time.sleep(1)
    assert leftovers(before) == [], f"the killed save left {leftovers(before)}"
    os.unlink(picture)


@harness.case
def full_folder():
    """/sandbox/save-atomic/full: a folder too small for the bundle keeps nothing, and the app says so."""
    small = os.path.join(DOCUMENTS, "small")
    os.makedirs(small, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", small],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        print(f"# skipped: cannot mount a small tmpfs here: {mounted.stderr.strip()}",
              file=harness.TAP)
        return
    picture = os.path.join(DOCUMENTS, "big-full.png")
    noise_png(picture)
    try:
        app, assistant = open_assistant()
        try:
            ready_to_save(app, assistant, picture)
            choose_in_portal("Save Ticket", os.path.join(small, "full.mfaticket"), save=True)
            said = ticket.label_starting(assistant, "The ticket was not saved.").name
            # The cause in words, whatever path the portal gave the folder.
            assert "is full. Free some space there" in said, said
            assert os.listdir(small) == [], f"the full folder holds {os.listdir(small)}"
        finally:
            app.close()
    finally:
        subprocess.run(["umount", small], check=False)
        os.unlink(picture)


if __name__ == "__main__":
    # Only this file's cases, not those of the ticket test it borrows helpers from.
    harness.CASES[:] = [c for c in harness.CASES if c.__module__ == "__main__"]
    only = os.environ.get("MFA_SANDBOX_CASES")  # e.g. "save,open-uri" while iterating
    if only:
        harness.CASES[:] = [c for c in harness.CASES
                            if any(part in c.__doc__.split(":")[0] for part in only.split(","))]
    try:
        harness.main()
    finally:
        box.stop()
