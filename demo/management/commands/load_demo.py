"""Load the demonstration site: page tree and demo catalogue. Safe to run again."""

from django.core.management.base import BaseCommand

from demo.catalogue import load_demo_catalogue
from demo.research_questions import link_demo_questions
from demo.site_tree import ensure_site_tree


class Command(BaseCommand):
    help = "Create the home, catalogue and standard pages and load the demo catalogue (idempotent)."

    def handle(self, *args, **options):
        _, catalogue = ensure_site_tree()
        created, revised = load_demo_catalogue(catalogue)
        self.stdout.write(f"Demo catalogue: {created} entries created, {revised} corrections published.")
        self.stdout.write(f"Research questions: {link_demo_questions()} links to demo entries added.")
