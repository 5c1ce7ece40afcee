# atspi.py: what the AT-SPI (dogtail) tests share — TAP output, the program
# under test, and finding its controls by name and role as a screen reader
# would. Importing it skips the whole test cleanly without a display or
# dogtail.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

CASES = []
# dogtail narrates every action on standard output: keep that stream for TAP
# alone and send the narration to standard error.
TAP = os.fdopen(os.dup(1), "w", buffering=1)
os.dup2(2, 1)


def case(function):
    CASES.append(function)
    return function


def skip_all(reason):
    print(f"1..0 # SKIP {reason}", file=TAP)
    sys.exit(0)


if not os.environ.get("DISPLAY"):
    skip_all("no display")
# dogtail reads the a11y switch through GSettings: give it the real backend.
os.environ.pop("GSETTINGS_BACKEND", None)
subprocess.run(["gsettings", "set", "org.gnome.desktop.interface", "toolkit-accessibility",
                "true"], check=False, stderr=subprocess.DEVNULL)
try:
    from dogtail import config, tree
except Exception as error:  # noqa: BLE001 - any import failure means no dogtail here
    skip_all(f"dogtail unavailable: {error}")

config.config.searchCutoffCount = 10
config.config.searchBackoffDuration = 0.3
config.config.actionDelay = 0.3
config.config.logDebugToFile = False


class App:
    """The program under test, with its stderr kept for the warning check."""

    def __init__(self, *args):
        env = dict(os.environ)
        env["GSETTINGS_BACKEND"] = "memory"
        env["G_DEBUG"] = "fatal-criticals"
        env.pop("NO_AT_BRIDGE", None)
        self.process = subprocess.Popen([os.environ["MFA_TROUBLESHOOTER"], *args], env=env,
                                        stderr=subprocess.PIPE, text=True)
        self.node = None
        for _ in range(40):
            try:
                self.node = tree.root.application("mfa-troubleshooter")
                break
            except Exception:  # noqa: BLE001 - not on the bus yet
                time.sleep(0.25)
        assert self.node is not None, "the app never appeared on the accessibility bus"

    def button(self, name):
        return self.node.child(name=name, roleName="push button")

    def press(self, name):
        self.button(name).doActionNamed("click")
        time.sleep(0.4)

    def label(self, accept, what, tries=20):
        """Waits until a label whose text `accept` takes is showing."""
        for _ in range(tries):
            # GTK 4.8 reports hidden stack pages as showing too: page labels
            # change with the step, so a match means this page is current.
            labels = self.node.findChildren(lambda n: n.roleName == "label" and accept(n.name))
            if labels:
                return labels[0]
            time.sleep(0.2)
        raise AssertionError(f"no label {what}")

    def heading(self, name):
        """Waits until a label with this text is showing (the page title)."""
        return self.label(lambda text: text == name, f"titled “{name}”")

    def label_containing(self, text, tries=30):
        """Waits for a label whose text holds `text`, and returns its text."""
        return self.label(lambda name: text in name, f"says “{text}”", tries).name

    def open_topic(self, title):
        row = self.node.child(name=title, roleName="list item")
        row.doActionNamed("topic.open")
        time.sleep(0.5)

    def close(self):
        self.process.terminate()
        _, err = self.process.communicate(timeout=10)
        noise = [line for line in err.splitlines()
                 if "WARNING" in line or "CRITICAL" in line or "Gtk-" in line]
        assert not noise, "GLib/GTK complained:\n" + "\n".join(noise)
        assert self.process.returncode in (0, -15), f"exit status {self.process.returncode}"


def main():
    print(f"1..{len(CASES)}", file=TAP)
    failed = 0
    for number, function in enumerate(CASES, 1):
        name = function.__doc__.split(":")[0]
        try:
            function()
            print(f"ok {number} {name}", file=TAP)
        except Exception as error:  # noqa: BLE001 - report every failure as TAP
            failed += 1
            for line in str(error).splitlines() or [repr(error)]:
                print(f"# {line}", file=TAP)
            print(f"not ok {number} {name}", file=TAP)
    sys.exit(1 if failed else 0)
