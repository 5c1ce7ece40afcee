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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import App, case, main  # noqa: E402 - after the path
from dogtail.rawinput import keyCombo, pressKey, typeText  # noqa: E402 - after the a11y switch


@case
def sms_missing_to_solved():
    """/gui/atspi/sms-missing: the countdown holds the answers; back, and on to "Solved"."""
    app = App()
    try:
        app.open_topic("SMS Codes Do Not Arrive")
        app.heading("Check the Phone’s Service")
        app.choose("No, it still fails")
        app.heading("Look for Blocked Messages")
        app.choose("No, it still fails")
        app.heading("Wait, Then Request Once More")
        # The one-minute countdown runs: "1:00" or "0:59" by now, its progress
        # shown, and "did this fix it?" waits for its end.
        assert app.node.findChildren(lambda n: n.roleName == "label" and n.name in (
            "You may try again in 1:00", "You may try again in 0:59",
            "You may try again in 0:58"))
        app.node.child(name="Time waited", roleName="progress bar")
        app.label_containing("Answer once the countdown has ended")
        assert not app.row("Yes, that fixed it").sensitive
        assert not app.row("No, it still fails").sensitive
        app.press("Back")
        app.heading("Look for Blocked Messages")
        app.press("Back")
        app.heading("Check the Phone’s Service")
        app.choose("Yes, that fixed it")
        app.heading("Solved")
        app.label("Step 2, the last")  # the header bar's subtitle
    finally:
        app.close()


@case
def start_page_opens_a_check():
    """/gui/atspi/start-check: a check opened from the start page, and back to the topics."""
    app = App()
    try:
        app.choose("A Code Against Its Key")
        title = app.heading("Check a Code Against Its Key")
        assert title.roleName == "heading", f"the check's title is a {title.roleName}"
        keyCombo("<Alt>Home")  # All Topics, in the primary menu
        time.sleep(0.4)
        app.heading("What Went Wrong?")
        app.choose("The Phone’s Clock")
        app.heading("Is Your Phone’s Clock Right?")
    finally:
        app.close()


@case
def device_lost_ram_user_to_ticket():
    """/gui/atspi/device-lost: RAM user, to the support ticket; back and forward."""
    app = App()
    try:
        app.open_topic("Authenticator Deleted or Phone Lost")
        app.heading("Which Kind of Account Is It?")
        app.choose("A RAM user")
        app.heading("Ask an Administrator to Disable MFA")
        app.row("Open the RAM Console")
        app.choose("No, it still fails")
        app.heading("Ask Support for Help")
        app.row("Open a Support Ticket")
        app.button("Prepare a Ticket…")
        app.press("Back")
        app.heading("Ask an Administrator to Disable MFA")
        keyCombo("<Alt>Right")  # Forward
        app.heading("Ask Support for Help")
        app.press("All Topics")
        assert app.node.child(roleName="frame").name == "MFA Troubleshooter"
    finally:
        app.close()


@case
def binding_check_outcome_and_start_over():
    """/gui/atspi/binding-code-rejected: a check outcome, solved, start over."""
    app = App()
    try:
        app.open_topic("Code Rejected While Binding MFA")
        app.heading("Is Your Phone’s Clock Right?")
        app.choose_after_check("My phone’s clock is right")
        app.heading("Use the Latest, Unused Code")
        app.choose("Yes, that fixed it")
        app.heading("Solved")
        app.press("Start Over")
        app.heading("Is Your Phone’s Clock Right?")
        app.label("Step 1")
    finally:
        app.close()


@case
def keyboard_only_with_topic_option():
    """/gui/atspi/keyboard: --topic, then only keys: Enter, Alt+Left, Tab."""
    app = App("--topic", "contact-limit")
    try:
        app.heading("Free a Slot or Use Another Phone Number or E-mail Address")
        # The first answer has the focus: Enter means "Yes, that fixed it".
        pressKey("Return")
        app.heading("Done")
        keyCombo("<Alt>Left")
        app.heading("Free a Slot or Use Another Phone Number or E-mail Address")
        keyCombo("<Alt>Right")
        app.heading("Done")
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
        app.heading("Check the Bound E-mail Address")
        assert app.node.child(roleName="frame").name == "E-mail Codes Do Not Arrive"
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


if __name__ == "__main__":
    main()
