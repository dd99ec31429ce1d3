"""Heading levels in the tagged PDF are closed up as in the other outputs: the first heading
becomes H1 and no level is skipped, while headings at one level under one parent stay
siblings (a source that starts at H2 keeps its later H2s beside the first, not under it)."""

from __future__ import annotations

from workers.engine.tagged_pdf.plan import Node, fix_heading_levels


def _roles_after_fixing(*roles: str) -> list[str]:
    root = Node("Document", [Node(role, text=f"heading {k}") for k, role in enumerate(roles)])
    fix_heading_levels(root)
    return [child.role for child in root.children]


def test_a_source_starting_at_h2_keeps_its_sections_siblings() -> None:
    # A printed web page without its h1: "templates", "Synopsis", "Description" are siblings.
    assert _roles_after_fixing("H2", "H2", "H3", "H3", "H2") == ["H1", "H1", "H2", "H2", "H1"]


def test_a_skipped_level_is_closed_up_under_its_parent() -> None:
    assert _roles_after_fixing("H1", "H3", "H3", "H4", "H2") == ["H1", "H2", "H2", "H3", "H2"]


def test_other_roles_are_left_alone() -> None:
    assert _roles_after_fixing("H1", "P", "H2", "Hx") == ["H1", "P", "H2", "Hx"]
