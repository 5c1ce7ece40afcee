#!/usr/bin/python3
# test-check-pages-atspi.py: the clock and phone clock pages of the real
# mfa-troubleshooter, driven through AT-SPI as a user would: the phone clock
# page's QR code is read off a screenshot (zbarimg) and oathtool plays a phone
# 90 s ahead; the clock page asks a real chronyd on loopback whose time
# libfaketime shifts by 47 s.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import App, case, main  # noqa: E402 - after the path

FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"


def need(*programs):
    missing = [p for p in programs if shutil.which(p) is None and not os.path.exists(p)]
    if missing:
        raise AssertionError("missing " + ", ".join(missing))


def read_qr(directory):
    """The otpauth:// URI the window shows, read from a screenshot."""
    shot = os.path.join(directory, "window.png")
    for _ in range(10):
        subprocess.run(["import", "-window", "root", shot], check=True)
        result = subprocess.run(["zbarimg", "--raw", "-q", shot], capture_output=True, text=True)
        lines = [line for line in result.stdout.splitlines() if line.startswith("otpauth://")]
        if lines:
            return lines[0]
        time.sleep(0.5)
    raise AssertionError("no QR code with an otpauth:// URI on the screen")


def oathtool(key, at, *extra):
    return subprocess.run(["oathtool", "--totp", "-b", key, "--now", f"@{at}", *extra],
                          capture_output=True, text=True)


def enter_code(app, code):
    entry = app.node.child(name="Code from the phone", roleName="text")
    entry.text = code
    time.sleep(0.2)
    app.press("Check Code")


def interval(label, word):
    match = re.search(r"between (-?\d+) and (-?\d+) seconds " + word, label.name)
    assert match, f"no interval in “{label.name}”"
    return int(match.group(1)), int(match.group(2))


@case
def phone_ahead_90():
    """/gui/atspi/phone-clock/ahead-90s: the QR code scanned, a code 90 s ahead typed."""
    need("import", "zbarimg", "oathtool")
    with tempfile.TemporaryDirectory() as directory:
        app = App("--check", "phone-clock")
        try:
            app.wait_label(lambda n: n.startswith("Measured against this computer’s clock"),
                           "naming the reference clock")
            uri = read_qr(directory)
            query = urllib.parse.parse_qs(urllib.parse.urlparse(uri).query)
            assert query["issuer"] == ["MFA Troubleshooter"], uri
            assert "delete me" in urllib.parse.unquote(urllib.parse.urlparse(uri).path), uri
            key = query["secret"][0]
            # The key is shown as text too, in groups of four.
            grouped = " ".join(key[i:i + 4] for i in range(0, len(key), 4))
            app.wait_label(lambda n: n == grouped, "with the key in groups of four")

            # A code found nowhere is named as such.
            wrong = next(c for c in ("000000", "111111", "222222")
                         if oathtool(key, int(time.time()), "-w", "2880", c).returncode != 0)
            enter_code(app, wrong)
            app.wait_label(lambda n: "mistyped" in n, "saying the code may be mistyped")

            code = oathtool(key, int(time.time()) + 90).stdout.strip()
            enter_code(app, code)
            result = app.wait_label(lambda n: "ahead" in n and "between" in n, "saying “ahead”")
            low, high = interval(result, "ahead")
            assert low <= 90 <= high, result.name
            assert high - low <= 40, result.name
            app.wait_label(lambda n: n.startswith("When you are done, delete the entry"),
                           "reminding to delete the test entry")
        finally:
            app.close()


@case
def phone_precise():
    """/gui/atspi/phone-clock/precise: "New Code Now" at a step boundary, to about a second."""
    need("import", "zbarimg", "oathtool")
    with tempfile.TemporaryDirectory() as directory:
        app = App("--check", "phone-clock")
        try:
            key = urllib.parse.parse_qs(urllib.parse.urlparse(read_qr(directory)).query)[
                "secret"][0]
            # GTK 4.8 gives a toggle button the role of a push button.
            app.press("Precise Measurement")
            # The phone, 90 s ahead, turns to a new code when our time + 90 is
            # a multiple of 30: press then.
            now = time.time()
            boundary = (int(now + 90) // 30 + 1) * 30 - 90
            time.sleep(boundary - now + 0.1)
            app.press("New Code Now")
            enter_code(app, oathtool(key, boundary + 90 + 1).stdout.strip())
            result = app.wait_label(lambda n: "ahead" in n and "between" in n, "saying “ahead”")
            low, high = interval(result, "ahead")
            assert low <= 90 <= high and high - low <= 3, result.name
        finally:
            app.close()


class Chronyd:
    """chronyd -x on a free loopback port, its time shifted by libfaketime."""

    def __init__(self, directory, shift):
        self.port = 20000 + os.getpid() % 20000
        conf = os.path.join(directory, "chrony.conf")
        with open(conf, "w") as out:
            out.write(f"port {self.port}\nbindaddress 127.0.0.1\nlocal stratum 8\n"
                      f"allow 127.0.0.1\ncmdport 0\nbindcmdaddress /\n"
                      f"pidfile {directory}/chronyd.pid\n")
        env = dict(os.environ, LD_PRELOAD=FAKETIME_LIB, FAKETIME=shift, FAKETIME_DONT_RESET="1")
        user = ["-u", "root"] if os.geteuid() == 0 else ["-U"]
        self.process = subprocess.Popen([shutil.which("chronyd") or "/usr/sbin/chronyd", "-x",
                                         "-d", *user, "-f", conf], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=10)


@case
def clock_47_slow():
    """/gui/atspi/clock/47s-slow: the clock page against a chronyd 47 s ahead of us."""
    need(FAKETIME_LIB)
    if shutil.which("chronyd") is None and not os.path.exists("/usr/sbin/chronyd"):
        raise AssertionError("missing chronyd")
    with tempfile.TemporaryDirectory() as directory:
        chronyd = Chronyd(directory, "+47s")
        # The app reads its servers from GSettings: a keyfile backend in a
        # private configuration folder points it at chronyd alone.
        settings = os.path.join(directory, "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w") as out:
            out.write("[io/github/mfatroubleshooter/MfaTroubleshooter]\n"
                      f"ntp-servers=['127.0.0.1:{chronyd.port}']\nhttp-time-urls=@as []\n")
        time.sleep(1)  # chronyd answers a moment after it starts
        app = App("--check", "clock",
                  env={"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": directory})
        try:
            app.wait_label(lambda n: n == "This computer’s clock is 47 seconds slow.",
                           "saying the clock is 47 seconds slow")
            figures = app.wait_label(lambda n: n.startswith("Offset "), "with the figures")
            match = re.match(r"Offset ([-+]\d+\.\d+) s", figures.name)
            assert match and abs(float(match.group(1)) + 47) < 0.05, figures.name
            assert "127.0.0.1" in figures.name, figures.name
            # timedated may be missing (containers): then the page says so
            # in words, and its reason is only in the details.
            settings = app.wait_label(lambda n: "utomatic time" in n, "on automatic time")
            assert "(" not in settings.name, settings.name
            assert app.button("Check Again").sensitive
            app.press("Check Again")
            app.wait_label(lambda n: n == "This computer’s clock is 47 seconds slow.",
                           "after checking again")
        finally:
            app.close()
            chronyd.stop()


@case
def clock_offline():
    """/gui/atspi/clock/offline: no server answers: words, no raw error, the phone clock offered."""
    with tempfile.TemporaryDirectory() as directory:
        settings = os.path.join(directory, "glib-2.0", "settings")
        os.makedirs(settings)
        # A port nothing listens on: the request is refused at once.
        with open(os.path.join(settings, "keyfile"), "w") as out:
            out.write("[io/github/mfatroubleshooter/MfaTroubleshooter]\n"
                      "ntp-servers=['127.0.0.1:9']\nhttp-time-urls=['http://127.0.0.1:9/']\n")
        app = App("--check", "clock",
                  env={"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": directory})
        try:
            said = app.wait_label(lambda n: n in ("No Time Server Answered",
                                                  "This Computer Seems to Be Offline"),
                                  "saying no server answered", roles=("heading",))
            app.wait_label(lambda n: "The phone clock check works offline" in n,
                           "pointing to the phone clock check")
            raw = app.node.findChildren(lambda n: n.roleName in ("label", "heading")
                                        and n.showing and ("Could not connect" in n.name
                                                           or "No such file" in n.name
                                                           or "refused" in n.name))
            assert not raw, f"raw error text shown: {[n.name for n in raw]}"
            assert not app.node.findChildren(lambda n: n.roleName in ("dialog", "alert")), \
                "a dialog opened"
            if said.name == "No Time Server Answered":
                # The network may block time servers but not the web: the
                # field for a web address is offered (offline, it is not).
                app.node.child(name="Web address for the time", roleName="text")
            app.press("Check the Phone’s Clock")
            app.wait_label(lambda n: n.startswith("Measured against this computer’s clock"),
                           "on the phone clock page")
        finally:
            app.close()


CONTROLS = ("push button", "toggle button", "check box", "radio button", "text",
            "password text", "entry", "combo box", "spin button")
PAGE_TITLES = {"clock": "Is This Computer’s Clock Right?",
               "phone-clock": "Is Your Phone’s Clock Right?",
               "code": "Check a Code Against Its Key",
               "duplicates": "Find Duplicate Authenticator Entries"}


def controls_of(node):
    """Every control under `node`, depth first."""
    found = []
    for child in node.children:
        if child.roleName in CONTROLS:
            found.append(child)
        found.extend(controls_of(child))
    return found


@case
def every_control_named():
    """/gui/atspi/check-pages/controls-named: each page's controls have names, none a type's."""
    with tempfile.TemporaryDirectory() as directory:
        settings = os.path.join(directory, "glib-2.0", "settings")
        os.makedirs(settings)
        with open(os.path.join(settings, "keyfile"), "w") as out:
            out.write("[io/github/mfatroubleshooter/MfaTroubleshooter]\n"
                      "ntp-servers=['127.0.0.1:9']\nhttp-time-urls=@as []\n")
        for check, title in PAGE_TITLES.items():
            app = App("--check", check,
                      env={"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": directory})
            try:
                heading = app.wait_label(lambda n: n == title, f"titled “{title}”",
                                         roles=("heading",))
                if check == "clock":
                    app.wait_label(lambda n: "The phone clock check works offline" in n,
                                   "with the clock's result")
                controls = controls_of(heading.parent)
                assert controls, f"{check}: no controls found"
                bad = [(c.roleName, c.name) for c in controls
                       if not (c.name or "").strip() or c.name.startswith(("Gtk", "Adw"))]
                assert not bad, f"{check}: controls without a name of their own: {bad}"
            finally:
                app.close()


if __name__ == "__main__":
    main()
