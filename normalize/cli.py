"""The ``normalize`` command (first version): parses arguments, calls the library."""

from __future__ import annotations

import argparse
import sys

from normalize.pipeline import normalize
from normalize.readers import read_inputs
from normalize.writers import WriterOptions, open_writer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="normalize")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args(argv)
    writer = open_writer("jsonl", args.output, WriterOptions())
    for record in read_inputs(args.inputs):
        writer.write(normalize(record.text or "", id=record.id, source=record.source))
    writer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
