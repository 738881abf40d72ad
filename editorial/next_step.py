"""
The page editor's main button is the step the user's role takes next: a Contributor (who cannot publish)
submits for review rather than only saving a draft; a Reviewer looking at an entry in review approves it.
Everything else stays under the arrow beside it.
"""

SUBMIT = "action-submit"
PUBLISH = "action-publish"
APPROVE = "approve"  # the workflow task's action (a WorkflowMenuItem named after it)


def next_step_first(menu_items: list) -> None:
    """Move the role's next step to the front of the page action menu (Wagtail's default button is the first)."""
    names = [item.name for item in menu_items]
    if APPROVE in names:
        wanted = APPROVE
    elif SUBMIT in names and PUBLISH not in names:
        wanted = SUBMIT
    else:
        return
    menu_items.insert(0, menu_items.pop(names.index(wanted)))
