"""The ``redactor`` command: detect, apply and verify, for power users and newsroom tooling.

Exit codes: 0 success; 1 the copy is not clean (verify, or apply's second reading of the copy:
a withheld name, a name the review does not keep, a name word beside a replacement, a withheld
contact detail); 2 bad
input or usage; 3 refused (unreviewed persons, or a review for another document).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from redactor import DEFAULT_MODEL, __version__, collection_cli
from redactor.decisions import Decisions, Detail, load_decisions
from redactor.detail_rules import detail_printed
from redactor.documents import Document, read_document
from redactor.errors import DecisionsError, RedactorError
from redactor.leaks import BESIDE, DETAIL, UNREVIEWED, Finding

# redactor.engine imports Presidio and spaCy (seconds): the commands import it when they run,
# so --help, --version and refusals of bad input answer at once.

EXIT_OK, EXIT_LEAKS, EXIT_ERROR, EXIT_REFUSED = 0, 1, 2, 3


class Refused(RedactorError):
    """The command will not run as asked (the review is incomplete or for another file)."""

    exit_code = EXIT_REFUSED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redactor", description="Find the people named in a draft and withhold the names "
        "of those at risk. Nothing leaves this computer.",
        epilog="exit codes: 0 ok, 1 the copy is not clean, 2 bad input or usage, 3 refused")
    parser.add_argument("--version", action="version", version=f"redactor {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    detect = commands.add_parser("detect", help="list the persons named in a draft, with suggestions",
                                 description="Detect every person named in PATH and suggest a role "
                                 "and an action for each.")
    detect.add_argument("path", metavar="PATH", nargs="+", help="the draft (.txt, .md, .docx, "
                        ".odt, .html, .rtf), a folder of drafts, or several drafts")
    detect.add_argument("--json", action="store_true", help="print the decisions file to stdout")
    detect.add_argument("-o", "--output", metavar="FILE", help="write the decisions file to FILE")
    detect.add_argument("--force", action="store_true", help="replace FILE if it exists")
    detect.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline name or folder "
                        f"(default {DEFAULT_MODEL})")
    detect.add_argument("--keep", action="append", default=[], metavar="NAME",
                        help="a public figure to always keep (repeatable)")
    detect.add_argument("--redact", action="append", default=[], metavar="NAME",
                        help="a name to always suggest for redaction (repeatable)")
    collection_cli.add_options(detect)

    apply = commands.add_parser("apply", help="write the redacted copy from confirmed decisions",
                                description="Apply the decisions to PATH, read the copy a second "
                                "time, and write it to OUT only if that reading finds nothing; "
                                "otherwise it goes to OUT's name with .UNFINISHED and exit is 1. "
                                "The original is never modified.")
    apply.add_argument("path", metavar="PATH", nargs="+", help="the original draft, or the "
                       "folder (or drafts) a collection review was made for")
    apply.add_argument("--decisions", required=True, metavar="FILE", help="the reviewed decisions file")
    apply.add_argument("-o", "--output", required=True, metavar="OUT", help="the redacted copy to "
                       "write; for a folder, the folder of copies (same relative paths)")
    apply.add_argument("--accept-suggestions", action="store_true",
                       help="apply unreviewed persons' suggestions as they stand")
    apply.add_argument("--force", action="store_true", help="replace OUT if it exists")
    apply.add_argument("--keep-comments", action="store_true",
                       help="Word/OpenDocument: keep comments (redacted like the text, authors "
                       "anonymised) instead of removing them")
    apply.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline for the second reading")
    collection_cli.add_options(apply)

    verify = commands.add_parser("verify", help="read a redacted copy a second time",
                                 description="Search OUT for every name token the decisions "
                                 "withhold, every name the model reads that the review does not "
                                 "keep, and every name word beside a replacement; exit 1 and list "
                                 "them if any is found.")
    verify.add_argument("path", metavar="OUT", help="the redacted copy")
    verify.add_argument("--decisions", required=True, metavar="FILE", help="the decisions file")
    verify.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline for the second reading")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return {"detect": _detect, "apply": _apply, "verify": _verify}[args.command](args)
    except RedactorError as error:
        print(f"redactor: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("redactor: interrupted; nothing was written", file=sys.stderr)
        return 130


def _detect(args: argparse.Namespace) -> int:
    if collection_cli.is_collection_input(args.path):
        return collection_cli.detect(args)
    from redactor.engine import Engine, save_decisions

    args.path = args.path[0]
    document = read_document(args.path)
    decisions = Engine(args.model, keep=args.keep, redact=args.redact).analyze(document)
    decisions.document_path = args.path
    if args.output:
        save_decisions(decisions, args.output, force=args.force, protect=document.path)
    if args.json:
        sys.stdout.write(decisions.dumps())
    elif not args.output or sys.stdout.isatty():
        print(format_table(decisions, document))
    return EXIT_OK


def format_table(decisions: Decisions, document: Document | None = None) -> str:
    """A readable summary: one row per person, in order of first appearance; for a Word,
    OpenDocument or HTML draft, also where in the file each person is mentioned. Then one row
    per detail (a phone number, an age beside a name) with its person and what it prints."""
    places = document is not None and bool(document.sections)
    rows = [("id", "name", "role", "action", "replacement", "mentions") + (("places",) if places else ())]
    for p in decisions.persons:
        row = (p.id, p.name, p.role, p.action, p.replacement if p.action != "keep" else "",
               str(len(p.mentions)))
        if places:
            row += (", ".join(dict.fromkeys(document.place(m.start) for m in p.mentions)),)
        rows.append(row)
    lines = _columns(rows)
    if not decisions.persons:
        lines.append("(no persons found)")
    details = decisions.all_details()
    if details:
        names = {p.id: f"{p.id} {p.name}" for p in decisions.persons}
        rows = [("kind", "detail", "person", "action", "printed")]
        rows += [(d.kind, _short(d.text), names.get(owner, "(no person)"), d.action, _printed(d))
                 for owner, d in details]
        lines += ["", f"details ({len(details)}):"] + _columns(rows)
    return "\n".join(lines)


def _printed(detail: Detail) -> str:
    """What the copy prints for a detail, or for one kept the generalisation on offer."""
    if detail.action != "keep":
        return _short(detail_printed(detail)) or "(nothing)"
    return f"(generalise: {_short(detail.replacement, 30) or 'cut it'})"


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def _short(text: str, limit: int = 44) -> str:
    """One line of at most ``limit`` characters, for a table cell."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _apply(args: argparse.Namespace) -> int:
    if collection_cli.is_collection_input(args.path) or _is_collection_review(args.decisions):
        return collection_cli.apply(args, Refused)
    from redactor.engine import Engine, check_document
    from redactor.formats import CleanOptions

    args.path = args.path[0]
    document = read_document(args.path)
    decisions = load_decisions(args.decisions)
    try:
        check_document(document, decisions)
    except DecisionsError as error:
        raise Refused(str(error)) from None
    unreviewed = decisions.unreviewed()
    if unreviewed and not args.accept_suggestions:
        raise Refused(f"{len(unreviewed)} person(s) not reviewed yet (first: {unreviewed[0].id}); "
                      "review them or pass --accept-suggestions")
    saved = Engine(args.model).save(document, decisions, args.output, force=args.force,
                                    options=CleanOptions(keep_comments=args.keep_comments))
    for step in saved.cleaned:
        print(f"redactor: {step}", file=sys.stderr)
    if saved.clean:
        print(f"wrote {saved.path}")
    else:
        print(f"redactor: the copy is not clean, so it was not written to {args.output}; "
              f"it is in {saved.path} for review", file=sys.stderr)
    return _report(str(saved.path), saved.findings)


def _is_collection_review(path: str) -> bool:
    """A review written by ``detect FOLDER``: its first bytes name the collection format."""
    try:
        with open(path, encoding="utf-8-sig") as stream:
            return '"redactor-collection/' in stream.read(200)
    except (OSError, UnicodeDecodeError):
        return False  # the single-file path reports the unreadable file


def _verify(args: argparse.Namespace) -> int:
    from redactor.engine import Engine

    decisions = load_decisions(args.decisions)
    return _report(args.path, Engine(args.model).verify(args.path, decisions))


def _report(path: str, findings: list[Finding]) -> int:
    if not findings:
        print(f"{path}: clean (no withheld name, no unreviewed name, no name beside a replacement, "
              "no withheld detail)")
        return EXIT_OK
    for finding in findings:
        print(f"{_where(path, finding)}: {_describe(finding)}")
    print(f"{path}: {len(findings)} finding(s); the copy is not clean", file=sys.stderr)
    return EXIT_LEAKS


def _where(path: str, finding: Finding) -> str:
    if finding.place:
        return f"{path} [{finding.place}]"
    return f"{path}:{finding.line}:{finding.column}"


def _describe(finding: Finding) -> str:
    if finding.kind == UNREVIEWED:
        return f"a name the review does not keep: '{finding.token}'"
    if finding.kind == BESIDE:
        return f"a name word beside a replacement: '{finding.token}' ({finding.reason})"
    if finding.kind == DETAIL:
        owner = f", person {finding.person_id}" if finding.person_id else ""
        return f"withheld detail '{finding.token}' ({finding.reason}{owner})"
    return f"withheld name '{finding.token}' (person {finding.person_id})"
