"""`mdnet import`: vCard 3 and 4, Google, Outlook and LinkedIn CSV, --map, --update,
--dry-run, hostile names, bad rows, and re-imports that change nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TODAY, MakeVault, run, vault_rows
from hypothesis import given, settings
from hypothesis import strategies as st

from mdnet.importer.plan import Options, check_rendered, front_matter, render, safe_stem
from mdnet.importer.records import BadValue, Person, clean_name, parse_day
from mdnet.importer.write import add_properties
from mdnet.scaffold import builtin, note_filename

CONFIG = """
[folders]
contacts = "People"

[networks.peers]
cadence = "60d"
"""

SAM = """
---
type: contact
name: Sam Ortiz
aliases: [Sammy]
email: sam@ortiz.example
network: peers
---
## Log
- 2026-11-01 Coffee #give
"""

HOSTILE = 'Evil: #1 [x] {y} "q" & *z'

VCARD3 = (
    "BEGIN:VCARD\r\n"  # line 1
    "VERSION:3.0\r\n"
    "N:Whitfield;Dana;;;\r\n"
    "FN:Dana Whitfield\r\n"
    "NICKNAME:Dee\r\n"
    "ORG:Whitfield Media;Editorial\r\n"
    "TITLE:Editor\r\n"
    "EMAIL;TYPE=INTERNET:dana@example.com\r\n"
    "TEL;TYPE=CELL:+1 555 0100\r\n"
    "URL:https://dana.example\r\n"
    "BDAY:1985-04-12\r\n"
    "NOTE:Runs a newsletter on community\r\n"
    "  banking\\, weekly.\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # line 15: the same e-mail as Sam Ortiz, another name
    "VERSION:3.0\r\n"
    "FN:Samuel Ortiz\r\n"
    "EMAIL:SAM@ortiz.example\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # line 20
    "VERSION:3.0\r\n"
    "FN:../../etc/passwd\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # line 24
    "VERSION:3.0\r\n"
    "FN:CON\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # line 28: no name
    "VERSION:3.0\r\n"
    "N:;;;;\r\n"
    "EMAIL:nobody@example.com\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # line 33: a date that does not exist
    "VERSION:3.0\r\n"
    "FN:Bad Date\r\n"
    "BDAY:1990-02-30\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # line 38: the same person again in this file
    "VERSION:3.0\r\n"
    "FN:dana whitfield\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # line 42
    "VERSION:3.0\r\n"
    f"FN:{HOSTILE}\r\n"
    "END:VCARD\r\n"
)

VCARD4 = """\
BEGIN:VCARD
VERSION:4.0
N:Huang;Victor;;;
EMAIL;PREF=1:victor@bank.example
EMAIL:victor@home.example
BDAY:--0229
ANNIVERSARY:20100601
X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/victorhuang
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Grace Liu
ORG:First Bank
TITLE:Loan Officer
END:VCARD
"""

GOOGLE = (
    "First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,"
    "Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,"
    "Phone 1 - Value,Website 1 - Label,Website 1 - Value\n"
    "Nina,,Patel,,Patel Money,Writer,--04-12,,* myContacts,Work,"
    "nina@patel.example ::: nina2@patel.example,Mobile,+1 555 0102,,\n"  # line 2
    "Owen,,Fischer,,,,1980-13-01,,* myContacts,,,,,,\n"  # line 3: month 13
    ",,,,,,,,* myContacts,,orphan@example.com,,,,\n"  # line 4: no name
    "Hannah,,Osei,,,,,,,,,,,,https://hannah.example/\n"  # line 5
)

LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Alex,Chen,https://www.linkedin.com/in/alexchen,,Chen Writes,Blogger,15 Mar 2024\n"  # 5
    "Bad,Date,https://www.linkedin.com/in/bad,,,,31 Feb 2024\n"  # 6
    "Victor,H.,https://linkedin.com/in/victorhuang/,,,,01 Jan 2025\n"  # 7: Victor's URL
    "CON,,https://www.linkedin.com/in/con,,,,02 Feb 2025\n"  # 8: CON is already there
    "Hannah:,Osei,https://www.linkedin.com/in/hosei,,,,03 Mar 2025\n"  # 9: another Hannah
)


def _import(vault: Path, file: Path, *args: str) -> Any:
    return run("import", str(file), "--vault", str(vault), "--today", TODAY, *args)


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".mdnet_cache" not in p.parts
    }


def _meta(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(meta, dict)
    return meta


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (
        ("v3.vcf", VCARD3),
        ("v4.vcf", VCARD4),
        ("google.csv", GOOGLE),
        ("Connections.csv", LINKEDIN),
    ):
        out[name] = tmp_path / name
        out[name].write_bytes(text.encode("utf-8"))
    return out


def test_four_exports_make_a_vault_that_checks_with_only_the_expected_findings(
    make_vault: MakeVault, files: dict[str, Path]
) -> None:
    vault = make_vault({"People/Sam Ortiz.md": SAM}, config=CONFIG)

    r3 = _import(vault, files["v3.vcf"], "--network", "peers")
    assert r3.exit_code == 1, r3.output  # rows were skipped
    shown = files["v3.vcf"].as_posix()
    assert f"{shown}:28: skipped: no name" in r3.stdout
    assert f"{shown}:33: skipped: " in r3.stdout and "1990-02-30" in r3.stdout
    assert "already in this file (line 1): dana whitfield" in r3.stdout
    assert "already there: Samuel Ortiz (People/Sam Ortiz.md, same e-mail" in r3.stdout

    r4 = _import(vault, files["v4.vcf"], "--network", "peers", "--tag", "bank")
    assert r4.exit_code == 0, r4.output
    rg = _import(vault, files["google.csv"], "--network", "peers")
    assert rg.exit_code == 1
    assert f"{files['google.csv'].as_posix()}:3: skipped: " in rg.stdout
    assert f"{files['google.csv'].as_posix()}:4: skipped: no name" in rg.stdout
    rl = _import(vault, files["Connections.csv"], "--network", "peers")
    assert rl.exit_code == 1
    assert f"{files['Connections.csv'].as_posix()}:6: skipped: " in rl.stdout
    assert "already there: Victor H. (People/Victor Huang.md, same URL" in rl.stdout

    assert "already there: CON (People/CON_.md, same name)" in rl.stdout

    assert sorted(p.name for p in (vault / "People").iterdir()) == [
        "Alex Chen.md",
        "CON_.md",
        "Dana Whitfield.md",
        "Evil 1 x {y} q & z.md",
        "Grace Liu.md",
        "Hannah Osei 2.md",
        "Hannah Osei.md",
        "Nina Patel.md",
        "Sam Ortiz.md",
        "Victor Huang.md",
        "etc passwd.md",
    ]
    assert not (vault.parent / "etc").exists()

    dana = _meta(vault / "People/Dana Whitfield.md")
    assert dana["name"] == "Dana Whitfield"
    assert dana["aliases"] == ["Dee"]
    assert dana["email"] == "dana@example.com"
    assert (dana["company"], dana["role"], dana["network"]) == (
        "Whitfield Media",
        "Editor",
        "peers",
    )
    assert str(dana["birthday"]) == "1985-04-12"
    assert "met" not in dana  # the template's `met: {{date}}` is not when you met them
    body = (vault / "People/Dana Whitfield.md").read_text(encoding="utf-8")
    assert "Runs a newsletter on community banking, weekly." in body
    victor = _meta(vault / "People/Victor Huang.md")
    assert victor["email"] == "victor@bank.example"
    assert victor["birthday"] == "--02-29"
    assert str(victor["anniversary"]) == "2010-06-01"
    assert victor["linkedin"] == "https://www.linkedin.com/in/victorhuang"
    assert victor["tags"] == ["bank"]
    nina = _meta(vault / "People/Nina Patel.md")
    assert (nina["email"], nina["phone"], nina["birthday"]) == (
        "nina@patel.example",
        "+1 555 0102",
        "--04-12",
    )
    alex = _meta(vault / "People/Alex Chen.md")
    assert (str(alex["met"]), alex["company"], alex["role"]) == (
        "2024-03-15",
        "Chen Writes",
        "Blogger",
    )
    assert _meta(vault / "People/Hannah Osei 2.md")["name"] == "Hannah: Osei"
    assert _meta(vault / "People/etc passwd.md")["name"] == "../../etc/passwd"
    assert _meta(vault / "People/CON_.md")["name"] == "CON"
    assert _meta(vault / "People/Evil 1 x {y} q & z.md")["name"] == HOSTILE

    # Imported without a date: never contacted (C005). LinkedIn's have `met:`, so they are
    # due (C001) and waiting for a follow-up (C008) instead. Nothing else.
    rows = vault_rows(vault, "--no-cache")
    found = {(row["path"], row["code"]) for row in rows}
    assert {code for _, code in found} <= {"C001", "C005", "C008"}, rows
    assert ("People/Dana Whitfield.md", "C005") in found
    assert ("People/Evil 1 x {y} q & z.md", "C005") in found
    assert ("People/Alex Chen.md", "C008") in found
    assert ("People/Alex Chen.md", "C005") not in found
    assert not any(path == "People/Sam Ortiz.md" for path, _ in found)

    # The same files again: nothing changes, everyone is already there.
    before = _tree(vault)
    for name, code in (("v3.vcf", 1), ("v4.vcf", 0), ("google.csv", 1), ("Connections.csv", 1)):
        again = _import(vault, files[name], "--network", "peers")
        assert again.exit_code == code, again.output
        assert "create" not in again.stdout
        assert "Imported 0 contacts" in again.stdout
    assert _tree(vault) == before


def test_a_hostile_name_reads_back_exactly(make_vault: MakeVault, tmp_path: Path) -> None:
    names = [HOSTILE, "- dash", "[bracket", "yes", "null", "2024", "@at", "a: b", "'single'"]
    names += ["x #no comment", "trailing:", "%percent", "!tag", "|pipe", ">fold", "‮evil"]
    vcf = tmp_path / "hostile.vcf"
    vcf.write_text(
        "".join(f"BEGIN:VCARD\nVERSION:3.0\nFN:{n}\nEND:VCARD\n" for n in names),
        encoding="utf-8",
    )
    vault = make_vault({}, config=CONFIG)
    result = _import(vault, vcf, "--network", "peers")
    assert result.exit_code == 0, result.output
    assert {row["code"] for row in vault_rows(vault, "--no-cache")} == {"C005"}
    report = run("report", str(vault), "--format", "json", "--no-cache")
    read_back = sorted(c["name"] for c in json.loads(report.stdout)["contacts"])
    expected = sorted(n.replace("\u202e", "") for n in names)
    assert read_back == expected


def test_dry_run_writes_nothing_and_shows_the_notes(
    make_vault: MakeVault, files: dict[str, Path]
) -> None:
    vault = make_vault({"People/Sam Ortiz.md": SAM}, config=CONFIG)
    before = _tree(vault)
    result = _import(vault, files["v3.vcf"], "--dry-run")
    assert result.exit_code == 1
    assert _tree(vault) == before
    assert "would create People/Dana Whitfield.md" in result.stdout
    assert "    name: Dana Whitfield" in result.stdout
    assert "Would import 4 contacts" in result.stdout


def test_update_adds_missing_properties_only_byte_for_byte(
    make_vault: MakeVault, tmp_path: Path
) -> None:
    note = (
        "\ufeff---\r\ntype: contact\r\nname: Dana Whitfield\r\ncompany: Old Co\r\n"
        "role:\r\n---\r\n## Log\r\n- 2026-11-01 Coffee\r\n"
    )
    vault = make_vault({"People/Dana Whitfield.md": note.encode("utf-8")}, config=CONFIG)
    vcf = tmp_path / "dana.vcf"
    vcf.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Dana Whitfield\nORG:New Co\nTITLE:Editor\n"
        "EMAIL:dana@example.com\nEND:VCARD\n",
        encoding="utf-8",
    )
    plain = _import(vault, vcf)
    assert plain.exit_code == 0
    assert "already there: Dana Whitfield" in plain.stdout
    assert (vault / "People/Dana Whitfield.md").read_bytes() == note.encode("utf-8")

    dry = _import(vault, vcf, "--update", "--dry-run")
    assert "would add role, email to People/Dana Whitfield.md" in dry.stdout
    assert (vault / "People/Dana Whitfield.md").read_bytes() == note.encode("utf-8")

    result = _import(vault, vcf, "--update")
    assert result.exit_code == 0, result.output
    assert "added role, email to People/Dana Whitfield.md" in result.stdout
    expected = note.replace("role:\r\n", "role: Editor\r\n").replace(
        "---\r\n## Log", 'email: "dana@example.com"\r\n---\r\n## Log'
    )
    assert (vault / "People/Dana Whitfield.md").read_bytes() == expected.encode("utf-8")

    again = _import(vault, vcf, "--update")
    assert "0 updated" in again.stdout
    assert (vault / "People/Dana Whitfield.md").read_bytes() == expected.encode("utf-8")


@pytest.mark.parametrize(
    ("text", "wanted", "expected"),
    [
        (
            "---\nname: A\n---\nbody",
            [("email", '"a@b.c"')],
            '---\nname: A\nemail: "a@b.c"\n---\nbody',
        ),
        (
            "no front matter\n",
            [("met", "2024-01-02")],
            "---\nmet: 2024-01-02\n---\nno front matter\n",
        ),
        ("---\nemail: x@y.z\n---\n", [("email", '"a@b.c"')], "---\nemail: x@y.z\n---\n"),
        ("---\naliases: []\n---\n", [("aliases", "[Dee]")], "---\naliases: [Dee]\n---\n"),
        ("---\ntags:\n  - a\n---\n", [("tags", "[b]")], "---\ntags:\n  - a\n---\n"),
        ("---\nname: A\n", [("email", "x")], "---\nname: A\n"),  # never closed: unchanged
    ],
)
def test_add_properties(text: str, wanted: list[tuple[str, str]], expected: str) -> None:
    assert add_properties(text, wanted)[0] == expected


def test_outlook_csv_and_its_encoding(make_vault: MakeVault, tmp_path: Path) -> None:
    csv = tmp_path / "outlook.csv"
    csv.write_bytes(
        b"First Name,Middle Name,Last Name,Title,Company,Job Title,E-mail Address,"
        b"E-mail 2 Address,Mobile Phone,Birthday,Web Page\r\n"
        b"Jos\xe9,,Garc\xeda,Mr.,Banco,Director,jose@banco.example,,555,4/12/1985,\r\n"
        b"Ann,,Lee,,,,ann@example.com,,,0/0/00,https://ann.example\r\n"
    )
    vault = make_vault({}, config=CONFIG)
    utf8 = _import(vault, csv)
    assert utf8.exit_code == 1
    assert f"{csv.as_posix()}:2: skipped: not UTF-8 text" in utf8.stdout
    assert (vault / "People/Ann Lee.md").is_file()
    ann = _meta(vault / "People/Ann Lee.md")
    assert ann["url"] == "https://ann.example" and "birthday" not in ann

    latin = _import(vault, csv, "--encoding", "cp1252")
    assert latin.exit_code == 0, latin.output
    jose = _meta(vault / "People/José García.md")
    assert (jose["company"], jose["role"], jose["email"], str(jose["birthday"])) == (
        "Banco",
        "Director",
        "jose@banco.example",
        "1985-04-12",
    )


def test_map_reads_any_csv(make_vault: MakeVault, tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text(
        "Person;Mail;First met;Where\nDana Whitfield;dana@example.com;2026-03-14;Acme\n",
        encoding="utf-8",
    )
    vault = make_vault({}, config=CONFIG)
    no_map = _import(vault, csv)
    assert no_map.exit_code == 2
    assert "--map name=" in no_map.stderr
    result = _import(
        vault,
        csv,
        "--map",
        "name=Person",
        "--map",
        "email=mail",
        "--map",
        "met=First met",
        "--map",
        "company=Where",
    )
    assert result.exit_code == 0, result.output
    dana = _meta(vault / "People/Dana Whitfield.md")
    assert (dana["email"], str(dana["met"]), dana["company"]) == (
        "dana@example.com",
        "2026-03-14",
        "Acme",
    )


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--map", "colour=Where"), "colour"),
        (("--map", "name=Nope"), "Nope"),
        (("--map", "name"), "FIELD=COLUMN"),
        (("--network", "peer"), "did you mean 'peers'"),
        (("--tag", "#1"), "--tag"),
        (("--encoding", "klingon"), "klingon"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    make_vault: MakeVault, tmp_path: Path, args: tuple[str, ...], named: str
) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("Full name,Where\nDana,Acme\n", encoding="utf-8")
    vault = make_vault({}, config=CONFIG)
    result = _import(vault, csv, "--map", "name=Full name", *args)
    assert result.exit_code == 2
    assert named in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (vault / "People").exists()


def test_a_file_that_is_not_there(make_vault: MakeVault, tmp_path: Path) -> None:
    result = _import(make_vault({}), tmp_path / "missing.vcf")
    assert result.exit_code == 2
    assert "missing.vcf" in result.stderr


def test_the_vaults_contact_template_is_used(make_vault: MakeVault, tmp_path: Path) -> None:
    template = (
        '---\ntype: contact\nname: "{{title}}"\nmet: {{date}}\ntags: [person]\n---\n# {{title}}\n'
    )
    vault = make_vault({"Templates/Contact.md": template}, config=CONFIG)
    vcf = tmp_path / "x.vcf"
    vcf.write_text("BEGIN:VCARD\nVERSION:4.0\nFN:Dana W\nEND:VCARD\n", encoding="utf-8")
    assert _import(vault, vcf, "--tag", "imported").exit_code == 0
    text = (vault / "People/Dana W.md").read_text(encoding="utf-8")
    assert text == "---\ntype: contact\nname: Dana W\ntags: [person, imported]\n---\n# Dana W\n"


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("../../etc/passwd", "etc passwd"),
        ("CON", "CON_"),
        ("con.txt", "con_.txt"),
        ("LPT1", "LPT1_"),
        ("a/b\\c", "a b c"),
        ("...", "Unnamed contact"),
        ("0.MD", "0 MD"),
        (".md", "md"),
        ("Dana [[W]] #1 ^x | y", "Dana W 1 x y"),
        ("tab\tand\x1bescape", "tab and escape"),
    ],
)
def test_safe_stem(name: str, stem: str) -> None:
    assert safe_stem(name) == stem


def test_safe_stem_is_short() -> None:
    assert len(safe_stem("é" * 300).encode("utf-8")) <= 200


@pytest.mark.parametrize(
    ("value", "yearless", "expected"),
    [
        ("15 Mar 2024", False, "2024-03-15"),
        ("March 15, 2024", False, "2024-03-15"),
        ("2024-03-15", False, "2024-03-15"),
        ("20240315", False, "2024-03-15"),
        ("2024-03-15T10:00:00Z", False, "2024-03-15"),
        ("3/15/2024", False, "2024-03-15"),
        ("--0229", True, "--02-29"),
        ("--02-29", True, "--02-29"),
        ("", False, None),
        ("0/0/00", False, None),
    ],
)
def test_parse_day(value: str, yearless: bool, expected: str | None) -> None:
    assert parse_day(value, yearless=yearless) == expected


@pytest.mark.parametrize(
    ("value", "yearless"),
    [
        ("31 Feb 2024", False),
        ("2023-02-29", False),
        ("--02-30", True),
        ("--04-12", False),
        ("next week", False),
        ("15 Foo 2024", False),
    ],
)
def test_parse_day_refuses(value: str, yearless: bool) -> None:
    with pytest.raises(BadValue):
        parse_day(value, yearless=yearless)


def test_a_utf16_vcard_with_its_byte_order_mark(make_vault: MakeVault, tmp_path: Path) -> None:
    vcf = tmp_path / "windows.vcf"
    vcf.write_bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ng\r\nEND:VCARD\r\n".encode("utf-16"))
    vault = make_vault({}, config=CONFIG)
    result = _import(vault, vcf)
    assert result.exit_code == 0, result.output
    assert _meta(vault / "People/Zoë Ng.md")["name"] == "Zoë Ng"


def test_contacts_folder_that_is_a_file(make_vault: MakeVault, tmp_path: Path) -> None:
    vault = make_vault({"People": "not a folder"}, config=CONFIG)
    vcf = tmp_path / "x.vcf"
    vcf.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Dana\nEND:VCARD\n", encoding="utf-8")
    result = _import(vault, vcf)
    assert result.exit_code == 2
    assert "People" in result.stderr


def test_update_leaves_a_note_whose_front_matter_does_not_parse(
    make_vault: MakeVault, tmp_path: Path
) -> None:
    note = "---\ntype: contact\nname: Dana W\nrole: [unclosed\n---\nBody\n"
    vault = make_vault({"People/Dana W.md": note}, config=CONFIG)
    vcf = tmp_path / "x.vcf"
    vcf.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Dana W\nEMAIL:d@example.com\nEND:VCARD\n",
        encoding="utf-8",
    )
    result = _import(vault, vcf, "--update")
    assert result.exit_code == 0, result.output
    assert "not updated: its front matter does not parse" in result.stdout
    assert (vault / "People/Dana W.md").read_text(encoding="utf-8") == note


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_any_name_gives_a_valid_file_name_and_reads_back(raw: str) -> None:
    name = clean_name(raw)
    if name is None:
        return
    stem = safe_stem(name)
    assert note_filename(stem) == stem + ".md"  # the same rules as `mdnet new`
    person = Person(line=1, name=name, aliases=(name,), company=name, emails=(name,))
    text = render(person, stem, builtin("contact.md"), Options(network="x"), [])
    assert check_rendered(text, person) is None
    meta = front_matter(text)
    assert (meta["name"], meta["company"], meta["email"], meta["aliases"]) == (
        name,
        name,
        name,
        [name],
    )


def test_dates_go_under_the_vaults_own_birthday_and_anniversary_keys(
    make_vault: MakeVault, files: dict[str, Path]
) -> None:
    config = CONFIG + '\n[contacts]\nbirthday = "born"\nanniversary = "wedding"\n'
    vault = make_vault({}, config=config)
    assert _import(vault, files["v4.vcf"]).exit_code == 0
    victor = _meta(vault / "People/Victor Huang.md")
    assert victor["born"] == "--02-29" and str(victor["wedding"]) == "2010-06-01"
    assert "birthday" not in victor and "anniversary" not in victor
    # and mdnet reads them back: the next birthday is on the calendar
    calendar = run("calendar", str(vault), "--today", "2027-02-20")
    assert calendar.exit_code == 0, calendar.output
    assert "Victor Huang" in calendar.stdout and "0228" in calendar.stdout.replace("-", "")
