import pytest

from sanitizers.recognizers.azure_connection_string_recognizer import AzureConnectionStringRecognizer
from tests.sanitizers.recognizers.fakes import BASE64, fake, found

REC = AzureConnectionStringRecognizer()
KEY = fake(86, BASE64, seed=1) + "=="
SB_KEY = fake(43, BASE64, seed=2) + "="
SIG = fake(43, BASE64, seed=3) + "%3D"
AZURITE = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6" + "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

STORAGE = f"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={KEY};EndpointSuffix=core.windows.net"
SERVICE_BUS = f"Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={SB_KEY}"
IOT = f"HostName=acme.azure-devices.net;DeviceId=dev1;SharedAccessKey={SB_KEY}"
SAS_STRING = f"BlobEndpoint=https://acme.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01&sig={SIG}"
SAS_URL = f"https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&sr=b&sp=r&se=2030-01-01&sig={SIG}"

TRUE_POSITIVES = [
    (f'AZURE_STORAGE_CONNECTION_STRING="{STORAGE}"', [STORAGE]),  # storage, whole string
    (f"conn = {SERVICE_BUS}", [SERVICE_BUS]),  # Service Bus
    (f"{IOT} ok", [IOT]),  # IoT Hub device
    (f"'{SAS_STRING}'", [SAS_STRING]),  # SAS connection string
    (f"download {SAS_URL} now", [SIG]),  # SAS URL: the signature only
]

NEAR_MISSES = [
    "UseDevelopmentStorage=true",  # emulator shortcut
    "DefaultEndpointsProtocol=https;AccountName=acme;EndpointSuffix=core.windows.net",  # no key
    "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=<your-key>;EndpointSuffix=core.windows.net",
    f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE};",  # public Azurite key
    "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=xxxx",  # placeholder
    "https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&sig=REDACTED",  # signature removed
]


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_connection_string_when_it_holds_a_key(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []
