"""mdnet/yamlscalars.py: YAML's own resolvers for plain scalars, without importing PyYAML."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mdnet import yamlscalars


def _pyyaml_resolvers() -> dict[str, list[tuple[str, str, int]]]:
    """PyYAML's safe loader's implicit resolvers by first character, less the timestamp."""
    return {
        first: [(tag, rx.pattern, rx.flags) for tag, rx in found if not tag.endswith(":timestamp")]
        for first, found in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }


def test_the_resolvers_are_pyyamls_in_its_order() -> None:
    ours = {
        first: [(tag, pattern, re.compile(pattern, flags).flags) for tag, pattern, flags in found]
        for first, found in yamlscalars._BY_FIRST.items()
    }
    assert ours == _pyyaml_resolvers()


def _pyyaml_tag(value: str) -> str:
    """The tag PyYAML's safe loader gives a plain scalar (its resolver, without timestamps)."""
    for tag, rx in (
        (t, r)
        for t, r in yaml.CSafeLoader.yaml_implicit_resolvers.get(value[:1], [])
        if not t.endswith(":timestamp")
    ):
        if rx.match(value):
            return str(tag)
    return "tag:yaml.org,2002:str"


SCALARS = st.one_of(
    st.text(alphabet="0123456789+-._:eEbxoOnNtTfFyYlLuUaAsS~<=!&* ", max_size=8),
    st.sampled_from(
        [
            "",
            "~",
            "null",
            "Null",
            "yes",
            "No",
            "on",
            "OFF",
            "0x1F",
            "0b101",
            "017",
            "1_000",
            "1:30",
            "-.inf",
            ".NaN",
            "3.",
            "<<",
            "=",
            "!",
            "2026-11-02",
        ]
    ),
)


@settings(max_examples=3000, deadline=None)
@given(SCALARS)
def test_plain_tags_are_pyyamls(value: str) -> None:
    assert yamlscalars.plain_tag(value) == _pyyaml_tag(value)


def test_front_matter_without_yaml_does_not_import_pyyaml() -> None:
    code = (
        "import sys\n"
        "from mdnet.frontmatter import parse_front_matter\n"
        "fm = parse_front_matter('type: contact\\nname: \"Dana\"\\ntags: [a, b]\\nok: yes\\n', 1)\n"
        "assert fm.meta == {'type': 'contact', 'name': 'Dana', 'tags': ['a', 'b'], 'ok': True}\n"
        "assert 'yaml' not in sys.modules, 'imported'\n"
        "fm = parse_front_matter('target: 10\\n', 1)\n"
        "assert fm.meta == {'target': 10} and 'yaml' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
