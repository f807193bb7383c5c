"""The Dash dashboard: tension over time per country pair, every point traced to its sentences.

``app.create_app(db)`` builds the app; ``data`` holds the SQL, ``figures`` the pure figure builders,
``export`` the image and CSV export shared with ``tracker export``, ``pages`` one module per page.
"""
