from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The site shell: home page, standard pages, settings and URL routing."""

    name = "website"
    verbose_name = "Website"

    def ready(self):
        from .page_cache import connect_invalidation

        connect_invalidation()
