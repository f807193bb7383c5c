"""Articles from the web: `tracker fetch URL` and the RSS/Atom feeds of `tracker feeds`.

fetching (one bounded HTTP GET), feedparsing (RSS/Atom -> items), pages (a fetched page -> stored
article, through the same reader, deduplication and store as a dropped file), poll (due feeds and
waiting pages, back-off, the background poller); their state is kept by tracker.store.feeds.
"""
