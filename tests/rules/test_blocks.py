from fitrec.domain.pairs import block_kind, shared_prime_movers
from fitrec.domain.programs import Block, Intent, Workout
from fitrec.rules.blocks import muscle_list, resolve_block
from tests.rules.helpers import TinyCatalog, entry, rx

CAT = TinyCatalog()


def ex(slug: str):
    return CAT.get(slug)


def test_compound_then_isolation_for_a_prime_mover_is_post_exhaust() -> None:
    assert block_kind((ex("barbell-bench-press"), ex("cable-fly"))) is Intent.POST_EXHAUST
    assert block_kind((ex("overhead-press"), ex("lateral-raise"))) is Intent.POST_EXHAUST


def test_isolation_then_compound_is_pre_exhaust() -> None:
    assert block_kind((ex("leg-extension"), ex("barbell-squat"))) is Intent.PRE_EXHAUST


def test_mismatched_or_long_blocks_are_other_supersets() -> None:
    assert block_kind((ex("barbell-bench-press"), ex("cable-pushdown"))) is Intent.SUPERSET
    assert block_kind((ex("overhead-press"), ex("rear-delt-fly"))) is Intent.SUPERSET
    three = (ex("cable-fly"), ex("cable-fly"))
    assert block_kind((ex("barbell-bench-press"), *three)) is Intent.SUPERSET
    assert block_kind((ex("barbell-squat"),)) is Intent.STRAIGHT


def test_synergists_do_not_count_as_shared() -> None:
    assert shared_prime_movers(ex("barbell-bench-press"), ex("cable-pushdown")) == ()
    assert shared_prime_movers(ex("dips"), ex("cable-pushdown")) != ()


def test_muscle_list_reads_as_a_sentence() -> None:
    press = ex("overhead-press")
    assert muscle_list(press.prime_movers) == "front delts and side delts"
    assert muscle_list(ex("cable-fly").prime_movers) == "chest"


def test_unknown_exercise_leaves_the_kind_open() -> None:
    block = Block("A", [entry("Bench Press", rx(4, 8)), entry("Mystery", rx(4, 15))])
    resolved = resolve_block(Workout("Day"), block, [ex("barbell-bench-press"), None])
    assert resolved.kind is None and resolved.pair() is None
    assert [e.label for e in resolved.entries] == ["A1", "A2"]
