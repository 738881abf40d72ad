from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The site shell: home page, standard pages, settings and URL routing."""

    name = "website"
    verbose_name = "Website"

    def ready(self):
        from . import cache_parameters, wagtail_hooks  # noqa: F401  (their visitor lists: the worker builds them too)
        from .page_cache import connect_invalidation
        from .templatetags import website_tags  # noqa: F401  (as above)

        connect_invalidation()
