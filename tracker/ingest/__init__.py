"""Files -> store: the ways articles get in.

inprocess (read, score and store in this process: `tracker ingest` with one worker and the shared
steps of the others), pool (a local process pool), cluster (dask.distributed), dropfolder (the
watched inbox; with settling, inbox_files, database_file, uploads for the dashboard's upload, and
drop_status). Every path reads through tracker.readers, scores through
tracker.scorer.pipeline and writes one transaction per article through tracker.store.
"""
