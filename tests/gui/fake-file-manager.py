#!/usr/bin/python3
# fake-file-manager.py LOG: owns org.freedesktop.FileManager1 on the session
# bus, as Files does, and writes each ShowItems call's URIs to LOG, one a
# line; prints "ready" once the name is owned. For the "Show in Files" tests.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.FileManager1">
    <method name="ShowItems">
      <arg type="as" name="URIs" direction="in"/>
      <arg type="s" name="StartupId" direction="in"/>
    </method>
    <method name="ShowFolders">
      <arg type="as" name="URIs" direction="in"/>
      <arg type="s" name="StartupId" direction="in"/>
    </method>
  </interface>
</node>
"""
log = sys.argv[1]


def called(connection, sender, path, interface, method, parameters, invocation):
    uris, _startup = parameters.unpack()
    with open(log, "a", encoding="utf-8") as out:
        for uri in uris:
            out.write(f"{method} {uri}\n")
    invocation.return_value(None)


def acquired(connection, name):
    print("ready", flush=True)


def bus_acquired(connection, name):
    info = Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0]
    connection.register_object("/org/freedesktop/FileManager1", info, called, None, None)


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.FileManager1",
                 Gio.BusNameOwnerFlags.NONE, bus_acquired, acquired, None)
GLib.MainLoop().run()
