import base64
import json

import pytest

from sanitizers.recognizers.jwt_recognizer import JwtRecognizer
from tests.sanitizers.recognizers.fakes import URLSAFE, fake, found, scores

REC = JwtRecognizer()


def b64url(obj: object) -> str:
    raw = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(header: object, payload: object, signature: str) -> str:
    return f"{b64url(header)}.{b64url(payload)}.{signature}"


HS256 = jwt({"alg": "HS256", "typ": "JWT"}, {"sub": "user-42", "iat": 1700000000}, fake(43, URLSAFE, seed=1))
RS256 = jwt(
    {"alg": "RS256", "kid": "k1"}, {"iss": "https://id.example", "aud": "api"}, fake(342, URLSAFE, seed=2)
)
SPACED = jwt(b'{ "alg": "ES256" }', {"scope": "read"}, fake(86, URLSAFE, seed=3))  # header "{ " -> "eyA"
# A 342-char signature spells "todo"/"your" in some case about once in 1,500 tokens: still a JWT.
CHANCE = jwt(
    {"alg": "RS256", "typ": "JWT"},
    {"sub": "42"},
    fake(200, URLSAFE, seed=9) + "ToDo" + fake(138, URLSAFE, seed=10),
)
NO_ALG = jwt({"typ": "JWT"}, {"sub": "x"}, fake(43, URLSAFE, seed=4))
NOT_JSON = (
    "eyJ" + fake(30, URLSAFE, seed=5) + "." + fake(30, URLSAFE, seed=6) + "." + fake(43, URLSAFE, seed=7)
)
# jwt.io's sample token (public in countless tutorials), assembled from pieces.
JWT_IO = jwt(
    {"alg": "HS256", "typ": "JWT"},
    {"sub": "1234567890", "name": "John Doe"},
    "SflKxwRJSMeKKF2QT4fwpMeJf36P" + "Ok6yJV_adQssw5c",
)

TRUE_POSITIVES = [
    (f"Authorization: Bearer {HS256}", [HS256]),  # HS256 in a header
    (f'{{"id_token": "{RS256}"}}', [RS256]),  # RS256 in JSON
    (f"token={SPACED}&next=1", [SPACED]),  # header JSON with a space
    (f"\\n{HS256}\\n", [HS256]),  # between literal \n escapes
    (f"Config line: access_token={CHANCE}", [CHANCE]),  # "ToDo" inside the signature by chance
    # Unsigned (header.payload, or alg none with an empty signature): the claims are still a token.
    ("t=" + HS256.rsplit(".", 1)[0], [HS256.rsplit(".", 1)[0]]),
    ("t=" + HS256.rsplit(".", 1)[0] + ".", [HS256.rsplit(".", 1)[0] + "."]),
]

NEAR_MISSES = [
    NO_ALG,  # header without "alg": not a JWS
    NOT_JSON,  # header is not base64 JSON
    JWT_IO,  # public jwt.io sample
    HS256.rsplit(".", 1)[0].split(".")[0] + "." + fake(30, URLSAFE, seed=12),  # unsigned, payload no JSON
    HS256.rsplit(".", 1)[0] + "." + fake(10, URLSAFE, seed=8),  # signature too short
    HS256.rsplit(".", 1)[0] + "." + "x" * 43,  # placeholder signature
    HS256.rsplit(".", 1)[0] + "." + "your-signature-goes-here-" + fake(20, URLSAFE, seed=11),  # template
    HS256.rsplit(".", 1)[0] + "." + "TODO" + "SignTheTokenWithTheRealKey",  # placeholder sentence
    "eyJhbGciOi...",  # elided
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_token_when_signed_jwt(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


def test_scores_full_confidence_when_header_decodes():
    assert scores(REC, HS256) == [1.0]
