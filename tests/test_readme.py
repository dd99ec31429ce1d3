from service.settings import settings_markdown_table
from tests.support.services import REPO_ROOT


def test_readme_documents_every_setting_with_its_default() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    assert settings_markdown_table() in readme, "run `accessible-formats settings` into README"


def test_readme_starts_with_the_two_commands() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    first_block = readme.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make run", "make test"]
