# sandbox_harness.py: the app as Flatpak runs it, without Flatpak. A private
# X server (Xvfb) and D-Bus session, the real xdg-desktop-portal,
# xdg-document-portal (FUSE) and xdg-desktop-portal-gtk, an optional test
# screenshot backend, and the built app inside bubblewrap with a
# /.flatpak-info naming our app id, so the portals treat it as a sandboxed
# app. See tests/README.md for how it works and what it cannot imitate.
#
# Import this module before atspi_harness: it points DISPLAY and the session
# bus of the test process at the private ones, so dogtail sees the app and
# the portal's dialogs.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import atexit
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

APP_ID = "io.github.mfatroubleshooter.MfaTroubleshooter"
LIBEXEC = "/usr/libexec"
NEEDED = {
    # program: the Debian package that ships it
    f"{LIBEXEC}/xdg-desktop-portal": "xdg-desktop-portal",
    f"{LIBEXEC}/xdg-document-portal": "xdg-desktop-portal",
    f"{LIBEXEC}/xdg-permission-store": "xdg-desktop-portal",
    f"{LIBEXEC}/xdg-desktop-portal-gtk": "xdg-desktop-portal-gtk",
    "/usr/bin/bwrap": "bubblewrap",
    "/usr/bin/fusermount3": "fuse3",
    "/usr/bin/Xvfb": "xvfb",
    "/usr/bin/dbus-daemon": "dbus-daemon",
    f"{LIBEXEC}/at-spi-bus-launcher": "at-spi2-core",
}
HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "..", "..", "flatpak", APP_ID + ".json")


def finish_args():
    """The manifest's finish-args (its /* */ comments dropped, as json-glib does)."""
    with open(MANIFEST, encoding="utf-8") as manifest:
        text = re.sub(r"/\*.*?\*/", "", manifest.read(), flags=re.S)
    return json.loads(text)["finish-args"]
TAP = sys.stdout


def skip_all(reason):
    print(f"1..0 # SKIP {reason}", file=TAP, flush=True)
    sys.exit(0)


def missing_package():
    """The first required Debian package that is not installed, or None."""
    for program, package in NEEDED.items():
        if not os.access(program, os.X_OK):
            return f"{package} is not installed ({program})"
    return None


class Sandbox:
    """Everything a sandboxed app talks to, started and stopped by PID."""

    def __init__(self, screenshot_backend=True, url_handler=True):
        self.root = tempfile.mkdtemp(prefix="mfa-sandbox-")
        self.run_dir = self.path("run")          # XDG_RUNTIME_DIR, host and sandbox alike
        self.home = self.path("home")            # the user's home: never mounted in the sandbox
        self.app_data = self.path("var-app")     # ~/.var/app/ID: the app's own storage
        self.log_dir = self.path("logs")
        self.processes = []
        for folder in (self.run_dir, self.home, self.app_data, self.log_dir,
                       self.path("portals"), self.path("home", "Documents")):
            os.makedirs(folder, mode=0o700, exist_ok=True)
        self.env = self.host_env()
        atexit.register(self.stop)
        # A timeout (meson sends SIGTERM) still stops everything started here.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
        self.start_display()
        if os.environ.get("MFA_SHOTS") and shutil.which("twm"):
            self.start_window_manager()
        self.start_bus()
        self.write_portal_config(screenshot_backend)
        if url_handler:
            self.install_url_handler()
        self.start_portals(screenshot_backend)
        os.environ.update({key: self.env[key] for key in
                           ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "HOME",
                            "XDG_DATA_HOME", "XDG_CONFIG_HOME")})

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def host_env(self):
        env = dict(os.environ)
        for key in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "NO_AT_BRIDGE",
                    "GTK_USE_PORTAL", "GDK_DEBUG", "GSETTINGS_BACKEND"):
            env.pop(key, None)
        env.update({
            "XDG_RUNTIME_DIR": self.run_dir,
            "HOME": self.home,
            "XDG_DATA_HOME": self.path("home", ".local", "share"),
            "XDG_CONFIG_HOME": self.path("home", ".config"),
            "XDG_CACHE_HOME": self.path("home", ".cache"),
            # xdg-desktop-portal 1.16 picks backends whose UseIn= matches this.
            "XDG_CURRENT_DESKTOP": "GNOME",
            "XDG_DESKTOP_PORTAL_DIR": self.path("portals"),
            "GSK_RENDERER": "cairo",
            "GDK_BACKEND": "x11",
        })
        return env

    # ---- processes --------------------------------------------------------

    def spawn(self, name, argv, **kwargs):
        log = open(os.path.join(self.log_dir, name + ".log"), "w")
        process = subprocess.Popen(argv, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                   cwd=self.home, **kwargs)
        self.processes.append((name, process))
        return process

    def start_display(self):
        read_end, write_end = os.pipe()
        self.spawn("xvfb", ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                            "-nolisten", "tcp", "-noreset"], pass_fds=(write_end,))
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        self.display_number = number
        self.env["DISPLAY"] = f":{number}"

    def start_window_manager(self):
        """For screenshots only (never in CI): a window manager places the
        portal's dialog over the app instead of at the top left."""
        config = self.path("twmrc")
        with open(config, "w") as out:
            out.write("RandomPlacement\nNoGrabServer\nDecorateTransients\n")
            for font in ("TitleFont", "ResizeFont", "MenuFont", "IconFont", "IconManagerFont"):
                out.write(f'{font} "fixed"\n')  # Xvfb's built-in font
        self.spawn("twm", ["twm", "-f", config])
        time.sleep(0.5)

    def start_bus(self):
        self.bus_socket = self.path("run", "bus")
        config = self.path("session.conf")
        with open(config, "w") as out:
            out.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={self.bus_socket}</listen>
  <auth>EXTERNAL</auth>
  <standard_session_servicedirs/>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")
        self.spawn("dbus-daemon", ["dbus-daemon", "--nofork", "--config-file", config])
        self.env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={self.bus_socket}"
        self.wait_for(lambda: os.path.exists(self.bus_socket), "the session bus")

    def write_portal_config(self, screenshot_backend):
        portals = self.path("portals")
        shutil.copy("/usr/share/xdg-desktop-portal/portals/gtk.portal", portals)
        if screenshot_backend:
            with open(os.path.join(portals, "mfa-test.portal"), "w") as out:
                out.write("[portal]\nDBusName=org.freedesktop.impl.portal.desktop.mfatest\n"
                          "Interfaces=org.freedesktop.impl.portal.Screenshot;\nUseIn=gnome\n")
        # xdg-desktop-portal 1.17 and later read portals.conf instead of UseIn=.
        conf_dir = self.path("home", ".config", "xdg-desktop-portal")
        os.makedirs(conf_dir, exist_ok=True)
        with open(os.path.join(conf_dir, "portals.conf"), "w") as out:
            out.write("[preferred]\ndefault=gtk\n")
            if screenshot_backend:
                out.write("org.freedesktop.impl.portal.Screenshot=mfa-test\n")

    def install_url_handler(self):
        """A browser of our own: the only handler for https, so the open-URI
        portal launches it without asking, and it records what it was given."""
        self.opened_urls = self.path("opened-urls.txt")
        apps = self.path("home", ".local", "share", "applications")
        os.makedirs(apps, exist_ok=True)
        script = self.path("test-browser")
        with open(script, "w") as out:
            out.write(f"#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{self.opened_urls}'\n")
        os.chmod(script, 0o755)
        with open(os.path.join(apps, "mfa-test-browser.desktop"), "w") as out:
            out.write("[Desktop Entry]\nType=Application\nName=Test Browser\n"
                      f"Exec={script} %u\nMimeType=x-scheme-handler/https;x-scheme-handler/http;\n"
                      "NoDisplay=true\n")
        with open(self.path("home", ".config", "mimeapps.list"), "w") as out:
            out.write("[Default Applications]\nx-scheme-handler/https=mfa-test-browser.desktop\n"
                      "x-scheme-handler/http=mfa-test-browser.desktop\n")

    def start_portals(self, screenshot_backend):
        libexec = LIBEXEC
        self.spawn("at-spi-bus-launcher", [f"{libexec}/at-spi-bus-launcher", "--launch-immediately"])
        self.spawn("permission-store", [f"{libexec}/xdg-permission-store", "--replace"])
        self.wait_for_name("org.freedesktop.impl.portal.PermissionStore")
        self.spawn("document-portal", [f"{libexec}/xdg-document-portal", "--replace", "--verbose"])
        self.wait_for_name("org.freedesktop.portal.Documents")
        self.wait_for(lambda: os.path.isdir(self.path("run", "doc", "by-app")),
                      "the document portal's FUSE mount")
        self.spawn("portal-gtk", [f"{libexec}/xdg-desktop-portal-gtk", "--replace", "--verbose"])
        self.wait_for_name("org.freedesktop.impl.portal.desktop.gtk")
        if screenshot_backend:
            self.spawn("screenshot-backend", ["/usr/bin/python3",
                                              os.path.join(HERE, "screenshot-backend.py"),
                                              self.path("screenshots")])
            self.wait_for_name("org.freedesktop.impl.portal.desktop.mfatest")
        self.spawn("desktop-portal", [f"{libexec}/xdg-desktop-portal", "--replace", "--verbose"])
        self.wait_for_name("org.freedesktop.portal.Desktop")

    def names_on_bus(self):
        result = subprocess.run(["dbus-send", "--session", "--print-reply",
                                 "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                                 "org.freedesktop.DBus.ListNames"], env=self.env,
                                capture_output=True, text=True)
        return result.stdout

    def wait_for_name(self, name):
        self.wait_for(lambda: f'"{name}"' in self.names_on_bus(), name)

    def wait_for(self, test, what, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if test():
                return
            for name, process in self.processes:
                if process.poll() is not None:
                    raise AssertionError(f"{name} exited ({process.returncode}) while waiting "
                                         f"for {what}:\n{self.log(name)}")
            time.sleep(0.1)
        raise AssertionError(f"never came: {what}")

    def log(self, name):
        with open(os.path.join(self.log_dir, name + ".log"), errors="replace") as log:
            return log.read()[-4000:]

    def stop(self):
        """Stops what it started, newest first, each by its PID."""
        # GDBus raises SIGTERM in a process whose session bus goes away, and
        # this one holds connections to it (dogtail, dconf): the end of the
        # bus is expected here.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for name, process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self.processes = []
        doc = self.path("run", "doc")
        if os.path.ismount(doc):
            subprocess.run(["fusermount3", "-u", "-z", doc], check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    # ---- the app's sandbox ------------------------------------------------

    def write_flatpak_info(self):
        """What Flatpak writes at /.flatpak-info, shaped by the manifest's
        finish-args: the portals read the app id (and the network share)
        from here, through /proc/PID/root of their D-Bus peer."""
        info = self.path("flatpak-info")
        self.instance = f"{os.getpid()}"
        args = finish_args()
        shared = [a.split("=", 1)[1] for a in args if a.startswith("--share=")]
        sockets = [a.split("=", 1)[1] for a in args if a.startswith("--socket=")]
        devices = [a.split("=", 1)[1] for a in args if a.startswith("--device=")]
        with open(info, "w") as out:
            out.write(f"[Application]\nname={APP_ID}\nruntime=runtime/org.gnome.Platform/"
                      f"x86_64/49\n\n[Instance]\ninstance-id={self.instance}\n"
                      f"app-path={os.path.dirname(os.environ['MFA_TROUBLESHOOTER'])}\n"
                      f"branch=master\narch=x86_64\nflatpak-version=1.14.10\n"
                      f"session-bus-proxy=false\nsystem-bus-proxy=false\n\n"
                      f"[Context]\nshared={';'.join(shared)};\nsockets={';'.join(sockets)};\n"
                      f"devices={';'.join(devices)};\n")
        return info

    def launcher(self):
        """bwrap arguments that run the following command as Flatpak would:
        its own root with /usr from the host (the runtime's place), the
        build tree read-only (the app's place), no home but the app's own
        folder, documents only through the portal's per-app view, and the
        session bus, the display and the network."""
        info = self.write_flatpak_info()
        build_root = os.path.abspath(os.path.join(os.path.dirname(
            os.environ["MFA_TROUBLESHOOTER"]), ".."))
        source_root = os.path.abspath(os.path.join(HERE, "..", ".."))
        sandbox_home = "/home/user"
        var_app = f"{sandbox_home}/.var/app/{APP_ID}"
        args = finish_args()
        assert not [a for a in args if a.startswith(("--filesystem", "--socket=session-bus"))], \
            "the manifest asks for files or the whole bus: the harness does not grant that"
        # What the manifest does not share, the sandbox does not get.
        unshare = ([] if "--share=network" in args else ["--unshare-net"]) \
            + ([] if "--share=ipc" in args else ["--unshare-ipc"])
        if "--socket=fallback-x11" not in args and "--socket=x11" not in args:
            raise AssertionError("the manifest grants no X11 socket: the harness runs on X11")
        argv = ["bwrap", "--die-with-parent", "--unshare-pid", "--unshare-uts",
                "--unshare-cgroup-try", *unshare,
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                # Flatpak's runtime brings its own /etc; these are the parts GTK reads.
                "--ro-bind", "/etc/fonts", "/etc/fonts",
                "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache",
                "--ro-bind-try", "/etc/localtime", "/etc/localtime",
                "--ro-bind-try", "/etc/resolv.conf", "/etc/resolv.conf",
                "--ro-bind-try", "/etc/hosts", "/etc/hosts",
                "--ro-bind-try", "/etc/ssl", "/etc/ssl",
                "--ro-bind", "/etc/passwd", "/etc/passwd",
                "--ro-bind", "/etc/group", "/etc/group",
                "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "--ro-bind", info, "/.flatpak-info",
                "--ro-bind", build_root, build_root,
                "--ro-bind", source_root, source_root,
                "--dir", self.run_dir,
                "--bind", self.bus_socket, self.bus_socket,
                "--ro-bind", f"/tmp/.X11-unix/X{self.display_number}",
                f"/tmp/.X11-unix/X{self.display_number}",
                "--ro-bind-try", os.path.join(self.run_dir, "at-spi"),
                os.path.join(self.run_dir, "at-spi"),
                # Only this app's documents, where Flatpak puts them.
                "--bind", os.path.join(self.run_dir, "doc", "by-app", APP_ID),
                os.path.join(self.run_dir, "doc"),
                "--dir", sandbox_home,
                "--bind", self.app_data, var_app,
                "--setenv", "HOME", sandbox_home,
                "--setenv", "XDG_DATA_HOME", f"{var_app}/data",
                "--setenv", "XDG_CONFIG_HOME", f"{var_app}/config",
                "--setenv", "XDG_CACHE_HOME", f"{var_app}/cache",
                "--setenv", "XDG_STATE_HOME", f"{var_app}/.local/state",
                "--setenv", "XDG_RUNTIME_DIR", self.run_dir,
                "--setenv", "FLATPAK_ID", APP_ID,
                "--setenv", "container", "flatpak",
                "--unsetenv", "XDG_DESKTOP_PORTAL_DIR",
                "--unsetenv", "XDG_CURRENT_DESKTOP",
                "--chdir", sandbox_home,
                "--info-fd", "3",
                "--"]
        # bwrap's --info-fd output goes where Flatpak keeps it, for portals
        # that map PIDs through $XDG_RUNTIME_DIR/.flatpak/INSTANCE/bwrapinfo.json.
        folder = self.path("run", ".flatpak", self.instance)
        os.makedirs(folder, exist_ok=True)
        return ["sh", "-c", 'exec "$@" 3>"$0"', os.path.join(folder, "bwrapinfo.json"), *argv]

    def host_files(self, folder):
        """Every name in a host folder, hidden ones too."""
        return sorted(os.listdir(folder))
