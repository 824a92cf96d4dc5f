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
from typing import NoReturn

from normalize import __version__
from normalize.batch import BatchConfig, BatchError, run
from normalize.readers import ReaderOptions
from normalize.settings import Settings
from normalize.writers import WRITERS, WriterOptions

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


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return score


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
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = BatchConfig(
            format=args.format,
            jobs=args.jobs,
            resume=args.resume,
            quiet=args.quiet,
            debug=args.debug,
            reader=ReaderOptions(text_field=args.text_field, html_field=args.html_field,
                                 id_field=args.id_field),
            writer=WriterOptions(explain=args.explain, dedupe=args.dedupe),
            settings=Settings(main_lang=args.main_lang, min_pair_score=args.min_pair_score,
                              explain=args.explain),
        )
        summary = run(args.inputs, args.output, config)
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
