# atspi_harness.py: what an AT-SPI (dogtail) test of mfa-troubleshooter needs —
# TAP on standard output (dogtail's narration goes to standard error), a clean
# skip without a display or dogtail, and the app started with its standard
# error kept, so any GLib/GTK warning or critical fails the case.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

CASES = []
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
    """The program under test; `env` adds to (or, with None, removes from) its environment;
    `launcher` runs it through another command (the sandbox tests' bwrap)."""

    def __init__(self, *args, env=None, launcher=()):
        full_env = dict(os.environ)
        full_env["GSETTINGS_BACKEND"] = "memory"
        full_env["G_DEBUG"] = "fatal-criticals"
        full_env.pop("NO_AT_BRIDGE", None)
        for key, value in (env or {}).items():
            if value is None:
                full_env.pop(key, None)
            else:
                full_env[key] = value
        self.process = subprocess.Popen([*launcher, os.environ["MFA_TROUBLESHOOTER"], *args], env=full_env,
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
        """Clicks the button named `name`: of a menu button (whose outer and
        inner nodes share its name), the inner one, which clicks."""
        button = self.button(name)
        if "click" not in button.actions:
            button = next(c for c in button.children if c.roleName == "push button")
        button.doActionNamed("click")
        time.sleep(0.4)

    def row(self, name):
        return self.node.child(name=name, roleName="list item")

    def choose(self, name):
        """Activates the row named `name`: an answer, a link, a check (rows
        expose their activation as the widget action "row.activate")."""
        self.row(name).doActionNamed("row.activate")
        time.sleep(0.4)

    def choose_after_check(self, name):
        """Answers a check step without its result: the answers wait in the
        popover of "Say What You Found"."""
        self.press("Say What You Found")
        self.choose(name)

    def label(self, name):
        """Waits until a label or heading with exactly this text is showing."""
        return self.wait_label(lambda n: n == name, f"“{name}”")

    def wait_label(self, test, what, tries=40, roles=("label", "heading")):
        """The first label or heading whose text passes `test`, waiting for it to appear."""
        for _ in range(tries):
            labels = self.node.findChildren(lambda n: n.roleName in roles
                                            and test(n.name or ""))
            if labels:
                return labels[0]
            time.sleep(0.25)
        shown = [n.name for n in self.node.findChildren(lambda n: n.roleName in roles)]
        raise AssertionError(f"no {' or '.join(roles)} {what}; shown: {shown}")

    def heading(self, name):
        """Waits until a heading with this text is showing (the page title).
        Every page title carries the heading role: a title that is a plain
        label fails here, as a screen reader user could not jump to it."""
        # GTK 4.8 reports hidden stack pages as showing too: page labels
        # change with the step, so a match means this page is current.
        try:
            return self.wait_label(lambda n: n == name, f"“{name}”", tries=20,
                                   roles=("heading",))
        except AssertionError:
            raise AssertionError(f"no page titled “{name}”") from None

    def label_containing(self, text, tries=30):
        """Waits for a label whose text holds `text`, and returns its text."""
        return self.wait_label(lambda name: text in name, f"saying “{text}”", tries).name

    def open_topic(self, title):
        row = self.node.child(name=title, roleName="list item")
        row.doActionNamed("row.activate")
        time.sleep(0.5)

    def close(self):
        self.process.terminate()
        _, err = self.process.communicate(timeout=10)
        noise = [line for line in err.splitlines()
                 if "WARNING" in line or "CRITICAL" in line or "Gtk-" in line]
        assert not noise, "GLib/GTK complained:\n" + "\n".join(noise)
        assert self.process.returncode in (0, -15), f"exit status {self.process.returncode}"


def open_through_chooser(app, path, button="Open Export Files…",
                         title="Open Authenticator Exports"):
    """Opens a file as a user would: the button, then a path typed (Ctrl+L)
    into the file chooser (outside a sandbox GTK 4 shows its own dialog, not
    the portal's)."""
    from dogtail.rawinput import keyCombo, pressKey, typeText
    app.press(button)
    # The chooser is a window of the app's own, named by its title.
    for _ in range(30):
        if app.node.findChildren(lambda n: n.name == title, recursive=False):
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the file chooser never opened")
    time.sleep(0.5)
    keyCombo("<Control>l")
    typeText(path)
    time.sleep(0.3)
    pressKey("Return")


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
