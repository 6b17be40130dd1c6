"""The testers' accessibility suite for Minna Portal: point it at any deployment.

    python -m accessibility --base-url URL [--locales ja,en] [--modes default,simple] [--pages home,help]
                            [--report DIR] [--workers N]
    pytest accessibility --base-url URL

It reads the portal's own page inventory (`/_minna/pages.json`), so new pages are checked without editing
anything here. Each page × locale × display mode gets axe-core (WCAG 2.2 AA tags) plus the checks axe cannot
do: a real keyboard walk with focus-indicator pixels, reflow at 320 px, 200 % text, text spacing, target size,
language of parts, headings, landmarks and titles, forms and error summaries, and axe again under reduced
motion, forced colours and a dark scheme. Results: an HTML report with screenshots, report.json, an exit code.

The public core is `accessibility.suite.run_suite(SuiteOptions(...))`.
"""
