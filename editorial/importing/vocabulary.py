"""Looking taxonomy values up the way editors write them: by name, slug or ONS code, any letter case."""

from catalogue.models import AreaOfPractice, EvidenceLevel, LocalAuthority, Region, Stage, Topic


def _index(objects, *attributes):
    found = {}
    for obj in objects:
        for attribute in attributes:
            key = (getattr(obj, attribute) or "").strip().lower()
            if key:
                found.setdefault(key, obj)
    return found


class ImportVocabulary:
    """Every vocabulary loaded once per import, keyed by each accepted spelling."""

    def __init__(self):
        self.by_column = {
            "areas": _index(AreaOfPractice.objects.all(), "name", "slug"),
            "stages": _index(Stage.objects.all(), "name", "slug"),
            "topics": _index(Topic.objects.all(), "name", "slug"),
            "regions": _index(Region.objects.all(), "name", "slug", "code"),
            "local_authorities": _index(LocalAuthority.objects.all(), "name", "ons_code"),
            "evidence_level": _index(EvidenceLevel.objects.all(), "name", "slug"),
        }
        self.not_yet_rated = EvidenceLevel.objects.filter(kind=EvidenceLevel.Kind.UNRATED).first()

    def look_up(self, column: str, value: str):
        return self.by_column[column].get(value.strip().lower())
