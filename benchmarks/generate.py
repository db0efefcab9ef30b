#!/usr/bin/env python3
"""Generate a realistic, deterministic mdnet vault for benchmarks and tests.

    python benchmarks/generate.py OUT_DIR --notes 10000 --seed 1

The same `(notes, seed)` always gives the same bytes. The mix of notes is about
30% contacts (People/), 5% goals (Goals/), 5% events (Events/), 50% daily notes
(Daily/YYYY-MM-DD.md, one per day going back from 2026-11-23) and 10% plain notes
(Notes/), about 3 KB a note. Besides the notes the vault holds `mdnet.toml`, a few
attachments (Attachments/), two templates (Templates/, excluded by the config), an
`.obsidian/` folder and `.mdnet-bench.json`, a manifest with the counts, the number of
links and of deliberately broken links (about 0.5%).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

GENERATOR_VERSION = 1
TODAY = date(2026, 11, 23)
MANIFEST = ".mdnet-bench.json"
BROKEN_RATE = 0.005
KINDS = ("contact", "goal", "event", "daily", "note")
# Share of each kind; daily notes take the rest (about 50%).
MIX = {"contact": 0.30, "goal": 0.05, "event": 0.05, "note": 0.10}
# Target size in characters of each kind, drawn uniformly: about 3 KB a note on average.
SIZES = {
    "contact": (1800, 4000),
    "goal": (1100, 2700),
    "event": (1400, 3200),
    "daily": (1600, 3800),
    "note": (2200, 6000),
}

NETWORKS: dict[str, tuple[str, str]] = {
    "bloggers": ("45d", "Guest posts and cross-promotion"),
    "clients": ("30d", "Early access to new work and honest advice"),
    "investors": ("90d", "Quarterly updates and warm introductions to founders"),
    "peers": ("60d", "Feedback on drafts and a standing offer of help"),
}


def _items(text: str) -> list[str]:
    """Split a block of `|`-separated items written across several lines."""
    return [item.strip() for item in text.replace("\n", "").split("|")]


FIRST = _items("""Dana|Sam|Alex|Priya|Jonas|Mei|Tomás|Aisha|Liam|Noor|Elena|Kofi|Hannah|Mateo|
Yuki|Omar|Sofia|Ravi|Clara|Diego|Ingrid|Malik|Chloé|Arjun|Freya|Luca|Amara|Nils|Zoë|Felix|Leila|
Hugo|Nadia|Ethan|Ines|Kenji|Maya|Oscar|Fatima|Rohan|Greta|Pablo|Selin|Theo|Anya|Marco|Lucia|
Idris|Saskia|Jamal|Vera|Emil|Rosa|Tariq|Mira|Bruno|Keiko|Anton|Lena|Samir|Ada|Jorge|Elif|Wes|
Hana|Ivo|Carmen|Nikhil|Olga|Rafael|Sunita|Björn|Maeve|Kwame|Paula|Dmitri|Ayla|Ciaran|June""")
LAST = _items("""Whitfield|Ortiz|Nakamura|Okafor|Lindqvist|Chen|Ramírez|Haddad|Novak|Brennan|
Kowalski|Mensah|Dubois|Petrov|Tanaka|Fischer|Moreau|Singh|O'Brien|Rossi|Jansen|Alvarez|Kim|
Larsen|Nguyen|Schultz|Costa|Varga|Ibrahim|Andersson|Murphy|Sato|Keller|Hoffmann|Da Silva|Popescu|
Berg|Walsh|Yilmaz|Kaur|Lambert|Marsh|Sullivan|Park|Weber|Fontaine|Horvat|Adeyemi|Reyes|Holm|
Castillo|Byrne|Ito|Vogel|Mercier|Laine|Gallo|Rahman|Stewart|Navarro|Koch|Bianchi|Duarte|Ali|
Sorensen|Friedman|Aguilar|Nilsen|Fitzgerald|Quinn|Abbott|Hayes|Carver|Ellis|Pryor""")
COMPANIES = _items("""Whitfield Media|Northwind Labs|Bluebird Capital|Harbor & Co|
Kestrel Analytics|Open Ledger|Fernway Studio|Quarry Partners|Lumen Health|Tidewater Bank|
Copperleaf|Atlas Freight|Pinecone Press|Sable Ventures|Brightline Tools|Meridian Legal|
Halcyon Foods|Orbit Robotics|Juniper Learning|Redwood Consulting|Glasshouse Design|
Foundry Collective|Nimbus Cloud|Saltmarsh Review|Vantage Insurance|Cobalt Security|
Marigold Events|Ironbridge Finance""")
ROLES = _items("""Editor|Founder|Partner|Head of Growth|Product Manager|Staff Engineer|Writer|
Designer|CTO|Investor|Community Lead|Marketing Director|Consultant|Analyst|Researcher|
Podcast Host|Recruiter|Sales Lead|Operations Manager|Developer Advocate""")
TAGS = _items("""guest-posts|fintech|newsletter|climate|saas|design|podcast|hiring|seed-stage|
open-source|speaking|community|b2b|health|education""")
TOPICS = _items("""Pricing ideas|Book notes — Never Eat Alone|Conference checklist|
Pitch deck outline|Newsletter backlog|Guest post ideas|Interview questions|Reading list|
Quarterly review|Elevator pitch|Referral programme|Content calendar|Speaking topics|
Podcast guests|Client onboarding|Fundraising notes|Hiring plan|Product roadmap|Blog SEO notes|
Workshop agenda|Partnership ideas|Case study drafts|Lessons learned|Weekly review template|
Outreach scripts|Market map|Competitor notes|Community guidelines""")
SECTIONS = ["Context", "Ideas", "Open questions", "Next steps", "References"]
PLACES = _items("Berlin|Lisbon|London|Amsterdam|online|Barcelona|Dublin|Paris|Copenhagen|Vienna")
EVENT_KINDS = _items("""Bloggers meetup|Fintech breakfast|Founders dinner|Design conference|
Investor office hours|Community meetup|Podcast recording|Client workshop|Industry summit|
Demo day""")
WEEKDAYS = _items("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
MONTHS = _items("""January|February|March|April|May|June|July|August|September|October|
November|December""")

# Prose is built from these, never from assumption words or vague quantifiers, so that
# padding does not trigger C004 or G003 by accident.
SUBJECTS = _items("""The team|Our newsletter|The client|The board|My pitch|The new landing page|
The pilot project|Her editor|His startup|The community|The quarterly report|The podcast|
Our referral programme|The workshop|The budget|The product launch|The guest post|
The research note|The partnership|The onboarding flow|Their sales team|The draft""")
VERBS = _items("""needs|shapes|depends on|improves|keeps|changes|slows down|supports|replaces|
reflects|follows|simplifies|clarifies|extends|questions|outlines|highlights|delays""")
OBJECTS = _items("""the pricing model|a clearer story|the hiring plan|our weekly review|
the roadmap|the feedback loop|the launch date|the editorial calendar|an honest answer|
the contract|the second draft|the growth numbers|the open questions|the customer interviews|
the technical debt|the speaking slot|the introduction|the annual plan|the case study""")
TAILS = _items("""before the next launch|in the spring|after the summer break|for the first time|
without much fuss|ahead of the conference|by the end of the quarter|at every meeting|
in a calm way|during the workshop|when the numbers arrive|over coffee|on the next call|
in the shared document|for the next issue|with a short checklist""")
OPENERS = ["", "", "", "Still, ", "In short, ", "Next time, ", "As agreed, ", "Honestly, "]

LOG_GIVE = [
    ("Coffee; introduced them to {L}", "#give"),
    ("Sent {L} a link to the new case study", "#share"),
    ("Reviewed the draft together with {L}", "#help"),
    ("Made an intro between them and {L}", "#intro"),
    ("Shared notes from the workshop with {L}", "#give"),
]
LOG_ASK = [
    ("Asked for feedback on my pitch; they suggested talking to {L}", "#ask"),
    ("Asked whether {L} would review my guest post", "#request"),
    ("Call about hiring; asked for an intro to {L}", "#ask"),
]
LOG_PLAIN = [
    ("Quick call, caught up on the launch with {L}", "#followup"),
    ("Lunch; talked about {L} and the conference", ""),
    ("Met at the meetup with {L}", ""),
]
DAILY_ITEMS = [
    "Coffee with {L}; talked about the pricing model {T}",
    "Quick call with {L} about the guest post {T}",
    "Sent {L} the slides from the workshop {T}",
    "Lunch with {L} — they are hiring a designer {T}",
    "Replied to {L} about the podcast {T}",
    "Introduced {L} to {M} {T}",
]
DAILY_PARAS = [
    "Ran into {L} at the station; we agreed to meet again after the conference.",
    "Long chat with {L} about the newsletter and the next issue.",
    "{L} sent a thoughtful note about the roadmap; reply this week.",
]
OPEN_TASKS = [
    "Email {L} the deck",
    "Follow up with {L} about the intro",
    "Send {L} the draft",
    "Book a call with {L}",
]
DONE_TASKS = [
    "Send intro to {L}",
    "Thank {L} for the feedback",
    "Share the case study with {L}",
    "Reply to {L}",
]
CHALLENGES = [
    "Keeping up with regulation while the team grows.",
    "Finding writers who can cover the technical side.",
    "Turning pilot customers into paying ones.",
    "Hiring senior engineers in a small city.",
    "Balancing the newsletter with client work.",
]
ASSUMPTIONS = [
    "Probably keeping up with regulation.",
    "I guess the funding round is taking longer than planned.",
    "Maybe struggling to hire.",
    "I think they want to move into consulting.",
]


def plan_counts(notes: int) -> dict[str, int]:
    """How many notes of each kind a vault of `notes` notes holds."""
    if notes < 0:
        raise ValueError("notes must be >= 0")
    counts = {kind: int(notes * share + 0.5) for kind, share in MIX.items()}
    counts["daily"] = max(0, notes - sum(counts.values()))
    return {kind: counts[kind] for kind in KINDS}


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def long_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(slots=True)
class Contact:
    name: str
    first: str
    alias: str | None
    network: str | None
    met: date
    company: str
    role: str


@dataclass(slots=True)
class Goal:
    title: str
    statement: str
    horizon: str  # long | short
    start: date
    deadline: date | None
    target: int | None
    unit: str
    status: str
    parent: Goal | None = None
    every: str | None = None
    network: str = "bloggers"
    children: list[Goal] = field(default_factory=list)


@dataclass(slots=True)
class Stats:
    links: int = 0
    broken_links: int = 0
    code_links: int = 0
    bytes: int = 0


class _Generator:
    """Holds the random state and name tables of one generation run."""

    def __init__(self, root: Path, notes: int, seed: int) -> None:
        self.root = root
        self.notes = notes
        self.seed = seed
        self.rng = random.Random(seed)
        self.counts = plan_counts(notes)
        self.stats = Stats()
        # Lower-cased names, aliases and paths that resolve, so a typo is surely broken.
        self.known: set[str] = set()
        self.sentences = [self._sentence() for _ in range(2000)]
        self.daily_dates = [TODAY - timedelta(days=i) for i in range(self.counts["daily"])]
        self.daily_set = {d.isoformat() for d in self.daily_dates}
        self.contacts = self._make_contacts(self.counts["contact"])
        self.inner = self.contacts[: max(1, len(self.contacts) // 10)]
        self.goals = self._make_goals(self.counts["goal"])
        self.long_goals = [g for g in self.goals if g.horizon == "long"]
        self.event_titles = self._make_events(self.counts["event"])
        self.note_titles = self._make_titles(self.counts["note"])
        n_att = notes // 200 + 1 if notes >= 10 else 0
        self.attachments = [
            f"photo-{i:04d}.png" if i % 3 else f"slides-{i:04d}.pdf" for i in range(n_att)
        ]
        for name in self.attachments:
            self.known.add(name.lower())
        self.known.update(self.daily_set)
        self.known.update(["contact", "daily", "mdnet"])  # templates and config

    # ----------------------------------------------------------------- prose
    def _sentence(self) -> str:
        rng = self.rng
        words = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        if rng.random() < 0.7:
            words += f" {rng.choice(TAILS)}"
        if rng.random() < 0.3:
            words += f", and {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} "
            words += rng.choice(OBJECTS)
        opener = rng.choice(OPENERS)
        if opener:
            words = opener + words[0].lower() + words[1:]
        return words + "."

    def prose(self, chars: int) -> list[str]:
        """Paragraphs of prose adding up to at least `chars` characters."""
        paras: list[str] = []
        total = 0
        while total < chars:
            para = " ".join(self.rng.choices(self.sentences, k=self.rng.randint(2, 6)))
            paras.append(para)
            total += len(para) + 2
        return paras

    def pad(self, parts: list[str], kind: str, at: int) -> None:
        """Insert prose into `parts` at index `at` until the note reaches its size."""
        lo, hi = SIZES[kind]
        current = sum(len(p) + 1 for p in parts)
        deficit = self.rng.randint(lo, hi) - current
        if deficit > 0:
            parts[at:at] = [p + "\n" for p in self.prose(deficit)]

    # ----------------------------------------------------------------- names
    def _unique(self, name: str) -> str:
        base, n = name, 1
        while name.lower() in self.known:
            n += 1
            name = f"{base} {n}"
        self.known.add(name.lower())
        return name

    def _make_contacts(self, count: int) -> list[Contact]:
        rng = self.rng
        combos = [(f, la) for f in FIRST for la in LAST]
        rng.shuffle(combos)
        networks = list(NETWORKS)
        contacts: list[Contact] = []
        for i in range(count):
            first, last = combos[i % len(combos)]
            name = f"{first} {last}"
            if i >= len(combos):
                name = f"{name} {i // len(combos) + 1}"
            name = self._unique(name)
            self.known.add(f"people/{name.lower()}")
            nickname = f"{first} {last[0]}."
            if i >= len(combos):
                nickname = f"{nickname} {i // len(combos) + 1}"
            alias: str | None = None
            if nickname.lower() not in self.known and rng.random() >= 0.3:
                alias = nickname
                self.known.add(nickname.lower())
            r = rng.random()
            network: str | None = rng.choice(networks)
            if r < 0.02:
                network = None  # C002
            elif r < 0.03:
                network = "blogers"  # C003, a typo of a declared network
            contacts.append(
                Contact(
                    name=name,
                    first=first,
                    alias=alias,
                    network=network,
                    met=TODAY - timedelta(days=rng.randint(7, 1500)),
                    company=rng.choice(COMPANIES),
                    role=rng.choice(ROLES),
                )
            )
        return contacts

    def _make_goals(self, count: int) -> list[Goal]:
        if count == 0:
            return []
        rng = self.rng
        n_long = max(1, round(count * 0.3))
        n_vague = max(1, count // 30) if count >= 10 else 0
        goals: list[Goal] = []
        long_templates = [
            ("Meet {n} {net} from my niche and publish {m} guest posts", "guest posts"),
            ("Sign {n} new clients through referrals", "clients"),
            ("Talk to {n} investors before the seed round", "investors"),
            ("Speak at {n} conferences", "talks"),
            ("Grow my circle of {net} to {n} people", "people"),
        ]
        for i in range(n_long):
            year = rng.choice([2024, 2025, 2026, 2026, 2026])
            template, unit = rng.choice(long_templates)
            net = rng.choice(list(NETWORKS))
            n = rng.choice([5, 10, 12, 20, 30, 50])
            statement = template.format(n=n, m=n * 3, net=net)
            if i < n_vague:
                statement = rng.choice(
                    [
                        f"Meet some {net} in my niche",
                        f"Get to know a few {net}",
                        "Go to several conferences",
                        f"Build lots of connections with {net}",
                    ]
                )
            title = self._unique(f"{statement} in {year}")
            status = "active"
            if year < 2026:
                status = rng.choice(["done", "done", "dropped", "active"])
            goals.append(
                Goal(
                    title=title,
                    statement=statement,
                    horizon="long",
                    start=date(year, 1, 1),
                    deadline=date(year, 12, 31),
                    target=None if i < n_vague else n,
                    unit=unit,
                    status=status,
                    network=net,
                )
            )
        long_goals = list(goals)
        for i in range(count - n_long):
            parent = rng.choice(long_goals)
            last_start = min(parent.deadline or TODAY, TODAY)
            months = (last_start.year - parent.start.year) * 12 + last_start.month
            months -= parent.start.month
            offset = rng.randint(0, max(0, months))
            month0 = parent.start.month - 1 + offset
            start = date(parent.start.year + month0 // 12, month0 % 12 + 1, 1)
            recurring = i % 8 == 7
            span = rng.choice([30, 30, 31, 45, 60]) if rng.random() > 0.03 else 120  # G007
            deadline = None if recurring else start + timedelta(days=span)
            if deadline and parent.deadline and deadline > parent.deadline:
                deadline = parent.deadline
            n = rng.choice([2, 3, 4, 5, 8, 10])
            if recurring:
                statement = rng.choice(
                    [
                        "Follow up with one new connection each week",
                        "Send two introductions every week",
                        "Write to one lapsed contact each week",
                    ]
                )
                n = 2 if statement.startswith("Send two") else 1
            else:
                statement = rng.choice(
                    [
                        f"Meet {n} new {parent.network} this month",
                        f"Publish {n} guest posts",
                        f"Have {n} coffee chats with {parent.network}",
                        f"Attend {n} meetups",
                        f"Send {n} pitches",
                    ]
                )
            title = self._unique(f"{statement} ({MONTHS[start.month - 1][:3]} {start.year})")
            status = "active"
            if deadline and deadline < TODAY:
                status = rng.choice(["done", "done", "done", "active"])
            goal = Goal(
                title=title,
                statement=statement,
                horizon="short",
                start=start,
                deadline=deadline,
                target=n,
                unit="times",
                status=status,
                parent=parent,
                every="week" if recurring else None,
                network=parent.network,
            )
            parent.children.append(goal)
            goals.append(goal)
        return goals

    def _make_events(self, count: int) -> list[tuple[str, date]]:
        events: list[tuple[str, date]] = []
        for _ in range(count):
            day = TODAY - timedelta(days=self.rng.randint(0, 730))
            title = self._unique(f"{day.isoformat()} {self.rng.choice(EVENT_KINDS)}")
            events.append((title, day))
        return events

    def _make_titles(self, count: int) -> list[str]:
        return [self._unique(TOPICS[i % len(TOPICS)]) for i in range(count)]

    # ----------------------------------------------------------------- links
    def typo(self, name: str) -> str:
        for _ in range(20):
            i = self.rng.randrange(1, len(name)) if len(name) > 1 else 0
            cand = name[:i] + name[i + 1 :]
            if cand and cand == cand.strip() and cand.lower() not in self.known:
                return cand
        return name + " (old)"

    def link(self, name: str, *, display: str = "", prefix: str = "", anchor: str = "") -> str:
        """A wikilink; about 0.5% of them point at a name that does not exist."""
        self.stats.links += 1
        if self.rng.random() < BROKEN_RATE:
            self.stats.broken_links += 1
            name = self.typo(name)
        shown = f"|{display}" if display else ""
        return f"[[{prefix}{name}{anchor}{shown}]]"

    def md_link(self, contact: Contact) -> str:
        """A Markdown link from a note in a top-level folder to a contact."""
        self.stats.links += 1
        name = contact.name
        if self.rng.random() < BROKEN_RATE:
            self.stats.broken_links += 1
            name = self.typo(name)
        return f"[{contact.first}](../People/{quote(name)}.md)"

    def pick_contact(self) -> Contact:
        # Half of the mentions go to an inner circle: real networks are skewed.
        pool = self.inner if self.rng.random() < 0.5 else self.contacts
        return self.rng.choice(pool)

    def contact_link(self, contact: Contact) -> str:
        r = self.rng.random()
        if r < 0.08 and contact.alias:
            return self.link(contact.alias)
        if r < 0.16:
            return self.link(contact.name, display=contact.first)
        if r < 0.20:
            return self.link(contact.name, anchor="#Log")
        if r < 0.23:
            return self.link(contact.name, prefix="People/")
        return self.link(contact.name)

    def some_contact_link(self) -> str:
        return self.contact_link(self.pick_contact()) if self.contacts else "a friend"

    def day_ref(self, day: date) -> str:
        iso = day.isoformat()
        if iso in self.daily_set and self.rng.random() < 0.3:
            return self.link(iso)
        return iso

    def tags(self, k: int) -> str:
        return ", ".join(self.rng.sample(TAGS, k))

    # ----------------------------------------------------------------- notes
    def contact_text(self, c: Contact) -> str:
        rng = self.rng
        fm = ["---", "type: contact", f"name: {q(c.name)}"]
        fm.append(f"aliases: [{q(c.alias)}]" if c.alias else "aliases: []")
        if c.network:
            fm.append(f"network: {c.network}")
        fm.append(f"met: {c.met.isoformat()}")
        fm.append(f"company: {q(c.company)}")
        fm.append(f"role: {q(c.role)}")
        r = rng.random()
        if r < 0.10:
            fm.append(f"cadence: {rng.choice(['30d', '8w', '2m', 'monthly', 'quarterly', '90'])}")
        elif r < 0.13:
            fm.append(f"status: {rng.choice(['paused', 'archived'])}")
        elif r < 0.15:
            fm.append(f"snooze: {(TODAY + timedelta(days=rng.randint(1, 60))).isoformat()}")
        if rng.random() < 0.05:
            fm.append("private: true")
        fm.append(f"tags: [{self.tags(rng.randint(1, 3))}]")
        fm.append("---")
        challenge = rng.choice(ASSUMPTIONS if rng.random() < 0.1 else CHALLENGES)
        parts = [
            "\n".join(fm) + "\n",
            "## What they do\n",
            f"{c.role} at {c.company}. {rng.choice(self.sentences)}\n",
            "## Challenges\n",
            challenge + "\n",
            "## Log\n",
        ]
        span = (TODAY - c.met).days
        days = sorted(rng.randint(0, span) for _ in range(rng.randint(3, 15)))
        items = []
        for offset in days:
            day = c.met + timedelta(days=offset)
            r = rng.random()
            template, tag = rng.choice(LOG_GIVE if r < 0.5 else LOG_ASK if r < 0.75 else LOG_PLAIN)
            other = self.some_contact_link()
            text = template.format(L=other)
            items.append(f"- {self.day_ref(day)} {text} {tag}".rstrip())
        parts.append("\n".join(items) + "\n")
        self.pad(parts, "contact", 3)
        return "\n".join(parts)

    def goal_text(self, g: Goal) -> str:
        rng = self.rng
        fm = ["---", "type: goal", f"goal: {q(g.statement)}", f"horizon: {g.horizon}"]
        fm.append(f"start: {g.start.isoformat()}")
        if g.deadline:
            fm.append(f"deadline: {g.deadline.isoformat()}")
        if g.every:
            fm.append(f"every: {g.every}")
        if g.target is not None:
            fm.append(f"target: {g.target}")
            fm.append(f"unit: {q(g.unit)}")
        if g.parent:
            fm.append(f"parent: {q(self.link(g.parent.title))}")
        measured = False
        if g.every:
            fm.append("measure: {count: interactions, tag: followup}")
            measured = True
        elif rng.random() < 0.4:
            fm.append(
                rng.choice(
                    [
                        f"measure: {{count: contacts, network: {g.network}, new: true}}",
                        "measure: {count: interactions, tag: followup}",
                        "measure: {count: events}",
                    ]
                )
            )
            measured = True
        elif rng.random() < 0.3 and g.target:
            fm.append(f"progress: {rng.randint(0, g.target)}")
            measured = True
        if g.horizon == "long":
            fm.append(f"why: {q(rng.choice(self.sentences))}")
        fm.append(f"status: {g.status}")
        if rng.random() < 0.05:
            fm.append("private: true")
        fm.append("---")
        parts = ["\n".join(fm) + "\n", f"# {g.statement}\n", rng.choice(self.sentences) + "\n"]
        if g.children:
            parts.append("## Milestones\n")
            parts.append("\n".join(f"- {self.link(c.title)}" for c in g.children[:40]) + "\n")
        if not measured and g.target:
            parts.append("## Progress\n")
            items = []
            end = min(g.deadline or TODAY, TODAY)
            for _ in range(rng.randint(0, g.target)):
                day = g.start + timedelta(days=rng.randint(0, max(0, (end - g.start).days)))
                plus = f" +{rng.randint(1, 3)} {g.unit}" if rng.random() < 0.5 else ""
                items.append(f"- {day.isoformat()}{plus} {rng.choice(OBJECTS)}")
            parts.append("\n".join(sorted(items)) + "\n")
        parts.append("## Notes\n")
        self.pad(parts, "goal", len(parts))
        return "\n".join(parts)

    def event_text(self, title: str, day: date) -> str:
        rng = self.rng
        fm = ["---", "type: event", f"date: {day.isoformat()}"]
        if self.long_goals and rng.random() < 0.9:
            fm.append(f"goal: {q(self.link(rng.choice(self.long_goals).title))}")
        people: list[Contact] = []
        if self.contacts:
            k = min(len(self.contacts), rng.randint(2, 8))
            people = [self.pick_contact() for _ in range(k)]
            people = list({p.name: p for p in people}.values())
            fm.append(f"attendees: [{', '.join(q(self.link(p.name)) for p in people)}]")
        fm.append(f"location: {q(rng.choice(PLACES))}")
        fm.append(f"tags: [event, {rng.choice(TAGS)}]")
        fm.append("---")
        parts = ["\n".join(fm) + "\n", f"# {title[11:]}\n", rng.choice(self.sentences) + "\n"]
        if people:
            parts.append("## Who I met\n")
            parts.append(
                "\n".join(
                    f"- {self.contact_link(p)} — {rng.choice(self.sentences)}" for p in people
                )
                + "\n"
            )
            parts.append("## Follow-ups\n")
            done = min(TODAY, day + timedelta(days=rng.randint(0, 5)))
            parts.append(
                f"- [ ] Send {self.contact_link(people[0])} the slides\n"
                f"- [x] Thank {self.contact_link(people[-1])} for the intro ✅ {done.isoformat()}\n"
            )
        parts.append("## Notes\n")
        self.pad(parts, "event", len(parts))
        return "\n".join(parts)

    def daily_text(self, day: date) -> str:
        rng = self.rng
        parts = [f"# {long_date(day)}\n"]
        if self.contacts and rng.random() < 0.85:
            items = []
            for _ in range(rng.randint(1, 6)):
                tag = rng.choice(["", "", "#give", "#ask", "#followup", "#intro"])
                template = rng.choice(DAILY_ITEMS)
                other = self.some_contact_link() if "{M}" in template else ""
                text = template.format(L=self.some_contact_link(), M=other, T=tag)
                items.append(f"- {text}".rstrip())
            parts.append("## Log\n")
            parts.append("\n".join(items) + "\n")
            if rng.random() < 0.5:
                parts.append(rng.choice(DAILY_PARAS).format(L=self.some_contact_link()) + "\n")
            tasks = []
            if rng.random() < 0.5:
                tasks.append(f"- [ ] {rng.choice(OPEN_TASKS).format(L=self.some_contact_link())}")
            if rng.random() < 0.5:
                done = min(TODAY, day + timedelta(days=rng.randint(0, 3)))
                text = rng.choice(DONE_TASKS).format(L=self.some_contact_link())
                tasks.append(f"- [x] {text} ✅ {done.isoformat()}")
            if tasks:
                parts.append("## Tasks\n")
                parts.append("\n".join(tasks) + "\n")
        parts.append("## Journal\n")
        self.pad(parts, "daily", len(parts))
        return "\n".join(parts)

    def note_text(self, index: int, title: str) -> str:
        rng = self.rng
        parts: list[str] = []
        if rng.random() < 0.7:
            created = TODAY - timedelta(days=rng.randint(0, 1500))
            parts.append(f"---\ntags: [{self.tags(2)}]\ncreated: {created.isoformat()}\n---\n")
        parts.append(f"# {title}\n")
        links = []
        if self.contacts:
            links.append(self.some_contact_link())
        if self.goals:
            links.append(self.link(rng.choice(self.goals).title))
        tag = f"#{rng.choice(TAGS)}"
        parts.append(f"{rng.choice(self.sentences)} See {' and '.join(links) or 'above'}. {tag}\n")
        parts.append(f"## {SECTIONS[0]}\n")
        bullets = []
        if index > 0:
            other = self.note_titles[rng.randrange(index)]
            bullets.append(f"- Related: {self.link(other)}")
            bullets.append(f"- Background in {self.link(other, anchor='#Context')}")
        if self.contacts:
            bullets.append(f"- Ask {self.md_link(self.pick_contact())} about it")
            bullets.append(f"- {rng.choice(self.sentences)} {self.some_contact_link()}")
        if self.attachments and rng.random() < 0.3:
            bullets.append(f"- ![[{rng.choice(self.attachments)}]]")
            self.stats.links += 1
        bullets.append(f"- {rng.choice(self.sentences)}")
        parts.append("\n".join(bullets) + "\n")
        if rng.random() < 0.5:
            # Links inside code and comments are not links: none of these exist.
            fake = f"Not A Real Note {index}"
            parts.append(
                "```markdown\n"
                f"- [[{fake}]] is how a link looks\n"
                f"- ![[{fake}.png]]\n"
                "```\n"
                f"Write `[[{fake} inline]]` for a link. %% draft: [[{fake} comment]] %%\n"
            )
            self.stats.code_links += 4
        parts.append(f"## {SECTIONS[1 + index % (len(SECTIONS) - 1)]}\n")
        self.pad(parts, "note", len(parts))
        return "\n".join(parts)

    # ----------------------------------------------------------------- files
    def write(self, path: Path, text: str) -> None:
        data = text.encode("utf-8")
        self.stats.bytes += len(data)
        with open(path, "wb") as handle:
            handle.write(data)

    def run(self) -> dict[str, int]:
        root = self.root
        folders = {
            "contact": "People",
            "goal": "Goals",
            "event": "Events",
            "daily": "Daily",
            "note": "Notes",
        }
        for sub in [*folders.values(), "Attachments", "Templates", ".obsidian"]:
            (root / sub).mkdir(parents=True, exist_ok=True)
        self.write(root / "mdnet.toml", self.config_text())
        self.write(root / ".obsidian" / "app.json", '{"alwaysUpdateLinks": true}\n')
        self.write(root / "Templates" / "Contact.md", TEMPLATE_CONTACT)
        self.write(root / "Templates" / "Daily.md", TEMPLATE_DAILY)
        for name in self.attachments:
            magic = b"\x89PNG\r\n\x1a\n" if name.endswith(".png") else b"%PDF-1.4\n"
            with open(root / "Attachments" / name, "wb") as handle:
                handle.write(magic + bytes(64))
        people = root / folders["contact"]
        for c in self.contacts:
            self.write(people / f"{c.name}.md", self.contact_text(c))
        goals = root / folders["goal"]
        for g in self.goals:
            self.write(goals / f"{g.title}.md", self.goal_text(g))
        events = root / folders["event"]
        for title, day in self.event_titles:
            self.write(events / f"{title}.md", self.event_text(title, day))
        daily = root / folders["daily"]
        for day in self.daily_dates:
            self.write(daily / f"{day.isoformat()}.md", self.daily_text(day))
        notes = root / folders["note"]
        for i, title in enumerate(self.note_titles):
            self.write(notes / f"{title}.md", self.note_text(i, title))
        manifest = {
            "generator": GENERATOR_VERSION,
            "notes": self.notes,
            "seed": self.seed,
            "today": TODAY.isoformat(),
            "counts": self.counts,
            "links": self.stats.links,
            "broken_links": self.stats.broken_links,
            "code_links": self.stats.code_links,
            "attachments": len(self.attachments),
            "templates": 2,
            "note_bytes": self.stats.bytes,
        }
        with open(root / MANIFEST, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(manifest, indent=2) + "\n")
        return dict(self.counts)

    def config_text(self) -> str:
        lines = [
            f"# Generated by benchmarks/generate.py ({self.notes} notes, seed {self.seed}).",
            'cadence = "60d"',
            'exclude = ["Templates/**"]',
            "",
            "[folders]",
            'contacts = "People"',
            'goals = "Goals"',
            'events = "Events"',
        ]
        for name, (cadence, value) in NETWORKS.items():
            lines += ["", f"[networks.{name}]", f'cadence = "{cadence}"', f"value = {q(value)}"]
        lines += ["", "[report]", 'title = "Benchmark network"', ""]
        return "\n".join(lines)


TEMPLATE_CONTACT = """---
type: contact
name: "{{title}}"
met: {{date}}
network:
tags: []
---
## What they do
## Challenges
## Log
- {{date}} <% tp.file.cursor() %>
"""
TEMPLATE_DAILY = """# <% tp.date.now("dddd, D MMMM YYYY") %>
## Log
- <% tp.file.cursor() %>
## Journal
"""


def generate(root: Path, notes: int, seed: int = 1) -> dict[str, int]:
    """Write a vault of `notes` notes into `root` (missing or empty); return counts per kind.

    The kinds are "contact", "goal", "event", "daily" and "note"; they add up to `notes`.
    The same `(notes, seed)` always writes the same bytes.
    """
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty")
    root.mkdir(parents=True, exist_ok=True)
    return _Generator(root, notes, seed).run()


def read_manifest(root: Path) -> dict[str, object] | None:
    """The manifest of a generated vault, or None when `root` holds none."""
    try:
        data = json.loads((Path(root) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to create (missing or empty)")
    parser.add_argument("--notes", type=int, default=10_000, help="number of notes (10000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace OUT_DIR if it holds a vault generated by this script",
    )
    args = parser.parse_args(argv)
    out: Path = args.out_dir
    if args.notes < 0:
        parser.error("--notes must be >= 0")
    if out.exists() and any(out.iterdir()):
        if not args.force:
            parser.error(f"{out} is not empty (use --force to replace a generated vault)")
        if read_manifest(out) is None:
            parser.error(f"{out} was not generated by this script; not removing it")
        shutil.rmtree(out)
    start = time.perf_counter()
    counts = generate(out, args.notes, args.seed)
    elapsed = time.perf_counter() - start
    manifest = read_manifest(out) or {}
    size = int(str(manifest.get("note_bytes", 0)))
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    print(f"{out}: {args.notes} notes ({summary})")
    print(
        f"{size / 1e6:.1f} MB of notes, {size / max(1, args.notes):.0f} bytes a note; "
        f"{manifest.get('links')} links, {manifest.get('broken_links')} broken; "
        f"{elapsed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
