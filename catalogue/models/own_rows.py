"""Queries for the few pages of one type (standard pages, the data page, the law), planned from that type."""


def from_own_rows(pages):
    """
    `pages`, a query on one page type, limited to the rows of that type's own table: it finds the same pages.
    Without table statistics (SQLite has none until ANALYZE runs), the planner sorts by walking the page
    table's path or date index, so finding three standard pages read every page of the site: 16 to 29 ms
    each at 100,000 entries, for the footer, the menu's catalogue, the evidence-scale link, the data page,
    the recent case studies and the law by stage. Given `pk IN (this type's rows)`, it starts from those
    rows (0.02 ms). Every publish rebuilds these lists, so their cost was paid after every publish.
    """
    return pages.filter(pk__in=pages.model._base_manager.values("pk"))
