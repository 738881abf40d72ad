"""URL routing: the admin, documents, sitemap, then Wagtail's page tree for everything else."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from opendata.sitemap import sitemap_index, sitemap_page
from website.password_reset import ThrottledPasswordResetView

urlpatterns = [
    # Before the admin's own pattern for the same address, which has no rate limit.
    path("admin/password_reset/", ThrottledPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_index),
    path("sitemap-<int:number>.xml", sitemap_page, name="opendata-sitemap-page"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Open data (API, compare, robots.txt) before the page tree claims the paths.
urlpatterns += [path("", include("opendata.urls"))]
urlpatterns += [path("evidence-map/", include("evidencemap.urls"))]
# Wagtail's pattern takes only slash-ended segments; page routes ending in a file name (the catalogue's
# export.csv, an entry's cite.bib) reach its page routing through this one, after every app's own URLs.
urlpatterns += [re_path(r"^((?:[\w\-]+/)+[\w\-]+\.\w+)$", wagtail_views.serve, name="page-file-route")]
urlpatterns += [path("", include(wagtail_urls))]
