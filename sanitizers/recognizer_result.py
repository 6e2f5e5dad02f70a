"""A presidio `RecognizerResult` for a span found by one of the project's own recognizers."""

from presidio_analyzer import EntityRecognizer, RecognizerResult


def recognizer_result(recognizer: EntityRecognizer, start: int, end: int, score: float) -> RecognizerResult:
    """The result of `recognizer`'s first entity at [start, end), with its name and id as metadata."""
    return RecognizerResult(
        entity_type=recognizer.supported_entities[0], start=start, end=end, score=score,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id},
    )
