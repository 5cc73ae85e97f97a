"""Finding what each domain app declares (reference data, importers…) through Django's app registry."""

from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps


def app_modules(name: str) -> list[ModuleType]:
    """The `name` module of every Precinct app that has one, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("precinct."):
            continue
        dotted = f"{config.name}.{name}"
        if find_spec(dotted) is not None:
            found.append(import_module(dotted))
    return found


def load_reference_after_migrate(sender, **kwargs) -> None:
    """Connected to post_migrate: fill in the sender app's missing reference data (unless the app's
    migrations were just unapplied, so that its tables are gone)."""
    state = kwargs.get("apps")
    if state is not None and not [m for m in state.get_models() if m._meta.app_label == sender.label]:
        return
    dotted = f"{sender.name}.reference"
    if find_spec(dotted) is not None:
        import_module(dotted).load()
