"""One module per page, each with ``layout(ctx, ...)`` and ``register(app, ctx)`` for its callbacks."""
