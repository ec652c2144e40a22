"""The OCN samples: who is reviewed, drawn at random but reproducibly.

The draw is a pure function of the members (each with the set of people who assessed
them), the stored seed and the stored size. The members are put in one order from the
seed: first one youth per assessor (so every assessor is represented), then everyone
else; the sample is the first `size` of that order. Widening the sample takes more from
the same order, so a wider sample always contains the narrower one.
"""

import math
import random
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    member_id: int
    assessor_ids: frozenset[int]


def sample_minimum(*, count: int, percent: int) -> int:
    """At least `percent` % of `count`, rounded up, and at least one (none of nobody)."""
    if count == 0:
        return 0
    return max(1, math.ceil(count * percent / 100))


def sample_seed_new() -> int:
    return secrets.randbelow(2**62)


def sample_order(candidates: Iterable[Candidate], *, seed: int, cover_assessors: bool) -> list[int]:
    """Every member id once, in the order the sample is taken from."""
    rng = random.Random(seed)
    pool = sorted(candidates, key=lambda c: c.member_id)
    rng.shuffle(pool)
    first: list[int] = []
    if cover_assessors:
        covered: set[int] = set()
        for assessor in sorted({a for c in pool for a in c.assessor_ids}):
            if assessor in covered:
                continue
            theirs = [c for c in pool if assessor in c.assessor_ids and c.member_id not in first]
            if not theirs:
                continue
            chosen = rng.choice(theirs)
            first.append(chosen.member_id)
            covered |= chosen.assessor_ids
    return first + [c.member_id for c in pool if c.member_id not in first]


def sample_size(
    candidates: Sequence[Candidate], *, seed: int, percent: int, cover_assessors: bool
) -> int:
    """The smallest sample that keeps the rule: the share, and (internally) every assessor."""
    size = sample_minimum(count=len(candidates), percent=percent)
    if cover_assessors:
        order = sample_order(candidates, seed=seed, cover_assessors=True)
        assessors = {a for c in candidates for a in c.assessor_ids}
        by_id = {c.member_id: c for c in candidates}
        covered: set[int] = set()
        for index, member_id in enumerate(order):
            if covered >= assessors:
                size = max(size, index)
                break
            covered |= by_id[member_id].assessor_ids
        else:
            size = max(size, len(order))
    return size


def sample_draw(
    candidates: Sequence[Candidate], *, seed: int, size: int, cover_assessors: bool
) -> set[int]:
    return set(sample_order(candidates, seed=seed, cover_assessors=cover_assessors)[:size])
