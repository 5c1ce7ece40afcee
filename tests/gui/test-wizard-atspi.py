#!/usr/bin/python3
# test-wizard-atspi.py: drives the real mfa-troubleshooter through AT-SPI
# (dogtail) as a user would: topics picked by their accessible names, buttons
# pressed through their actions or the keyboard. Prints TAP; skips cleanly
# without a display or dogtail. Any GLib/GTK warning or critical fails.
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
    from dogtail.rawinput import keyCombo, pressKey, typeText
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

    def heading(self, name):
        """Waits until a label with this text is showing (the page title)."""
        for _ in range(20):
            # GTK 4.8 reports hidden stack pages as showing too: page labels
            # change with the step, so a match means this page is current.
            labels = self.node.findChildren(lambda n: n.roleName == "label" and n.name == name)
            if labels:
                return labels[0]
            time.sleep(0.2)
        raise AssertionError(f"no page titled “{name}”")

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


@case
def sms_missing_to_solved():
    """/gui/atspi/sms-missing: from the start page to "Solved"."""
    app = App()
    try:
        app.open_topic("SMS codes do not arrive")
        app.heading("Check the number and the signal")
        app.press("No, it still fails")
        app.heading("Wait, then request once more")
        # The one-minute countdown runs: "1:00" or "0:59" by now.
        assert app.node.findChildren(lambda n: n.roleName == "label" and n.name in (
            "You may try again in 1:00", "You may try again in 0:59",
            "You may try again in 0:58"))
        app.press("Yes, that fixed it")
        app.heading("Solved")
        app.heading("Step 3, the last")
    finally:
        app.close()


@case
def device_lost_ram_user_to_ticket():
    """/gui/atspi/device-lost: RAM user, to the support ticket; back and forward."""
    app = App()
    try:
        app.open_topic("Authenticator deleted or phone lost")
        app.heading("Which kind of account is it?")
        app.press("A RAM user")
        app.heading("Ask an administrator to reset your MFA")
        app.button("Open the RAM console")
        app.press("No, it still fails")
        app.heading("Ask support for help")
        app.button("Open a support ticket")
        app.press("Back")
        app.heading("Ask an administrator to reset your MFA")
        app.press("Forward")
        app.heading("Ask support for help")
        app.press("Other topics")
        assert app.node.child(roleName="frame").name == "MFA Troubleshooter"
    finally:
        app.close()


@case
def binding_check_outcome_and_start_over():
    """/gui/atspi/binding-code-rejected: a check outcome, solved, start over."""
    app = App()
    try:
        app.open_topic("Code rejected while binding MFA")
        app.heading("Is your phone’s clock right?")
        app.press("My phone’s clock is right")
        app.heading("Use the newest code, once")
        app.press("Yes, that fixed it")
        app.heading("Solved")
        app.press("Start over")
        app.heading("Is your phone’s clock right?")
        app.heading("Step 1")
    finally:
        app.close()


@case
def keyboard_only_with_topic_option():
    """/gui/atspi/keyboard: --topic, then only keys: Enter, Alt+Left, Tab."""
    app = App("--topic", "contact-limit")
    try:
        app.heading("Use another phone number or address")
        # The first answer has the focus: Enter means "Yes, that fixed it".
        pressKey("Return")
        app.heading("Solved")
        keyCombo("<Alt>Left")
        app.heading("Use another phone number or address")
        keyCombo("<Alt>Right")
        app.heading("Solved")
    finally:
        app.close()


@case
def keyboard_from_start_page():
    """/gui/atspi/keyboard-start-page: search, Tab to the topic, Enter, then Enter to the end."""
    app = App()
    try:
        time.sleep(1)
        typeText("junk")  # the search field has the focus at start; one topic matches
        time.sleep(0.5)
        pressKey("Tab")
        pressKey("Return")
        app.heading("Look in every mail folder")
        assert app.node.child(roleName="frame").name == "E-mail codes do not arrive"
        pressKey("Return")  # "Yes, that fixed it" has the focus
        app.heading("Solved")
    finally:
        app.close()


@case
def unknown_topic_fails_clearly():
    """/gui/atspi/unknown-topic: a clear message and exit status 2."""
    env = dict(os.environ, GSETTINGS_BACKEND="memory")
    result = subprocess.run([os.environ["MFA_TROUBLESHOOTER"], "--topic", "no-such-topic"],
                            env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2, result.returncode
    assert "There is no topic “no-such-topic”" in result.stderr, result.stderr
    assert "sms-missing" in result.stderr


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


if __name__ == "__main__":
    main()
