"""`tracker cluster`: the scheduler and workers of a Dask cluster for `tracker ingest --dask`.

Unlike plain `dask scheduler` / `dask worker`, every listener (the scheduler, its HTTP endpoint, the
workers, their nannies and HTTP endpoints) binds the one address given, never 0.0.0.0; there is no
dashboard unless asked; and each worker loads the models before it joins.
"""

from __future__ import annotations

import click

tls_options = [
    click.option("--tls-ca-file", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
                 help="Dask TLS: the certificate authority that signed every node's and client's certificate."),
    click.option("--tls-cert", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
                 help="Dask TLS: this node's certificate (PEM)."),
    click.option("--tls-key", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
                 help="Dask TLS: this node's private key (PEM), unless it is in the certificate file."),
]


def with_tls_options(command):
    for option in reversed(tls_options):
        command = option(command)
    return command


class ClusterGroup(click.Group):
    # Read by tracker.cli.group.TrackerGroup: --db is accepted here like everywhere, but not shown (no database).
    uses_database = False


@click.group(cls=ClusterGroup, short_help="Start a Dask scheduler or workers for `tracker ingest --dask`.")
def cluster() -> None:
    """Start the nodes of a Dask cluster for `tracker ingest --dask`: every socket on the address
    given (--host), no dashboard unless asked, workers that load the models before they join.

    \b
    Example:
      tracker cluster scheduler --host 10.0.0.5
      tracker cluster worker tcp://10.0.0.5:8786 --host 10.0.0.6 --nworkers 4
      tracker ingest --dask tcp://10.0.0.5:8786 archive/
    """


@cluster.command(short_help="The scheduler, on one address.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (this machine's address on the cluster's private network).")
@click.option("--port", default=8786, show_default=True, type=click.IntRange(1, 65535),
              help="The scheduler's port (workers and `tracker ingest --dask` connect to it).")
@click.option("--http-port", default=8787, show_default=True, type=click.IntRange(0, 65535),
              help="The HTTP endpoint's port (/health, /metrics, and the dashboard with --dashboard), on --host.")
@click.option("--dashboard/--no-dashboard", default=False, show_default=True,
              help="Serve Dask's dashboard on the HTTP port (needs bokeh).")
@with_tls_options
def scheduler(host: str, port: int, http_port: int, dashboard: bool, tls_ca_file: str | None,
              tls_cert: str | None, tls_key: str | None) -> None:
    """The cluster's scheduler, listening on --host only, until Ctrl+C.

    \b
    Example:
      tracker cluster scheduler --host 10.0.0.5 --port 8786
    """
    from tracker.ingest.cluster import DaskUnavailable, run_scheduler, tls_security

    try:
        security = tls_security(tls_ca_file, tls_cert, tls_key, role="scheduler")
        run_scheduler(host, port, http_port=http_port, dashboard=dashboard, security=security, on_start=_say)
    except DaskUnavailable as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc}); is another scheduler running "
                                   "there, or is the address not this machine's?") from None


@cluster.command(short_help="Workers that load the models, then join a scheduler.")
@click.argument("address", metavar="SCHEDULER_ADDRESS")
@click.option("--host", default=None,
              help="The address to listen on [default: the one this machine reaches the scheduler from].")
@click.option("--nworkers", default=1, show_default=True, type=click.IntRange(min=1), metavar="N",
              help="Worker processes, one thread each (the scorer is CPU-bound): up to the number of cores.")
@with_tls_options
def worker(address: str, host: str | None, nworkers: int, tls_ca_file: str | None, tls_cert: str | None,
           tls_key: str | None) -> None:
    """Worker processes that load the models, then join the scheduler at SCHEDULER_ADDRESS
    (tcp://HOST:8786, or tls://HOST:8786 with TLS), until Ctrl+C.

    \b
    Example:
      tracker cluster worker tcp://10.0.0.5:8786 --host 10.0.0.6 --nworkers 4
    """
    from distributed.comm import get_address_host
    from distributed.utils import get_ip

    from tracker.ingest.cluster import DaskUnavailable, run_workers, tls_security

    try:
        listen_host = host or get_ip(get_address_host(address))
        security = tls_security(tls_ca_file, tls_cert, tls_key, role="worker")
        _say(f"Starting {nworkers} worker{'s' * (nworkers != 1)} on {listen_host}: loading the models, "
             f"then joining {address}")
        run_workers(address, listen_host, nworkers=nworkers, security=security, on_start=_say)
    except DaskUnavailable as exc:
        raise click.ClickException(str(exc)) from None
    except (OSError, ValueError) as exc:
        raise click.ClickException(f"cannot start a worker for {address} on {host or 'this machine'} ({exc})") from None


def _say(message: str) -> None:
    click.echo(message, err=True)
