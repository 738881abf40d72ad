"""
Create the editorial roles, their permissions and the "Evidence review" workflow, idempotently.

Written against an app registry so that the data migration can pass its historical models and the
site-tree builder the real ones (it calls this right after creating the catalogue page, which on a fresh
database does not exist yet when migrations run).
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from . import roles

# Apps whose permissions the roles use; created here because on a fresh database Django only creates
# permissions after *all* migrations have run, too late for a data migration.
PERMISSION_APPS = (
    "auth",
    "wagtailadmin",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "catalogue",
    "editorial",
)


def ensure_editorial_setup(apps=global_apps) -> dict:
    """Make the roles, permissions and workflow exist; returns what it found or made, by name."""
    _ensure_permissions_exist(apps)
    groups = {name: apps.get_model("auth", "Group").objects.get_or_create(name=name)[0] for name in roles.ROLES}
    for name, group in groups.items():
        group.permissions.add(*_permissions(apps, roles.model_permissions(name)))
        _grant_collection_permissions(apps, group, roles.COLLECTION_PERMISSIONS[name])

    Page = apps.get_model("wagtailcore", "Page")
    site_root = Page.objects.filter(depth=1).first()
    catalogue = apps.get_model("catalogue", "CatalogueIndexPage").objects.first()
    if site_root is not None:
        _grant_page_permissions(
            apps, groups[roles.ADMINISTRATORS], site_root.pk, roles.PAGE_PERMISSIONS[roles.ADMINISTRATORS]
        )
    workflow = None
    if catalogue is not None:
        for name in (roles.CONTRIBUTORS, roles.REVIEWERS):
            _grant_page_permissions(apps, groups[name], catalogue.pk, roles.PAGE_PERMISSIONS[name])
        workflow = _ensure_workflow(apps, [groups[name] for name in roles.APPROVER_GROUPS], catalogue.pk)
    return {"groups": groups, "workflow": workflow, "catalogue": catalogue}


def _ensure_permissions_exist(apps):
    for label in PERMISSION_APPS:
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _grant_collection_permissions(apps, group, pairs):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    if root_collection is None:
        return
    for permission in _permissions(apps, pairs):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection, permission=permission)


def _grant_page_permissions(apps, group, page_id, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for permission in _permissions(apps, [("wagtailcore", codename) for codename in codenames]):
        GroupPagePermission.objects.get_or_create(group=group, page_id=page_id, permission=permission)


def _ensure_workflow(apps, approver_groups, catalogue_id):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    task = GroupApprovalTask.objects.filter(name=roles.REVIEW_TASK_NAME).first()
    if task is None:
        # Historical models lack Task.__init__, which normally records the specific content type.
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=roles.REVIEW_TASK_NAME, content_type_id=content_type.pk)
    task.groups.add(*approver_groups)
    workflow, _ = Workflow.objects.get_or_create(name=roles.WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # An administrator may later assign another workflow to the catalogue: do not take it back.
    WorkflowPage.objects.get_or_create(page_id=catalogue_id, defaults={"workflow": workflow})
    return workflow
