"""`mktcareers map` in a real pseudo-terminal (test_terminal's Terminal): coloured family
letters on a terminal, the same picture without colour under NO_COLOR, and a terminal
narrower than the picture gets the list. POSIX only (stdlib pty)."""

import pytest

pytest.importorskip("pty")

# env is a fixture: imported to be used by name, as pytest does
from test_terminal import Terminal, colours, env, visible_lines  # noqa: F401


@pytest.mark.parametrize("columns", [40, 80])
def test_map_on_a_terminal_is_coloured_and_the_same_without_colour(env, columns):  # noqa: F811
    sized = {**env, "COLUMNS": str(columns)}
    coloured = Terminal(["map"], sized, columns)
    assert coloured.wait() == 0
    assert colours(coloured.output)
    plain = Terminal(["map"], {**sized, "NO_COLOR": "1"}, columns)
    assert plain.wait() == 0
    assert not colours(plain.output)
    assert plain.text == coloured.text  # letters and numbers carry it all
    lines = visible_lines(plain.text)
    assert max(len(line) for line in lines) <= columns
    assert ("Remote suitability (0-100)" in plain.text) == (columns >= 50)
    assert "marketing-automation-specialist" in plain.text
