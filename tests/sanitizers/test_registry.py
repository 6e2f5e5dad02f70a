"""The registry is complete: every recognizer class in `sanitizers/recognizers/` is registered once."""

import importlib
import inspect
import pkgutil

import pytest
from presidio_analyzer import EntityRecognizer

import sanitizers.recognizers
from sanitizers.entities import SECRET_ENTITIES
from sanitizers.recognizers.secret_recognizer import SecretRecognizer
from sanitizers.registry import PII_RECOGNIZERS, RECOGNIZERS, SECRET_RECOGNIZERS

# Shared base classes: they have no patterns of their own and are never registered.
BASE_CLASSES = {SecretRecognizer}
# What makes a class a recognizer: presidio's base (PII) or ours (secrets, presidio-free).
RECOGNIZER_BASES = (EntityRecognizer, SecretRecognizer)


def recognizer_modules():
    for info in pkgutil.iter_modules(sanitizers.recognizers.__path__):
        yield importlib.import_module(f"sanitizers.recognizers.{info.name}")


def defined_recognizer_classes():
    for module in recognizer_modules():
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if obj.__module__ == module.__name__ and issubclass(obj, RECOGNIZER_BASES):
                yield obj


def test_registers_every_recognizer_when_defined_in_recognizers_package():
    # By identity, not by name: a project class may share its name with a presidio one.
    missing = set(defined_recognizer_classes()) - set(RECOGNIZERS) - BASE_CLASSES
    names = sorted(f"{cls.__module__}.{cls.__qualname__}" for cls in missing)
    assert not missing, f"add these classes to sanitizers/registry.py: {names}"


def test_keeps_one_concept_per_file_when_module_defines_recognizers():
    for module in recognizer_modules():
        classes = [
            obj
            for _, obj in inspect.getmembers(module, inspect.isclass)
            if obj.__module__ == module.__name__ and issubclass(obj, RECOGNIZER_BASES)
        ]
        short = module.__name__.rsplit(".", 1)[-1]
        assert short.endswith("_recognizer"), f"{short}: recognizer modules are named <thing>_recognizer.py"
        assert len(classes) <= 1, f"{short}: one recognizer class per file"
        for cls in classes:
            assert cls.__name__.lower() == short.replace("_", ""), (
                f"{short}: class name should match the file"
            )


def test_lists_each_class_once_when_registries_are_combined():
    assert RECOGNIZERS == SECRET_RECOGNIZERS + PII_RECOGNIZERS
    assert len(set(RECOGNIZERS)) == len(RECOGNIZERS)


def test_gives_every_recognizer_a_distinct_name_when_instantiated():
    names = [cls().name for cls in RECOGNIZERS]
    assert len(set(names)) == len(names), "two recognizers share a name"


def test_covers_every_secret_entity_when_secret_recognizers_are_registered():
    entities = {cls.ENTITY for cls in SECRET_RECOGNIZERS}
    assert entities == SECRET_ENTITIES


@pytest.mark.parametrize("cls", SECRET_RECOGNIZERS, ids=lambda cls: cls.__name__)
def test_declares_patterns_prefilter_and_scores_when_secret_recognizer(cls):
    assert issubclass(cls, SecretRecognizer)
    assert cls.PATTERNS and cls.CONTEXT and cls.__doc__
    assert cls.PREFILTER or cls.PREFILTER_EXACT, "a prefilter keeps the fast scanner fast"
    assert all(literal == literal.casefold() for literal in cls.PREFILTER), "PREFILTER is lowercase"
    names = [p.name for p in cls.PATTERNS]
    assert len(set(names)) == len(names), "pattern names are distinct"
    assert set(cls.PATTERN_LITERALS) <= set(names), "PATTERN_LITERALS keys name patterns"
    declared = {*cls.PREFILTER, *cls.PREFILTER_EXACT}
    assert {lit for lits in cls.PATTERN_LITERALS.values() for lit in lits} <= declared
    # Default detection threshold is 0.5: every secret pattern is meant to be reported.
    assert all(0.5 <= p.score <= 1.0 for p in cls.PATTERNS)
