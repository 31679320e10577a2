"""The Russian grammar on the real texts of ru/dev: a regression guard (heldout is never read here)."""

import importlib.util

from support import ROOT


def _eval_module():
    spec = importlib.util.spec_from_file_location("chronology_eval", ROOT / "bench" / "chronology_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ru_dev_pooled_f1_and_every_text():
    evaluation = _eval_module()
    rows = []
    for gold_file in sorted((evaluation.EVAL / "ru" / "dev").glob("*_gold.json")):
        text = gold_file.with_name(gold_file.name.removesuffix("_gold.json") + ".txt")
        rows.append((text.stem, evaluation.gold_pairs(gold_file), evaluation.found_pairs(None, text, "ru")))
    assert len(rows) >= 30
    tp = sum(len(gold & found) for _, gold, found in rows)
    found = sum(len(found) for _, _, found in rows)
    gold = sum(len(gold) for _, gold, _ in rows)
    _, _, f1 = evaluation.scores(tp, found, gold)
    assert f1 >= 0.95, f1
    weak = [(name, round(evaluation.scores(len(g & f), len(f), len(g))[2], 2)) for name, g, f in rows
            if evaluation.scores(len(g & f), len(f), len(g))[2] < 0.8]
    assert not weak, weak
