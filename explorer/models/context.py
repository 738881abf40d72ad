"""
Context measures by English local authority (fixtures/context-measures/): DfE's published children in
need and child protection rates, the children's social work workforce, and children in low-income
families. None of them is about infants alone: every one covers children of all ages.
"""

from django.db import models


class ContextFigure(models.Model):
    """One published value of one context measure, for one area and year, exactly as the source gives it."""

    measure = models.CharField(max_length=60)  # the fixture's own measure name, e.g. cpp_rate_per_10000_at_31_march
    year = models.PositiveSmallIntegerField()  # the source's own year (see year_label)
    year_label = models.CharField(max_length=120)
    geographic_level = models.CharField(max_length=20)  # National, Regional or Local authority
    # la_code_current; a joint return (e.g. Kingston and Richmond) is stored once for each authority in it.
    area_code = models.CharField(max_length=9)
    area_code_as_published = models.CharField(max_length=30)
    area_name = models.CharField(max_length=120)
    region_code = models.CharField(max_length=9, blank=True)
    value = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)  # None = not published
    flag = models.CharField(max_length=5, blank=True)  # the source's symbol where there is no value
    joint_return = models.BooleanField(default=False)
    unit = models.CharField(max_length=200)
    source_file = models.CharField(max_length=120)

    class Meta:
        indexes = [
            models.Index(fields=["measure", "year"], name="context_measure_year"),
            models.Index(fields=["area_code", "measure"], name="context_area_measure"),
        ]

    def __str__(self):
        return f"{self.measure} {self.year} {self.area_name}: {self.value if self.value is not None else self.flag}"
