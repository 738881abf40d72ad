"""One way to hear of every change to some models' rows: saves, deletes and edits of their many-to-many fields."""

from collections.abc import Callable, Iterable

from django.db.models.signals import m2m_changed, post_delete, post_save


def on_row_changes(models: Iterable, receiver: Callable, name: str) -> None:
    """Call `receiver(sender, **kwargs)` once for each such change; `name` tells this set of connections apart."""
    after = _once_done(receiver)
    for model in models:
        uid = f"{name}-{model._meta.label}"
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(after, sender=through, weak=False, dispatch_uid=f"{uid}-{field.name}")


def _once_done(receiver: Callable) -> Callable:
    """A many-to-many edit is signalled before and after: only the edit done counts."""

    def changed(sender, action: str, **kwargs):
        if action.startswith("post_"):
            receiver(sender, action=action, **kwargs)

    return changed
