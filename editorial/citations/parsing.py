"""
BibTeX and RIS text to plain citation records (dicts of Reference field names), through bibtexparser 2
and rispy. Nothing is validated here but the file as a whole: what cannot be read raises ImportFileError
with a message naming the record and what to do. Zotero, Mendeley and EndNote all export both formats.
"""

import logging
import re
from dataclasses import dataclass, field

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from catalogue.io.errors import ImportFileError

MAX_BYTES = 1024 * 1024  # a thousand references is about 1 MB of BibTeX; larger libraries go in parts
MAX_RECORDS = 500
SAVE_AS_UTF8 = "Export it again as UTF-8 (in Zotero: Export Library > Character encoding: Unicode (UTF-8))."

# Citation-manager record types to the reference kinds the catalogue knows (used only where it has `kind`).
BIBTEX_KINDS = {
    "article": "article",
    "book": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "misc": "webpage",
}
RIS_KINDS = {
    "JOUR": "article",
    "JFULL": "article",
    "BOOK": "book",
    "CHAP": "chapter",
    "RPRT": "report",
    "ELEC": "webpage",
    "WEB": "webpage",
    "BILL": "legislation",
    "STAT": "legislation",
    "CASE": "judgment",
    "GOVDOC": "guidance",
}


@dataclass
class CitationRecord:
    number: int  # its place in the file, from 1
    name: str  # "Record 2 (smith2017)": how messages and the preview name it
    values: dict = field(default_factory=dict)


def decode_citations(data: bytes) -> str:
    """UTF-8 text of an upload, or a message: binary, too large, empty or another encoding are refused."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            f"The file is {len(data) // 1024} KB; the limit is {MAX_BYTES // 1024} KB. "
            "Export fewer references at a time."
        )
    if b"\x00" in data:
        raise ImportFileError("This is not a BibTeX or RIS text file (it contains binary data). " + SAVE_AS_UTF8)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"The file is not UTF-8 text (byte 0x{data[error.start]:02X} on line {line}). {SAVE_AS_UTF8}"
        ) from None
    if not text.strip():
        raise ImportFileError("The file is empty: paste or upload at least one BibTeX or RIS record.")
    return text


def read_citations(text: str) -> list[CitationRecord]:
    """Records from BibTeX or RIS text (told apart by RIS's 'TY  -' first tag); at most MAX_RECORDS."""
    if len(text.encode()) > MAX_BYTES:
        raise ImportFileError(f"The text is longer than {MAX_BYTES // 1024} KB. Import fewer references at a time.")
    if not text.strip():
        raise ImportFileError("Nothing to import: paste or upload at least one BibTeX or RIS record.")
    if re.search(r"^\s*TY  - ", text, re.MULTILINE):
        records = _read_ris(text)
    elif re.search(r"^\s*@\s*\w+\s*[{(]", text, re.MULTILINE):
        records = _read_bibtex(text)
    else:
        raise ImportFileError(
            "This is neither BibTeX (records start '@article{') nor RIS (records start 'TY  - '). "
            "Export from your citation manager as BibTeX (.bib) or RIS (.ris)."
        )
    if not records:
        raise ImportFileError("No records were found in the text.")
    if len(records) > MAX_RECORDS:
        raise ImportFileError(f"There are {len(records)} records; import at most {MAX_RECORDS} at a time.")
    return records


def _read_bibtex(text: str) -> list[CitationRecord]:
    logging.getLogger("bibtexparser").disabled = True  # it logs every bad block; the editor gets a message instead
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    if library.failed_blocks:
        block = library.failed_blocks[0]
        raise ImportFileError(
            f"The BibTeX cannot be read from line {block.start_line + 1}: a record there is incomplete "
            "(a missing brace, comma or quote?). Nothing was imported."
        )
    records = []
    for number, entry in enumerate(library.entries, start=1):
        fields = {key.lower(): str(item.value).strip() for key, item in entry.fields_dict.items()}
        values = {
            "authors": cited_authors(re.split(r"\s+and\s+", fields.get("author") or fields.get("editor") or "")),
            "title": _one_line(fields.get("title", "")),
            "year": fields.get("year", "")[:4] or fields.get("date", "")[:4],
            "journal": fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle", ""),
            "publisher": fields.get("publisher") or fields.get("institution") or fields.get("organization", ""),
            "url": fields.get("url", ""),
            "doi": fields.get("doi", ""),
            "volume": fields.get("volume", ""),
            "issue": fields.get("number", ""),
            "pages": fields.get("pages", "").replace("--", "–"),
            "kind": BIBTEX_KINDS.get(entry.entry_type.lower(), ""),
        }
        records.append(CitationRecord(number, f"Record {number} ({entry.key})", values))
    return records


def _read_ris(text: str) -> list[CitationRecord]:
    try:
        entries = rispy.loads(text)
    except Exception as error:  # rispy raises several types (IOError, ValueError...) for malformed files
        raise ImportFileError(
            f"The RIS cannot be read: {error}. Each record starts 'TY  - ' and ends 'ER  - '."
        ) from None
    records = []
    for number, entry in enumerate(entries, start=1):

        def first(*keys, entry=entry):
            for key in keys:
                value = entry.get(key)
                value = value[0] if isinstance(value, list) and value else value
                if value:
                    return str(value).strip()
            return ""

        pages = "–".join(filter(None, [first("start_page"), first("end_page")]))
        values = {
            "authors": cited_authors(entry.get("authors") or entry.get("first_authors") or []),
            "title": _one_line(first("title", "primary_title")),
            "year": first("year", "publication_year")[:4],
            "journal": first("journal_name", "secondary_title", "alternate_title3"),
            "publisher": first("publisher"),
            "url": first("urls"),
            "doi": first("doi"),
            "volume": first("volume"),
            "issue": first("number"),
            "pages": pages,
            "kind": RIS_KINDS.get(first("type_of_reference"), ""),
        }
        records.append(CitationRecord(number, f"Record {number}", values))
    return records


def cited_authors(names) -> str:
    """'Broadhurst, Karen' and 'Claire Mason' -> 'Broadhurst K, Mason C', as the catalogue cites them."""
    cited = []
    for name in (_one_line(name) for name in names):
        if not name:
            continue
        if "," in name:
            family, _, given = name.partition(",")
        else:
            *given_parts, family = name.split(" ")
            given = " ".join(given_parts)
        initials = "".join(part[0].upper() for part in re.split(r"[\s.-]+", given) if part)
        cited.append(f"{family.strip()} {initials}".strip())
    return ", ".join(cited)


def _one_line(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()
