"""The ``normalize`` command: parses arguments and calls :func:`normalize.batch.run`.

    normalize INPUTS... [-o OUTPUT] [--format jsonl|...] [--jobs N] [--resume] ...

INPUTS are files, folders (recursed) or ``-`` for standard input; see
:mod:`normalize.readers` for the kinds of file read.

Exit codes:

====  ===================================================================
0     every document was normalised and written
1     some documents failed (each named on stderr); the others were written
2     usage or environment error: bad options, an input that does not
      exist, an output that cannot be written; the run stops at once with
      one line on stderr (``normalize: error: ...``)
130   interrupted (Ctrl-C); a JSONL output keeps ``OUTPUT.part``, and
      ``--resume`` continues from it
====  ===================================================================
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from typing import TYPE_CHECKING, NoReturn

from normalize import __version__
from normalize.batch import DEFAULT_TIME_LIMIT, BatchConfig, BatchError, input_options, run
from normalize.boilerplate import (
    DEFAULT_LEARN_OPTIONS,
    LearnedLine,
    LearnOptions,
    boilerplate_keys,
    learn_boilerplate,
    load_boilerplate,
    save_boilerplate,
)
from normalize.readers import ReaderOptions
from normalize.settings import Settings
from normalize.writers import WRITERS, WriterOptions

if TYPE_CHECKING:
    from normalize.dask_engine import DaskEngine

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line on stderr, exit code 2 (not argparse's usage block)."""
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {jobs}")
    return jobs


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < seconds < 1e9:
        raise argparse.ArgumentTypeError(f"must be above 0, not {value}")
    return seconds


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return score


def _min_docs(value: str) -> int:
    number = _jobs(value)
    if number < 2:
        raise argparse.ArgumentTypeError(f"must be 2 or more, not {number}")
    return number


def _share(value: str) -> float:
    share = _score(value)
    if share == 0.0:
        raise argparse.ArgumentTypeError("must be above 0")
    return share


def _add_scale_options(parser: argparse.ArgumentParser) -> None:
    """Boilerplate learning and the Dask engine (see docs/dask.md)."""
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="run on this machine (default) or on a Dask cluster")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="the Dask scheduler, e.g. tcp://HOST:8786 (default: start a local cluster)")
    parser.add_argument("--learn-boilerplate", action="store_true",
                        help="first learn lines repeated across many documents of a site; remove them")
    parser.add_argument("--boilerplate", default=None, metavar="FILE",
                        help="remove the lines of a file saved by --save-boilerplate")
    parser.add_argument("--save-boilerplate", default=None, metavar="FILE",
                        help="save the learned lines (JSON) for --boilerplate")
    parser.add_argument("--boilerplate-min-docs", type=_min_docs, default=DEFAULT_LEARN_OPTIONS.min_docs,
                        metavar="N", help="a learned line is in at least N documents of its site "
                        "(default: %(default)s)")
    parser.add_argument("--boilerplate-min-share", type=_share, default=DEFAULT_LEARN_OPTIONS.min_share,
                        metavar="SHARE", help="... and in at least this share of them (default: %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="normalize", description="Clean scraped multilingual news articles into "
                     "clean documents and aligned parallel text.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, folders (recursed) or - for standard input")
    parser.add_argument("-o", "--output", default="-", help="output file (default: - standard output)")
    parser.add_argument("--format", default="jsonl", choices=sorted(WRITERS), help="output format")
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                        help="worker processes (default: the number of CPUs)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run into the same output (jsonl only)")
    parser.add_argument("--explain", action="store_true", help="add each line's role and rule to the output")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="JSONL field with plain text")
    parser.add_argument("--html-field", default="html", metavar="NAME", help="JSONL field with HTML")
    parser.add_argument("--id-field", default=None, metavar="NAME",
                        help="JSONL field with the id (default: id, then url)")
    parser.add_argument("--main-lang", default=None, metavar="CODE",
                        help="the articles' main language (ISO 639-1; default: detected)")
    parser.add_argument("--min-pair-score", type=_score, default=Settings.min_pair_score, metavar="SCORE",
                        help="lowest score (0 to 1) of a translation pair (default: %(default)s)")
    parser.add_argument("--dedupe", action="store_true", help="leave out repeated pairs")
    parser.add_argument("--time-limit", type=_seconds, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                        help="a document taking longer gets an error record (default: %(default)s)")
    parser.add_argument("--max-document-bytes", type=_jobs, default=Settings.max_document_bytes, metavar="N",
                        help="a larger document (after gzip) gets an error record (default: %(default)s)")
    _add_scale_options(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _engine(args: argparse.Namespace) -> AbstractContextManager[DaskEngine | None]:
    if args.engine == "local":
        if args.scheduler:
            raise BatchError("--scheduler needs --engine dask")
        return nullcontext(None)
    try:
        from normalize.dask_engine import DaskEngine
    except ImportError as exc:
        raise BatchError(str(exc)) from exc
    return DaskEngine(args.scheduler, workers=args.jobs)


def _boilerplate(args: argparse.Namespace, config: BatchConfig, engine: DaskEngine | None) -> frozenset[str]:
    """The lines to remove as boilerplate: loaded from --boilerplate, learned with --learn-boilerplate."""
    if args.save_boilerplate and not args.learn_boilerplate:
        raise BatchError("--save-boilerplate needs --learn-boilerplate")
    lines: tuple[LearnedLine, ...] = load_boilerplate(args.boilerplate) if args.boilerplate else ()
    if args.learn_boilerplate:
        options = LearnOptions(args.boilerplate_min_docs, args.boilerplate_min_share)
        reader = input_options(args.output, config.reader, config.settings)
        learned = (engine.learn(args.inputs, options, reader) if engine is not None
                   else learn_boilerplate(args.inputs, options, reader))
        if args.save_boilerplate:
            try:
                save_boilerplate(args.save_boilerplate, learned, options)
            except OSError as exc:
                raise BatchError(f"cannot write {args.save_boilerplate}: {exc.strerror or exc}") from exc
        lines += learned
    return boilerplate_keys(lines)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = BatchConfig(
            format=args.format,
            jobs=args.jobs,
            resume=args.resume,
            time_limit=args.time_limit,
            quiet=args.quiet,
            debug=args.debug,
            reader=ReaderOptions(text_field=args.text_field, html_field=args.html_field,
                                 id_field=args.id_field),
            writer=WriterOptions(explain=args.explain, dedupe=args.dedupe),
            settings=Settings(main_lang=args.main_lang, min_pair_score=args.min_pair_score,
                              explain=args.explain, max_document_bytes=args.max_document_bytes),
        )
        with _engine(args) as engine:
            if args.learn_boilerplate or args.boilerplate or args.save_boilerplate:
                settings = config.settings.replace(boilerplate=_boilerplate(args, config, engine))
                config = replace(config, settings=settings)
            summary = run(args.inputs, args.output, config, engine=engine)
    except (BatchError, ValueError) as exc:
        if args.debug:
            traceback.print_exc()
        print(f"normalize: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        resumable = args.format == "jsonl" and args.output != "-"
        hint = "; run again with --resume to continue" if resumable else ""
        print(f"normalize: interrupted{hint}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return EXIT_FAILED if summary.failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
