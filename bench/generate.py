"""Generate a realistic vault for benchmarks: ``python bench/generate.py 10000 bench/out/v10k``.

The mix follows a career journal a few years old: daily notes (most of the
vault), meetings, contacts, goals with a ``## Log``, weekly reviews and plain
notes.  Front matter has 5-15 keys; bodies hold headings, paragraphs, tasks,
wikilinks (some to missing notes), tags, ``progress::`` fields, inline code and
fenced code blocks with link- and tag-like text that must not count.  The
output is deterministic for a given size and seed.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = _split(
    "plan review coffee leader network skill course career growth project team mentor "
    "interview referral feedback market salary offer hiring culture strategy data survey "
    "talent learning budget pipeline outreach portfolio quarter weekly outcome metric "
    "speaker event panel article draft goal progress focus energy habit reading writing"
)
FIRST = _split("Dana Sam Elena Priya Tom Mia Omar Lena Raj Ana Jon Kim Luis Eva Noah Zoe")
LAST = _split("Ortiz Patel Varga Chen Moss Berg Khan Silva Novak Reed Ito Lund Cruz Hale")
TAGS = _split("networking skills career hr learning speaking writing health admin")
KIND_MIX = (  # (kind, share of the vault)
    ("daily", 0.55),
    ("meeting", 0.20),
    ("contact", 0.08),
    ("goal", 0.04),
    ("review", 0.05),
    ("note", 0.08),
)
START = date(2022, 1, 3)


class Generator:
    def __init__(self, total: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.total = total
        counts = {kind: max(1, int(total * share)) for kind, share in KIND_MIX}
        counts["daily"] += total - sum(counts.values())
        self.counts = counts
        self.people = [
            f"{self.rng.choice(FIRST)} {LAST[i % len(LAST)]} {i}" for i in range(counts["contact"])
        ]
        self.goals = [f"Goal {i} {self.words(3).title()}" for i in range(counts["goal"])]
        self.plain = [f"Topic {i} {self.words(2)}" for i in range(counts["note"])]

    def words(self, n: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def sentence(self) -> str:
        parts = [self.words(self.rng.randint(4, 10))]
        roll = self.rng.random()
        if roll < 0.35:
            parts.append(f"with [[{self.rng.choice(self.people)}]]")
        elif roll < 0.5:
            parts.append(f"for [[{self.rng.choice(self.goals)}|the goal]]")
        elif roll < 0.55:
            parts.append(f"about [[Missing note {self.rng.randint(1, 50)}]]")
        elif roll < 0.6:
            parts.append(
                f"see `inline {self.words(2)}` and [[{self.rng.choice(self.plain)}#Notes]]"
            )
        if self.rng.random() < 0.25:
            parts.append("#" + self.rng.choice(TAGS))
        text = " ".join(parts)
        return text[0].upper() + text[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def tasks(self) -> str:
        return "\n".join(
            f"- [{self.rng.choice(' x')}] {self.sentence()}" for _ in range(self.rng.randint(1, 4))
        )

    def code(self) -> str:
        return (
            "```\n[[Not a link]] #not-a-tag\n- [ ] not a task\n"
            f"progress:: [[{self.goals[0]}]] +9\n```"
        )

    def body(self, sections: int) -> str:
        out = []
        for _ in range(sections):
            out.append(f"## {self.words(2).title()}\n")
            out.append(self.paragraph() + "\n")
            roll = self.rng.random()
            if roll < 0.4:
                out.append(self.tasks() + "\n")
            elif roll < 0.5:
                out.append(self.code() + "\n")
        return "\n".join(out)

    def front(self, props: dict[str, object]) -> str:
        lines = ["---"]
        for key, value in props.items():
            if isinstance(value, list):
                lines.append(f"{key}:")
                lines.extend(f"  - {item}" for item in value)
            else:
                lines.append(f"{key}: {value}")
        lines.append("---\n")
        return "\n".join(lines)

    def extra(self, props: dict[str, object], up_to: int) -> dict[str, object]:
        for i in range(self.rng.randint(0, up_to)):
            props[f"extra_{i}"] = self.words(2)
        return props

    def day(self, index: int) -> date:
        return START + timedelta(days=index)

    def daily(self, i: int) -> tuple[str, str]:
        day = self.day(i)
        props = self.extra(
            {"date": day.isoformat(), "mood": self.rng.randint(1, 5), "tags": ["daily"]}, 4
        )
        body = f"# {day.isoformat()}\n\n" + self.body(self.rng.randint(1, 3))
        if self.rng.random() < 0.3:
            body += f"\nprogress:: [[{self.rng.choice(self.goals)}]] +1 {self.words(3)}\n"
        return f"daily/{day.year}/{day.isoformat()}.md", self.front(props) + body

    def meeting(self, i: int) -> tuple[str, str]:
        day = self.day(self.rng.randint(0, 1500))
        person = self.rng.choice(self.people)
        title = f"{day.isoformat()} Coffee with {person} {i}"
        props = self.extra(
            {
                "type": "meeting",
                "date": day.isoformat(),
                "with": [f'"[[{person}]]"'],
                "kind": self.rng.choice(["coffee", "informational", "event", "mentor"]),
                "follow_up_by": (day + timedelta(days=7)).isoformat(),
                "tags": [self.rng.choice(TAGS)],
            },
            5,
        )
        body = f"# {title}\n\n" + self.body(self.rng.randint(2, 4))
        if self.rng.random() < 0.2:
            body += f"\nprogress:: [[{self.rng.choice(self.goals)}]] +1 met {person}\n"
        return f"meetings/{day.year}/{title}.md", self.front(props) + body

    def contact(self, i: int) -> tuple[str, str]:
        name = self.people[i]
        props = self.extra(
            {
                "type": "contact",
                "company": self.words(1).title() + " Inc",
                "role": self.words(2),
                "met": self.day(self.rng.randint(0, 1500)).isoformat(),
                "tags": ["people", self.rng.choice(TAGS)],
            },
            6,
        )
        return f"people/{name}.md", self.front(props) + f"# {name}\n\n" + self.body(1)

    def goal(self, i: int) -> tuple[str, str]:
        title = self.goals[i]
        start = self.day(self.rng.randint(0, 1300))
        target = self.rng.randint(2, 20)
        log = []
        value = 0
        for n in range(self.rng.randint(2, 15)):
            value += 1
            log.append(f"- {(start + timedelta(days=3 * n)).isoformat()}: +1 {self.sentence()}")
        props = {
            "type": "goal",
            "id": f"goal-{i}",
            "title": title,
            "status": self.rng.choice(["active", "active", "paused", "done"]),
            "kind": "outcome",
            "area": self.rng.choice(TAGS),
            "tags": [self.rng.choice(TAGS)],
            "created": start.isoformat(),
            "metric": self.words(2),
            "unit": "items",
            "baseline": 0,
            "target": target,
            "current": value,
            "start": start.isoformat(),
            "due": (start + timedelta(days=90)).isoformat(),
            "review_every": "1w",
        }
        body = f"# {title}\n\n{self.paragraph()}\n\n## Log\n\n" + "\n".join(log) + "\n"
        return f"goals/{title}.md", self.front(props) + body

    def review(self, i: int) -> tuple[str, str]:
        day = START + timedelta(weeks=i)
        iso = day.isocalendar()
        label = f"{iso.year}-W{iso.week:02d}"
        props = {"type": "review", "week": label, "created": day.isoformat(), "tags": ["review"]}
        lines = "\n".join(f"- [[{self.rng.choice(self.goals)}]]: {self.words(4)}" for _ in range(5))
        return f"reviews/{label} {i}.md", self.front(
            props
        ) + f"# Review {label}\n\n{lines}\n\n" + self.body(2)

    def note(self, i: int) -> tuple[str, str]:
        title = self.plain[i]
        props = self.extra(
            {"title": title, "tags": [self.rng.choice(TAGS)], "aliases": [f"T{i}"]}, 3
        )
        return f"notes/{title}.md", self.front(props) + f"# {title}\n\n## Notes\n\n" + self.body(3)

    def write(self, root: Path) -> None:
        if root.exists():
            shutil.rmtree(root)
        (root / ".journal").mkdir(parents=True)
        for kind, count in self.counts.items():
            make = getattr(self, kind)
            for i in range(count):
                rel, text = make(i)
                path = root / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("notes", type=int, help="number of notes, e.g. 1000, 10000, 50000")
    parser.add_argument("out", type=Path, help="vault folder to (re)create")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    Generator(args.notes, args.seed).write(args.out)
    print(f"{args.out}: {args.notes} notes")


if __name__ == "__main__":
    main()
