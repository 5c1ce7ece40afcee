#!/usr/bin/python3
# screenshots.py OUTDIR [LOCALE]: walks every page of the "device-lost" flow
# (and the countdown page of "activation-link") through AT-SPI and saves a
# screenshot of each, for people to look at. On demand, not part of meson test:
#   xvfb-run -a -s '-screen 0 800x600x24' dbus-run-session -- \
#     env MFA_TROUBLESHOOTER=build/src/mfa-troubleshooter \
#     GSETTINGS_SCHEMA_DIR=build/data GSK_RENDERER=cairo \
#     /usr/bin/python3 tests/gui/screenshots.py shots/zh_CN zh_CN.UTF-8
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gettext
import os
import subprocess
import sys
import time

out_dir = sys.argv[1]
locale = sys.argv[2] if len(sys.argv) > 2 else "C.UTF-8"
os.makedirs(out_dir, exist_ok=True)
os.environ.pop("GSETTINGS_BACKEND", None)
subprocess.run(["gsettings", "set", "org.gnome.desktop.interface", "toolkit-accessibility",
                "true"], check=False, stderr=subprocess.DEVNULL)
from dogtail import tree  # noqa: E402 - after the a11y switch

language = locale.split(".")[0]
_ = gettext.translation("mfa-troubleshooter", os.environ.get("LOCALEDIR",
                                                             "/usr/local/share/locale"),
                        languages=[language], fallback=True).gettext
env = dict(os.environ, GSETTINGS_BACKEND="memory", LC_ALL=locale, LANGUAGE=language)
shot_number = 0


def shoot(name):
    global shot_number
    shot_number += 1
    time.sleep(0.6)
    subprocess.run(["import", "-window", "root",
                    os.path.join(out_dir, f"{shot_number:02d}-{name}.png")], check=True)


def run(args, steps):
    app_process = subprocess.Popen([os.environ["MFA_TROUBLESHOOTER"], *args], env=env)
    try:
        time.sleep(2)
        app = tree.root.application("mfa-troubleshooter")
        for action, name in steps:
            if action == "shot":
                shoot(name)
            elif action == "topic":
                app.child(name=_(name), roleName="list item").doActionNamed("row.activate")
            elif action == "choose":
                app.child(name=_(name), roleName="list item").doActionNamed("row.activate")
            else:
                app.child(name=_(name), roleName="push button").doActionNamed("click")
            time.sleep(0.3)
    finally:
        app_process.terminate()
        app_process.wait()


run([], [("shot", "start-page"),
         ("topic", "Authenticator Deleted or Phone Lost"), ("shot", "ask-account"),
         ("choose", "The Alibaba Cloud account"), ("shot", "reset-account"),
         ("choose", "Yes, that fixed it"), ("shot", "done"),
         ("click", "Start Over"), ("choose", "A RAM user"), ("shot", "reset-ram"),
         ("choose", "No, it still fails"), ("shot", "ticket"),
         ("click", "Back"), ("click", "Back"), ("shot", "back-keeps-answer")])
run(["--topic", "activation-link"], [("choose", "I may not request another one yet"),
                                     ("choose", "15 minutes"), ("shot", "countdown")])
