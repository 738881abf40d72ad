"""The import toolkit's runner: every row checked, then everything written in one transaction or nothing."""

import pytest
from django.contrib.auth.models import Group

from catalogue.io.importing import (
    MAX_LISTED_PROBLEMS,
    ErrorReport,
    RowError,
    RowInvalid,
    capped,
    import_all_or_nothing,
)

pytestmark = pytest.mark.django_db

NAMES = ["first", "second", "third"]


def check(name: str) -> str:
    if not name.isalpha():
        raise RowInvalid([RowError(NAMES.index(name) + 2 if name in NAMES else None, "name", f"'{name}' has a digit")])
    return name


def group_names() -> set[str]:
    return set(Group.objects.values_list("name", flat=True))  # Wagtail's migrations add some of their own


def write(names: list[str]) -> None:
    for name in names:
        Group.objects.create(name=name)


def test_a_good_file_is_written_whole():
    before = group_names()
    run = import_all_or_nothing(NAMES, check, write)
    assert run.written and run.errors == []
    assert group_names() == before | set(NAMES)


def test_a_bad_third_row_of_three_leaves_the_database_unchanged():
    before = group_names()
    rows = [*NAMES[:2], "th1rd"]
    run = import_all_or_nothing(rows, check, write)
    assert not run.written and run.checked == NAMES[:2]
    assert [str(error) for error in run.errors] == ["name: 'th1rd' has a digit"]
    assert group_names() == before


def test_every_row_is_checked_not_just_up_to_the_first_bad_one():
    run = import_all_or_nothing(["1st", "second", "3rd"], check, write)
    assert [error.message for error in run.errors] == ["'1st' has a digit", "'3rd' has a digit"]
    assert not Group.objects.filter(name__in=NAMES).exists()


def test_a_row_that_fails_while_writing_rolls_back_the_rows_written_before_it():
    def write_until_the_third(names):
        for line, name in enumerate(names, start=2):
            if name == NAMES[2]:
                raise RowInvalid([RowError(line, "", "cannot be saved")])
            Group.objects.create(name=name)

    run = import_all_or_nothing(NAMES, check, write_until_the_third)
    assert not run.written and run.errors == [RowError(4, "", "cannot be saved")]
    assert not Group.objects.filter(name__in=NAMES).exists()


def test_a_dry_run_checks_every_row_and_writes_nothing():
    run = import_all_or_nothing(NAMES, check, write, dry_run=True)
    assert not run.written and run.errors == [] and run.checked == NAMES
    assert not Group.objects.filter(name__in=NAMES).exists()


def test_the_report_lists_the_first_problems_and_counts_the_rest():
    extra = 7
    report = ErrorReport([RowError(line, "", "bad") for line in range(MAX_LISTED_PROBLEMS + extra)])
    assert len(report.listed_errors) == MAX_LISTED_PROBLEMS and report.unlisted_errors == extra
    assert not report.ok and report.file_error is None
    report.add_file_error("The file is empty.")
    assert report.file_error == RowError(None, "", "The file is empty.")
    assert capped([1, 2, 3], limit=2) == ([1, 2], 1) and capped([1], limit=2) == ([1], 0)
