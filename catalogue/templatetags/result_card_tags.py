"""{% result_cards results %}: the page's result cards, each rendered once per content version (search/cards.py)."""

from django import template

from catalogue.search.cards import result_cards as cards_for

register = template.Library()


@register.simple_tag(takes_context=True)
def result_cards(context, results):
    return cards_for(results, context)
