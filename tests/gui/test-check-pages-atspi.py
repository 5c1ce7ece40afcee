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
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi import App, case, main, skip_all  # noqa: E402 - after the path is set
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


if __name__ == "__main__":
    main()
