#!/usr/bin/python3
# screenshot-backend.py: a stand-in for GNOME Shell's screenshot service,
# implementing org.freedesktop.impl.portal.Screenshot for
# xdg-desktop-portal. It takes a real picture of the X screen with
# ImageMagick's `import` and answers with its file:// URI; the portal then
# hands the app a document-portal copy, as it does with GNOME's backend.
#
# What it answers is steered by a file in its folder, for the tests:
#   answer: "ok" (default), "cancel" (the user closed the dialog) or "fail".
# Every request is appended to requests.txt: app id, parent window, options.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys

from gi.repository import Gio, GLib

NAME = "org.freedesktop.impl.portal.desktop.mfatest"
PATH = "/org/freedesktop/portal/desktop"
XML = """
<node>
  <interface name="org.freedesktop.impl.portal.Screenshot">
    <method name="Screenshot">
      <arg type="o" name="handle" direction="in"/>
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="u" name="response" direction="out"/>
      <arg type="a{sv}" name="results" direction="out"/>
    </method>
    <method name="PickColor">
      <arg type="o" name="handle" direction="in"/>
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="parent_window" direction="in"/>
      <arg type="a{sv}" name="options" direction="in"/>
      <arg type="u" name="response" direction="out"/>
      <arg type="a{sv}" name="results" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
"""
folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
count = 0


def answer():
    try:
        with open(os.path.join(folder, "answer")) as steer:
            return steer.read().strip()
    except FileNotFoundError:
        return "ok"


def take_screenshot(app_id, parent, options):
    global count
    with open(os.path.join(folder, "requests.txt"), "a") as log:
        log.write(f"{app_id}\t{parent}\t{options}\n")
    mode = answer()
    if mode == "cancel":
        return 1, {}
    if mode == "fail":
        return 2, {}
    count += 1
    path = os.path.join(folder, f"Screenshot-{count}.png")
    subprocess.run(["import", "-window", "root", path], check=True)
    return 0, {"uri": GLib.Variant("s", GLib.filename_to_uri(path))}


def on_call(connection, sender, path, interface, method, parameters, invocation):
    if method == "Screenshot":
        _handle, app_id, parent, options = parameters.unpack()
        response, results = take_screenshot(app_id, parent, options)
        invocation.return_value(GLib.Variant("(ua{sv})", (response, results)))
    else:
        invocation.return_value(GLib.Variant("(ua{sv})", (2, {})))


def on_get_property(connection, sender, path, interface, name):
    return GLib.Variant("u", 2)


def on_bus(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0]
    connection.register_object(PATH, info, on_call, on_get_property, None)


loop = GLib.MainLoop()
Gio.bus_own_name(Gio.BusType.SESSION, NAME, Gio.BusNameOwnerFlags.NONE, on_bus, None,
                 lambda *_: loop.quit())
loop.run()
