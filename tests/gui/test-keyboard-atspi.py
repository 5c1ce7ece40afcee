#!/usr/bin/python3
# test-keyboard-atspi.py: whole flows with the keyboard alone, as someone
# who cannot use a pointer walks them: Tab and the arrow keys to move, Enter
# to open and answer, Escape to leave a search or a popover, Alt+Left for
# back. No clicks and no AT-SPI actions: only keys (dogtail's keyCombo,
# pressKey and typeText), and after each one the test asserts which control
# has the focus, by its accessible name. Prints TAP; skips cleanly without a
# display or dogtail. Any GLib/GTK warning or critical fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import App, case, main  # noqa: E402 - after the path
from dogtail.rawinput import keyCombo, pressKey, typeText  # noqa: E402 - after the a11y switch


def focused(app):
    """The name of the control that has the keyboard focus, or None."""
    nodes = app.node.findChildren(lambda n: n.focused)
    return nodes[-1].name if nodes else None


def expect_focus(app, name, tries=20):
    for _ in range(tries):
        current = focused(app)
        if current == name:
            return
        time.sleep(0.2)
    raise AssertionError(f"the focus is on “{current}”, not on “{name}”")


def key(name):
    pressKey(name)
    time.sleep(0.4)


def expect_focus_in_check(app, heading):
    """The focus is inside the check step's page (its first field), not on
    an answer nor in the header bar: Enter answers nothing unchecked."""
    page = app.heading(heading)
    while page is not None and page.roleName != "scroll pane":
        page = page.parent
    assert page is not None, f"“{heading}” is in no scrolled page"
    for _ in range(20):
        nodes = app.node.findChildren(lambda n: n.focused)
        node = nodes[-1] if nodes else None
        while node is not None and node != page:
            node = node.parent
        if node is not None:
            return
        time.sleep(0.2)
    raise AssertionError(f"the focus is on “{focused(app)}”, outside the check page")


def tab_to(app, name, limit=20):
    """Tabs forward until `name` has the focus (the check pages' fields
    come first, and their number is theirs to change)."""
    for _ in range(limit):
        if focused(app) == name:
            return
        key("Tab")
    raise AssertionError(f"Tab never reached “{name}”; the focus is on “{focused(app)}”")


@case
def topic_to_solved():
    """/gui/keyboard/solved: search and Escape, a topic by the arrow keys, answers by Enter, back, solved."""
    app = App()
    try:
        app.heading("What Went Wrong?")
        expect_focus(app, "Search topics")
        typeText("no such thing at all")
        app.heading("No Matching Topics")
        key("Escape")  # empties the search: every topic shows again
        expect_focus(app, "Search topics")
        app.row("Code Rejected While Binding MFA")
        key("Tab")
        expect_focus(app, "Code Rejected While Binding MFA")
        key("Down")
        key("Down")
        expect_focus(app, "Authenticator Deleted or Phone Lost")
        key("Return")
        app.heading("Which Kind of Account Is It?")
        expect_focus(app, "The Alibaba Cloud account")
        key("Down")
        expect_focus(app, "A RAM user")
        key("Up")
        key("Return")
        app.heading("Submit an Appeal on the Identity Verification Page")
        expect_focus(app, "Yes, that fixed it")
        keyCombo("<Alt>Left")  # back keeps the answer given, and starts there
        app.heading("Which Kind of Account Is It?")
        expect_focus(app, "The Alibaba Cloud account")
        key("Return")
        app.heading("Submit an Appeal on the Identity Verification Page")
        key("Return")
        app.heading("Solved")
        expect_focus(app, "Start Over")
        keyCombo("<Alt>Left")
        app.heading("Submit an Appeal on the Identity Verification Page")
        expect_focus(app, "Yes, that fixed it")
        keyCombo("<Alt>Right")
        app.heading("Solved")
        key("Return")  # Start Over
        app.heading("Which Kind of Account Is It?")
        expect_focus(app, "The Alibaba Cloud account")
    finally:
        app.close()


@case
def check_step_then_answer():
    """/gui/keyboard/check-step: the check's field first, the answers from the popover, Escape closes it."""
    app = App("--topic", "binding-code-rejected")
    try:
        # The focus is in the check, not on an answer: Enter answers nothing.
        expect_focus_in_check(app, "Is Your Phone’s Clock Right?")
        tab_to(app, "Say What You Found")
        key("Return")
        expect_focus(app, "My phone’s clock is off")
        key("Escape")
        expect_focus(app, "Say What You Found")
        key("Return")
        key("Down")
        expect_focus(app, "My phone’s clock is right")
        key("Return")
        app.heading("Use the Latest, Unused Code")
        expect_focus(app, "Yes, that fixed it")
        keyCombo("<Alt>Left")
        expect_focus_in_check(app, "Is Your Phone’s Clock Right?")
    finally:
        app.close()


@case
def topic_to_hand_over():
    """/gui/keyboard/hand-over: to support, and Prepare a Ticket… opens the assistant."""
    app = App()
    try:
        expect_focus(app, "Search topics")
        key("Tab")
        key("Down")
        key("Down")
        expect_focus(app, "Authenticator Deleted or Phone Lost")
        key("Return")
        expect_focus(app, "The Alibaba Cloud account")
        key("Down")
        key("Return")  # A RAM user
        app.heading("Ask an Administrator to Disable MFA")
        expect_focus(app, "Yes, that fixed it")
        key("Down")
        expect_focus(app, "No, it still fails")
        key("Return")
        app.heading("Ask Support for Help")
        expect_focus(app, "Prepare a Ticket…")
        key("Return")
        for _ in range(25):
            if [w for w in app.node.children if w.name == "Prepare a Ticket"]:
                break
            time.sleep(0.3)
        else:
            raise AssertionError("the ticket assistant never opened")
        keyCombo("<Control>w")  # closes the assistant, back to the wizard
        for _ in range(25):
            if not [w for w in app.node.children if w.name == "Prepare a Ticket"]:
                break
            time.sleep(0.3)
        else:
            raise AssertionError("Ctrl+W left the ticket assistant open")
        # Without a window manager under Xvfb, nothing gives the wizard
        # the keyboard back once the assistant is gone: the walk ends here.
    finally:
        app.close()


def wait_window(app, name, shown=True):
    """Waits until a window of the app titled `name` is open (or, with
    shown=False, closed)."""
    for _ in range(25):
        if bool([w for w in app.node.children if w.name == name]) == shown:
            return
        time.sleep(0.3)
    raise AssertionError(f"the window “{name}” {'never opened' if shown else 'stayed open'}; "
                         f"windows: {[w.name for w in app.node.children]}")


@case
def help_by_f1():
    """/gui/keyboard/help: F1 opens the help that ships with the app, Ctrl+W closes it."""
    app = App()
    try:
        expect_focus(app, "Search topics")
        key("F1")
        wait_window(app, "Help")
        app.heading("MFA Troubleshooter Help")
        keyCombo("<Control>w")
        wait_window(app, "Help", shown=False)
    finally:
        app.close()


@case
def shortcuts_by_ctrl_question():
    """/gui/keyboard/shortcuts: Ctrl+? opens the keyboard shortcuts (built only then), Escape closes them."""
    app = App()
    try:
        expect_focus(app, "Search topics")
        assert not [w for w in app.node.children if w.name == "Keyboard Shortcuts"]
        keyCombo("<Control><Shift>slash")  # "?" on a US keyboard
        wait_window(app, "Keyboard Shortcuts")
        app.label("Prepare a Ticket…")
        key("Escape")
        wait_window(app, "Keyboard Shortcuts", shown=False)
    finally:
        app.close()


if __name__ == "__main__":
    main()
