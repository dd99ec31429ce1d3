"""``accessible-formats``: run the service, its parts, or one conversion with no service."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from workers.engine.errors import ConversionError
from workers.engine.formats import DEFAULT_PRINT_SIZE, PRINT_SIZES, ConversionOptions, OutputFormat


def _convert(args: argparse.Namespace) -> int:
    from workers.engine import pipeline

    # ConversionOptions drops the size for formats without one.
    options = ConversionOptions(format=OutputFormat(args.to), print_size=args.size)
    try:
        result = pipeline.convert(args.input, options, max_pages=args.max_pages)
    except ConversionError as error:
        print(f"error: {error.code}: {error.message}", file=sys.stderr)
        if error.detail:
            print(f"detail: {error.detail}", file=sys.stderr)
        return 2
    args.output.write_bytes(result.content)
    for reason in result.review_reasons:
        print(f"needs review: {reason}", file=sys.stderr)
    failed = failed_checks(result.report)
    print(
        f"wrote {args.output} ({len(result.content)} bytes); "
        f"checks {'passed' if not failed else 'failed: ' + ', '.join(failed)}"
    )
    return 0


def _analyse(args: argparse.Namespace) -> int:
    from workers.engine.analyse import analyse

    try:
        document = analyse(args.input, max_pages=args.max_pages)
    except ConversionError as error:
        print(f"error: {error.code}: {error.message}", file=sys.stderr)
        if error.detail:
            print(f"detail: {error.detail}", file=sys.stderr)
        return 2
    print(document.to_json(indent=args.indent))
    return 0


def failed_checks(report: dict[str, object]) -> list[str]:
    checks = report.get("checks")
    if not isinstance(checks, list):
        return []
    return [str(c.get("id")) for c in checks if isinstance(c, dict) and not c.get("passed")]


def _serve(_: argparse.Namespace) -> int:
    from service.supervisor import serve

    return serve()


def _api(_: argparse.Namespace) -> int:
    import uvicorn

    from service.settings import get_settings

    settings = get_settings()
    uvicorn.run(
        "service.api.app:app",
        host=settings.api_host,
        port=settings.api_port,
        proxy_headers=True,
        log_level="info",
    )
    return 0


def _worker(args: argparse.Namespace) -> int:
    from service.db.migrate import upgrade_to_head
    from service.settings import get_settings

    settings = get_settings()
    _require_broker(settings.redis_url)
    upgrade_to_head(settings.database_url)
    from workers.celery_app import app

    argv = ["worker", "--loglevel", args.loglevel, "--queues", "conversions"]
    if args.hostname:
        argv += ["--hostname", args.hostname]
    app.worker_main(argv)
    return 0


def _beat(args: argparse.Namespace) -> int:
    from service.settings import get_settings

    settings = get_settings()
    _require_broker(settings.redis_url)
    # Beat only sends tasks; it needs the broker, not the database.
    from workers.celery_app import app

    schedule = Path(args.schedule or settings.storage_dir / ".beat-schedule")
    schedule.parent.mkdir(parents=True, exist_ok=True)
    app.start(["beat", "--loglevel", args.loglevel, "--schedule", str(schedule)])
    return 0


def _migrate(_: argparse.Namespace) -> int:
    from service.db.migrate import upgrade_to_head
    from service.settings import get_settings

    upgrade_to_head(get_settings().database_url)
    print("database is up to date")
    return 0


def _settings_table(_: argparse.Namespace) -> int:
    from service.settings import settings_markdown_table

    print(settings_markdown_table())
    return 0


def _staff(args: argparse.Namespace) -> int:
    """Staff accounts for the console: add (password prompted twice, or one line on standard
    input with ``--password-stdin``), disable, enable, list."""
    import getpass

    from service.db.engine import session_scope
    from service.db.migrate import upgrade_to_head
    from service.settings import get_settings
    from service.staff import accounts

    settings = get_settings()
    upgrade_to_head(settings.database_url)
    try:
        with session_scope(settings.database_url) as session:
            if args.staff_command == "list":
                for user in accounts.list_staff(session):
                    state = "active" if user.active else "disabled"
                    last = (
                        user.last_login_at.isoformat(timespec="minutes")
                        if user.last_login_at
                        else "never"
                    )
                    print(f"{user.email}\t{state}\tlast signed in: {last}")
                return 0
            if args.staff_command in ("disable", "enable"):
                user = accounts.set_active(session, args.email, args.staff_command == "enable")
                print(f"{user.email} is {'enabled' if user.active else 'disabled'}")
                return 0
            if args.password_stdin:
                password = sys.stdin.readline().rstrip("\r\n")
            else:
                password = getpass.getpass("Password: ")
                if password != getpass.getpass("Password again: "):
                    print("error: the two passwords are not the same", file=sys.stderr)
                    return 2
            user = accounts.add_staff(session, args.email, password)
            print(f"added {user.email}")
            return 0
    except accounts.AccountError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _require_broker(redis_url: str | None) -> None:
    if not redis_url:
        raise SystemExit(
            "AF_REDIS_URL is not set. Set it to your Redis server, or use "
            "`accessible-formats serve`, which starts one for you."
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="accessible-formats",
        description="Turn published PDFs into accessible formats, on request.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    convert = commands.add_parser("convert", help="convert one PDF with no service")
    convert.add_argument("input", type=Path, help="the source PDF")
    convert.add_argument(
        "--to", required=True, choices=[f.value for f in OutputFormat], help="output format"
    )
    convert.add_argument(
        "--size",
        type=int,
        choices=PRINT_SIZES,
        default=DEFAULT_PRINT_SIZE,
        help="large print (large-print, large-print-docx) body size in points "
        "(default %(default)s)",
    )
    convert.add_argument("-o", "--output", type=Path, required=True, help="where to write")
    convert.add_argument("--max-pages", type=int, default=int(os.environ.get("AF_MAX_PAGES", 1500)))
    convert.set_defaults(handler=_convert)

    analyse = commands.add_parser(
        "analyse", help="print the Document model of one PDF as JSON (schema: workers/engine/"
        "document.py)"
    )
    analyse.add_argument("input", type=Path, help="the source PDF")
    analyse.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")
    analyse.add_argument("--max-pages", type=int, default=int(os.environ.get("AF_MAX_PAGES", 1500)))
    analyse.set_defaults(handler=_analyse)

    commands.add_parser(
        "serve", help="run api + worker + beat on the embedded defaults (Ctrl-C stops all)"
    ).set_defaults(handler=_serve)
    commands.add_parser("api", help="run the HTTP API only").set_defaults(handler=_api)
    worker = commands.add_parser("worker", help="run one Celery worker")
    worker.add_argument("--loglevel", default="INFO")
    worker.add_argument("--hostname", help="Celery node name (default: celery@HOST)")
    worker.set_defaults(handler=_worker)
    beat = commands.add_parser("beat", help="run the periodic scheduler (one per deployment)")
    beat.add_argument("--loglevel", default="INFO")
    beat.add_argument("--schedule", help="beat's schedule file")
    beat.set_defaults(handler=_beat)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(handler=_migrate)
    commands.add_parser(
        "settings", help="print every setting with its default (Markdown)"
    ).set_defaults(handler=_settings_table)
    staff = commands.add_parser("staff", help="staff accounts for the console at /staff")
    staff_commands = staff.add_subparsers(dest="staff_command", required=True)
    add = staff_commands.add_parser("add", help="add a member of staff (password prompted)")
    add.add_argument("email")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    for name, text in (("disable", "stop an account signing in"), ("enable", "allow it again")):
        staff_commands.add_parser(name, help=text).add_argument("email")
    staff_commands.add_parser("list", help="list the accounts")
    staff.set_defaults(handler=_staff)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # WeasyPrint narrates every rendering step at INFO; only its warnings matter here.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
