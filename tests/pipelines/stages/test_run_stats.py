"""Tests for pipelines.stages.run_stats: excerpts show only what the sanitized file holds; keys are masked."""

from pipelines.stages.run_stats import MAX_EXCERPTS, RunStats, normalise_field


def test_drops_excerpts_of_a_line_when_it_is_quarantined_after_sanitizing() -> None:
    stats = RunStats()
    stats.excerpt(3, "messages[0].content", "PERSON", "hi <PERSON_1> and a value the detectors missed", 3, 13)
    stats.excerpt(4, "messages[0].content", "PERSON", "hi <PERSON_1>", 3, 13)
    stats.quarantined(3, "residual_secret")
    assert [e.line for e in stats.excerpts] == [4]
    assert stats.records_quarantined == 1


def test_keeps_the_same_excerpts_when_a_batch_is_counted_apart() -> None:
    direct, merged = RunStats(), RunStats()
    calls = [(n, "EMAIL_ADDRESS" if n % 3 else "PERSON") for n in range(1, 40)]
    for n, entity in calls[:20]:
        direct.excerpt(n, "text", entity, f"x <{entity}_1> {n}", 2, 10)
        merged.excerpt(n, "text", entity, f"x <{entity}_1> {n}", 2, 10)
    batch = RunStats()
    for n, entity in calls[20:]:
        direct.excerpt(n, "text", entity, f"x <{entity}_1> {n}", 2, 10)
        batch.excerpt(n, "text", entity, f"x <{entity}_1> {n}", 2, 10)
    merged.absorb_batch(batch)
    assert merged.excerpts == direct.excerpts
    assert len(merged.excerpts) <= MAX_EXCERPTS


def test_masks_record_keys_when_normalising_a_field_path() -> None:
    path = "messages[2].tool_calls[0].function.arguments.janedoe"
    assert normalise_field(path) == "messages[].tool_calls[].function.arguments.<key>"
