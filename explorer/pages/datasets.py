"""/data/datasets/: newborn care-proceedings figures uploaded by editors, each with its source and licence."""

from django.shortcuts import get_object_or_404, render

from ..figures import under_one
from ..models import NewbornDataset


def published_datasets():
    """Editors' uploads of newborn care-proceedings figures; invented (synthetic) ones are never shown."""
    return NewbornDataset.objects.filter(is_synthetic=False)


def datasets(request):
    return render(
        request,
        "explorer/datasets.html",
        {"datasets": published_datasets(), "current_dataset": published_datasets().first()},
    )


def dataset_detail(request, pk):
    dataset = get_object_or_404(published_datasets(), pk=pk)
    births = under_one.births_by_code_year()
    rows = [
        (
            count,
            f"{count.year} to {count.year + 1}" if dataset.period_type == "financial" else str(count.year),
            births.get((count.local_authority.ons_code, count.year)),
        )
        for count in dataset.counts.select_related("local_authority").order_by("local_authority__name", "year")
    ]
    return render(
        request,
        "explorer/dataset_detail.html",
        {"dataset": dataset, "rows": rows, "current_dataset": published_datasets().first()},
    )
