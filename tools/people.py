"""Print, as entries to paste into data/people.yml, the people the guide's text introduces
with an age ("Zoé, 22,") who are not listed there yet, with where each is first seen.

    python tools/people.py            # from the project folder

A name seen with two ages, or in several places, is printed with all of them: decide whether
it is one person (one entry, every place in appears_in) or several (rename all but one).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from shared.guide_data import DataFileError  # noqa: E402
from shared.people_registry import PEOPLE_FILE, data_places, load_people, page_place, unlisted_entries  # noqa: E402


def main() -> int:
    try:
        people, not_people = load_people(ROOT) if (ROOT / PEOPLE_FILE).is_file() else ([], [])
    except DataFileError as err:
        print(err, file=sys.stderr)
        return 2
    docs = ROOT / "docs"
    places = [page_place(p.relative_to(docs).as_posix(), p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8"))
              for p in sorted(docs.rglob("*.md"))]
    found = unlisted_entries(people, places + data_places(ROOT), not_people)
    if not found:
        print(f"Every person introduced with an age is in {PEOPLE_FILE}.")
        return 0
    print(f"# {len(found)} people to add to {PEOPLE_FILE} (fill in `about`; a name with two ages or")
    print("# stories is two people: rename one in the text)")
    for name, entry in sorted(found.items()):
        for seen in entry["seen"]:
            print(f"  # {seen}")
        print(f"  - name: {name}")
        ages = [age for age in entry["ages"] if age is not None]
        if len(ages) == 1:
            print(f"    age: {ages[0]}")
        elif ages:
            print(f"    age: {ages}  # TWO AGES: two people? Keep one entry per person")
        print("    about: ")
        print("    appears_in: [" + ", ".join(entry["appears_in"]) + "]")
    return 1


if __name__ == "__main__":
    sys.exit(main())
