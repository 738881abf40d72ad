"""
The starter catalogue's keys beyond an entry's own fields (the shared content schema in the fixtures):
programme facts, the rating basis, guidance status, and references' full citation metadata.

`demo/catalogue.py` calls these from its loader, so the keys are read wherever an entry or a
correction carries them.
"""

from catalogue.models import DeliverySetting, RatingBasis, Reference
from catalogue.models.facts import FACT_FIELDS

REFERENCE_METADATA = ("kind", "journal", "volume", "issue", "pages", "month")


def merge_references(items: list[dict]) -> list[dict]:
    """
    References in file order, where a later item with a key already seen amends that reference (a part
    file can add a reference's journal, volume or kind without repeating it); a new key is a new one.
    """
    merged: dict[str, dict] = {}
    for item in items:
        if item["key"] in merged:
            merged[item["key"]] = {**merged[item["key"]], **item}
        else:
            merged[item["key"]] = dict(item)
    return list(merged.values())


def save_reference(spec: dict, fields: dict) -> Reference:
    """
    Create or update the reference `spec` describes: the one already holding its key, else the one with its
    title and year (as loads before keys were stored found it), else a new one.
    """
    fields = {"title": spec["title"], "year": spec.get("year"), **fields, **reference_defaults(spec)}
    reference = Reference.objects.filter(key=spec["key"]).first()
    if reference is None:
        reference, _ = Reference.objects.update_or_create(title=spec["title"], year=spec.get("year"), defaults=fields)
        return reference
    for name, value in fields.items():
        setattr(reference, name, value)
    reference.save()
    return reference


def reference_defaults(spec: dict) -> dict:
    """The citation metadata a reference spec gives (absent keys leave the stored value alone)."""
    defaults = {"key": spec["key"]}
    defaults.update({name: spec[name] for name in REFERENCE_METADATA if name in spec})
    for name in ("journal", "volume", "issue", "pages"):
        if name in defaults and defaults[name] is None:
            defaults[name] = ""
    return defaults


def apply_extras(page, spec: dict, kind: str, vocabulary) -> None:
    """Set the facts, rating basis and guidance status that `spec` (an entry or a correction) mentions."""
    if kind == "intervention" and "facts" in spec:
        _apply_facts(page, spec["facts"])
    if kind == "guidance" and "guidance_status" in spec:
        page.guidance_status = spec["guidance_status"] or ""
    if "rating_basis" in spec:
        page.rating_basis = [
            RatingBasis(
                reference=vocabulary.references[row["reference"]],
                outcomes=row["outcomes"],
                finding=row["finding"],
                primary=bool(row.get("primary")),
                sort_order=order,
            )
            for order, row in enumerate(spec["rating_basis"])
        ]


def _apply_facts(page, facts: dict) -> None:
    for key, field in FACT_FIELDS.items():
        if key in facts:
            setattr(page, field, facts[key] or "")
    if "settings" in facts:
        settings = {setting.slug: setting for setting in DeliverySetting.objects.all()}
        page.delivery_settings = [settings[slug] for slug in facts["settings"]]
