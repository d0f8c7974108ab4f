"""Which editor each profile field gets."""

from __future__ import annotations

from ui.profile.forms import specs
from ui.profile.forms.base import FieldEditor
from ui.profile.forms.list_editor import ListEditor
from ui.profile.forms.name import NameEditor
from ui.profile.profile_items import noun

_VALUE_KINDS = {
    "emails": ("email", "name@example.org"),
    "phones": ("phone", "+44 20 7946 0000"),
    "links": ("link", "github.com/someone"),
    "skills": ("text", "Python"),
    "research_interests": ("text", "A short topic phrase"),
}
_ENTRY_SPECS = {
    "education": specs.EDUCATION,
    "experience": specs.EXPERIENCE,
    "publications": specs.PUBLICATIONS,
    "awards": specs.AWARDS,
    "projects": specs.PROJECTS,
}


def editor_for(field: str) -> FieldEditor:
    if field == "name":
        return NameEditor()
    if field in _VALUE_KINDS:
        kind, placeholder = _VALUE_KINDS[field]
        return ListEditor(specs.value_spec(kind, placeholder), noun(field), cards=False)
    return ListEditor(_ENTRY_SPECS[field], noun(field), cards=True)
