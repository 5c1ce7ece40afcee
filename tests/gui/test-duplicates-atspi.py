#!/usr/bin/python3
# test-duplicates-atspi.py: the duplicates page with encrypted exports,
# driven through AT-SPI (dogtail) as a user would: an encrypted Aegis vault
# opened through the file chooser, a wrong password, the right one, then an
# encrypted 2FAS backup of the same accounts. The exports are written by the
# library tests' own fixture writer (test-export-formats --write-fixtures).
# Prints TAP; skips cleanly without a display or dogtail. Any GLib/GTK
# warning or critical fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_harness import App, case, main, open_through_chooser  # noqa: E402 - after the path is set
from dogtail.rawinput import keyCombo, pressKey, typeText  # noqa: E402

# The fixtures' password (tests/duplicates/fixture-accounts.h).
PASSWORD = "correct horse 电池 staple"


def write_fixtures(folder):
    subprocess.run([os.environ["MFA_EXPORT_FIXTURES"], "--write-fixtures", folder], check=True,
                   stdout=subprocess.DEVNULL)




def type_password(app, password):
    """Into the password field (its label's mnemonic focuses it, as GTK 4.8
    cannot grab focus through AT-SPI); Enter unlocks."""
    app.node.child(name="Export password", roleName="text")
    keyCombo("<Alt>p")
    time.sleep(0.2)
    keyCombo("<Control>a")
    # typeText goes through the keyboard: characters outside the keymap
    # (the Chinese word) are typed through their keysyms by dogtail.
    typeText(password)
    pressKey("Return")


@case
def encrypted_exports():
    """/gui/atspi/duplicates-encrypted: a vault asks for its password, a wrong one is named, the right one reads it."""
    with tempfile.TemporaryDirectory() as folder:
        write_fixtures(folder)
        app = App("--check", "duplicates")
        try:
            time.sleep(1)
            open_through_chooser(app, os.path.join(folder, "aegis-encrypted.json"))
            said = app.label_containing("This export is encrypted: type its password below")
            assert "aegis-encrypted.json" in said, said
            type_password(app, "not the password")
            said = app.label_containing("wrong password")
            assert "The password does not open this export" in said, said
            type_password(app, PASSWORD)
            app.label_containing("Read 7 entries from aegis-encrypted.json.")
            app.label_containing("Read 7 entries; no account has more than one.")
            # The same accounts from 2FAS, encrypted with the same password:
            # every account is a pair of harmless copies, Steam and the
            # entry without issuer included.
            open_through_chooser(app, os.path.join(folder, "backup-encrypted.2fas"))
            app.label_containing("Read 14 entries from aegis-encrypted.json, backup-encrypted.2fas.")
            app.label_containing("7 accounts have several entries with the same key")
            app.label_containing("Steam / gaben: 2 entries with the same key")
            app.label_containing("Mason: 2 entries with the same key")
            # Clear forgets the files and the password.
            app.press("Clear")
            time.sleep(0.5)
            fields = app.node.findChildren(lambda n: n.name == "Export password"
                                           and n.roleName == "text")
            assert all(not field.text for field in fields), "the password outlived Clear"
        finally:
            app.close()


if __name__ == "__main__":
    main()
