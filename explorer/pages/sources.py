"""/data/sources/: every dataset the data wing shows, with its publisher, licence and known limits."""

from django.shortcuts import render

from ..figures.under_one import PAIRING
from ..models import HeadlineFigure
from ..sources import DATASETS, OGL_STATEMENT, OGL_URL
from .datasets import published_datasets


def sources(request):
    return render(
        request,
        "explorer/sources.html",
        {
            "datasets": DATASETS,
            "headline_figures": HeadlineFigure.objects.all(),
            "ogl_statement": OGL_STATEMENT,
            "ogl_url": OGL_URL,
            "uploads": published_datasets(),
            "pairing": PAIRING,
        },
    )
