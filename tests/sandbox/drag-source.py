#!/usr/bin/python3
# drag-source.py: another app's window to drag a file from, as a file
# manager would: a GTK 3 window at a fixed place (there is no window manager
# in the harness) whose label drags the file given as argument. GTK 3 offers
# the file through the document portal's FileTransfer as well as by path, so
# a sandboxed app can receive it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

import gi
gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402 - after require_version

path, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
window = Gtk.Window(title="Drag Source")
window.set_default_size(240, 160)
window.move(x, y)
box = Gtk.EventBox()
label = Gtk.Label(label=GLib.path_get_basename(path))
box.add(label)
window.add(box)
box.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
box.drag_source_add_uri_targets()
box.connect("drag-data-get",
            lambda widget, context, data, info, time: data.set_uris([GLib.filename_to_uri(path)]))
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
