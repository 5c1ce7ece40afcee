#!/usr/bin/python3
# test-ticket-atspi.py: the ticket assistant driven through AT-SPI (dogtail)
# as a user would: account, time, words, an image through the file chooser,
# review, a save that fails and one that works; then the bundle is verified
# with mfa-ticket and every entry searched for the MFA key and its codes.
# Prints TAP; skips cleanly without a display or dogtail.
#
# With MFA_SHOTS=DIR it also saves a screenshot of every page (on demand,
# for people to look at; LANGUAGE picks the translation):
#   xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- env MFA_SHOTS=shots/en \
#     MFA_TROUBLESHOOTER=build/src/mfa-troubleshooter MFA_TICKET=build/diagnostics/cli/mfa-ticket \
#     GSETTINGS_SCHEMA_DIR=build/data GSK_RENDERER=cairo \
#     /usr/bin/python3 tests/gui/test-ticket-atspi.py
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gettext
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_harness as harness  # noqa: E402 - after the path
for tool in ("qrencode", "oathtool", "unzip", "zbarimg"):
    if shutil.which(tool) is None:
        harness.skip_all(f"{tool} is not installed")
from dogtail.rawinput import keyCombo, pressKey, typeText  # noqa: E402 - after the harness

KEY = "JBSWY3DPEHPK3PXP"
URI = f"otpauth://totp/Aliyun:alice@1234567.onaliyun.com?secret={KEY}&issuer=Aliyun"
# The app's messages the test waits for (translated through the catalogue).
RAM_SHAPE = ("A RAM user’s logon name looks like name@<account alias or ID>.onaliyun.com; "
             "this one does not. Check it, or keep it if you are sure.")
NO_PORTAL = ("Screenshots are taken through the desktop’s screenshot service, which is not "
             "available here. Take the screenshot with your desktop’s own tool, then choose "
             "the file.")
HAS_QR = ("Shows a QR code, which may carry your MFA key: the ticket will have it painted "
          "over.")
WILL_MASK = ("The QR code in this picture is covered: it may hold your MFA key, so the ticket "
             "never shows it.")
NOT_SAVED = "The ticket was not saved. %s Everything you entered is still here."
READ_ONLY = ("The folder “%s” is on a disk that can only be read. Choose a folder on another "
             "disk, such as Documents.")
FULL = ("The disk that holds the folder “%s” is full. Free some space there, or choose a folder "
        "on another disk.")
SAVED = "Saved as %s"
UPLOADED = "Uploaded. Your ticket number is %s."
COPIED = "Summary copied: paste it into the ticket form"
SHOW_IN_FILES = "Show in Files"
NAME_FIELD = "Account or RAM User Logon Name"
ZONE = "Shanghai, China"  # the app runs with TZ=Asia/Shanghai
SHOTS = os.environ.get("MFA_SHOTS")
_ = gettext.translation("mfa-troubleshooter",
                        os.environ.get("LOCALEDIR", "/usr/local/share/locale"),
                        languages=[os.environ.get("LANGUAGE", "C")], fallback=True).gettext
shot_number = 0


def shoot(name):
    global shot_number
    if not SHOTS:
        return
    shot_number += 1
    os.makedirs(SHOTS, exist_ok=True)
    time.sleep(0.8)
    path = os.path.join(SHOTS, f"{shot_number:02d}-{name}.png")
    subprocess.run(["import", "-window", "root", path], check=True)


def wait_for(node, predicate, what, tries=25):
    for _ in range(tries):
        found = node.findChildren(predicate)
        if found:
            return found[0]
        time.sleep(0.3)
    raise AssertionError(f"never appeared: {what}")


def start_of(msgid):
    """The translated message up to its first placeholder: what a label starts with."""
    return _(msgid).split("%")[0][:16]


def label_starting(node, text):
    return wait_for(node, lambda n: n.roleName == "label" and n.name.startswith(text),
                    f"a label starting “{text}”")


def frame(app, title):
    """A top-level window of the app, whatever its role."""
    for _ in range(25):
        windows = [w for w in app.node.children if w.name == title]
        if windows:
            return windows[0]
        time.sleep(0.3)
    names = [(w.roleName, w.name) for w in app.node.children]
    raise AssertionError(f"no window “{title}” among {names}")


def focus(node, name, role):
    """Tabs to a control, as a keyboard user would: GTK 4.8 answers no AT-SPI
    grabFocus, and gives check and radio buttons no action."""
    target = node.child(name=name, roleName=role)
    for _ in range(60):
        if target.focused:
            return target
        pressKey("Tab")
        time.sleep(0.1)
    focused = [(n.roleName, n.name) for n in node.findChildren(lambda n: n.focused)]
    raise AssertionError(f"Tab never reached {role} “{name}”; focused: {focused}")


def toggle(node, name):
    focus(node, name, "check box")
    pressKey("space")
    time.sleep(0.3)


def choose(node, name):
    """Picks an option of a boxed list: Tab to its row, then Space, as a
    keyboard user would; the row's radio button follows."""
    focus(node, name, "list item")
    pressKey("space")
    time.sleep(0.4)
    assert node.child(name=name, roleName="check box").checked, f"“{name}” was not chosen"


def type_name(text):
    """The account page puts the keyboard focus in the name field (an
    AdwEntryRow, whose inner text GTK 4.8 does not expose): type there."""
    keyCombo("<Control>a")
    typeText(text)
    time.sleep(0.3)


def showing(node, name):
    """Whether a control is on screen: hidden widgets leave the AT-SPI tree."""
    return bool(node.findChildren(lambda n: n.name == name and n.roleName != "label"))


def toast_button(node, name):
    """A toast's button, found by name while the toast shows."""
    # GTK 4.8 names a button by its label twice: "Show in Files Show in Files".
    return wait_for(node, lambda n: n.roleName == "push button" and n.name.startswith(name),
                    f"a toast with “{name}”", tries=15)


def unnamed_buttons(node):
    """Buttons a screen reader would announce by their widget type, or not at all."""
    return [(n.roleName, n.name) for n in node.findChildren(
        lambda n: n.roleName in ("push button", "toggle button")
        and (not n.name or n.name.startswith("Gtk") or n.name.startswith("Adw")))]


def press(node, name):
    node.child(name=name, roleName="push button").doActionNamed("click")
    time.sleep(0.5)


def type_into(node, name, text):
    focus(node, name, "text")
    keyCombo("<Control>a")
    typeText(text)
    time.sleep(0.3)


def through_file_chooser(app, title, path):
    """Types a path into GTK's own file chooser (there is no portal here)."""
    frame(app, title)
    time.sleep(1.0)
    keyCombo("<Control>l")
    time.sleep(0.5)
    keyCombo("<Control>a")
    typeText(path)
    time.sleep(0.8)
    pressKey("Return")
    time.sleep(1.0)


CLIPBOARD_READER = """
import gi
gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import GLib, Gdk, Gtk
Gtk.init()
loop = GLib.MainLoop()
def done(clipboard, result):
    print(clipboard.read_text_finish(result) or "", end="")
    loop.quit()
Gdk.Display.get_default().get_clipboard().read_text_async(None, done)
GLib.timeout_add_seconds(10, loop.quit)
loop.run()
"""


def clipboard_text():
    """The clipboard's text, read by another X client as a paste would."""
    return subprocess.run(["/usr/bin/python3", "-c", CLIPBOARD_READER], capture_output=True,
                          text=True, timeout=30).stdout


def codes_near_now():
    now = int(time.time())
    out = subprocess.run(["oathtool", "--totp", "-b", KEY, "-w", "4", "--now", f"@{now - 60}"],
                         capture_output=True, text=True, check=True).stdout
    return out.split()


FILE_MANAGER_LOG = None


def start_file_manager(work):
    """A stand-in for Files on the session bus: it logs what it is asked to show."""
    global FILE_MANAGER_LOG
    FILE_MANAGER_LOG = os.path.join(work, "file-manager.log")
    process = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "fake-file-manager.py"), FILE_MANAGER_LOG],
        stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready", "the file manager stand-in never started"
    return process


def wait_file_manager(target):
    for _ in range(30):
        if os.path.exists(FILE_MANAGER_LOG):
            with open(FILE_MANAGER_LOG, encoding="utf-8") as log:
                lines = log.read().splitlines()
            if lines:
                return lines
        time.sleep(0.3)
    return []


def save_fails_with_cause(app, assistant, work):
    """A read-only disk and a full one (tmpfs mounts: root only), each named."""
    if os.geteuid() != 0:
        print("# skipped the read-only and full-disk saves: mounting needs root", file=harness.TAP)
        return
    for case, options, words in (("read-only", "ro,size=1m", READ_ONLY),
                                 ("full", "size=4k", FULL)):
        folder = os.path.join(work, case)
        os.makedirs(folder)
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", folder], check=True)
        try:
            press(assistant, _("Save Ticket…"))
            through_file_chooser(app, _("Save Ticket"), os.path.join(folder, "t.mfaticket"))
            said = label_starting(assistant, start_of(NOT_SAVED)).name
            expected = _(NOT_SAVED) % (_(words) % folder)
            assert said == expected, f"{case}: {said!r} is not {expected!r}"
            shoot(f"save-failed-{case}")
            assert os.listdir(folder) == [], f"{case}: the folder holds {os.listdir(folder)}"
        finally:
            subprocess.run(["umount", folder], check=False)
    # Nothing typed was lost: the review still shows it.
    label_starting(assistant, "Every code is rejected at sign-in")


def open_assistant(env=None):
    app = harness.App("--topic", "device-lost", env={"TZ": "Asia/Shanghai", **(env or {})})
    app.choose(_("A RAM user"))
    app.choose(_("No, it still fails"))
    app.press(_("Prepare a Ticket…"))
    return app, frame(app, _("Prepare a Ticket"))


@harness.case
def ticket_saved_without_secrets():
    """/gui/atspi/ticket: through every page, save, verify, no key or code inside."""
    work = tempfile.mkdtemp(prefix="mfa-ticket-atspi-")
    image = os.path.join(work, "binding-page.png")
    target = os.path.join(work, "ticket.mfaticket")
    subprocess.run(["qrencode", "-s", "8", "-m", "4", "-o", image, URI], check=True)
    file_manager = start_file_manager(work)
    app, assistant = open_assistant()
    copied = None
    try:
        shoot("account")
        # "A RAM user" was answered in the flow: the assistant starts there.
        ram_user = assistant.child(name=_("RAM User"), roleName="check box")
        assert ram_user.checked, "the assistant forgot the account type chosen in the flow"
        assert assistant.child(name=_("Step 1 of 5"), roleName="label")
        type_name("alice")
        press(assistant, _("Next"))
        # Not the shape of a RAM user's logon name: a warning to confirm, not a change.
        label_starting(assistant, start_of(RAM_SHAPE))
        shoot("account-warning")
        toggle(assistant, _("Keep the name as typed"))
        press(assistant, _("Next"))
        label_starting(assistant, _("Step %u of %u") % (2, 5))
        assert assistant.findChildren(lambda n: n.roleName == "heading"
                                      and n.name == _("When It Failed")), "no heading role"
        # "Just now" needs no date: the calendar and the zone wait for "At another time".
        assert not showing(assistant, _("Date")), "a calendar before it is asked for"
        assert not showing(assistant, _("Time Zone")), "a zone before it is asked for"
        shoot("time")
        choose(assistant, _("At another time"))
        wait_for(assistant, lambda n: n.name == _("Date") and n.roleName != "label",
                 "the calendar")
        # The zone by its city, this computer's (TZ=Asia/Shanghai); never the IANA id.
        label_starting(assistant, ZONE)
        labels = [n.name for n in assistant.findChildren(lambda n: n.roleName == "label")]
        assert "Asia/Shanghai" not in labels and "Etc/UTC" not in labels, labels
        shoot("time-picked")
        press(assistant, _("Next"))

        words = _("What happened, in your words")
        type_into(assistant, words, f"The code is rejected. My key is {KEY}")
        label_starting(assistant, _("The description"))
        shoot("words-key-refused")
        press(assistant, _("Next"))
        label_starting(assistant, _("The description"))  # still here: Next refused
        type_into(assistant, words, "Every code is rejected at sign-in since I changed phones.")
        press(assistant, _("Next"))

        press(assistant, _("Take Screenshot…"))
        label_starting(assistant, start_of(NO_PORTAL))
        shoot("attachments-no-portal")
        press(assistant, _("Choose Image…"))
        through_file_chooser(app, _("Choose Images"), image)
        wait_for(assistant, lambda n: n.roleName == "list item" and n.name == "binding-page.png",
                 "the attached image's row")
        label_starting(assistant, start_of(HAS_QR))
        type_into(assistant, _("Caption (optional)"), "The binding page")
        shoot("attachments")
        press(assistant, _("Next"))
        mask_note = label_starting(assistant, start_of(WILL_MASK))
        shoot("review")
        if SHOTS:
            focus(assistant, mask_note.name, "label")  # scrolls the attachments into view
            shoot("review-attachments")

        # Places that cannot be written: the cause in words, nothing lost.
        save_fails_with_cause(app, assistant, work)
        press(assistant, _("Save Ticket…"))
        through_file_chooser(app, _("Save Ticket"), target)
        # Saved: a toast says so, and its Show in Files opens the file manager on the file.
        label_starting(assistant, _(SAVED) % "ticket.mfaticket")
        toast_button(assistant, _(SHOW_IN_FILES)).doActionNamed("click")
        shoot("saved")
        assert not unnamed_buttons(assistant), unnamed_buttons(assistant)
        shown = wait_file_manager(target)
        assert shown == [f"ShowItems file://{target}"], shown
        assert not [n for n in assistant.findChildren(lambda n: n.roleName == "label")
                    if n.name.startswith(start_of(NOT_SAVED))], "the old error stayed"
        press(assistant, _("Copy Summary"))
        label_starting(assistant, _(COPIED))
        copied = clipboard_text()
    except Exception:
        shoot("failed-here")
        raise
    finally:
        app.close()
        file_manager.terminate()

    verify = subprocess.run([os.environ["MFA_TICKET"], "verify", target], capture_output=True,
                            text=True)
    assert verify.returncode == 0, verify.stderr
    names = subprocess.run(["unzip", "-Z1", target], capture_output=True, text=True,
                           check=True).stdout.split()
    assert "summary.txt" in names and "attachments/01-error-page.png" in names, names
    # The zone was picked by its city; the manifest keeps the IANA identifier.
    manifest = json.loads(subprocess.run(["unzip", "-p", target, "manifest.json"],
                                         capture_output=True, text=True, check=True).stdout)
    assert manifest["operation_time"]["timezone"] == "Asia/Shanghai", manifest["operation_time"]
    assert manifest["operation_time"]["source"] == "user", manifest["operation_time"]
    secrets = [KEY, KEY.lower(), "otpauth", *codes_near_now()]
    for name in names:
        data = subprocess.run(["unzip", "-p", target, name], capture_output=True,
                              check=True).stdout
        for secret in secrets:
            assert secret.encode() not in data, f"{name} holds {secret}"
    summary = subprocess.run(["unzip", "-p", target, "summary.txt"], capture_output=True,
                             text=True, check=True).stdout
    assert "Every code is rejected at sign-in" in summary and "alice" in summary, summary
    # Copy Summary puts exactly the bundle's summary.txt on the clipboard.
    assert copied == summary, f"clipboard:\n{copied}\nsummary.txt:\n{summary}"
    # The QR code that carried the key is painted over: nothing left to decode.
    masked = os.path.join(work, "masked.png")
    with open(masked, "wb") as out:
        out.write(subprocess.run(["unzip", "-p", target, "attachments/01-error-page.png"],
                                 capture_output=True, check=True).stdout)
    decoded = subprocess.run(["zbarimg", "--raw", "-q", masked], capture_output=True, text=True)
    assert KEY not in decoded.stdout, decoded.stdout
    path_in_words(target, summary)


# The walk of open_assistant(), as support reads it, and the ids it must not show.
PATH_WORDS = ["Which Kind of Account Is It? → A RAM user",
              "Ask an Administrator to Disable MFA → did not fix it",
              "Ask Support for Help"]
STEP_IDS = ["ask-account", "reset-ram"]


def path_in_words(target, summary):
    """The manifest, summary.txt, `mfa-ticket show` and the viewer tell the way in words."""
    manifest = json.loads(subprocess.run(["unzip", "-p", target, "manifest.json"],
                                         capture_output=True, text=True, check=True).stdout)
    problem = manifest["problem"]
    assert manifest["version"] == 2, manifest["version"]
    topic = problem["topic"]
    assert (topic["id"], topic["title"]) == ("device-lost", "Authenticator Deleted or Phone Lost")
    steps = [(step["title"], step.get("answer")) for step in problem["steps"]]
    assert steps == [("Which Kind of Account Is It?", "A RAM user"),
                     ("Ask an Administrator to Disable MFA", "did not fix it"),
                     ("Ask Support for Help", None)], steps
    assert problem["steps"][1]["fixed"] is False
    shown = subprocess.run([os.environ["MFA_TICKET"], "show", target], capture_output=True,
                           text=True, check=True).stdout
    for text in (summary, shown):
        for words in PATH_WORDS:
            assert words in text, f"“{words}” missing from:\n{text}"
        for step_id in STEP_IDS:
            assert step_id not in text, f"the step id {step_id} in:\n{text}"
    viewer = harness.App(target)
    try:
        for words in PATH_WORDS:
            viewer.label_containing(words)
        viewer.label_containing(_("Authenticator Deleted or Phone Lost"))
        shoot("viewer")
        labels = [n.name or "" for n in viewer.node.findChildren(lambda n: n.roleName == "label")]
        for step_id in STEP_IDS:
            assert not [label for label in labels if step_id in label], labels
    finally:
        viewer.close()


class TicketServer(http.server.BaseHTTPRequestHandler):
    """A support endpoint on loopback: keeps each body, answers with a ticket id."""
    bodies = []

    def do_POST(self):  # noqa: N802 - the name http.server calls
        length = int(self.headers["Content-Length"])
        TicketServer.bodies.append((self.headers["Content-Type"], self.rfile.read(length)))
        answer = json.dumps({"ticket": "T-2026-0042"}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def schemas_with_upload(work, url):
    """The app's schema with upload-endpoint set, as an organisation's override would."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
    for name in os.listdir(source):
        if name.endswith(".gschema.xml"):
            shutil.copy(os.path.join(source, name), work)
    with open(os.path.join(work, "zz-upload.gschema.override"), "w") as override:
        override.write(f"[io.github.mfatroubleshooter.MfaTroubleshooter]\n"
                       f"upload-endpoint='{url}'\n")
    subprocess.run(["glib-compile-schemas", work], check=True)
    return work


@harness.case
def ticket_uploaded():
    """/gui/atspi/ticket-upload: with an upload address set, the saved bundle is sent."""
    work = tempfile.mkdtemp(prefix="mfa-ticket-upload-")
    target = os.path.join(work, "upload.mfaticket")
    server = http.server.HTTPServer(("127.0.0.1", 0), TicketServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/tickets"
    saved_dir = os.environ["GSETTINGS_SCHEMA_DIR"]
    schemas = os.path.join(work, "schemas")
    os.makedirs(schemas)
    os.environ["GSETTINGS_SCHEMA_DIR"] = schemas_with_upload(schemas, url)
    try:
        app, assistant = open_assistant()
    finally:
        os.environ["GSETTINGS_SCHEMA_DIR"] = saved_dir
    try:
        # The flow answered "A RAM user": a RAM user's logon name passes as it is.
        type_name("bob@example.onaliyun.com")
        for _page in range(4):
            press(assistant, _("Next"))
        press(assistant, _("Save Ticket…"))
        through_file_chooser(app, _("Save Ticket"), target)
        label_starting(assistant, _(SAVED) % "upload.mfaticket")
        press(assistant, _("Upload to Support"))
        label_starting(assistant, start_of(UPLOADED))
        shoot("uploaded")
    finally:
        app.close()
        server.shutdown()
    with open(target, "rb") as saved:
        assert TicketServer.bodies == [("application/x-mfa-ticket", saved.read())]


if __name__ == "__main__":
    harness.main()
