"""The site's URLs plus /peer-search/: Wagtail's plain project-template search view, for comparison."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.urls import path
from wagtail.models import Page

from website.urls import urlpatterns as site_urlpatterns


def peer_search(request):
    """What `wagtail start` generates (search/views.py), rendering titles instead of a template."""
    search_query = request.GET.get("query", None)
    page = request.GET.get("page", 1)
    search_results = Page.objects.live().search(search_query) if search_query else Page.objects.none()
    paginator = Paginator(search_results, 10)
    try:
        search_results = paginator.page(page)
    except PageNotAnInteger:
        search_results = paginator.page(1)
    except EmptyPage:
        search_results = paginator.page(paginator.num_pages)
    titles = "".join(f"<li>{result.title}</li>" for result in search_results)
    return HttpResponse(f"<p>{paginator.count} results</p><ul>{titles}</ul>")


urlpatterns = [path("peer-search/", peer_search)] + site_urlpatterns
