"""The skills lab's HTML: response exercises, branching conversations, the progress block.

Pure functions, no MkDocs events (hooks/skills_lab.py calls them). Every text from the data
files and data/interface.yml is escaped here. The HTML is complete without JavaScript: the
models, the self-rating guide and every step of a conversation sit in <details> boxes (the
print edition opens them); docs/assets/lab.js adds the writing, saving and playing on top,
reading the conversation from this same markup, so nothing is written twice. Search leaves
the practice out, as it does the quizzes (hooks/skills_lab.py puts these blocks in after search
has read the page): a search leads to the text that teaches.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from shared.skills_lab_data import Lab, is_ending

# (page, anchor) -> (URL from the current page, link text): built by the hook per page
Linker = Callable[[str], tuple[str, str]]


def words(strings: dict[str, str], key: str, **values) -> str:
    """One interface string, its {placeholders} filled, escaped for HTML."""
    text = strings.get(key, key)
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return escape(text)


def text(value: str) -> str:
    return escape(" ".join(str(value).split()))


def render_exercise(lab: Lab, exercise: dict, number: int, heading: int, s: dict[str, str]) -> str:
    """One exercise: the situation, a place to write, the models, the self-rating."""
    key = f"lab-ex-{exercise['id']}"
    skill = lab.skill(exercise["skill"])["name"]
    difficulty = next(d["name"] for d in lab.difficulties if d["id"] == exercise["difficulty"])
    models = "".join(
        f'<li class="lab-model lab-level-{m["level"]}"><p class="lab-model-level">'
        f'{words(s, "level", n=m["level"])}: {text(_level_name(lab, m["level"]))}</p>'
        f'<p class="lab-model-response">{text(m["response"])}</p><p class="lab-model-why">{text(m["why"])}</p></li>'
        for m in exercise["models"]
    )
    radios = "".join(
        f'<label class="lab-rate-option"><input type="radio" name="{key}-rating" value="{lv["level"]}"> '
        f'{lv["level"]} · {text(lv["name"])}</label>'
        for lv in lab.levels
    )
    # the guide describes each level for this exercise's skill: the level is how well a response does it
    meanings = lab.skill(exercise["skill"])["levels"]
    guide = "".join(f"<li><strong>{lv['level']} · {text(lv['name'])}.</strong> {text(meanings[lv['level'] - 1])}</li>"
                    for lv in lab.levels)
    return (
        f'<div class="lab-exercise" id="{key}" data-lab-exercise="{escape(exercise["id"])}">\n'
        f'<h{heading} class="lab-title">{words(s, "exercise_title", skill=skill, n=number)} '
        f'<span class="lab-tag">{text(difficulty)}</span></h{heading}>\n'
        f'<p class="lab-context">{text(exercise["context"])}</p>\n'
        f'<blockquote class="lab-client"><p>{text(exercise["client"])}</p></blockquote>\n'
        f'<div class="lab-work">\n<label class="lab-label" for="{key}-text">{words(s, "your_response")}</label>\n'
        f'<textarea class="lab-text" id="{key}-text" rows="4" aria-describedby="{key}-hint"></textarea>\n'
        f'<p class="lab-hint" id="{key}-hint">{words(s, "response_hint")}</p>\n</div>\n'
        f'<details class="lab-models">\n<summary>{words(s, "show_models", n=len(exercise["models"]))}</summary>\n'
        f'<ol class="lab-model-list">{models}</ol>\n</details>\n'
        f'<div class="lab-work">\n<fieldset class="lab-rate">\n<legend>{words(s, "rate_legend", skill=skill)}</legend>\n'
        f'<div class="lab-rate-options">{radios}</div>\n</fieldset>\n'
        f'<details class="lab-guide">\n<summary>{words(s, "rate_guide", skill=skill)}</summary>\n<ul>{guide}</ul>\n</details>\n'
        f'<p class="lab-actions"><button type="button" class="md-button lab-again">{words(s, "try_again")}</button> '
        f'<span class="lab-status" role="status"></span></p>\n'
        f'<div class="lab-attempts"></div>\n</div>\n</div>'
    )


def _level_name(lab: Lab, level: int) -> str:
    return next(lv["name"] for lv in lab.levels if lv["level"] == level)


def render_skill_set(lab: Lab, skill_id: str, s: dict[str, str]) -> str:
    """A skill's exercises, for the page that teaches it: in one box, so the page stays short."""
    exercises = [e for e in lab.exercises if e["skill"] == skill_id]
    return render_exercise_set(lab, exercises, {e["id"]: n for n, e in enumerate(exercises, 1)}, 3, s)


def render_exercise_set(lab: Lab, exercises: list[dict], numbers: dict[str, int], heading: int,
                        s: dict[str, str], difficulty: str = "") -> str:
    """Exercises of one skill in a closed box ("Practise Paraphrase: 5 exercises"; on the
    Skills lab page, with the difficulty: "Practise Paraphrase, starter: 2 exercises"): a page
    stays short to scroll on a phone, and lab.css leaves a closed box's exercises unstyled
    until it opens (most of the work of loading a page with many exercises). lab.js writes
    what was done into the summary's empty span ("2 of 5 tried")."""
    body = "\n".join(render_exercise(lab, e, numbers[e["id"]], heading, s) for e in exercises)
    name = lab.skill(exercises[0]["skill"])["name"]
    key = ("practise_level" if difficulty else "practise_skill") + ("_one" if len(exercises) == 1 else "")
    label = words(s, key, skill=name, difficulty=difficulty.lower(), n=len(exercises))
    return (f'<details class="lab-set">\n<summary>{label}<span class="lab-set-done"></span></summary>\n'
            f"{body}\n</details>")


def exercise_numbers(lab: Lab) -> dict[str, int]:
    """Each exercise's number within its skill (the same on every page that shows it)."""
    count: dict[str, int] = {}
    numbers = {}
    for exercise in lab.exercises:
        count[exercise["skill"]] = count.get(exercise["skill"], 0) + 1
        numbers[exercise["id"]] = count[exercise["skill"]]
    return numbers


def render_conversation(conversation: dict, link: Linker, s: dict[str, str], title_level: int | None) -> str:
    """A conversation: a player lab.js fills, and every step and choice as a readable list."""
    key = f"lab-co-{conversation['id']}"
    order = list(conversation["steps"])
    title = (f'<h{title_level} class="lab-title">{words(s, "conversation_title", title=conversation["title"])}</h{title_level}>\n'
             if title_level else "")
    steps = "\n".join(_render_step(key, conversation, step_id, order, link, s) for step_id in order)
    return (
        f'<div class="lab-conversation" id="{key}" data-lab-conversation="{escape(conversation["id"])}" '
        f'data-start="{escape(conversation["start"])}" data-client="{text(conversation["client_name"])}" '
        f'data-title="{text(conversation["title"])}">\n{title}'
        f'<p class="lab-context">{text(conversation["context"])}</p>\n'
        f'<div class="lab-play">\n<div class="lab-log" aria-live="polite">{_first_turn(conversation, s)}</div>\n'
        f'<div class="lab-choices" role="group" aria-label="{words(s, "your_choices")}">{_first_choices(conversation)}</div>\n</div>\n'
        f'<details class="lab-map">\n<summary>{words(s, "all_steps")}</summary>\n'
        f'<ol class="lab-steps">\n{steps}\n</ol>\n</details>\n</div>'
    )


# The player's opening, as lab.js draws it: in place before the script runs, nothing moves.
def _first_turn(conversation: dict, s: dict[str, str]) -> str:
    step = conversation["steps"][conversation["start"]]
    colon = escape(s.get("colon", ": "))  # ": ", or " : " in French (a non-breaking space first)
    return (f'<p class="lab-turn lab-turn--client"><span class="lab-who">{text(conversation["client_name"])}{colon}</span>'
            f'{text(step["client"])}</p>')


def _first_choices(conversation: dict) -> str:
    step = conversation["steps"][conversation["start"]]
    return "".join(f'<button type="button" class="lab-choice">{text(c["say"])}</button>' for c in step.get("choices") or [])


def _render_step(key: str, conversation: dict, step_id: str, order: list[str], link: Linker, s: dict[str, str]) -> str:
    step = conversation["steps"][step_id]
    colon = escape(s.get("colon", ": ").rstrip())  # the space after it stays outside the name's span
    said = (f'<p class="lab-said"><span class="lab-who">{text(conversation["client_name"])}{colon}</span> '
            f'<span class="lab-words">{text(step["client"])}</span></p>')
    if is_ending(step):
        rest = (f'<p class="lab-debrief"><strong>{words(s, "debrief")}</strong> '
                f'<span class="lab-words">{text(step["debrief"])}</span></p>')
        label = f'{words(s, "step", n=order.index(step_id) + 1)} · {words(s, "ending_" + step["outcome"])}'
    else:
        rest = '<ul class="lab-options">' + "".join(_render_choice(key, c, order, link, s) for c in step["choices"]) + "</ul>"
        label = words(s, "step", n=order.index(step_id) + 1)
    outcome = f' data-outcome="{escape(step["outcome"])}"' if is_ending(step) else ""
    return (f'<li class="lab-step" id="{key}-{escape(step_id)}" data-step="{escape(step_id)}" '
            f'data-ending="{"true" if is_ending(step) else "false"}"{outcome}>\n<p class="lab-step-label">{label}</p>\n{said}\n{rest}\n</li>')


def _render_choice(key: str, choice: dict, order: list[str], link: Linker, s: dict[str, str]) -> str:
    url, where = link(choice["teaches"])
    target = choice["next"]
    return (
        f'<li class="lab-option" data-next="{escape(target)}" data-verdict="{escape(choice["verdict"])}">'
        f'<details>\n<summary><span class="lab-words">{text(choice["say"])}</span></summary>\n'
        f'<div class="lab-feedback"><p><strong class="lab-verdict">{words(s, "verdict_" + choice["verdict"])}.</strong> '
        f'{text(choice["feedback"])} <a href="{escape(url)}">{words(s, "learn_more", where=where)}</a></p></div>\n'
        f'<p class="lab-next"><a href="#{key}-{escape(target)}">{words(s, "leads_to", n=_step_name(order, target, s))}</a></p>\n'
        f"</details></li>"
    )


def _step_name(order: list[str], step_id: str, s: dict[str, str]) -> str:
    return s.get("step", "Step {n}").replace("{n}", str(order.index(step_id) + 1))


def render_journal_tools(s: dict[str, str], journal_url: str) -> str:
    """The lab page's link to the practice journal and its clear button (shown only with
    JavaScript: without it nothing is saved)."""
    return (f'<div class="lab-work lab-journal">\n<p><a class="md-button md-button--primary lab-open-journal" href="{escape(journal_url)}">'
            f'{words(s, "open_journal")}</a> <button type="button" class="md-button lab-clear">{words(s, "clear")}</button></p>\n'
            f'<p class="lab-journal-status" role="status"></p>\n</div>\n'
            f'<p class="lab-no-js">{words(s, "no_js")}</p>')


def render_progress(lab: Lab, lab_url: str, s: dict[str, str]) -> str:
    """The "My progress" block: totals from the build, the student's counts filled by lab.js."""
    return (f'<div class="lab-progress" data-exercises="{len(lab.exercises)}" data-conversations="{len(lab.conversations)}">\n'
            f'<p class="lab-progress-counts" aria-live="polite">'
            f'<span class="lab-progress-exercises">{words(s, "progress_exercises", n=0, total=len(lab.exercises))}</span> '
            f'<span class="lab-progress-conversations">{words(s, "progress_conversations", n=0, total=len(lab.conversations))}</span></p>\n'
            f'<p><a href="{escape(lab_url)}">{words(s, "progress_link")}</a></p>\n</div>')
