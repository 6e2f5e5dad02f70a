import string

import pytest

from sanitizers.recognizers.vendor_api_key_recognizer import VendorApiKeyRecognizer, _row_match
from tests.sanitizers.recognizers.fakes import ALNUM, BASE32, BASE64, HEX, URLSAFE, fake, found

REC = VendorApiKeyRecognizer()
BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"
UPPER_DIGITS = string.ascii_uppercase + string.digits

# vendor -> (prefix, random body); the token is prefix + body.
PARTS = {
    "npm": ("npm_", fake(36, ALNUM, seed=1)),
    "pypi": ("pypi-" + "AgEIcHlwaS5vcmc", fake(80, URLSAFE, seed=2)),
    "digitalocean": ("dop_" + "v1_", fake(64, HEX, seed=3)),
    "shopify": ("shpat_", fake(32, HEX, seed=4)),
    "groq": ("gsk_", fake(52, ALNUM, seed=5)),
    "perplexity": ("pplx-", fake(48, ALNUM, seed=6)),
    "xai": ("xai-", fake(80, ALNUM, seed=7)),
    "replicate": ("r8_", fake(37, ALNUM, seed=8)),
    "openrouter": ("sk-or-" + "v1-", fake(64, HEX, seed=9)),
    "databricks": ("dapi", fake(32, HEX, seed=10)),
    "vault": ("hvs.", fake(100, URLSAFE, seed=11)),
    "doppler": ("dp.pt.", fake(43, ALNUM, seed=12)),
    "linear": ("lin_api_", fake(40, ALNUM, seed=13)),
    "postman": ("PMAK-", fake(24, HEX, seed=14) + "-" + fake(34, HEX, seed=15)),
    "langsmith": ("lsv2_pt_", fake(32, HEX, seed=16) + "_" + fake(10, HEX, seed=17)),
    "grafana": ("glsa_", fake(32, ALNUM, seed=18) + "_" + fake(8, HEX, seed=19)),
    "grafana cloud": ("glc_", fake(60, BASE64, seed=20) + "=="),
    "docker": ("dckr_pat_", fake(27, URLSAFE, seed=21)),
    "age": ("AGE-SECRET-KEY-1", fake(58, BECH32, seed=22)),
    "telegram": (fake(10, string.digits, seed=23) + ":AA", fake(33, URLSAFE, seed=24)),
    "atlassian": ("ATATT3", fake(186, URLSAFE, seed=25)),
    "sentry": ("sntryu_", fake(64, HEX, seed=26)),
    "heroku": ("HRKU-AA", fake(58, URLSAFE, seed=27)),
    "supabase": ("sbp_", fake(40, HEX, seed=28)),
    "tailscale": ("tskey-api-", fake(12, ALNUM, seed=40) + "-" + fake(28, ALNUM, seed=41)),
    "sourcegraph": ("sgp_" + fake(16, HEX, seed=42) + "_", fake(40, HEX, seed=43)),
    "tavily": ("tvly-", fake(32, ALNUM, seed=44)),
    "adafruit": ("aio_", fake(28, ALNUM, seed=45)),
    "new relic user": ("NRAK-", fake(27, string.ascii_uppercase + string.digits, seed=46)),
    "new relic license": ("", fake(36, HEX, seed=47) + "NRAL"),
    "mapbox secret": ("sk.eyJ", fake(60, URLSAFE, seed=48) + "." + fake(22, URLSAFE, seed=49)),
    "dynatrace": ("dt0c01.", fake(24, BASE32, seed=50) + "." + fake(64, BASE32, seed=51)),
    "rubygems": ("rubygems_", fake(48, HEX, seed=52)),
    "square": ("sq0atp-", fake(22, URLSAFE, seed=53)),
    "cloudflare": ("cfat_", fake(40, ALNUM, seed=54) + fake(8, HEX, seed=55)),
    "figma": ("figd_", fake(40, URLSAFE, seed=56)),
    "mailchimp": ("", fake(32, HEX, seed=57) + "-us13"),
    "azure devops": ("", fake(76, ALNUM, seed=58) + "AZDO" + fake(4, ALNUM, seed=59)),
    "sonarqube": ("squ_", fake(40, HEX, seed=60)),
    "pinecone": ("pcsk_", fake(60, ALNUM, seed=61)),
    "thingsboard": ("thingsboard.example.com:8080/api/v1/", fake(20, ALNUM, seed=106)),
    "1password secret key": ("A3-", "-".join(fake(n, UPPER_DIGITS, seed=110 + n) for n in (6, 6, 5, 5, 5, 5))),
    "adobe": ("p8e-", fake(32, ALNUM, seed=111)),
    "alibaba": ("LTAI", fake(20, ALNUM, seed=112)),
    "authress": ("sc_", fake(12, ALNUM, seed=113) + "." + fake(5, ALNUM, seed=114) + ".acc_"
                 + fake(20, ALNUM, seed=115) + "." + fake(60, BASE64, seed=116)),
    "clickhouse": ("4b1d", fake(38, ALNUM, seed=117)),
    "cloudflare origin ca": ("v1.0-", fake(24, HEX, seed=118) + "-" + fake(146, HEX, seed=119)),
    "defined networking": ("dnkey-", fake(26, ALNUM, seed=120) + "-" + fake(52, ALNUM, seed=121)),
    "square production": ("EAAA", fake(60, URLSAFE, seed=122)),
    "facebook page": ("EAAM", fake(120, ALNUM, seed=123)),
    "flutterwave encryption": ("FLWSECK_TEST", fake(12, "abcdefgh0123456789", seed=124)),
    "fly.io macaroon": ("fm2_", fake(160, BASE64, seed=125)),
    "intra42": ("s-s4t2ud-", fake(64, HEX, seed=126)),
    "gitlab session": ("_gitlab_session=", fake(32, string.ascii_lowercase + string.digits, seed=127)),
    "terraform cloud": (fake(14, ALNUM, seed=128) + ".atlasv1.", fake(66, URLSAFE, seed=129)),
    "maxmind": ("", fake(6, ALNUM, seed=130) + "_" + fake(29, ALNUM, seed=131) + "_mmk"),
    "octopus deploy": ("API-", fake(26, UPPER_DIGITS, seed=132)),
    "scalingo": ("tk-us-", fake(48, URLSAFE, seed=133)),
    "yandex api key": ("AQVN", fake(36, URLSAFE, seed=134)),
    "yandex iam": ("t1.", fake(40, URLSAFE, seed=135) + "." + fake(86, URLSAFE, seed=136)),
    "dropbox long-lived": (fake(11, ALNUM, seed=137) + "A" * 10, fake(43, URLSAFE, seed=138)),
    "twitter bearer": ("A" * 22, fake(90, ALNUM, seed=139)),
    "buildkite": ("bkua_", fake(40, HEX, seed=140)),
    "circleci": ("CCIPAT_", fake(22, ALNUM, seed=141) + "_" + fake(40, HEX, seed=142)),
    "deno deploy": ("ddp_", fake(36, ALNUM, seed=143)),
    "netlify": ("nfp_", fake(36, ALNUM, seed=144)),
    "rootly": ("rootly_", fake(64, HEX, seed=145)),
    "nightfall": ("NF-", fake(32, ALNUM, seed=146)),
    "nvidia": ("nvapi-", fake(64, URLSAFE, seed=147)),
    "langsmith legacy": ("ls__", fake(32, HEX, seed=148)),
    "notion legacy": ("secret_", fake(43, ALNUM, seed=149)),
    "posthog": ("phx_", fake(43, ALNUM, seed=150)),
    "plaid": ("access-sandbox-", "-".join(fake(n, HEX, seed=150 + n) for n in (8, 4, 4, 4, 12))),
    "lob": ("live_", fake(35, HEX, seed=151)),
    "lob publishable": ("test_pub_", fake(31, HEX, seed=152)),
    "razorpay": ("rzp_live_", fake(14, ALNUM, seed=153)),
    "mercado pago": ("APP_USR-", fake(16, string.digits, seed=154) + "-" + fake(6, string.digits, seed=155) + "-"
                     + fake(32, HEX, seed=156) + "-" + fake(9, string.digits, seed=157)),
    "mailgun public": ("pubkey-", fake(32, HEX, seed=158)),
    "launchdarkly": ("sdk-", fake(8, HEX, seed=159) + "-" + fake(4, HEX, seed=160) + "-4" + fake(3, HEX, seed=161)
                     + "-" + fake(4, HEX, seed=162) + "-" + fake(12, HEX, seed=163)),
    "adyen": ("AQE", fake(8, string.ascii_lowercase + string.digits, seed=188) + "." + fake(60, URLSAFE, seed=189)),
    "cast ai": ("castai_v1_", fake(64, ALNUM, seed=190) + "_" + fake(8, ALNUM, seed=191)),
    "chief tools": ("ctp_", fake(36, ALNUM, seed=192)),
    "azure data factory": ("IR@" + "-".join(fake(n, HEX, seed=192 + n) for n in (8, 4, 4, 4, 12)) + "@adf-app@we@",
                           fake(43, BASE64, seed=193) + "="),
    "aiven": ("AVNU_", fake(360, BASE64, seed=194) + "=="),
    "google refresh": ("1//0", fake(100, URLSAFE, seed=195)),
    "hubspot": ("pat-na1-", "-".join(fake(n, HEX, seed=195 + n) for n in (8, 4, 4, 4, 12))),
    "tencent": ("AKID", fake(32, ALNUM, seed=196)),
    "render": ("rnd_", fake(32, ALNUM, seed=197)),
    "scaleway": ("SCW", fake(17, UPPER_DIGITS, seed=198)),
    "midtrans": ("Mid-server-", fake(24, URLSAFE, seed=199)),
    "devcycle": ("dvc_server_", fake(40, URLSAFE, seed=200)),
    "segment": ("sgp_", fake(64, ALNUM, seed=201)),
    "firebase cloud messaging": ("AAAA" + fake(7, URLSAFE, seed=202) + ":APA91b", fake(134, URLSAFE, seed=203)),
    "azure sas": ("SharedAccessSignature sr=hub.azure-devices.net%2Fdevices%2Fd1&sig=", fake(43, ALNUM, seed=204) + "%3D"),
    "putty": ("Private-Lines: 2\n", fake(64, BASE64, seed=205) + "\n" + fake(24, BASE64, seed=206)),
    "putty escaped": ("Private-Lines: 2\\n", fake(64, BASE64, seed=207) + "\\n" + fake(24, BASE64, seed=208)),
    "tailscale new kind": ("tskey-future-", fake(12, ALNUM, seed=209) + "-" + fake(24, ALNUM, seed=210)),
    "maven master": ("<master>{", fake(64, BASE64, seed=212) + "}"),
    "square application id": ("sq0idp-", fake(22, URLSAFE, seed=213)),
    "linear oauth": ("lin_oauth_", fake(64, HEX, seed=214)),
    "clickup": ("pk_" + fake(8, string.digits, seed=215) + "_", fake(32, UPPER_DIGITS, seed=216)),
    "sidekiq": ("BUNDLE_ENTERPRISE__CONTRIBSYS__COM=", fake(8, HEX, seed=164) + ":" + fake(8, HEX, seed=165)),
    "base64 jwt": ("ZXlKaGJHY2lPaU", fake(120, BASE64, seed=166)),
    "azure storage identifiable": ("", fake(76, BASE64, seed=167) + "+ASt" + fake(5, BASE64, seed=168) + "Q=="),
    "azure event hub identifiable": ("", fake(33, BASE64, seed=169) + "+AEhB" + fake(5, BASE64, seed=170) + "="),
    "azure function": ("", fake(44, URLSAFE, seed=171) + "AzFu" + fake(5, URLSAFE, seed=172) + "w=="),
    "azure search": ("", fake(42, ALNUM, seed=173) + "AzSeC" + fake(5, ALNUM, seed=174)),
    "azure container registry": ("", fake(42, BASE64, seed=175) + "+ACRA" + fake(5, BASE64, seed=176)),
    "azure annotated": ("", fake(52, ALNUM, seed=177) + "JQQJ99" + fake(1, ALNUM, seed=178) + "B"
                        + fake(16, ALNUM, seed=179) + "x" + fake(7, ALNUM, seed=180)),
    "github fine-grained any layout": ("github_pat_", fake(82, ALNUM, seed=220)),
    "sendgrid any layout": ("SG.", fake(66, URLSAFE, seed=221)),
    "slack webhook any path": ("https://hooks.slack.com/services/", fake(48, BASE64, seed=222)),
    "flutterwave public": ("FLWPUBK_TEST-", fake(32, "abcdefgh0123456789", seed=225) + "-X"),
    "gocardless": ("live_", fake(40, URLSAFE, seed=226)),
    "figma personal v3": ("figp_", fake(40, URLSAFE, seed=227)),
    "harness service account": ("sat." + fake(22, URLSAFE, seed=228) + ".", fake(24, ALNUM, seed=229) + "."
                                + fake(20, ALNUM, seed=230)),
    "jfrog reference any head": ("cmVmd", fake(59, ALNUM, seed=231)),
    "teams webhook": (
        "https://outlook.office.com/webhook/",
        "-".join(fake(n, HEX, seed=62 + n) for n in (8, 4, 4, 4, 12)) + "@"
        + "-".join(fake(n, HEX, seed=70 + n) for n in (8, 4, 4, 4, 12)) + "/IncomingWebhook/"
        + fake(32, HEX, seed=80) + "/" + "-".join(fake(n, HEX, seed=90 + n) for n in (8, 4, 4, 4, 12)),
    ),
}
TOKENS = {vendor: prefix + body for vendor, (prefix, body) in PARTS.items()}


@pytest.mark.parametrize("vendor", TOKENS)
def test_finds_token_when_vendor_prefix_and_shape_match(vendor):
    token = TOKENS[vendor]
    assert found(REC, f"export API_TOKEN={token}\n") == [token]


@pytest.mark.parametrize("vendor", TOKENS)
def test_row_of_token_found_by_its_literal_when_token_is_whole_match(vendor):
    # invalidate_result tries only the rows whose prefilter literal the token holds: each token must find its row.
    assert _row_match(TOKENS[vendor]) is not None


TRUE_POSITIVES = [(f'{{"token": "{t}"}}', [t]) for t in TOKENS.values()] + [
    # Issue 13: a real key with a tag glued on stays a key; the tag does not make it a placeholder.
    ("lin_api_" + fake(35, ALNUM, seed=107) + "Dummy", ["lin_api_" + fake(35, ALNUM, seed=107) + "Dummy"]),
    ("npm_" + fake(32, ALNUM, seed=108) + "XXXX", ["npm_" + fake(32, ALNUM, seed=108) + "XXXX"]),
]

# Fillers at a vendor's exact shape are how docs and scanner suites write such a key: reported.
FILLERS = [
    "npm_" + "x" * 36,
    "tvly-" + "x" * 32,
    "tskey-api-" + "A" * 12 + "-" + "B" * 24,
    "r8_" + "0" * 37,
    "dapi" + "0123456789abcdef" * 2,
    "AGE-SECRET-KEY-1" + "Q" * 58,
    "AKC" + "x" * 10,  # Artifactory API key, detect-secrets' shape
    "AP6" + "x" * 10,  # Artifactory encrypted password
    "AP3" + fake(50, ALNUM, seed=109),
]


@pytest.mark.parametrize("token", FILLERS)
def test_finds_token_when_body_is_filler_at_vendor_shape(token):
    assert found(REC, f"key: {token}\n") == [token]


NEAR_MISSES = [
    *("Z" + token for token in TOKENS.values()),  # every vendor: glued to a word
    *(prefix + "<your-key>" for prefix, _ in PARTS.values()),  # every vendor: template body
    "npm_" + "." * 36,  # elided
    "npm_" + fake(30, ALNUM, seed=30),  # too short
    "npm install lodash",  # prose
    "gsk_" + "x" * 48,  # placeholder
    "pplx-...",  # elided
    "xai-" + fake(20, ALNUM, seed=31),  # too short
    "dop_" + "v1_" + "x" * 64,  # not hex
    "APACHESERVERS and AKCOMPANYNAME",  # capitals that read as words, not Artifactory keys
    "pypi-" + "AgEIcHlwaS5vcmc" + fake(60, URLSAFE, seed=110),  # too short for a PyPI macaroon
    "shpat_" + fake(31, HEX, seed=32),  # one short
    "hvs.",  # prefix alone
    "timestamp 1700000000:AAbb",  # not a bot token
    "lin_api_" + "YOUR_LINEAR_API_KEY_HERE".ljust(40, "X"),  # template
    "the shopify shop_id is 42",  # words with shp-like letters
    "cfat_" + fake(40, ALNUM, seed=100) + fake(8, HEX, seed=101) + "Z",  # one character too long
    "pk.eyJ" + fake(60, URLSAFE, seed=102) + "." + fake(22, URLSAFE, seed=103),  # Mapbox public token
    "view?r=eyJrIjoi" + "YTZjMTk3YjEtMzQ4Yi00NTI5LTg2ZDItNmUyMGRlOTkwMGRlIn0",  # base64 JSON, no Grafana keys
    fake(76, ALNUM, seed=104) + "AZDO" + fake(5, ALNUM, seed=105),  # AZDO too far from the end
    "API-DOCUMENTATIONFORTHEPROJECTS",  # capitals that read as words, no Octopus Deploy key
    "the t1.micro and t1.small instances",  # an instance type, no Yandex token
    "test_" + "parse_config_when_the_file_is_missing",  # a test name, no Lob key
    "live_" + fake(34, HEX, seed=181),  # one short of a Lob key
    "secret_" + "configuration_value_for_the_application",  # an identifier, no Notion secret
    "sdk-" + "-".join(fake(n, HEX, seed=182 + n) for n in (8, 4, 4, 4, 12)),  # a UUID of no version 4
    fake(76, BASE64, seed=183) + "+ASt" + fake(5, BASE64, seed=184) + "B==",  # wrong check character
    fake(41, ALNUM, seed=185) + "AzSeC" + fake(5, ALNUM, seed=186),  # signature one place early
    "Private-Lines: 2\nPrivate-MAC: " + fake(40, HEX, seed=211),  # no base64 block after the count
    "SharedAccessSignature sr=hub.example.net&sig=",  # no signature
    "SCWEBSERVICECONFIGS",  # capitals that read as a word, no Scaleway key
    "ctp_" + "ParseTheConfigurationFileWhenMissing",  # words, no Chief Tools token
    "Activation key: see the email from the vendor",  # no key after the name
    "product key ABCDE-FGHIJ",  # two groups, no product key
    "access-denied-" + "-".join(fake(n, HEX, seed=187 + n) for n in (8, 4, 4, 4, 12)),  # no Plaid environment
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_ignores_text_when_near_miss(text):
    assert found(REC, text) == []


@pytest.mark.parametrize(("text", "expected"), TRUE_POSITIVES)
def test_finds_token_when_inside_json(text, expected):
    assert found(REC, text) == expected


@pytest.mark.parametrize("name", ["Activation key : ", "product_key=", 'licenseKey: "', "CD-Key: "])
def test_finds_activation_key_after_its_name(name):
    key = "-".join(fake(5, UPPER_DIGITS, seed=232 + n) for n in range(5))
    assert found(REC, f"{name}{key}") == [key]
