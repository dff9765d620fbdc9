"""The questions people ask about digital marketing careers (`mktcareers ask`): which
question a typed one means, and its answer computed from the knowledge base's
numbers. Pure functions; no printing, no files (kb/questionfile.py reads
questions.yaml).

An answer is never written down: like compare's verdict it is built each time from
the roles, families and catalogues of the knowledge base it is given, so it changes
when they do. Each question names the kind of computation that answers it
(`ANSWER_KINDS`) and what it is about (a family, or a role for the role-* kinds).

Matching forgives typos and other wordings: both sides are normalised by
names.normalise, filler words ("how", "do", "the", "digital") are dropped, plurals
and -ing and -ed endings folded, words of the same meaning made one (SYNONYMS: "job",
"career" and "role"; "work from home" and "remote"), word order ignored for an
exact phrasing, and each typed word takes its closest word of a phrasing (rapidfuzz
ratio, at least WORD_CUTOFF). Rare words weigh more than common ones ("remote" tells the remote
questions apart, "marketing" tells little), so a phrasing scores the weighted share
of the typed words it holds (PRECISION_WEIGHT) and of its own words typed.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable, Sequence

import msgspec

from mktcareers.families import (
    IT_FAMILY,
    WORKING_LEVEL,
    compare_families,
    it_verdict,
    remote_answer,
    skill_shares,
    summarise_family,
    tool_shares,
)
from mktcareers.models import QUIZ_MEASURES, Family, KnowledgeBase, Role, soc_shares
from mktcareers.moves import closest_moves
from mktcareers.names import STOP_WORDS, normalise, singular

TOPICS = {
    "remote": "Remote work",
    "it": "Digital marketing and IT",
    "start": "Getting started",
    "manager": "The digital marketing manager",
}
DEFAULT_FAMILY = "marketing"

# Matching (see the module's docstring). Scores are 0-100.
WORD_CUTOFF = 70  # a typed word below this similarity to every word of a phrasing misses it
SHORT_WORD = 3  # letters: a typed word this short ...
SHORT_CUTOFF = 85  # ... must be at least this similar to a word ("fnd" and "find" 86)
SYNONYM_CUTOFF = 80  # a typed word this close to a key of SYNONYMS means its word
PRECISION_WEIGHT = 0.7  # the share of the typed words found counts most
ANSWER_SCORE = 75  # the best question answers a typed one from here ...
CLEAR_MARGIN = 8  # ... when no other question scores within this of it
SUGGEST_SCORE = 60  # questions suggested for one that is not answered
MAX_SUGGESTIONS = 3
# Words that carry no meaning of their own in a question ("how do I start"): the
# stop words of names, and the words questions are made of. (A line of words reads
# better than forty quoted ones, hence the noqa.)
FILLER = STOP_WORDS | frozenset(
    "am are be can could do does did i im is me my should we what which who how "  # noqa: SIM905
    "when would will you your there any some much many level really please "
    "tell about digital all getting".split()
)
# Words that mean the same to a question, each -> the one word matching uses (after
# plurals and -ing/-ed endings are folded). "digital" is filler above: here
# "marketing" and "digital marketing" ask the same.
SYNONYMS = {
    **dict.fromkeys(("job", "career", "position", "profession", "occupation"), "role"),
    **dict.fromkeys(("remotely", "home", "wfh", "telework", "homeoffice"), "remote"),
    **dict.fromkeys(
        ("entry", "junior", "newbie", "novice", "starter", "fresher", "graduate"), "beginner"
    ),
    **dict.fromkeys(("marketer", "marketeer"), "marketing"),
    **dict.fromkeys(
        ("paid", "salary", "salarie", "wage", "earn", "earner", "money", "income", "paycheck"),
        "pay",
    ),
    **dict.fromkeys(("suit", "suited", "match", "right", "fitt"), "fit"),
    **dict.fromkeys(("best", "top", "highest", "biggest"), "most"),
    **dict.fromkeys(("begin", "beginn", "kickstart"), "start"),
    **dict.fromkeys(("benefit", "pro", "upside", "perk", "plus"), "advantage"),
    **dict.fromkeys(("downside", "drawback", "con", "disadvantage", "problem"), "challenge"),
    **dict.fromkeys(
        ("certificate", "cert", "course", "qualification", "credential"), "certification"
    ),
    **dict.fromkeys(("software", "toolkit", "app", "stack", "platform"), "tool"),
    **dict.fromkeys(("degree", "diploma", "college", "university", "study"), "education"),
    **dict.fromkeys(("tech", "technology"), "it"),
    **dict.fromkeys(("switch", "change", "transition", "pivot", "leave", "moving"), "move"),
}

# What each quiz preference measures (models.QUIZ_MEASURES), in words.
MEASURE_WORDS = {
    "remote": "remote work",
    "creative": "creative or analytical work",
    "people": "time with people",
    "code": "code and technical work",
}

# How many roles, skills or tools an answer names at most.
TOP = 5
BEGINNERS_LISTED = 8  # beginner-friendly roles given with their numbers, most openings first
# A remote score from which a role counts as remote-friendly: an average rating of
# 3 of 4 ("mostly") on the rubric's factors, which score = 25 x the mean rating.
REMOTE_FRIENDLY = 75


class Question(msgspec.Struct, frozen=True):
    """One question of questions.yaml: `answer` is a kind of ANSWER_KINDS, `family`
    and `role` (a slug, or None) what it is about; `phrasings` other ways to ask it;
    `start` whether the start screen lists it."""

    id: str
    topic: str  # a key of TOPICS
    text: str
    answer: str
    family: str = DEFAULT_FAMILY
    role: str | None = None
    phrasings: tuple[str, ...] = ()
    start: bool = False


class Answer(msgspec.Struct, frozen=True):
    """A question's answer: `short` in a few words ("Mostly yes."), `lines` sentences
    built from the knowledge base's numbers, `facts` those numbers by name (scores
    0-100, pay USD a year, shares 0-1), `commands` what to run to go deeper."""

    question: Question
    short: str
    lines: tuple[str, ...]
    facts: dict
    commands: tuple[str, ...]


class Unanswerable(LookupError):
    """The knowledge base lacks what a question is about (its family or role, or any
    role of the family); `reason` says what, in words."""

    def __init__(self, question: Question, reason: str) -> None:
        self.question = question
        self.reason = reason
        super().__init__(f"cannot answer '{question.id}': {reason}")


class QuestionMatch(msgspec.Struct, frozen=True):
    """Which question a typed one means: `question` (None when no single one is clear),
    its `score` 0-100, and the closest questions best first (`suggestions`, each with
    its score) when none is clear or for a list."""

    question: Question | None
    score: float
    suggestions: tuple[tuple[Question, float], ...] = ()


# ------------------------------------------------------------------ matching


def phrasing_words(text: str) -> tuple[str, ...]:
    """The words of a question or phrasing that matching compares (see _words), each
    once, in alphabetical order: two phrasings with the same words, in any order, are
    the same to `ask`."""
    return tuple(sorted(set(_words(text))))


def _words(text: str) -> list[str]:
    """The words of `text` that carry its meaning, normalised, in the singular,
    without an -ing or -ed ending ("working" and "work", "started" and "start"), and
    each as the one word SYNONYMS gives its meaning ("jobs" and "role")."""
    words = (
        _stem(word) for word in singular(normalise(text)).split() if word not in FILLER
    )  # "getting" is filler before its ending goes
    return [SYNONYMS.get(word, word) for word in words if word not in FILLER]


def _stem(word: str) -> str:
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 5 and word.endswith("ed"):
        return word[:-2]
    return word


class Catalogue:
    """The questions of a knowledge base, ready to match typed ones against."""

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = tuple(questions)
        self._phrasings = [
            (index, words)
            for index, question in enumerate(self.questions)
            for words in map(_words, (question.text, *question.phrasings))
            if words
        ]
        # the words of each phrasing -> its question: typed exactly, it is the one meant
        self.exact = {tuple(sorted(set(words))): index for index, words in self._phrasings}
        counts = Counter(
            word for _, words in self._phrasings for word in set(words)
        )  # in how many phrasings each word is
        total = len(self._phrasings)
        self._weight = {word: math.log(1 + total / count) for word, count in counts.items()}
        self._vocabulary = sorted(counts)
        self._unknown_weight = math.log(1 + total) if total else 1.0

    def by_id(self, key: str) -> Question | None:
        """The question whose id is `key` (any case), or whose number it is (1 the first
        of the list); None otherwise."""
        wanted = key.strip().lower()
        if wanted.isdigit() and 1 <= int(wanted) <= len(self.questions):
            return self.questions[int(wanted) - 1]
        return next((q for q in self.questions if q.id == wanted), None)

    def match(self, typed: str) -> QuestionMatch:
        """The question `typed` means: by id or number, or the one with a phrasing of
        exactly its words (phrasing_words; questionfile lets no two questions share
        one), else the best-scoring question
        when it reaches ANSWER_SCORE and no other is within CLEAR_MARGIN; the
        suggestions are the questions scoring SUGGEST_SCORE or more (at most
        MAX_SUGGESTIONS, best first, ties in list order)."""
        found = self.by_id(typed)
        if found is None and phrasing_words(typed) in self.exact:
            found = self.questions[self.exact[phrasing_words(typed)]]
        if found is not None:
            return QuestionMatch(found, 100.0)
        scores = self.scores(typed)
        ranked = sorted(
            ((index, score) for index, score in enumerate(scores) if score >= SUGGEST_SCORE),
            key=lambda item: (-item[1], item[0]),
        )
        suggestions = tuple((self.questions[index], score) for index, score in ranked)
        if not ranked:
            return QuestionMatch(None, 0.0)
        best_index, best = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if best >= ANSWER_SCORE and best - runner_up >= CLEAR_MARGIN:
            return QuestionMatch(self.questions[best_index], best, suggestions[:MAX_SUGGESTIONS])
        return QuestionMatch(None, best, suggestions[:MAX_SUGGESTIONS])

    def scores(self, typed: str) -> list[float]:
        """Each question's score (0-100) against `typed`: its best phrasing's."""
        typed_words = _words(typed)
        best = [0.0] * len(self.questions)
        if not typed_words or not self._vocabulary:
            return best
        from rapidfuzz import fuzz, process

        # each typed word -> {vocabulary word: similarity}, and the weight it carries:
        # that of the vocabulary word it is closest to, or the rarest when it is none
        near: list[dict[str, float]] = []
        weights: list[float] = []
        for word in typed_words:
            found = {
                match: score
                for match, score, _ in process.extract(
                    word,
                    self._vocabulary,
                    scorer=fuzz.ratio,
                    limit=None,
                    # a short word must be closer: "fit" is not "it" (80)
                    score_cutoff=WORD_CUTOFF if len(word) > SHORT_WORD else SHORT_CUTOFF,
                )
            }
            filler = process.extractOne(word, FILLER, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF)
            synonym = process.extractOne(
                word, list(SYNONYMS), scorer=fuzz.ratio, score_cutoff=SYNONYM_CUTOFF
            )
            if not found and synonym and (not filler or synonym[1] > filler[1]):
                # a mistyped synonym ("salry", "jobb") means its word
                meant = SYNONYMS[synonym[0]]
                found = {meant: synonym[1]} if meant in self._weight else {}
            if not found and filler:
                continue  # a mistyped filler word ("form" for "from", "wich") means nothing
            near.append(found)
            closest = max(found, key=lambda match: (found[match], match), default=None)
            weights.append(self._unknown_weight if closest is None else self._weight[closest])
        if not near:
            return best
        typed_total = sum(weights)
        for index, words in self._phrasings:
            found_share = (
                sum(
                    weight * max((row.get(word, 0.0) for word in words), default=0.0)
                    for row, weight in zip(near, weights, strict=True)
                )
                / typed_total
            )
            own = [self._weight[word] for word in words]
            own_share = sum(
                weight * max(row.get(word, 0.0) for row in near)
                for word, weight in zip(words, own, strict=True)
            ) / sum(own)
            score = PRECISION_WEIGHT * found_share + (1 - PRECISION_WEIGHT) * own_share
            best[index] = max(best[index], score)
        return best


# ------------------------------------------------------------------ answers


class _Context:
    """What an answer is computed from: the knowledge base, the question's family
    and its roles, and its role (for the role-* kinds)."""

    def __init__(self, question: Question, kb: KnowledgeBase) -> None:
        self.question = question
        self.kb = kb
        family = kb.families.get(question.family)
        if family is None:
            raise Unanswerable(question, f"this knowledge base has no family '{question.family}'")
        self.family: Family = family
        self.roles = tuple(role for role in kb.roles if role.family == family.id)
        if not self.roles:
            raise Unanswerable(question, f"the family '{family.id}' has no roles")
        self.role: Role | None = None
        if question.role is not None:
            self.role = kb.role(question.role)
            if self.role is None:
                raise Unanswerable(question, f"this knowledge base has no role '{question.role}'")

    @property
    def name(self) -> str:
        """The family's name as it reads mid-sentence ("digital marketing")."""
        return self.family.name.lower()

    def it_family(self) -> Family:
        it = self.kb.families.get(IT_FAMILY)
        if it is None or it.id == self.family.id:
            raise Unanswerable(self.question, f"this knowledge base has no family '{IT_FAMILY}'")
        return it


def _names(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def _money(value: int | float | None) -> str:
    return "no published wage" if value is None else f"${round(value):,}"


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _ranked_by_remote(roles: Sequence[Role]) -> list[Role]:
    return sorted(roles, key=lambda role: (-role.remote.score, role.slug))


def _family_remote(c: _Context) -> Answer:
    summary = summarise_family(c.family, c.kb)
    remote = summary.remote
    friendly = [role for role in c.roles if role.remote.score >= REMOTE_FRIENDLY]
    ranked = _ranked_by_remote(c.roles)
    lines = [
        f"Our remote scores for the {len(c.roles)} {c.name} roles have a median of "
        f"{remote.median:g}/100 (range {remote.low:g}-{remote.high:g}); "
        f"{len(friendly)} score {REMOTE_FRIENDLY} or more (a mean rating of 3 of 4 over the "
        "factors of the remote rubric).",
    ]
    if summary.teleworkable_share is not None:
        lines.append(
            f"Dingel & Neiman (2020) count {_percent(summary.teleworkable_share)} of the "
            f"{summary.teleworkable_rated} rated {c.name} roles as work that can be done "
            "from home."
        )
    lines.append(
        f"Most remote: {_names([f'{r.slug} ({r.remote.score})' for r in ranked[:3]])}; "
        f"least: {_names([f'{r.slug} ({r.remote.score})' for r in ranked[-2:]])}."
    )
    others = [
        summarise_family(family, c.kb)
        for family in c.kb.families.values()
        if family.id != c.family.id and any(role.family == family.id for role in c.kb.roles)
    ]
    lines.extend(
        f"For comparison, {other.family.name.lower()} roles have a median of "
        f"{other.remote.median:g}/100."
        for other in others
    )
    facts = {
        "family": c.family.id,
        "roles": len(c.roles),
        "remote_score": {"low": remote.low, "median": remote.median, "high": remote.high},
        "remote_friendly_roles": [role.slug for role in friendly],
        "teleworkable_share": summary.teleworkable_share,
        "other_families": {other.family.id: other.remote.median for other in others},
    }
    return _answer(
        c,
        f"{remote_answer(remote.median)}.",
        lines,
        facts,
        (
            f"mktcareers roles list --family {c.family.id} --sort remote",
            *(f"mktcareers compare {c.family.id} {other.family.id}" for other in others[:1]),
        ),
    )


def _factor_means(roles: Sequence[Role]) -> list[tuple[str, int, float]]:
    """(factor name, weight in percent, mean rating 0-4) of the rubric's factors over
    `roles`, the highest mean first."""
    ratings: dict[str, list[int]] = {}
    weights: dict[str, tuple[str, int]] = {}
    for role in roles:
        for factor in role.remote.factors:
            ratings.setdefault(factor.id, []).append(factor.rating)
            weights[factor.id] = (factor.name, factor.weight)
    means = [
        (weights[factor][0], weights[factor][1], statistics.mean(values))
        for factor, values in ratings.items()
    ]
    return sorted(means, key=lambda item: (-item[2], -item[1], item[0]))


def _remote_factors(c: _Context) -> Answer:
    means = _factor_means(c.roles)
    strong = [item for item in means if item[2] >= 3]
    weak = [item for item in means if item[2] < 3]

    def said(items) -> str:
        return _names(
            [f"{name.lower()} ({mean:.1f} of 4, weight {weight}%)" for name, weight, mean in items]
        )

    lines = [
        f"The remote score rates {len(means)} factors from 0 to 4 for each role. Over the "
        f"{len(c.roles)} {c.name} roles, the factors rated 3 or more on average: "
        f"{said(strong) or 'none'}.",
    ]
    if weak:
        lines.append(f"What holds some roles back: {said(weak)}.")
    least = _ranked_by_remote(c.roles)[-1]
    weakest = min(least.remote.factors, key=lambda f: (f.rating, -f.weight))
    lines.append(
        f"The least remote role, {least.slug} ({least.remote.score}/100), rates "
        f"{weakest.name.lower()} {weakest.rating} of 4: {weakest.reason}"
    )
    facts = {
        "family": c.family.id,
        "factors": [
            {"factor": name, "weight_pct": weight, "mean_rating": round(mean, 2)}
            for name, weight, mean in means
        ],
    }
    short = (
        f"Its roles rate high on {_names([name.lower() for name, _, _ in strong])}."
        if strong
        else "Few of its roles do."
    )
    return _answer(
        c,
        short,
        lines,
        facts,
        (
            f"mktcareers roles list --family {c.family.id} --sort remote",
            f"mktcareers role show {least.slug}",
        ),
    )


def _remote_roles(c: _Context) -> Answer:
    ranked = _ranked_by_remote(c.roles)
    friendly = [role for role in ranked if role.remote.score >= REMOTE_FRIENDLY]

    def home(role: Role) -> str:
        flag = role.derived.teleworkable if role.derived else None
        return (
            ""
            if flag is None
            else ("; doable from home" if flag else "; not rated doable from home")
        )

    lines = [
        f"{len(friendly)} of {len(c.roles)} {c.name} roles score {REMOTE_FRIENDLY} or more "
        "for remote work (0-100, the remote rubric):",
        *(f"{role.slug} {role.remote.score}/100{home(role)}" for role in ranked[:TOP]),
        f"The least remote: {_names([f'{r.slug} ({r.remote.score})' for r in ranked[-2:]])}.",
    ]
    facts = {
        "family": c.family.id,
        "roles": [{"slug": role.slug, "remote_score": role.remote.score} for role in ranked],
    }
    best = ranked[0]
    return _answer(
        c,
        f"{best.title} leads with {best.remote.score}/100.",
        lines,
        facts,
        (
            f"mktcareers roles list --family {c.family.id} --sort remote",
            f"mktcareers role show {best.slug}",
        ),
    )


def _kind_counts(roles: Sequence[Role], items: Callable[[Role], Sequence]) -> Counter:
    """How many of `roles` name each kind among `items(role)` (once per role)."""
    return Counter(kind for role in roles for kind in {item.kind for item in items(role)})


def _leading(ranked: Sequence[tuple[str, int]], name: Callable[[str], str]) -> str:
    """The kinds named by the most roles (`ranked`: (kind, roles) most first), by
    `name`: "Above all, X." or, when several tie, "X and Y, named by as many roles"."""
    most = ranked[0][1]
    tied = [name(kind) for kind, count in ranked if count == most]
    if len(tied) == 1:
        return f"Above all, {tied[0].lower()}."
    return f"{_names(tied)}, each named by {_plural(most, 'role')}."


def _remote_challenges(c: _Context) -> Answer:
    counts = _kind_counts(c.roles, lambda role: role.remote.challenges)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    kinds = c.kb.rubric.challenge_kinds
    lines = [
        f"Across the {len(c.roles)} {c.name} roles, the challenges named most often:",
        *(
            f"{c.kb.rubric.kind_name(kind)} ({count} of {len(c.roles)} roles): "
            f"{kinds.get(kind, '')}".rstrip(": ")
            for kind, count in ranked[:TOP]
        ),
    ]
    if ranked:
        top_kind = ranked[0][0]
        example = next(
            (
                (role, challenge)
                for role in _ranked_by_remote(c.roles)
                for challenge in role.remote.challenges
                if challenge.kind == top_kind
            ),
            None,
        )
        if example is not None:
            lines.append(f"In {example[0].slug}, for one: {example[1].note}")
    facts = {"family": c.family.id, "roles": len(c.roles), "challenges": dict(ranked)}
    short = _leading(ranked, c.kb.rubric.kind_name) if ranked else "The roles name none."
    return _answer(
        c,
        short,
        lines,
        facts,
        (
            f"mktcareers roles list --family {c.family.id} --sort remote",
            "mktcareers role show " + (_ranked_by_remote(c.roles)[0].slug),
        ),
    )


def _remote_advantages(c: _Context) -> Answer:
    counts = _kind_counts(c.roles, lambda role: role.remote.advantages)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    kinds = c.kb.rubric.advantage_kinds
    friendly = [role for role in c.roles if role.remote.score >= REMOTE_FRIENDLY]
    listing = sum(bool(role.remote.advantages) for role in c.roles)
    lines = []
    if ranked:
        lines.append(
            f"{listing} of the {len(c.roles)} {c.name} roles list what remote work gives; "
            "the advantages named most often:"
        )
        lines.extend(
            f"{c.kb.rubric.kind_name(kind)} ({count} of {listing} roles): "
            f"{kinds.get(kind, '')}".rstrip(": ")
            for kind, count in ranked[:TOP]
        )
        top_kind = ranked[0][0]
        role, advantage = next(
            (role, advantage)
            for role in _ranked_by_remote(c.roles)
            for advantage in role.remote.advantages
            if advantage.kind == top_kind
        )
        lines.append(f"In {role.slug}, for one: {advantage.note}")
    lines.append(
        f"They hold fully in the {len(friendly)} of {len(c.roles)} {c.name} roles scoring "
        f"{REMOTE_FRIENDLY}+ for remote work."
    )
    facts = {
        "family": c.family.id,
        "roles_listing_advantages": listing,
        "advantages": dict(ranked),
        "remote_friendly_roles": [role.slug for role in friendly],
    }
    short = _leading(ranked, c.kb.rubric.kind_name) if ranked else "The roles list none."
    return _answer(
        c,
        short,
        lines,
        facts,
        (
            "mktcareers ask remote-challenges",
            f"mktcareers roles list --family {c.family.id} --min-remote {REMOTE_FRIENDLY}",
        ),
    )


def _remote_where(c: _Context) -> Answer:
    ranked = [role for role in _ranked_by_remote(c.roles) if role.remote.score >= REMOTE_FRIENDLY]
    which = f"the titles that score {REMOTE_FRIENDLY}+ for remote work"
    if not ranked:
        ranked = _ranked_by_remote(c.roles)[:TOP]
        which = f"the most remote titles (none scores {REMOTE_FRIENDLY}+)"
    titles = [role.title for role in ranked[:TOP]]
    aliases = [alias for role in ranked[:3] for alias in role.aliases[:2]]
    lines = [f"Search job boards' remote listings for {which}: {_names(titles)}."]
    if aliases:
        lines.append(f"Employers also call them: {_names(aliases)}.")
    beginners = [role.slug for role in ranked if role.beginner_friendly]
    if beginners:
        lines.append(f"Open to beginners among them: {_names(beginners)}.")
    tip = ranked[0].getting_started.job_search
    if tip:
        lines.append(f"For {ranked[0].slug}: {tip[0]}")
    facts = {
        "family": c.family.id,
        "roles": [{"slug": role.slug, "remote_score": role.remote.score} for role in ranked],
        "titles": titles,
        "aliases": aliases,
    }
    return _answer(
        c,
        f"Search remote listings for {ranked[0].title} and the other titles below.",
        lines,
        facts,
        (
            f"mktcareers roles list --family {c.family.id} --min-remote {REMOTE_FRIENDLY}",
            f'mktcareers search "{ranked[0].title}"',
        ),
    )


def _role_remote(c: _Context) -> Answer:
    role = c.role
    ranked = _ranked_by_remote(c.roles)
    place = (
        next(i for i, other in enumerate(ranked, 1) if other.slug == role.slug)
        if (role.family == c.family.id)
        else None
    )
    median = statistics.median(other.remote.score for other in c.roles)
    lines = [
        f"{role.title} scores {role.remote.score}/100 for remote work, against a median of "
        f"{median:g} for {c.name} roles"
        + (f" (the {_ordinal(place)} most remote of {len(c.roles)})." if place else "."),
    ]
    if role.derived is not None and role.derived.teleworkable is not None:
        said = "can" if role.derived.teleworkable else "cannot"
        lines.append(
            f"Dingel & Neiman (2020) rate its occupation as work that {said} be done from home."
        )
    factors = sorted(role.remote.factors, key=lambda f: (-f.rating, -f.weight))
    lines.append(f"Strongest: {factors[0].name.lower()} {factors[0].rating}/4. {factors[0].reason}")
    lines.append(
        f"Weakest: {factors[-1].name.lower()} {factors[-1].rating}/4. {factors[-1].reason}"
    )
    for advantage in role.remote.advantages[:2]:
        lines.append(f"Advantage ({advantage.kind}): {advantage.note}")
    for challenge in role.remote.challenges[:2]:
        lines.append(f"Challenge ({challenge.kind}): {challenge.note}")
    facts = {
        "role": role.slug,
        "remote_score": role.remote.score,
        "family_median": median,
        "teleworkable": role.derived.teleworkable if role.derived else None,
        "factors": {factor.id: factor.rating for factor in role.remote.factors},
        "challenges": [challenge.kind for challenge in role.remote.challenges],
    }
    return _answer(
        c,
        f"{remote_answer(role.remote.score)}: {role.remote.score}/100.",
        lines,
        facts,
        (f"mktcareers role show {role.slug}", f"mktcareers compare {role.slug} {c.family.id}"),
    )


def _it_comparison(c: _Context):
    return compare_families(c.family, c.it_family(), c.kb)


def _it_job(c: _Context) -> Answer:
    comparison = _it_comparison(c)
    said = it_verdict(comparison, c.kb)
    if not said:
        raise Unanswerable(c.question, "the roles have no IT overlap scores")
    # the verdict's first line asks the question again before answering it
    asked, _, rest = said[0].partition("? ")
    short, _, first = rest.partition(". ")
    lines = [first or said[0], *said[1:]] if asked and first else list(said)
    if comparison.bridges:
        lines.append(
            "Closest to IT: "
            + _names([f"{b.role.slug} ({b.it_overlap})" for b in comparison.bridges])
            + "."
        )
    side = comparison.left
    facts = {
        "family": c.family.id,
        "it_overlap_median": side.it_overlap.median if side.it_overlap else None,
        "it_family_median": (
            comparison.right.it_overlap.median if comparison.right.it_overlap else None
        ),
        "bridge_roles": [bridge.role.slug for bridge in comparison.bridges],
    }
    return _answer(
        c,
        f"{short}." if first else "See below.",
        lines,
        facts,
        (
            f"mktcareers compare {c.family.id} {IT_FAMILY}",
            f"mktcareers roles list --family {c.family.id} --sort it-overlap",
        ),
    )


def _it_shared(c: _Context) -> Answer:
    comparison = _it_comparison(c)
    from mktcareers.moves import step_size

    left = skill_shares(comparison.left.roles)
    right = skill_shares(comparison.right.roles)
    lines = [
        "Skills both fields need at a working level (share of roles, "
        f"{c.family.id} / {IT_FAMILY}): "
        + (
            _names(
                [
                    f"{c.kb.skills[skill].name} ({_percent(left[skill])} / "
                    f"{_percent(right[skill])})"
                    for skill in comparison.shared_skills[:TOP]
                ]
            )
            or "none"
        )
        + ".",
        f"Tools both list: {_names(list(comparison.shared_tools[:TOP])) or 'none'}.",
        f"A {c.family.id} role and an IT role are {comparison.similarity}/100 alike on "
        f"average (skills, interests, preparation): {step_size(comparison.similarity)} "
        "on our step scale.",
    ]
    facts = {
        "shared_skills": list(comparison.shared_skills),
        "shared_tools": list(comparison.shared_tools),
        "similarity": comparison.similarity,
    }
    count = len(comparison.shared_skills)
    return _answer(
        c,
        f"{_plural(count, 'typical skill')} and {_plural(len(comparison.shared_tools), 'tool')}.",
        lines,
        facts,
        (f"mktcareers compare {c.family.id} {IT_FAMILY}", "mktcareers skills list"),
    )


def _it_bridges(c: _Context) -> Answer:
    comparison = _it_comparison(c)
    if not comparison.bridges:
        raise Unanswerable(c.question, "the roles have no IT overlap scores")
    it_low = comparison.right.it_overlap.low if comparison.right.it_overlap else None
    lines = [
        f"The {c.name} roles with the most IT overlap (0-100)"
        + (f"; the lowest IT role scores {it_low:g}:" if it_low is not None else ":"),
        *(
            f"{bridge.role.slug} {bridge.it_overlap}: "
            + (_names(list(bridge.technical_skills)) or "no technical skills")
            + (
                f"; built on IT occupations {_names(list(bridge.it_codes))}"
                if bridge.it_codes
                else ""
            )
            for bridge in comparison.bridges
        ),
    ]
    facts = {
        "bridge_roles": [
            {
                "slug": b.role.slug,
                "it_overlap": b.it_overlap,
                "technical_skills": list(b.technical_skills),
            }
            for b in comparison.bridges
        ],
        "it_family_low": it_low,
    }
    top = comparison.bridges[0]
    return _answer(
        c,
        f"{top.role.title} first, at {top.it_overlap}/100.",
        lines,
        facts,
        (
            f"mktcareers compare {c.family.id} {IT_FAMILY}",
            f"mktcareers compare {top.role.slug} {IT_FAMILY}",
        ),
    )


def _technical_share(roles: Sequence[Role]) -> float:
    needs = [skill for role in roles for skill in role.skills if skill.level >= WORKING_LEVEL]
    return sum(skill.type == "technical" for skill in needs) / len(needs) if needs else 0.0


def _skill_types(c: _Context) -> Answer:
    shares = skill_shares(c.roles)
    by_type: dict[str, list[tuple[str, float]]] = {}
    for skill, share in sorted(shares.items(), key=lambda item: (-item[1], item[0])):
        kind = c.kb.skills[skill].type if skill in c.kb.skills else "technical"
        by_type.setdefault(kind, []).append((skill, share))
    technical = _technical_share(c.roles)

    def listed(kind: str) -> str:
        return (
            _names(
                [
                    f"{c.kb.skills[s].name} {_percent(share)}"
                    for s, share in by_type.get(kind, [])[:TOP]
                ]
            )
            or "none"
        )

    lines = [
        f"Of the skills {c.name} roles need at a working level (3 of 5 or more), "
        f"{_percent(technical)} are technical.",
        f"Technical, by share of {c.family.id} roles: {listed('technical')}.",
        f"Non-technical: {listed('non-technical')}.",
    ]
    facts = {
        "family": c.family.id,
        "technical_share": round(technical, 3),
        "technical": dict(by_type.get("technical", [])[:TOP]),
        "non_technical": dict(by_type.get("non-technical", [])[:TOP]),
    }
    it = c.kb.families.get(IT_FAMILY)
    it_roles = [role for role in c.kb.roles if it is not None and role.family == it.id]
    if it_roles and it.id != c.family.id:
        it_share = _technical_share(it_roles)
        lines.append(f"For IT roles the technical share is {_percent(it_share)}.")
        facts["it_technical_share"] = round(it_share, 3)
    return _answer(
        c,
        f"Both: {_percent(technical)} technical.",
        lines,
        facts,
        ("mktcareers skills list", f"mktcareers roles list --family {c.family.id}"),
    )


def _it_to_family(c: _Context) -> Answer:
    it = c.it_family()
    it_roles = [role for role in c.kb.roles if role.family == it.id]
    if not it_roles:
        raise Unanswerable(c.question, f"the family '{it.id}' has no roles")
    moves = [move for role in it_roles for move in closest_moves(role, c.roles, limit=1)]
    moves.sort(key=lambda move: (-move.similarity.score, move.source.slug))
    lines = [f"The shortest moves from an IT role into {c.name} (similarity 0-100):"]
    for move in moves[:TOP]:
        build = [gap.name for gap in move.skills_to_build[:3]]
        lines.append(
            f"{move.source.slug} to {move.target.slug}: {move.similarity.score}, {move.size}"
            + (f"; build {_names(build)}" if build else "")
        )
    facts = {
        "moves": [
            {
                "from": move.source.slug,
                "to": move.target.slug,
                "similarity": move.similarity.score,
                "skills_to_build": [gap.id for gap in move.skills_to_build],
            }
            for move in moves
        ]
    }
    best = moves[0]
    return _answer(
        c,
        f"Closest: {best.source.slug} to {best.target.slug} ({best.size}).",
        lines,
        facts,
        (
            f"mktcareers path {best.source.slug} {best.target.slug}",
            f"mktcareers path {best.source.slug} {c.family.id}",
        ),
    )


def _beginners(c: _Context) -> list[Role]:
    """The family's beginner-friendly roles, most openings a year first."""

    def openings(role: Role) -> int:
        value = role.derived.outlook.annual_openings if role.derived else None
        return value or 0

    chosen = [role for role in c.roles if role.beginner_friendly]
    if not chosen:
        raise Unanswerable(c.question, f"no {c.family.id} role is marked beginner-friendly")
    return sorted(chosen, key=lambda role: (-openings(role), role.slug))


def _zone(role: Role) -> str:
    return "" if role.derived is None else f"job zone {role.derived.job_zone}"


def _beginner_roles(c: _Context) -> Answer:
    beginners = _beginners(c)
    others = [role for role in c.roles if not role.beginner_friendly]
    lines = [
        f"{len(beginners)} of {len(c.roles)} {c.name} roles are marked beginner-friendly "
        "in their role files (people start in them without years in another role first):",
        *(
            f"{role.slug}: {_zone(role)}, median pay {_money(role.pay_median)}, "
            f"remote {role.remote.score}/100"
            for role in beginners[:BEGINNERS_LISTED]
        ),
    ]
    if len(beginners) > BEGINNERS_LISTED:
        rest = [role.slug for role in beginners[BEGINNERS_LISTED:]]
        lines.append(f"Fewer openings a year: {_names(rest)}.")
    pays = [role.pay_median for role in beginners if role.pay_median is not None]
    other_pays = [role.pay_median for role in others if role.pay_median is not None]
    if pays and other_pays:
        lines.append(
            f"Their median pay is {_money(statistics.median(pays))}, against "
            f"{_money(statistics.median(other_pays))} for the other {c.family.id} roles."
        )
    facts = {
        "family": c.family.id,
        "beginner_roles": [role.slug for role in beginners],
        "median_pay": statistics.median(pays) if pays else None,
        "other_median_pay": statistics.median(other_pays) if other_pays else None,
    }
    return _answer(
        c,
        f"{_plural(len(beginners), 'role')}, {beginners[0].title} with the most openings.",
        lines,
        facts,
        (
            f"mktcareers roles list --family {c.family.id} --beginner",
            f"mktcareers role show {beginners[0].slug}",
        ),
    )


def _first_steps(c: _Context) -> Answer:
    beginners = _beginners(c)
    shares = skill_shares(beginners)
    common = sorted(shares.items(), key=lambda item: (-item[1], item[0]))[:TOP]
    education = Counter(
        role.derived.outlook.entry_education for role in beginners if role.derived is not None
    )
    first, count = beginners[0], len(beginners)
    lines = [
        f"Aim at a beginner-friendly role first: {_names([r.slug for r in beginners[:3]])} "
        "have the most openings a year.",
        "Build the skills most of them need on your own (level 3+): "
        + _names(
            [f"{c.kb.skills[s].name} ({round(share * count)} of {count})" for s, share in common]
        )
        + ".",
    ]
    if education:
        usual, count = sorted(education.items(), key=lambda item: (-item[1], item[0]))[0]
        lines.append(
            f"The usual entry education (BLS) for {count} of {len(beginners)} of them: {usual}."
        )
    if first.getting_started.skills_to_build:
        lines.append(f"First step for {first.slug}: {first.getting_started.skills_to_build[0]}")
    facts = {
        "family": c.family.id,
        "beginner_roles": [role.slug for role in beginners],
        "common_skills": {skill: round(share, 3) for skill, share in common},
        "entry_education": dict(education),
    }
    return _answer(
        c,
        f"Start with {first.title} or a role like it.",
        lines,
        facts,
        (
            f"mktcareers roles list --family {c.family.id} --beginner",
            f"mktcareers role show {first.slug}",
            "mktcareers quiz",
        ),
    )


def _portfolio(c: _Context) -> Answer:
    beginners = _beginners(c)
    shares = skill_shares(beginners)
    technical = [
        skill
        for skill, _ in sorted(shares.items(), key=lambda item: (-item[1], item[0]))
        if skill in c.kb.skills and c.kb.skills[skill].type == "technical"
    ][:3]
    lines = [
        "Show the skills beginner-friendly roles need most, with measured results: "
        + _names([c.kb.skills[s].name for s in technical])
        + ".",
        *(
            f"For {role.slug}: {role.getting_started.portfolio[0]}"
            for role in beginners[:3]
            if role.getting_started.portfolio
        ),
    ]
    facts = {
        "family": c.family.id,
        "skills_to_show": technical,
        "roles": [role.slug for role in beginners[:3]],
    }
    return _answer(
        c,
        "Real work with numbers, in the skills employers ask for.",
        lines,
        facts,
        tuple(f"mktcareers role show {role.slug}" for role in beginners[:2]),
    )


def _certifications(c: _Context) -> Answer:
    counts = Counter(cert for role in c.roles for cert in set(role.certifications))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    beginners = {role.slug for role in c.roles if role.beginner_friendly}
    lines = [f"The certifications the {len(c.roles)} {c.name} roles list most often:"]
    for cert, count in ranked[:TOP]:
        for_beginners = sum(
            cert in role.certifications for role in c.roles if role.slug in beginners
        )
        lines.append(f"{cert}: {count} of {len(c.roles)} roles ({for_beginners} beginner-friendly)")
    issuers = Counter(
        cert.rsplit("(", 1)[1].rstrip(")") for cert in counts if cert.endswith(")") and "(" in cert
    )
    if issuers:
        issuer, issued = sorted(issuers.items(), key=lambda item: (-item[1], item[0]))[0]
        lines.append(f"{issuer} issues the most of them ({issued} of {len(counts)}).")
    facts = {"family": c.family.id, "certifications": dict(ranked)}
    if not ranked:
        raise Unanswerable(c.question, f"no {c.family.id} role lists a certification")
    top = ranked[0][0]
    return _answer(
        c,
        f"{top.split(' (')[0]} first: {ranked[0][1]} of {len(c.roles)} roles list it.",
        lines,
        facts,
        (
            f'mktcareers search "{top.split(" (")[0]}"',
            f"mktcareers roles list --family {c.family.id}",
        ),
    )


def _role_workflow(c: _Context) -> Answer:
    role = c.role
    stages = role.workflow
    if stages:
        lines = [f"{role.title}'s work runs through {len(stages)} stages:"]
        lines.extend(f"{stage.stage.capitalize()}: {stage.note}" for stage in stages)
        facts = {"role": role.slug, "workflow": [stage.stage for stage in stages]}
        short = ", ".join(stage.stage for stage in stages).capitalize() + "."
    else:
        lines = [f"What {role.title} does, in {len(role.responsibilities)} responsibilities:"]
        lines.extend(role.responsibilities)
        facts = {"role": role.slug, "workflow": []}
        short = f"{len(role.responsibilities)} responsibilities."
    ordered = sorted(role.skills, key=lambda skill: (-skill.level, skill.name))
    if ordered:
        lines.append(f"The skills it leans on most: {_top_skills(ordered)}.")
    return _answer(
        c,
        short,
        lines,
        facts,
        (f"mktcareers role show {role.slug}", f"mktcareers path {role.slug}"),
    )


def _role_tools(c: _Context) -> Answer:
    role = c.role
    shares = tool_shares(c.roles)
    # the role's tools, the most shared first (ties in the role's own order)
    tools = sorted(role.tools, key=lambda tool: -shares.get(tool, 0))
    common = [tool for tool in tools if shares.get(tool, 0) >= 0.3]
    rare = [tool for tool in tools if shares.get(tool, 0) < 0.3]
    lines = [
        f"{role.title} lists {_plural(len(role.tools), 'tool')}.",
        f"Shared with many {c.name} roles (30%+ of them): "
        + (_names([f"{tool} {_percent(shares[tool])}" for tool in common]) or "none")
        + ".",
        f"More its own: {_names(rare) or 'none'}.",
    ]
    facts = {
        "role": role.slug,
        "tools": {tool: round(shares.get(tool, 0), 3) for tool in tools},
    }
    if tools:
        top_share = shares.get(tools[0], 0)
        leaders = [tool for tool in tools if shares.get(tool, 0) == top_share]
        short = (
            f"{_plural(len(tools), 'tool')}; {_names(leaders)} "
            f"{'is' if len(leaders) == 1 else 'are'} the most shared "
            f"({_percent(top_share)} of {c.name} roles)."
        )
    else:
        short = "None listed."
    return _answer(
        c,
        short,
        lines,
        facts,
        (
            f"mktcareers role show {role.slug}",
            f'mktcareers search "{tools[0]}"' if tools else "mktcareers roles list",
        ),
    )


def _top_skills(ordered: Sequence) -> str:
    """The skills at the highest level of `ordered` (a role's skills, highest level
    first), saying when several share it: "Data analysis alone at 5/5" or "3 at 5/5:
    a, b and c" (alphabetical, as they tie)."""
    if not ordered:
        return "none listed"
    level = ordered[0].level
    top = [skill.name for skill in ordered if skill.level == level]
    if len(top) == 1:
        return f"{top[0]} alone at {level}/5"
    if len(top) > 3:
        return f"{len(top)} tie at {level}/5 ({', '.join(top[:3])} and {len(top) - 3} more)"
    return f"{len(top)} tie at {level}/5: {_names(top)}"


def _role_skills(c: _Context) -> Answer:
    role = c.role
    ordered = sorted(role.skills, key=lambda skill: (-skill.level, skill.name))
    advanced = [skill for skill in ordered if skill.level >= 4]
    working = [skill for skill in ordered if skill.level == WORKING_LEVEL]
    technical = sum(skill.type == "technical" for skill in role.skills)
    lines = [
        f"{role.title} needs {_plural(len(role.skills), 'skill')}: {technical} technical, "
        f"{len(role.skills) - technical} non-technical.",
        "Advanced (4-5 of 5): " + (_names([s.name for s in advanced]) or "none") + ".",
        "Working (3 of 5): " + (_names([s.name for s in working]) or "none") + ".",
    ]
    facts = {
        "role": role.slug,
        "skills": {skill.id: skill.level for skill in ordered},
        "technical": technical,
        "non_technical": len(role.skills) - technical,
    }
    return _answer(
        c,
        f"{_plural(len(advanced), 'skill')} at an advanced level; {_top_skills(ordered)}.",
        lines,
        facts,
        (f"mktcareers role show {role.slug}", f"mktcareers compare {role.slug} {c.family.id}"),
    )


def _family_pay(c: _Context) -> Answer:
    paid = sorted(
        (role for role in c.roles if role.pay_median is not None),
        key=lambda role: (-role.pay_median, role.slug),
    )
    if not paid:
        raise Unanswerable(c.question, f"no {c.family.id} role has a published wage")
    pays = [role.pay_median for role in paid]
    top = [role for role in paid if role.pay_median == pays[0]]
    lines = [
        f"Median pay (BLS, USD a year) of the {len(paid)} {c.name} roles with a published "
        f"wage: {_money(statistics.median(pays))} in the middle, from {_money(pays[-1])} "
        f"to {_money(pays[0])}.",
        "Highest: "
        + _names([f"{role.slug} {_money(role.pay_median)}" for role in paid[:TOP]])
        + ".",
        "Lowest: " + _names([f"{role.slug} {_money(role.pay_median)}" for role in paid[-2:]]) + ".",
    ]
    if len(top) > 1:
        same = len({soc_shares(role.onet) for role in top}) == 1
        lines.append(
            f"{_names([role.slug for role in top])} tie"
            + (": their pay comes from the same BLS occupations." if same else ".")
        )
    facts = {
        "family": c.family.id,
        "median_pay": statistics.median(pays),
        "roles": {role.slug: role.pay_median for role in paid},
    }
    it = c.kb.families.get(IT_FAMILY)
    it_pays = [
        role.pay_median
        for role in c.kb.roles
        if it is not None and role.family == it.id and role.pay_median is not None
    ]
    if it_pays and it.id != c.family.id:
        lines.append(
            f"For comparison, IT roles have a median of {_money(statistics.median(it_pays))}."
        )
        facts["it_median_pay"] = statistics.median(it_pays)
    leaders = _names([role.title for role in top])
    return _answer(
        c,
        f"{leaders}, at {_money(pays[0])} a year (median)."
        if len(top) == 1
        else f"{leaders} tie at {_money(pays[0])} a year (median).",
        lines,
        facts,
        (
            f"mktcareers roles list --family {c.family.id} --sort pay",
            f"mktcareers role show {top[0].slug}",
        ),
    )


def _role_fit(c: _Context) -> Answer:
    lines = [
        "The quiz answers that: run 'mktcareers quiz' (or 'mktcareers quiz --short' for a "
        "quicker one).",
        "It asks how much you would like work activities in the six O*NET interest areas "
        "(Realistic, Investigative, Artistic, Social, Enterprising, Conventional), what you "
        f"want from work ({_names([MEASURE_WORDS.get(m, m) for m in QUIZ_MEASURES])}), "
        "your education and experience, "
        "and optionally your level in some skills.",
        f"It then ranks the {len(c.kb.roles)} roles by how well their O*NET interest "
        "profiles and needs fit your answers, and says why.",
    ]
    facts = {"roles": len(c.kb.roles), "measures": list(QUIZ_MEASURES)}
    return _answer(
        c,
        "Take the quiz: it ranks the roles by fit.",
        lines,
        facts,
        ("mktcareers quiz --short", "mktcareers quiz"),
    )


# kind -> (whether it needs a role, the function computing the answer)
ANSWER_KINDS: dict[str, tuple[bool, Callable[[_Context], Answer]]] = {
    "family-remote": (False, _family_remote),
    "remote-factors": (False, _remote_factors),
    "remote-roles": (False, _remote_roles),
    "remote-challenges": (False, _remote_challenges),
    "remote-advantages": (False, _remote_advantages),
    "remote-where": (False, _remote_where),
    "role-remote": (True, _role_remote),
    "it-job": (False, _it_job),
    "it-shared": (False, _it_shared),
    "it-bridges": (False, _it_bridges),
    "skill-types": (False, _skill_types),
    "it-to-family": (False, _it_to_family),
    "beginner-roles": (False, _beginner_roles),
    "first-steps": (False, _first_steps),
    "portfolio": (False, _portfolio),
    "certifications": (False, _certifications),
    "role-workflow": (True, _role_workflow),
    "role-tools": (True, _role_tools),
    "role-skills": (True, _role_skills),
    "family-pay": (False, _family_pay),
    "role-fit": (False, _role_fit),
}


def _answer(c: _Context, short: str, lines, facts: dict, commands) -> Answer:
    return Answer(c.question, short, tuple(lines), facts, tuple(commands))


def answer(question: Question, kb: KnowledgeBase) -> Answer:
    """The answer to `question` computed from `kb` (see Answer). Raises Unanswerable
    when `kb` lacks its family or role, and KeyError for an `answer` kind that is not
    one of ANSWER_KINDS (questionfile checks that on loading)."""
    _, compute = ANSWER_KINDS[question.answer]
    return compute(_Context(question, kb))
