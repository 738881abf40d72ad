"""StreamField blocks for the body of catalogue entries."""

from wagtail import blocks


class KeyPointsBlock(blocks.StructBlock):
    """A short boxed list of the points a busy practitioner should take away."""

    heading = blocks.CharBlock(default="Key points", max_length=80)
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/key_points.html"
        preview_value = {"heading": "Key points", "points": ["Start assessment early in pregnancy."]}


class QuoteBlock(blocks.StructBlock):
    """A quotation from a parent, practitioner or source document, with attribution."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        preview_value = {"quote": "We were listened to.", "attribution": "A mother"}


class EntryBodyBlock(blocks.StreamBlock):
    """The blocks an entry body may use: headings, rich text, key points and quotes."""

    heading = blocks.CharBlock(form_classname="title", template="blocks/heading.html", icon="title")
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
    key_points = KeyPointsBlock()
    quote = QuoteBlock()
