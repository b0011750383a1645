import pytest

from fitrec.catalog import default_catalog
from fitrec.planning.templates import builtin_template, builtin_templates
from fitrec.rules import lint_program
from fitrec.rules.finding import Severity
from fitrec.textformat import format_program, parse_program

NAMES = [
    "Chest post-exhaust",
    "Back post-exhaust",
    "Shoulder post-exhaust",
    "Quadriceps post-exhaust",
    "Hamstrings post-exhaust",
    "Triceps post-exhaust",
    "Sample post-exhaust full body",
]


def test_templates_come_in_the_articles_order_sample_last() -> None:
    assert list(builtin_templates()) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_each_template_parses_lints_clean_and_is_canonical(name: str) -> None:
    text = builtin_template(name)
    program = parse_program(text)
    assert program.name == name
    found = lint_program(program, default_catalog())
    assert [f for f in found if f.severity is not Severity.INFO] == []
    assert format_program(program) == text


def test_lookup_is_case_insensitive_and_unknown_names_list_the_known() -> None:
    assert builtin_template("  chest POST-EXHAUST ") == builtin_template("Chest post-exhaust")
    with pytest.raises(KeyError, match="Triceps post-exhaust"):
        builtin_template("Biceps post-exhaust")
