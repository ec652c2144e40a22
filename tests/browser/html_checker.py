"""The Nu HTML Checker (vnu-jar from npm, on Java) over every page the browser tests load.

The checker runs once per test session as a local HTTP service; each browser test records
the full HTML documents the live server sends (htmx fragments are parts of a page, not
documents) and has them checked when it ends. Locally the check is skipped when Java or
the jar is missing (`npm ci` installs the jar); with REQUIRE_BROWSER set (CI) it is not.
"""

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist"
VNU_JAR = VNU_JAR / "vnu.jar"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class HtmlChecker:
    url: str
    process: subprocess.Popen
    pages_checked: set[tuple[str, str, str]] = field(default_factory=set)

    def errors(self, html: str) -> list[str]:
        request = urllib.request.Request(
            self.url + "?out=json",
            data=html.encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            messages = json.load(response)["messages"]
        return [
            f"line {message.get('lastLine', '?')}: {message['message']}"
            for message in messages
            if message["type"] in ("error", "non-document-error")
        ]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def start_checker() -> HtmlChecker | None:
    """Start the checker service, or None when this machine cannot run it (see above)."""
    java = shutil.which("java")
    if not (java and VNU_JAR.exists()):
        if os.environ.get("REQUIRE_BROWSER"):
            raise RuntimeError(f"REQUIRE_BROWSER is set but java or {VNU_JAR} is missing.")
        return None
    port = _free_port()
    process = subprocess.Popen(
        [java, "-Xss1m", "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    checker = HtmlChecker(url=f"http://127.0.0.1:{port}/", process=process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            checker.errors("<!doctype html><html lang=en><title>x</title></html>")
            return checker
        except OSError:
            time.sleep(0.3)
    checker.stop()
    raise RuntimeError("The Nu HTML Checker did not start within 60 seconds.")
