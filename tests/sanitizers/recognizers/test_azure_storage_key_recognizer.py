import pytest

from sanitizers.recognizers.azure_storage_key_recognizer import AzureStorageKeyRecognizer
from tests.sanitizers.recognizers.fakes import BASE64, fake, found

REC = AzureStorageKeyRecognizer()
KEY = fake(86, BASE64, seed=1) + "=="
# Microsoft's published Azurite development key, assembled here so the repo holds no copy of it.
AZURITE = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6" + "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

TRUE_POSITIVES = [
    (f"AccountName=acme;AccountKey={KEY};EndpointSuffix=core.windows.net", [KEY]),  # in a connection string
    (f"AZURE_STORAGE_KEY={KEY}", [KEY]),  # env line
    (f'"storage_account_key": "{KEY}"', [KEY]),  # JSON value
    (f"accountkey = {KEY}", [KEY]),  # lower case, spaces
]

NEAR_MISSES = [
    f"AccountKey={AZURITE}",  # public emulator key
    "AccountKey=<your-account-key>",  # template
    "AccountKey=" + "A" * 86 + "==",  # filler
    f"AccountKey={KEY[:-2]}",  # 86 chars without the "==" padding
    f"blob {KEY}",  # no Azure/storage context
    "azure" + " " * 70 + KEY,  # context too far
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_key_when_azure_storage_shape(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
