"""Component ids, one constant each, so layouts, callbacks and browser tests cannot drift apart."""

# App shell (app.py)
URL = "url"
PAGE = "page"
VERSION = "data-version"  # dcc.Store: the data fingerprint; callbacks that show data take it as Input
VERSION_POLL = "version-poll"  # dcc.Interval
LAST_TIMELINE = "last-timeline-query"  # dcc.Store: the timeline's query, for "back to the timeline"
UPLOAD = "upload"
UPLOAD_RESULT = "upload-result"
NAV_TIMELINE = "nav-timeline"
NAV_MATRIX = "nav-matrix"
NAV_ALERTS = "nav-alerts"

# Timeline page
PAIRS = "pairs"
DATES = "dates"
FREQ = "freq"
SMOOTHING = "smoothing"
LANG = "lang"
GRAPH = "timeline-graph"
GRAPH_PAIRS = "timeline-graph-pairs"  # dcc.Store: the pairs the figure draws, for its clicks
STATUS = "timeline-status"
EMPTY = "timeline-empty"
SENTENCES = "sentences"
SENTENCES_SCROLLED = "sentences-scrolled"  # dcc.Store: the clientside scroll's and ring's (unused) output
QUERY = "timeline-query"  # dcc.Store: the query string of the view the page opened on
RING = "timeline-ring"  # dcc.Store: the point whose sentences are shown, ringed on the chart in the browser
SCALE_KEY = "scale-key"  # <details>: the key to the -10..+10 scale
EXPORT_SIZE = "export-size"
EXPORT_FORMAT = "export-format"
EXPORT_WIDTH = "export-width"
EXPORT_SCALE = "export-scale"
EXPORT_BUTTON = "export-button"
EXPORT_DOWNLOAD = "export-download"
EXPORT_MESSAGE = "export-message"
BRIEF_LINKS = "brief-links"  # the timeline's "Brief (PDF)" link(s), one per pair in view

# Matrix page
MATRIX_SPAN = "matrix-span"
MATRIX_PERIOD = "matrix-period"
MATRIX_LANG = "matrix-lang"
MATRIX_GRAPH = "matrix-graph"
MATRIX_MOVERS = "matrix-movers"
MATRIX_STATUS = "matrix-status"
MATRIX_KEY = "matrix-scale-key"
MATRIX_NOTE = "matrix-note"
MATRIX_EXPORT = "matrix-"  # prefix of the matrix page's export bar (same suffixes as the timeline's)

# Article page
ARTICLE = "article"
ARTICLE_TEXT = "article-text"
SCROLL_DONE = "article-scroll-done"

# Alerts page
ALERTS_LIST = "alerts-list"
ALERTS_POLL = "alerts-poll"  # dcc.Interval: alerts land a moment after the articles

# Which page the router rendered ("timeline", "empty", ...): lets new data re-render an empty page.
PAGE_KIND = "page-kind"
PRERENDERED = "prerendered"  # dcc.Store: the address whose page the layout came with (dashboard/firstload.py)
ROUTE = "route"  # dcc.Store: the address the router is to render, set in the browser (firstload.ROUTE_GATE)

# The top bar's sign-out button, shown when the dashboard asks for a login (dashboard/login.py).
SIGNOUT = "signout"
