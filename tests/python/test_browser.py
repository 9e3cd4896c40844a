"""The executed LeNet notebook, exported to HTML by nbconvert, opened in headless Chromium with no network: the loss
curve must be drawn (asserted on the rendered DOM and on the screenshot's pixels)."""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

import png_pixels
from notebook_runs import ARTIFACTS, executed

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The colour of the first (loss) curve, in our SVG and in Plotly's default palette.
LOSS_COLOUR = (0x1F, 0x77, 0xB4)


def chromium(*args):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={profile}",
             "--proxy-server=127.0.0.1:9", "--virtual-time-budget=15000", *args],
            capture_output=True, text=True, timeout=180, check=True)


class ExportedNotebookInABrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        executed("02-lenet-fashion-mnist.ipynb")
        cls.html = ARTIFACTS / "02-lenet-fashion-mnist.html"
        subprocess.run(["/usr/bin/jupyter", "nbconvert", "--to", "html", str(ARTIFACTS / "02-lenet-fashion-mnist.ipynb"),
                        "--output", cls.html.name, "--output-dir", str(ARTIFACTS)], check=True, capture_output=True)

    def test_export_needs_no_network(self):
        text = self.html.read_text(encoding="utf-8")
        self.assertIsNone(re.search(r"<script[^>]+src=\"https?://[^\"]*plotly", text), "plotly.js must be inline")

    def test_the_browser_draws_the_loss_curve(self):
        dom = chromium("--dump-dom", self.html.as_uri()).stdout
        # Plotly replaces the static SVG when its script runs; either way an SVG path or polyline with many points.
        curves = re.findall(r"<(?:path|polyline)[^>]*(?:d|points)=\"([^\"]{200,})\"", dom)
        self.assertTrue(curves, "no drawn curve in the rendered page")

    def test_the_screenshot_shows_the_curve_colour(self):
        screenshot = ARTIFACTS / "02-lenet-fashion-mnist.png"
        chromium(f"--screenshot={screenshot}", "--window-size=1280,6000", self.html.as_uri())
        _, _, rows = png_pixels.read(screenshot)
        self.assertGreater(png_pixels.count_near(rows, LOSS_COLOUR), 300, "too few pixels of the loss curve's colour")


if __name__ == "__main__":
    unittest.main()
