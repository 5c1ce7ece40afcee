#!/usr/bin/python3
# test-check-pages-atspi.py: the code and duplicates check pages, driven
# through AT-SPI (dogtail) as a user would: the key and codes typed, an export
# opened through the file chooser. Prints TAP; skips cleanly without a
# display, dogtail or oathtool. Any GLib/GTK warning or critical fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys
import subprocess
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import App, case, main, open_through_chooser, skip_all  # noqa: E402 - after the path is set
from dogtail.rawinput import keyCombo, pressKey, typeText  # noqa: E402

if shutil.which("oathtool") is None:
    skip_all("oathtool is not installed")

# A test key, never a real one.
KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_at(unix_seconds):
    return subprocess.run(["oathtool", "--totp", "-b", KEY, "--now", f"@{unix_seconds}"],
                          check=True, capture_output=True, text=True).stdout.strip()


def check_code(app, key, code):
    """Types the key and a code as a user would, and presses Enter."""
    time.sleep(1)
    # The labels' mnemonics focus the key field and the codes field.
    keyCombo("<Alt>k")
    typeText(key)
    keyCombo("<Alt>c")
    typeText(code() if callable(code) else code)
    pressKey("Return")


@case
def code_page_drift():
    """/gui/atspi/code-drift: a code from a minute ago is two steps behind."""
    app = App("--check", "code")
    try:
        # Made just before it is typed: two steps back when checked, or
        # three when a step boundary passes in between.
        check_code(app, KEY, lambda: totp_at(int(time.time()) - 60))
        said = app.label_containing("your phone’s clock is about")
        assert "behind" in said, said
        assert said.startswith(("Code 1 is from 60 seconds ago", "Code 1 is from 90 seconds ago")), said
        app.label_containing("the clock on your phone is off")
    finally:
        app.close()


@case
def code_page_bad_key():
    """/gui/atspi/code-bad-key: a 0 in the key is named, with the O hint."""
    app = App("--check", "code")
    try:
        check_code(app, "JBSWY3DPEHPK3PX0", "123456")
        app.label_containing("is it the letter O?")
    finally:
        app.close()




# Two entries for one account with different keys: a stale binding.
STALE = ["otpauth://totp/Aliyun:alice?secret=JBSWY3DPEHPK3PXP&issuer=Aliyun",
         "otpauth://totp/Aliyun:alice?secret=KRSXG5CTMVRXEZLU&issuer=Aliyun"]
COPY = "otpauth://totp/GitHub:bob?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub"


def write(folder, name, lines):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as out:
        out.write("".join(line + "\n" for line in lines))
    return path


@case
def duplicates_page_stale_binding():
    """/gui/atspi/duplicates: a planted stale binding is found; a bad file loses nothing."""
    with tempfile.TemporaryDirectory() as folder:
        export = write(folder, "export.txt", [STALE[0], COPY, STALE[1]])
        garbage = write(folder, "notes.txt", ["shopping list: milk, bread"])
        app = App("--check", "duplicates")
        try:
            time.sleep(1)
            open_through_chooser(app, export)
            app.label_containing("Aliyun / alice: 2 entries with different keys")
            app.label_containing("1 account has entries with different keys")
            app.label_containing("export.txt, entry 3: Aliyun:alice")
            app.label_containing("delete every entry for the account")
            # A file that is no export is named as skipped, and the report
            # of the rest stands, marked partial.
            open_through_chooser(app, garbage)
            said = app.label_containing("Could not be read, so this report is partial")
            assert "notes.txt: this is no authenticator export" in said, said
            app.label_containing("The report is partial: 1 entry or file could not be read.")
            app.label_containing("Aliyun / alice: 2 entries with different keys")
        finally:
            app.close()


@case
def duplicates_step_in_flow():
    """/gui/atspi/duplicates-in-flow: the page's verdict takes the flow on."""
    with tempfile.TemporaryDirectory() as folder:
        export = write(folder, "export.txt", STALE)
        app = App("--topic", "binding-code-rejected")
        try:
            app.heading("Is Your Phone’s Clock Right?")
            app.choose_after_check("My phone’s clock is right")
            app.heading("Use the Latest, Unused Code")
            app.choose("No, it still fails")
            app.heading("Refresh the Binding Page")
            app.choose("No, it still fails")
            app.heading("Look for Duplicate Entries")
            open_through_chooser(app, export)
            app.label_containing("Aliyun / alice: 2 entries with different keys")
            app.press("Continue With This Result")
            app.heading("Delete the Duplicates, Then Scan Once")
        finally:
            app.close()


if __name__ == "__main__":
    main()
