"""How well the layout reader does on documents it was never tuned on: a held-out set.

The structure bench (bench/structure.py) scores the layout reader on ../shared/corpus, the
files it has been tuned on for many sessions. This bench makes a fresh set of TAGGED PDFs on
this machine, with no network, from documents that are already here, and scores the layout
reader on their stripped copies exactly as the structure bench does (its ``run_file``,
``score`` and printing):

- sources: a fixed list of HTML manuals under /usr/share/doc and of Markdown/reST documents
  from site-packages (turned into HTML by pandoc); a missing one is skipped;
- designs: stylesheets of our own (the sources' own are dropped): one column; two columns;
  a large serif face with numbered headings; narrow margins, a small sans face and headings
  set in the body size; a running header and footer with page numbers;
- makers: WeasyPrint (``pdf_variant="pdf/ua-1"`` writes a structure tree), and when they are
  installed, headless Chromium (tagged PDFs are its default) and LibreOffice Writer (an office
  export, as most public-sector PDFs are: pandoc writes the page as a .docx whose page set-up and
  styles come from the design's reference document, bench/office_designs.py, and headless
  soffice exports it with UseTaggedPDF). LibreOffice is a bench tool, not a service dependency:
  ``apt-get install --no-install-recommends libreoffice-writer-nogui`` (Debian);
- each source gets one design per maker, in turn, so every design meets every kind of source.

The truth is the makers' tags, less WeasyPrint's list items that are a definition list's term
or definition (it tags each ``<dt>`` and each ``<dd>`` as an ``LI`` of its own, against the
standard: :func:`list_item_of_its_own`). A PDF the structure reader does not read as "structure", or
whose tags lose poppler's text (s_recall below TRUTH_RECALL_MIN), has no usable truth: it is
listed and left out of the means. The PDFs are made once into bench/.cache/heldout/ (git
ignores it) and made again when their HTML, design or maker changes.

Usage: .venv/bin/python bench/heldout.py [--only SUBSTR] [--maker weasyprint|chromium|libreoffice]
       [--jobs N]
Skips (exit 0) when pdftotext, pandoc or WeasyPrint is absent (Chromium and LibreOffice are
optional: a maker that is not installed is left out).
"""

from __future__ import annotations

import argparse
import email.parser
import functools
import hashlib
import html
import inspect
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import structure  # noqa: E402  (bench/structure.py: one scoring path for both benches)
from lxml import html as lxml_html  # noqa: E402
from office_designs import write_reference  # noqa: E402
from structure import MEASURES, Scores, fmt  # noqa: E402

from workers.engine.document import ListItem  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache" / "heldout"
SITE = Path(sys.prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / (
    "site-packages"
)
DOC = Path("/usr/share/doc")
#: Below this share of poppler's words found in the makers' tags, the truth has lost text.
TRUTH_RECALL_MIN = 0.9
#: PDFs per maker (the set each maker makes stays the same when another maker is added).
MAX_PDFS_PER_MAKER = 30

#: The held-out documents: varied (headings, lists, tables, code, long prose), none of them in
#: the tuning corpus. Paths under /usr/share/doc, or site-packages relative ones.
HTML_SOURCES = (
    "python3/python-policy.html",
    "socat/socat-multicast.html",
    "socat/socat-openssltunnel.html",
    "valgrind/html/dh-manual.html",
    "zlib1g-dev/examples/zlib_how.html",
    "libxslt1-dev/html/tutorial/libxslttutorial.html",
    "libxslt1-dev/html/xsltproc.html",
    "libxslt1-dev/gtk-doc/html/libxslt/libxslt-templates.html",
    "valgrind/html/quick-start.html",
    "valgrind/html/faq.html",
    "valgrind/html/dist.readme-developers.html",
    "valgrind/html/bbv-manual.html",
    "base-passwd/users-and-groups.html",
    "fontconfig/fontconfig-user.html",
    "libffi8/html/The-Basics.html",
    "time/time.html",
    "ninja-build/manual.html",
    "bc/bc.html",
    "shared-mime-info/shared-mime-info-spec.html/x34.html",
    "gcc-12-base/NEWS.html",
)
TEXT_SOURCES = (
    "aiosmtpd/docs/controller.rst",
    "aiosmtpd/docs/concepts.rst",
    "aiosmtpd/docs/NEWS.rst",
    "aiosmtpd/docs/auth.rst",
    "pip/_vendor/README.rst",
    "rich-*.dist-info/METADATA",
    "fastapi-*.dist-info/METADATA",
    "celery-*.dist-info/METADATA",
    "sortedcontainers-*.dist-info/METADATA",
    "redis-*.dist-info/METADATA",
)

_RESET = """
html, body { margin: 0; padding: 0; max-width: none; background: none; }
img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; max-width: 100%; }
th, td { border: 0.5pt solid #888; padding: 2pt 4pt; vertical-align: top; }
"""

#: The page designs: each a typographer's common choice, not one source's.
DESIGNS: dict[str, str] = {
    "single": """
@page { size: A4; margin: 2.5cm 2.2cm; }
body { font: 11pt/1.4 "DejaVu Serif", serif; }
""",
    "twocol": """
@page { size: A4; margin: 2cm 1.6cm; }
body { font: 9.5pt/1.3 "Liberation Serif", serif; columns: 2; column-gap: 0.9cm; }
h1 { column-span: all; }
table { table-layout: fixed; width: 100%; overflow-wrap: anywhere; }
""",
    "serifnum": """
@page { size: A4; margin: 2.5cm 2.5cm; }
body { font: 13pt/1.5 "Liberation Serif", serif; counter-reset: h2; }
h2 { counter-increment: h2; counter-reset: h3; font-size: 1.3em; }
h3 { counter-increment: h3; font-size: 1.1em; }
h2::before { content: counter(h2) ". "; }
h3::before { content: counter(h2) "." counter(h3) " "; }
""",
    "narrowsans": """
@page { size: letter; margin: 1cm 1.2cm; }
body { font: 8.5pt/1.25 "DejaVu Sans", sans-serif; }
h1 { font-size: 1.5em; }
h2, h3, h4, h5, h6 { font-size: 1em; font-weight: bold; margin: 0.8em 0 0.2em; }
""",
    "running": """
@page {
  size: A4; margin: 2.6cm 2.2cm;
  @top-center { content: "%(title)s"; font: italic 9pt "Liberation Sans", sans-serif; }
  @bottom-right { content: "Page " counter(page); font: 9pt "Liberation Sans", sans-serif; }
}
body { font: 10.5pt/1.4 "Liberation Sans", sans-serif; }
""",
}
MAKERS = ("weasyprint", "chromium", "libreoffice")


@dataclass(frozen=True)
class Job:
    """One PDF to make: a source's HTML in one design by one maker."""

    name: str
    html: str
    base: Path
    design: str
    maker: str

    @property
    def pdf(self) -> Path:
        return CACHE / f"{self.name}.{self.design}.{self.maker}.pdf"

    @property
    def key(self) -> str:
        """What the PDF is made from: the HTML, the maker, its version and how it is called."""
        maker = f"{self.maker} {maker_version(self.maker)} {inspect.getsource(MAKE[self.maker])}"
        return hashlib.sha256(f"{self.html}\0{maker}".encode()).hexdigest()


@functools.cache
def maker_version(maker: str) -> str:
    if maker == "weasyprint":
        import weasyprint

        return str(weasyprint.__version__)
    if maker == "libreoffice":
        # The reference documents are part of how LibreOffice's PDFs are made.
        version = subprocess.run([soffice(), "--version"], capture_output=True, text=True,
                                 timeout=120).stdout.strip()
        return f"{version} {inspect.getsource(sys.modules[write_reference.__module__])}"
    return "chromium"


_AUTHOR_STYLE = re.compile(
    r"<link\b[^>]*\bstylesheet\b[^>]*>|<style\b.*?</style\s*>|<script\b.*?</script\s*>|"
    r"\sstyle=(\"[^\"]*\"|'[^']*')",
    re.IGNORECASE | re.DOTALL,
)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\b[^>]*\bcharset\b[^>]*>", re.IGNORECASE)
_IMAGE = re.compile(r"<img\b[^>]*?\bsrc=(\"([^\"]*)\"|'([^']*)')[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def source_name(path: Path) -> str:
    """A short unique name: the package and the file's stem."""
    if path.name == "METADATA":
        return path.parent.name.split("-")[0] + "-readme"
    package = path.relative_to(DOC).parts[0] if path.is_relative_to(DOC) else path.parts[-3]
    stem = path.stem if path.stem not in ("index", "manual", "README") else path.parent.name
    name = stem if stem.startswith(package.split("-")[0]) else f"{package.split('-')[0]}-{stem}"
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name)[:28]


def text_to_html(path: Path) -> str:
    """Markdown or reST (a wheel's METADATA: its long description) as standalone HTML."""
    import pypandoc

    text = path.read_text(encoding="utf-8", errors="replace")
    title = path.stem
    if path.name == "METADATA":
        message = email.parser.Parser().parsestr(text)
        text = str(message.get_payload())
        title = str(message.get("Name", title))
        kind = str(message.get("Description-Content-Type", "text/x-rst"))
        form = "gfm" if "markdown" in kind else "rst"
    else:
        form = "rst" if path.suffix == ".rst" else "gfm"
    return str(pypandoc.convert_text(
        text, "html5", format=form,
        extra_args=["--standalone", "--metadata", f"title={title}", "--wrap=none"],
    ))


def source_html(path: Path) -> str:
    """The source's HTML with its own styles and scripts dropped (the designs are ours)."""
    if path.suffix in (".html", ".htm"):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    else:
        text = text_to_html(path)
    return source_html_text(text, path.parent)


def source_html_text(text: str, base: Path) -> str:
    # Standards mode (quirks mode gives the body the viewport's height: Chromium then sets
    # columns side by side past the page's edge instead of breaking them across pages), and
    # the charset the text now has (the page is written out again in UTF-8).
    text = "<!DOCTYPE html>\n" + _DOCTYPE.sub("", _CHARSET.sub("", text))
    text = _IMAGE.sub(lambda m: m[0] if image_is_here(m[2] or m[3] or "", base) else "", text)
    return in_head(_AUTHOR_STYLE.sub("", text), '<meta charset="utf-8">')


def image_is_here(src: str, base: Path) -> bool:
    """An image the makers can draw: with no network, a remote or missing one is left out, or
    the truth would hold a figure that draws only its alternate text."""
    if src.startswith("data:"):
        return True
    if re.match(r"[a-z][a-z0-9+.-]*:", src, re.IGNORECASE) and not src.startswith("file:"):
        return False
    local = Path(src.removeprefix("file://").split("#")[0].split("?")[0])
    return (base / local).is_file()


def styled(text: str, design: str) -> str:
    title = _TITLE.search(text)
    label = " ".join(html.unescape(title.group(1)).split()) if title else "Document"
    label = label.replace("\\", "").replace('"', "'")[:60]
    css = _RESET + DESIGNS[design].replace("%(title)s", label)
    return in_head(text, f"<style>{css}</style>")


def in_head(text: str, element: str) -> str:
    match = _HEAD_END.search(text)
    if match:
        return text[: match.start()] + element + text[match.start():]
    return element + text


def sources() -> list[Path]:
    found = [DOC / p for p in HTML_SOURCES if (DOC / p).is_file()]
    for pattern in TEXT_SOURCES:
        found.extend(sorted(SITE.glob(pattern))[:1])
    return found


def jobs(paths: Iterable[Path], makers: tuple[str, ...]) -> list[Job]:
    """One design per maker per source, the designs in turn, so each design meets every kind of
    source and each maker every design."""
    designs = list(DESIGNS)
    out: list[Job] = []
    for i, path in enumerate(paths):
        try:
            text = source_html(path)
        except (OSError, RuntimeError) as e:
            print(f"skipped source {path}: {e}")
            continue
        for maker in makers:
            design = designs[(i + 2 * MAKERS.index(maker)) % len(designs)]
            out.append(Job(source_name(path), styled(text, design), path.parent, design, maker))
    return [j for m in makers for j in [j for j in out if j.maker == m][:MAX_PDFS_PER_MAKER]]


def make_weasyprint(job: Job, out: Path) -> None:
    import weasyprint

    fetcher: object
    try:
        from weasyprint.urls import URLFetcher

        fetcher = URLFetcher(allowed_protocols={"file", "data"})  # no network
    except ImportError:  # older WeasyPrint: a function
        def fetcher(url: str) -> dict[str, object]:
            if not url.startswith(("file:", "data:")):
                raise ValueError(f"no network: {url}")
            return dict(weasyprint.default_url_fetcher(url))
    weasyprint.HTML(
        string=job.html, base_url=job.base.as_uri() + "/", url_fetcher=fetcher
    ).write_pdf(out, pdf_variant="pdf/ua-1")


def make_chromium(job: Job, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="heldout-chromium-") as tmp:
        page = Path(tmp) / "page.html"
        # The base goes into the head: before the doctype it would put the page in quirks mode.
        page.write_text(in_head(job.html, f'<base href="{job.base.as_uri()}/">'),
                        encoding="utf-8")
        subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={tmp}/profile", "--host-resolver-rules=MAP * ~NOTFOUND",
             "--no-pdf-header-footer", "--generate-pdf-document-outline",
             f"--print-to-pdf={out}", page.as_uri()],
            capture_output=True, timeout=180, check=True,
        )


def make_libreoffice(job: Job, out: Path) -> None:
    """The page as an office document: pandoc writes a .docx in the design's page set-up and
    styles, LibreOffice Writer exports it as a tagged PDF."""
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    title = _TITLE.search(job.html)
    label = " ".join(html.unescape(title.group(1)).split())[:60] if title else "Document"
    with tempfile.TemporaryDirectory(prefix="heldout-libreoffice-") as tmp:
        work = Path(tmp)
        reference = work / "reference.docx"
        write_reference(pandoc, job.design, label, reference)
        page = work / "page.html"
        page.write_text(job.html, encoding="utf-8")
        numbered = ["--number-sections"] if job.design == "serifnum" else []
        subprocess.run(
            [pandoc, str(page), "--from=html", "--to=docx", f"--reference-doc={reference}",
             f"--resource-path={job.base}", "--output", str(work / "page.docx"), *numbered],
            capture_output=True, timeout=180, check=True,
        )
        # Its own profile: soffice instances sharing one would wait for each other or fail.
        subprocess.run(
            [soffice(), "--headless", "--norestore",
             f"-env:UserInstallation={(work / 'profile').as_uri()}",
             "--convert-to", f"pdf:writer_pdf_Export:{LIBREOFFICE_PDF_OPTIONS}",
             "--outdir", str(work), str(work / "page.docx")],
            capture_output=True, timeout=300, check=True,
        )
        made = work / "page.pdf"
        if not made.is_file():
            raise RuntimeError("soffice wrote no PDF")
        shutil.move(made, out)


#: Tagged PDF (a structure tree), as an office user gets with "Tagged PDF" ticked.
LIBREOFFICE_PDF_OPTIONS = '{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


MAKE: dict[str, Callable[[Job, Path], None]] = {
    "weasyprint": make_weasyprint, "chromium": make_chromium, "libreoffice": make_libreoffice,
}


def soffice() -> str:
    return shutil.which("soffice") or shutil.which("libreoffice") or "soffice"


def chromium() -> str:
    return shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"


def make(job: Job) -> str:
    """Makes the job's PDF unless the cache holds it already; "" or the reason it failed."""
    stamp = job.pdf.with_suffix(".key")
    if job.pdf.exists() and stamp.exists() and stamp.read_text() == job.key:
        return ""
    partial = job.pdf.with_suffix(".part.pdf")
    try:
        MAKE[job.maker](job, partial)
    except Exception as e:  # noqa: BLE001 - a maker's failure is reported, the rest go on
        return f"{type(e).__name__}: {str(e)[:120]}"
    partial.replace(job.pdf)
    stamp.write_text(job.key)
    return ""


def has_structure_tree(path: Path) -> bool:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return "/StructTreeRoot" in pdf.Root


def weasyprint_tags() -> bool:
    """WeasyPrint is installed and writes a structure tree (pdf/ua-1 exists from v59)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def available_makers() -> tuple[str, ...]:
    makers = ["weasyprint"] if weasyprint_tags() else []
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        makers.append("chromium")
    if shutil.which("soffice") or shutil.which("libreoffice"):
        makers.append("libreoffice")
    return tuple(makers)


def check_truth(s: Scores) -> Scores:
    """A truth that loses poppler's text scores the layout reader on what is not there."""
    if not s.note and s.s_recall is not None and s.s_recall < TRUTH_RECALL_MIN:
        s.note = f"tags lose text (s_recall {s.s_recall:.3f}): no truth"
    return s


def score_file(path: Path, tmp: Path, html_text: str | None = None) -> Scores:
    """The structure bench's scores of one PDF; given its source HTML, a WeasyPrint PDF's
    truth leaves out the items that are a definition list's term or definition
    (:func:`list_item_of_its_own`)."""
    if not has_structure_tree(path):
        return Scores(path.name, 0, note="no structure tree: no truth")
    truth_item = None
    if html_text is not None and path.name.endswith(".weasyprint.pdf"):
        truth_item = list_item_of_its_own(html_item_texts(html_text),
                                          html_item_counts(html_text))
    return check_truth(structure.run_file(path, tmp, truth_item))


#: HTML elements whose text the makers may tag as a list item.
ITEM_ELEMENTS = ("li", "dt", "dd")
#: Characters an item's text has at least to be found as a part of an element's.
PART_CHARS = 40


def html_item_texts(text: str) -> dict[str, str]:
    """Normalised text of each ``li``/``dt``/``dd`` of the source HTML -> its element name (the
    innermost wins: a ``dd`` inside an ``li`` is a ``dd``)."""
    return {own: tag for own, tag in html_item_elements(text)}


def html_item_counts(text: str) -> Counter[tuple[str, str]]:
    """How many ``li``/``dt``/``dd`` of the source HTML have each normalised text, by element
    name: the same words may be a term and an item ("Parse the Stylesheet", a ``<dt>`` of
    the contents and a step of an ``<ol>``)."""
    return Counter(html_item_elements(text))


def html_item_elements(text: str) -> list[tuple[str, str]]:
    """The normalised text and the name of each ``li``/``dt``/``dd`` of the source HTML, in
    the document's order."""
    root = lxml_html.fromstring(text)
    out: list[tuple[str, str]] = []
    for element in root.iter(*ITEM_ELEMENTS):
        own = structure.norm(" ".join(
            t for t in element.xpath("text()|.//*[not(self::ul or self::ol or self::dl)]/text()")
        ))
        if own:
            out.append((own, str(element.tag)))
    return out


def term_and_item(text: str, counts: Counter[tuple[str, str]]) -> tuple[int, int]:
    """How many ``li`` of the source HTML have normalised ``text`` as theirs, and how many
    ``dt``/``dd``."""
    return counts[(text, "li")], counts[(text, "dt")] + counts[(text, "dd")]


def element_of(text: str, kinds: dict[str, str], label: str = "") -> str:
    """:func:`element_of_text` of the item's text, or of its label and text (a ``<dt>``
    "1. Background" holds the number the layout reader reads as the item's label)."""
    tag = element_of_text(text, kinds)
    if tag == "?" and label:
        tag = element_of_text(structure.norm(f"{label} {text}"), kinds)
    return tag


def element_of_text(text: str, kinds: dict[str, str]) -> str:
    """The HTML element an item's text comes from: exact, or one its text is part of (a
    part the maker tagged apart, past a page break) or starts with. A start counts only when
    the shorter of the two texts has PREFIX_CHARS and ends at a word's end: a one-letter term
    (a ``<dt>`` "%p", normalised "p") is the start of every text that starts with that letter
    ("preamble the purpose of ..."), and was taken for its element."""
    if text in kinds:
        return kinds[text]
    for whole, tag in kinds.items():
        if starts_with_words(whole, text) or starts_with_words(text, whole):
            return tag
        if len(text) >= PART_CHARS and text in whole:
            return tag
    return "?"


#: Characters the shorter of two normalised texts has at least to be found as the other's start.
PREFIX_CHARS = 12


def starts_with_words(text: str, start: str) -> bool:
    """Whether normalised ``text`` starts with ``start`` (of PREFIX_CHARS at least), ending
    at a word's end."""
    return (len(start) >= PREFIX_CHARS and text.startswith(start)
            and text[len(start):len(start) + 1] in ("", " "))


def list_item_of_its_own(
    kinds: dict[str, str], counts: Counter[tuple[str, str]],
) -> Callable[[ListItem], bool]:
    """Whether a truth item is a list item at all: not when its text is a ``<dt>``'s or a
    ``<dd>``'s. WeasyPrint tags each term and each definition of a definition list as an
    ``LI`` of its own (its tags.py maps li, dt and dd alike to LI: "TODO: dt should be
    different"); in the standard (ISO 32000-1 table 336, ISO 32000-2 14.8.4.8.3) a list item
    is one member of the list, its ``Lbl`` a name for it and its ``LBody`` "the descriptive
    content of a list item. In a dictionary list, for example, it contains the definition of
    the term": a term and its definition are one item, never two. Those ``LI`` are no truth
    (Chromium and LibreOffice tag a definition list's terms and definitions as paragraphs),
    so they are left out of the truth's items; the layout reader's items are all kept, and
    one that reads a term or a definition as an item stays unmatched (false). Where the
    same words are both (``counts``: a contents' term and a step of a list), as many items
    of those words are kept as there are ``li`` of them (the truth is matched by text): ask
    it once of each truth item, in turn."""
    kept: Counter[str] = Counter()

    def own(item: ListItem) -> bool:
        text = structure.norm(item.text)
        items, terms = term_and_item(text, counts)
        if items and terms:
            kept[text] += 1
            return kept[text] <= items
        return element_of(text, kinds, item.label) not in ("dt", "dd")
    return own


def print_breakdown(results: list[Scores], part: int, title: str) -> None:
    """The means by one part of the name (source.design.maker.pdf) -- per maker, per design."""
    scored = [s for s in results if not s.note]
    groups = sorted({s.name.split(".")[part] for s in scored})
    print(f"means per {title}:")
    print(f"  {title:12} {'n':>3} " + " ".join(f"{m:>8}" for m in MEASURES) + f" {'ratio':>6}")
    for group in groups:
        members = [s for s in scored if s.name.split(".")[part] == group]
        values = " ".join(f"{fmt(structure.mean_of(members, m)[0]):>8}" for m in MEASURES)
        print(f"  {group:12} {len(members):3} {values} {structure.time_ratio(members):6.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="substring of the PDF names to run")
    parser.add_argument("--maker", choices=MAKERS, help="only this maker's PDFs")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                        help="PDFs made at once")
    parser.add_argument("--worst", type=int, default=10, help="how many worst files to list")
    parser.add_argument("--no-table-runs", action="store_true",
                        help="match tables one to one only (no runs of truth tables)")
    args = parser.parse_args()
    structure.set_table_runs(not args.no_table_runs)
    missing = [tool for tool in ("pdftotext",) if shutil.which(tool) is None]
    try:
        import pypandoc

        pypandoc.get_pandoc_version()
    except (ImportError, OSError, RuntimeError):
        missing.append("pandoc")
    makers = available_makers()
    if "weasyprint" not in makers:
        missing.append("WeasyPrint")
    if missing:
        print(f"skipped: {', '.join(missing)} not installed")
        return 0
    if args.maker:
        makers = tuple(m for m in makers if m == args.maker)
    todo = jobs(sources(), makers)
    if args.only:
        todo = [j for j in todo if args.only in j.pdf.name]
    if not todo:
        print("skipped: none of the source documents is on this machine")
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    print(f"held-out set: {len(todo)} PDFs from {len({j.name for j in todo})} sources, "
          f"makers {', '.join(makers)}, designs {', '.join(DESIGNS)} (cache {CACHE})")
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        failures = list(pool.map(make, todo))
    made = []
    for job, failure in zip(todo, failures, strict=True):
        if failure:
            print(f"not made: {job.pdf.name}: {failure}")
        else:
            made.append(job.pdf)
    source_of = {j.pdf: j.html for j in todo}
    results = structure.run_all(made, lambda pdf, tmp: score_file(pdf, tmp, source_of[pdf]))
    dropped = [s for s in results if s.note]
    print()
    if dropped:
        print(f"dropped (no usable truth): {len(dropped)}")
        for s in dropped:
            print(f"  {s.name}: {s.note}")
        print()
    structure.print_means(results)
    print()
    print_breakdown(results, -2, "maker")
    print()
    print_breakdown(results, -3, "design")
    print()
    structure.print_worst(results, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
