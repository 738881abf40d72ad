"""
Citation files for the studies and documents entries cite: BibTeX, RIS and CSL-JSON for one reference,
an entry's references or the whole bibliography, so that readers cite the source, not our summary of it.
"""

import json
import re

from catalogue.models import Reference

from .citation import _bibtex_text, _ris_text

# Reference kind -> (CSL type, BibTeX entry type, RIS type)
KIND_TYPES = {
    "article": ("article-journal", "article", "JOUR"),
    "report": ("report", "techreport", "RPRT"),
    "book": ("book", "book", "BOOK"),
    "chapter": ("chapter", "incollection", "CHAP"),
    "webpage": ("webpage", "misc", "ELEC"),
    "legislation": ("legislation", "misc", "STAT"),
    "judgment": ("legal_case", "misc", "CASE"),
    "guidance": ("report", "techreport", "GOVDOC"),
}
# "Broadhurst K", "O'Farrelly C", "Bakermans-Kranenburg M", "Fearon RMP": a family name and initials.
PERSON = re.compile(r"^(?P<family>[^\W\d_][\w'’\-]*(?: [^\W\d_][\w'’\-]*)*) (?P<given>[A-Z]{1,4})$")
ET_AL = {"et al", "et al."}


def people(authors: str) -> tuple[list[dict], bool]:
    """CSL names from 'Family I, Family I, et al' (a body's name stays whole); and whether 'et al' ended it."""
    parts = [part.strip() for part in authors.split(",") if part.strip()]
    truncated = bool(parts) and parts[-1].lower() in ET_AL
    parts = [part for part in parts if part.lower() not in ET_AL]
    matches = [PERSON.match(part) for part in parts]
    if not parts or not all(matches):
        return ([{"literal": authors.strip()}] if authors.strip() else []), truncated
    return [{"family": m["family"], "given": " ".join(m["given"])} for m in matches], truncated


def citation_key(reference: Reference) -> str:
    return reference.key or f"reference-{reference.pk}"


def csl_item(reference: Reference, url: str = "") -> dict:
    """One reference as a CSL-JSON item."""
    csl_type = KIND_TYPES.get(reference.kind, KIND_TYPES["report"])[0]
    names, _ = people(reference.authors)
    item = {"id": citation_key(reference), "type": csl_type, "title": reference.title, "author": names}
    container = reference.journal or (reference.publisher if reference.kind == "article" else "")
    if container:
        item["container-title"] = container
    if reference.publisher and reference.kind != "article":
        item["publisher"] = reference.publisher
    if reference.year:
        item["issued"] = {"date-parts": [[reference.year, reference.month] if reference.month else [reference.year]]}
    for name, key in (("volume", "volume"), ("issue", "issue"), ("pages", "page"), ("doi", "DOI")):
        if getattr(reference, name):
            item[key] = getattr(reference, name)
    if reference.link:
        item["URL"] = reference.link
    if url:
        item["note"] = f"Listed in the Born into Care bibliography: {url}"
    return item


def _bibtex_name(name: dict) -> str:
    # Braces keep a body's name whole ("{HM Government}", not "Government, HM").
    if "family" in name:
        return f"{_bibtex_text(name['family'])}, {_bibtex_text(name['given'])}"
    return "{" + _bibtex_text(name["literal"]) + "}"


def bibtex_entry(reference: Reference) -> str:
    entry_type = KIND_TYPES.get(reference.kind, KIND_TYPES["report"])[1]
    names, truncated = people(reference.authors)
    authors = [_bibtex_name(name) for name in names] + (["others"] if truncated else [])
    fields = [("author", " and ".join(authors)), ("title", _bibtex_text(reference.title))]
    if reference.kind == "article":
        fields.append(("journal", _bibtex_text(reference.journal or reference.publisher)))
    elif reference.publisher:
        fields.append(("institution" if entry_type == "techreport" else "publisher", _bibtex_text(reference.publisher)))
    if reference.year:
        fields.append(("year", str(reference.year)))
    if reference.month:
        fields.append(("month", str(reference.month)))
    for name in ("volume", "issue", "pages"):
        if getattr(reference, name):
            fields.append(("number" if name == "issue" else name, _bibtex_text(getattr(reference, name))))
    if reference.doi:
        fields.append(("doi", _bibtex_text(reference.doi)))
    if reference.link:
        fields.append(("url", reference.link))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{entry_type}{{{citation_key(reference)},\n{body}\n}}\n"


def ris_record(reference: Reference) -> str:
    ris_type = KIND_TYPES.get(reference.kind, KIND_TYPES["report"])[2]
    names, truncated = people(reference.authors)
    lines = [("TY", ris_type)]
    lines += [("AU", _ris_text(f"{n['family']}, {n['given']}" if "family" in n else n["literal"])) for n in names]
    lines.append(("TI", _ris_text(reference.title)))
    if reference.kind == "article" and (reference.journal or reference.publisher):
        lines.append(("JO", _ris_text(reference.journal or reference.publisher)))
    elif reference.publisher:
        lines.append(("PB", _ris_text(reference.publisher)))
    if reference.year:
        lines.append(("PY", str(reference.year)))
    for tag, name in (("VL", "volume"), ("IS", "issue")):
        if getattr(reference, name):
            lines.append((tag, _ris_text(getattr(reference, name))))
    if reference.pages:
        start, _, end = reference.pages.partition("-")
        lines.append(("SP", _ris_text(start)))
        if end:
            lines.append(("EP", _ris_text(end)))
    if reference.doi:
        lines.append(("DO", _ris_text(reference.doi)))
    if reference.link:
        lines.append(("UR", reference.link))
    if truncated:
        lines.append(("N1", "Further authors not listed (et al)"))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def bibtex_file(references) -> str:
    return "\n".join(bibtex_entry(reference) for reference in references)


def ris_file(references) -> str:
    return "".join(ris_record(reference) for reference in references)


def csl_json_file(references) -> str:
    return json.dumps([csl_item(reference) for reference in references], ensure_ascii=False, indent=2) + "\n"


REFERENCE_WRITERS = {
    "bib": (bibtex_file, "application/x-bibtex; charset=utf-8"),
    "ris": (ris_file, "application/x-research-info-systems; charset=utf-8"),
    "json": (csl_json_file, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}
