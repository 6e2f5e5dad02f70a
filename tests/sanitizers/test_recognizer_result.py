from presidio_analyzer import RecognizerResult

from sanitizers.recognizer_result import recognizer_result
from sanitizers.recognizers.handle_recognizer import HandleRecognizer


def test_names_the_recognizer_and_its_first_entity():
    recognizer = HandleRecognizer()
    result = recognizer_result(recognizer, 3, 9, 0.7)
    assert (result.entity_type, result.start, result.end, result.score) == ("PERSON", 3, 9, 0.7)
    assert result.recognition_metadata == {RecognizerResult.RECOGNIZER_NAME_KEY: "HandleRecognizer",
                                           RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id}
