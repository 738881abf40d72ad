from django.apps import AppConfig


class DemoConfig(AppConfig):
    """
    Demonstration content: builds the whole site (page tree, demo catalogue, research-question links,
    synthetic entries for benchmarks). It sits on top of every other app, so it may import any of them
    and none of them imports it.
    """

    name = "demo"
    verbose_name = "Demonstration content"
