"""The ``incidentgraph`` command: ingest, extract, query, serve, export.

Every command takes ``--store`` (a folder for the embedded store, or an http(s) SPARQL
endpoint); without it, $INCIDENTGRAPH_STORE, then the default data directory. Results go
to stdout, progress and messages to stderr.
"""
from __future__ import annotations

import argparse
import ipaddress
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Optional, Sequence

from graph.errors import GraphError


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _store(args):
    from graph.store import open_store

    return open_store(args.store)


def cmd_extract(args) -> int:
    from ingest.errors import InputError
    from ingest.extract import Extractor
    from ingest.read import read_path

    try:
        doc = read_path(Path(args.path), args.published)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    extraction = Extractor().extract(doc)
    json.dump(extraction.to_contract(), sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
    sys.stdout.write("\n")
    return 0


class _LazyExtractor:
    """Loads the language model on first use, so a batch with nothing new to extract (all
    stored already, or all refused) neither waits for it nor needs it."""

    def __init__(self):
        self._extractor = None

    def __getattr__(self, name):
        if self._extractor is None:
            from ingest.extract import Extractor

            self._extractor = Extractor()
        return getattr(self._extractor, name)


def cmd_ingest(args) -> int:
    from ingest.batch import Progress, ingest_paths

    workers = getattr(args, "workers", 1) or 1
    if workers > 1:
        from ingest.batch import PoolExtractor

        extractor = PoolExtractor(workers, one_shot=True)
    else:
        extractor = _LazyExtractor()
    try:
        with _store(args) as store:
            summary = ingest_paths(store, args.paths, extractor, published=args.published, force=args.force,
                                   progress=Progress(enabled=None if not args.quiet else False),
                                   batch_size=getattr(args, "batch_size", 16))
    finally:
        if workers > 1:
            extractor.close()
    for failure in summary.failures:
        print(f"error: {failure}", file=sys.stderr)
    for line in summary.lines():
        print(line, file=sys.stderr)
    return 1 if summary.failures else 0


def _print_table(variables: list[str], rows: list[dict], out) -> None:
    cells = [[_cell(r.get(v)) for v in variables] for r in rows]
    widths = [min(60, max([len(v)] + [len(c[i]) for c in cells])) for i, v in enumerate(variables)]
    out.write("  ".join(v.ljust(w) for v, w in zip(variables, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for c in cells:
        out.write("  ".join(x[:w].ljust(w) for x, w in zip(c, widths)).rstrip() + "\n")
    out.write(f"({len(rows)} rows)\n")


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value).replace("\n", " ")


def cmd_query(args) -> int:
    from graph import examples, sparql

    bindings = None
    if args.example:
        found = {e.name: e for e in examples.load_examples()}
        if args.example not in found:
            print(f"error: no example query named {args.example!r}; known: {', '.join(sorted(found))}",
                  file=sys.stderr)
            return 2
        values = dict(p.split("=", 1) for p in args.param)
        query, bindings = found[args.example].bind(values)
    elif args.file:
        query = Path(args.file).read_text(encoding="utf-8")
    elif args.sparql:
        query = args.sparql
    else:
        print("error: give a query, --file F or --example NAME", file=sys.stderr)
        return 2
    with _store(args) as store:
        if args.format == "table":
            table = sparql.select_table(store, query, bindings=bindings)
            _print_table(table.variables, [{k: v for k, v in r.items()} for r in table.rows], sys.stdout)
            if table.truncated:
                print("(truncated at the row cap)", file=sys.stderr)
        else:
            result = sparql.run_query(store, query, args.format, bindings=bindings)
            sys.stdout.buffer.write(result.body)
            if result.truncated:
                print("(truncated at the row cap)", file=sys.stderr)
    return 0


def cmd_export(args) -> int:
    from graph import exports

    makers = {"graphml": exports.graphml, "gexf": exports.gexf,
              "csv": lambda st: exports.incidents_csv(st, args.as_of),
              "timelinejs": lambda st: exports.timelinejs(st, as_of=args.as_of)}
    with _store(args) as store:
        data = makers[args.format](store) if args.format in makers else store.export(args.format)
    if args.output:
        tmp = Path(args.output).with_suffix(Path(args.output).suffix + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, args.output)  # never leave a half-written export behind
        print(f"wrote {len(data)} bytes to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_incidents(args) -> int:
    from graph import exports, queries

    with _store(args) as store:
        if args.format == "csv":
            sys.stdout.buffer.write(exports.incidents_csv(store, args.as_of))
            return 0
        rows = queries.timeline(store, queries.TimelineFilter(type=args.type, as_of=args.as_of, limit=args.limit))
    if args.format == "json":
        json.dump([r.to_json() for r in rows], sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    table = [{"start": r.start, "end": r.end, "type": r.type, "target": "; ".join(l for _, l in r.targets),
              "perpetrator": "; ".join(l for _, l in r.perpetrators), "sources": len(r.sources),
              "conflicts": ", ".join(c["property"] for c in r.conflicts)} for r in rows]
    _print_table(["start", "end", "type", "target", "perpetrator", "sources", "conflicts"], table, sys.stdout)
    return 0


def cmd_merge(args) -> int:
    from graph import merged
    from graph.resolve import Curation

    curation = Curation.load(Path(args.aliases)) if args.aliases else None
    with _store(args) as store:
        view = merged.rebuild(store, curation)
    print(f"merged view: {len(view.incidents)} incidents, "
          f"{len(set(view.canonical.values()))} entities from {len(view.canonical)} names", file=sys.stderr)
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


MIN_SECRET_CHARS = 32
_DEFAULT_SECRETS = {"dev", "test", "secret", "changeme", "change-me", "default", "development", "insecure",
                    "secret-key", "secret_key", "your-secret-key", "please-change-me", "xxx"}


def _weak_secret(key: str) -> Optional[str]:
    """Why a session key is unfit for a server others can reach (it signs the CSRF token), or None."""
    if not key:
        return "it is not set"
    if key.lower() in _DEFAULT_SECRETS or len(set(key)) < 8:
        return "it is a well-known default or repeats a few characters"
    if len(key) < MIN_SECRET_CHARS:
        return f"it has {len(key)} characters; use at least {MIN_SECRET_CHARS}"
    return None


def cmd_serve(args) -> int:
    from web.app import create_app

    config = {}
    if args.store:
        config["STORE"] = args.store
    if not _is_loopback(args.host):
        if args.debug:
            print("error: --debug is refused on a non-loopback address: it would let anyone run code",
                  file=sys.stderr)
            return 2
        problem = _weak_secret(os.environ.get("INCIDENTGRAPH_SECRET_KEY") or "")
        if problem:
            print(f"error: serving beyond loopback needs INCIDENTGRAPH_SECRET_KEY set to a long random value "
                  f"({problem}); make one with: python -c 'import secrets; print(secrets.token_hex(32))'",
                  file=sys.stderr)
            return 2
    app = create_app(config)
    from graph.store import default_store_path

    where = app.config.get("STORE") or os.environ.get("INCIDENTGRAPH_STORE") or default_store_path()
    print(f"incidentgraph: serving http://{args.host}:{args.port}/ (store: {where})", file=sys.stderr)
    from web.warm import warm_in_background

    warm_in_background(app)
    app.run(host=args.host, port=args.port, debug=args.debug, use_reloader=False, threaded=True)
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", default=argparse.SUPPRESS,
                        help="store folder or http(s) SPARQL endpoint (default: $INCIDENTGRAPH_STORE, "
                             "then ~/.local/share/incidentgraph/store)")
    parser = argparse.ArgumentParser(prog="incidentgraph", parents=[common],
                                     description="Turn news about attacks on infrastructure into a knowledge graph.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", parents=[common], help="extract articles and store them")
    p.add_argument("paths", nargs="+", help=".txt, .md or .html files, or folders of them")
    p.add_argument("--published", type=_date_arg, help="publication date for files that give none")
    p.add_argument("--force", action="store_true", help="re-extract documents already stored")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.add_argument("--batch-size", type=_positive, default=16, metavar="N",
                   help="documents extracted together (default 16); smaller batches are committed sooner")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="extract in N worker processes (one model each, about 0.5 GB); the documents "
                        "are still committed one at a time, in order (default 1)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("extract", parents=[common], help="print the contract JSON for one text (store untouched)")
    p.add_argument("path")
    p.add_argument("--published", type=_date_arg, help="publication date (YYYY-MM-DD)")
    p.add_argument("--format", choices=["json"], default="json")
    p.add_argument("--compact", action="store_true", help="one line of JSON")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("query", parents=[common], help="run a read-only SPARQL query")
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("--file", help="read the query from a file")
    p.add_argument("--example", help="run a named example query")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="example parameter")
    p.add_argument("--format", choices=["table", "json", "csv", "tsv", "xml", "ttl", "nt", "jsonld"],
                   default="table")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("serve", parents=[common], help="serve the web site")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--debug", action="store_true")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("export", parents=[common], help="write the whole graph in an RDF format")
    p.add_argument("--format", choices=["ttl", "nt", "trig", "nq", "jsonld", "graphml", "gexf", "csv", "timelinejs"],
                   default="trig", help="RDF (trig and nq keep the named graphs), GraphML/GEXF for Gephi, "
                                       "CSV of incidents (ACLED-like columns), TimelineJS JSON")
    p.add_argument("--as-of", type=_date_arg, help="csv and timelinejs: only documents published by this day")
    p.add_argument("--output", "-o", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("incidents", parents=[common], help="list merged incidents, optionally as known on a day")
    p.add_argument("--as-of", type=_date_arg, help="only documents published on or before this day")
    p.add_argument("--type", help="an incident type, e.g. drone_strike")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("--limit", type=int, default=1000)
    p.set_defaults(func=cmd_incidents)

    p = sub.add_parser("merge", parents=[common], help="rebuild the merged view (after editing the alias file)")
    p.add_argument("--aliases", help="curated alias file (JSON: same / different pairs of IRIs); "
                                     "default $INCIDENTGRAPH_ALIASES")
    p.set_defaults(func=cmd_merge)

    from .analysis_cli import register as register_analysis  # links, neighbours, central

    register_analysis(sub, common)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if not hasattr(args, "store"):
        args.store = None
    try:
        return args.func(args)
    except GraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; everything committed so far is kept", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
