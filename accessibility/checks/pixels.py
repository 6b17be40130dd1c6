"""Pixel comparison of two screenshots (focused vs unfocused), done by Chromium's canvas.

The project has no imaging library; the browser decodes PNGs and reads pixels faster than pure Python.
One blank page per worker does the work, apart from the page under test.
"""

from __future__ import annotations

import base64
from typing import Any

from playwright.sync_api import Browser, Page

COMPARE = r"""async ([a, b, minRatio]) => {
  const load = async (b64) => createImageBitmap(await (await fetch("data:image/png;base64," + b64)).blob());
  const [ia, ib] = await Promise.all([load(a), load(b)]);
  const w = Math.min(ia.width, ib.width), h = Math.min(ia.height, ib.height);
  const pixels = (img) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    return g.getImageData(0, 0, w, h).data;
  };
  const pa = pixels(ia), pb = pixels(ib);
  const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const lum = (d, i) => 0.2126 * lin(d[i]) + 0.7152 * lin(d[i + 1]) + 0.0722 * lin(d[i + 2]);
  let changed = 0, strong = 0, best = 1;
  for (let i = 0; i < pa.length; i += 4) {
    if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) < 24) continue;
    changed++;
    const la = lum(pa, i), lb = lum(pb, i);
    const ratio = (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    if (ratio >= minRatio) strong++;
    if (ratio > best) best = ratio;
  }
  return { changed, strong, best, width: w, height: h };
}"""


class Analyzer:
    """Compares screenshots in a page of its own."""

    def __init__(self, browser: Browser) -> None:
        self._context = browser.new_context()
        self._page: Page = self._context.new_page()

    def compare(self, focused: bytes, unfocused: bytes, min_ratio: float = 3.0) -> dict[str, Any]:
        """How many pixels changed, and how many changed with a contrast of at least `min_ratio`."""
        return self._page.evaluate(
            COMPARE,
            [base64.b64encode(focused).decode(), base64.b64encode(unfocused).decode(), min_ratio],
        )

    def close(self) -> None:
        self._context.close()
