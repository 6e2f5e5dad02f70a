import base64

import pytest

from sanitizers.recognizers.kubernetes_secret_recognizer import KubernetesSecretRecognizer, is_base64_value
from tests.sanitizers.recognizers.fakes import ALNUM, fake, found

REC = KubernetesSecretRecognizer()
# Made-up secret values, base64-encoded as a manifest holds them.
PW = base64.b64encode(("Rk7" + fake(9, ALNUM, seed=1)).encode()).decode()
KEY = base64.b64encode(fake(40, ALNUM, seed=2).encode()).decode()
CFG = base64.b64encode(b'{"auths":{"registry.example.org":{"auth":"' + fake(24, ALNUM, seed=3).encode() + b'"}}}').decode()

TRUE_POSITIVES = [
    (f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-creds\ntype: Opaque\ndata:\n  password: {PW}\n", [PW]),
    # kind after data, tab indents, quoted values, any entry name.
    (f"apiVersion: v1\ndata:\n\textra: '{KEY}'\n\tapi: \"{PW}\"\nkind: 'Secret'\nmetadata:\n\tname: s1", [KEY, PW]),
    (f"kind: secret\ndata:\n  # a comment line\n  tls.key: {KEY}\n", [KEY]),
    # a block scalar on the next line.
    (f"apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: |\n    {CFG}\n", [CFG]),
]

NEAR_MISSES = [
    # other kinds hold references, not values.
    f"apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  data:\n    - secretKey: {KEY}\n",
    f"kind: SopsSecret\nspec:\n  data:\n    name1: {KEY}\n",
    # empty values and templates.
    "apiVersion: v1\nkind: Secret\ndata:\n  htpasswd: ''\n  token: \"\"\n",
    "apiVersion: v1\nkind: Secret\ndata:\n  password: {{ .Values.password }}\n",
    # a short value (a user name) and metadata outside `data:`.
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: registrycredentials\ndata:\n  username: YWRtaW4=\n",
    # a ConfigMap.
    f"apiVersion: v1\nkind: ConfigMap\ndata:\n  settings: {KEY}\n",
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_data_values_when_manifest_is_a_secret(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_data_when_not_a_secret_value(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("value", "expected"), [(PW, True), (KEY, True), ("configurations", False),
                                                 ("abc=defghijk", False), ("notbase64!!!", False)])
def test_reads_base64_when_padded_and_not_a_plain_word(value, expected):
    assert is_base64_value(value) is expected
