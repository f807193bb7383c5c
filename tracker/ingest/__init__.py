"""Files -> store: the ways articles get in.

inprocess (read, score and store one file in this process, and the shared steps of the others),
ordered (read and score on a backend, write in input order in batches: `tracker ingest`, in this
process with one worker), pool (a local process pool), cluster (dask.distributed), dropfolder (the
watched inbox; with settling, inbox_files, database_file, uploads for the dashboard's upload, and
drop_status). Every path reads through tracker.readers, scores through tracker.scorer.pipeline and
writes through tracker.store, each article whole or not at all.
"""
