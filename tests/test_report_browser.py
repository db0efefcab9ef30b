"""The HTML report in a real headless Chromium: visible sections, no requests, no errors."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_fixtures import SECTION_IDS as SECTIONS
from report_fixtures import report

from mdnet.report.html import render_html
from mdnet.report.public import redact

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"phone": 390, "desktop": 1280}

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install playwright)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=60_000
        )
        try:
            yield chromium
        finally:
            chromium.close()


def _save(screenshot: Path) -> None:
    extra = os.environ.get("MDNET_SCREENSHOT_DIR")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copy(screenshot, Path(extra) / screenshot.name)


def _open(browser: Any, page_file: Path, width: int, scheme: str = "light") -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
    page.goto(page_file.as_uri(), wait_until="load")
    page.wait_for_timeout(200)  # let any late request or console error surface
    return context, (page, requests, errors)


@pytest.mark.parametrize("public", [False, True], ids=["private", "public"])
@pytest.mark.parametrize("device", list(WIDTHS))
def test_report_in_chromium(browser: Any, tmp_path: Path, device: str, public: bool) -> None:
    data = redact(report()) if public else report()
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(data), encoding="utf-8")
    width = WIDTHS[device]
    context, (page, requests, errors) = _open(browser, page_file, width)
    try:
        for section in SECTIONS:
            locator = page.locator(f"#{section}")
            assert locator.count() == 1, section
            locator.scroll_into_view_if_needed()
            assert locator.is_visible(), section
            box = locator.bounding_box()
            assert box is not None and box["width"] > 0 and box["height"] > 0, section
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (section, box)
        # nothing is wider than the screen (tables stack on a phone)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("h1").inner_text() == "My network"
        assert page.locator("#reach-out tbody tr").count() == 6
        chart = page.locator("#activity svg.activity-chart:visible")
        assert chart.count() == 1 and chart.get_attribute("role") == "img"
        shot = tmp_path / f"report-{'public' if public else 'private'}-{device}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        _save(shot)
        assert [url for url in requests if not url.startswith("data:")] == [page_file.as_uri()]
        assert errors == []
    finally:
        context.close()


def test_report_in_dark_mode(browser: Any, tmp_path: Path) -> None:
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(report()), encoding="utf-8")
    context, (page, requests, errors) = _open(browser, page_file, WIDTHS["desktop"], "dark")
    try:
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(14, 17, 21)"
        shot = tmp_path / "report-dark-desktop.png"
        page.screenshot(path=str(shot), full_page=True)
        _save(shot)
        assert [url for url in requests if not url.startswith("data:")] == [page_file.as_uri()]
        assert errors == []
    finally:
        context.close()


def test_report_prints(browser: Any, tmp_path: Path) -> None:
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(report()), encoding="utf-8")
    context, (page, _requests, errors) = _open(browser, page_file, WIDTHS["desktop"])
    try:
        page.emulate_media(media="print")
        assert page.locator(".sections").is_hidden()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        (tmp_path / "report.pdf").write_bytes(pdf)
        assert errors == []
    finally:
        context.close()


def test_sample_vault_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    """The README's demo page: `mdnet report sample-vault -o report.html`, as a user opens it."""
    from conftest import run

    root = Path(__file__).resolve().parents[1]
    page_file = tmp_path / "report.html"
    result = run("report", str(root / "sample-vault"), "-o", str(page_file))
    assert result.exit_code == 0, result.output
    for device, width in WIDTHS.items():
        context, (page, requests, errors) = _open(browser, page_file, width)
        try:
            for section in SECTIONS:
                locator = page.locator(f"#{section}")
                locator.scroll_into_view_if_needed()
                assert locator.is_visible(), section
            assert page.locator("h1").inner_text() == "Maya's network"
            reach_out = page.locator("#reach-out").inner_text()
            assert "Alex Chen" in reach_out and "Grace Liu" in reach_out
            assert "Beth Kowalski" in page.locator("#reconnect").inner_text()
            # goal -> who -> where, and each event's return
            chain = page.locator("#strategy .chain").filter(has_text="Know 8 community bankers")
            assert chain.count() == 1 and chain.is_visible()
            assert "bankers" in chain.locator(".who").inner_text()
            assert "3 of 5 contacts within cadence" in chain.locator(".who").inner_text()
            assert "Credit Union Lending Mixer" in chain.locator(".where").inner_text()
            dinner = page.locator("#strategy table.events tbody tr").filter(has_text="FinCon")
            assert dinner.is_visible()
            cells = [t.strip() for t in dinner.locator("td").all_inner_texts()]
            # goal, attendees, new (Jordan Blake), followed up, gives since
            assert cells[1:] == ["2", "1\nJordan Blake", "1", "2"]
            points = page.locator("#recurring svg.points-chart:visible")
            points.scroll_into_view_if_needed()
            assert points.count() == 1 and points.get_attribute("role") == "img"
            assert ("compact" in (points.get_attribute("class") or "")) == (device == "phone")
            shot = tmp_path / f"sample-vault-{device}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            _save(shot)
            assert [u for u in requests if not u.startswith("data:")] == [page_file.as_uri()]
            assert errors == []
        finally:
            context.close()
