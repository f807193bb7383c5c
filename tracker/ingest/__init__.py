"""Files -> store: the ways articles get in.

inprocess (read, score and store in this process: `tracker ingest` with one worker and the shared
steps of the others), pool (a local process pool), cluster (dask.distributed), dropfolder (the
watched inbox and the dashboard's upload). Every path reads through tracker.readers, scores through
tracker.scorer.pipeline and writes one transaction per article through tracker.store.
"""
