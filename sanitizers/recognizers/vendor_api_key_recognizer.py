"""API tokens of vendors without a recognizer of their own, each found by its published prefix and shape.

The vendors are one data table (`_VENDORS`): name, the regex of the prefix (head), the regex of the
random body, the prefilter literal(s) and the score. Shapes follow the vendors' documentation and the
public rule sets of secret scanners (gitleaks, Nosey Parker, detect-secrets, secretlint); the table
was written here, no test string was copied.
"""

import base64
import binascii
import functools
import json
from typing import ClassVar, NamedTuple

import regex

from sanitizers.entropy import is_template_body
from sanitizers.pattern import Pattern
from sanitizers.recognizers.secret_recognizer import LEFT, SecretRecognizer

_END = r"(?![A-Za-z0-9_-])"
_UUID = r"[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}"


class _Vendor(NamedTuple):
    name: str
    head: str  # regex of the fixed part (prefix); empty when the shape has none
    body: str  # regex of the random part, checked for placeholders and fillers
    literals: tuple[str, ...]  # prefilter literals, lowercase: one of them occurs in every match
    tail: str = ""  # regex of a fixed suffix after the body (New Relic's "NRAL")
    score: float = 0.9
    json_keys: tuple[str, ...] = ()  # the whole token is base64 of a JSON object with these keys
    words: bool = True  # False: a body of letters in one case or CamelCase is words ("APACHESERVER"), no token


# One row per token shape. Heads are case-sensitive as published.
_VENDORS: tuple[_Vendor, ...] = (
    _Vendor("npm access token", "npm_", "[A-Za-z0-9]{36}", ("npm_",)),
    # PyPI macaroons: the head is base64 of "pypi.org" (test.pypi.org has its own); 70+ characters follow.
    _Vendor("pypi api token", "pypi-AgEIcHlwaS5vcmc", "[A-Za-z0-9_-]{70,1000}", ("pypi-",)),
    _Vendor("test pypi api token", "pypi-AgENdGVzdC5weXBpLm9yZw", "[A-Za-z0-9_-]{70,1000}", ("pypi-",)),
    _Vendor("digitalocean token", "do[por]_v1_", "[a-f0-9]{64}", ("_v1_",)),
    _Vendor("shopify token", "shp(?:at|ca|pa|ss)_", "[A-Za-z0-9]{32,48}", ("shp",)),
    _Vendor("groq api key", "gsk_", "[A-Za-z0-9]{52}", ("gsk_",)),
    _Vendor("perplexity api key", "pplx-", "[A-Za-z0-9]{40,64}", ("pplx-",)),
    _Vendor("xai api key", "xai-", "[A-Za-z0-9]{60,100}", ("xai-",)),
    _Vendor("replicate api token", "r8_", "[A-Za-z0-9]{37,40}", ("r8_",)),
    _Vendor("openrouter api key", "sk-or-v1-", "[a-f0-9]{64}", ("sk-or-v1-",)),
    _Vendor("databricks token", "dapi", "[a-fA-F0-9]{32}(?:-[0-9])?", ("dapi",)),
    _Vendor("hashicorp vault token", r"hv[sbr]\.", "[A-Za-z0-9_-]{24,250}", ("hvs.", "hvb.", "hvr.")),
    _Vendor(
        "doppler token",
        r"dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{1,40}\.)?",
        "[A-Za-z0-9]{40,44}",
        ("dp.",),
    ),
    _Vendor("linear api key", "lin_api_", "[A-Za-z0-9]{40}", ("lin_api_",)),
    _Vendor("linear oauth token", "lin_oauth_", "[a-f0-9]{64}", ("lin_oauth_",)),
    _Vendor("postman api key", "PMAK-", "[a-f0-9]{24}-[a-f0-9]{34}", ("pmak-",)),
    _Vendor("langsmith api key", "lsv2_(?:pt|sk)_", "[a-f0-9]{32}_[a-f0-9]{10}", ("lsv2_",)),
    _Vendor("grafana cloud token", "glc_", "[A-Za-z0-9+/]{32,400}={0,2}", ("glc_",)),
    _Vendor("grafana service account token", "glsa_", "[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}", ("glsa_",)),
    # Grafana API keys are base64 of {"k":"...","n":"...","id":N}.
    _Vendor("grafana api key", "eyJrIjoi", "[A-Za-z0-9]{42,400}={0,2}", ("eyjrijoi",), json_keys=("k", "n", "id")),
    _Vendor("docker hub token", "dckr_(?:pat|oat)_", "[A-Za-z0-9_-]{24,40}", ("dckr_",)),
    _Vendor("age secret key", "AGE-SECRET-KEY-1", "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", ("age-secret-key-1",)),
    # Telegram Bot API token "<bot id>:<35 chars>" (core.telegram.org/bots/api); issued ones start AA.
    _Vendor("telegram bot token", "[0-9]{8,10}:AA", "[A-Za-z0-9_-]{30,35}", (":aa",), score=0.85),
    _Vendor("atlassian api token", "ATATT3", "[A-Za-z0-9_=-]{186}", ("atatt3",)),
    _Vendor("sentry org token", "sntrys_eyJ", "[A-Za-z0-9_=+/-]{40,400}", ("sntry",)),
    _Vendor("sentry user token", "sntryu_", "[a-f0-9]{64}", ("sntry",)),
    _Vendor("heroku api key", "HRKU-AA", "[0-9A-Za-z_-]{58}", ("hrku-",)),
    _Vendor("supabase access token", "sbp_", "[a-f0-9]{40}", ("sbp_",)),
    _Vendor("supabase secret key", "sb_secret_", "[A-Za-z0-9_-]{31,64}", ("sb_secret_",)),
    # Tailscale names the kind of key after "tskey-" (api, auth, client, scim, webhook, and kinds to come).
    _Vendor("tailscale key", "tskey-[a-z]{3,10}-", "[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,40}", ("tskey-",)),
    _Vendor("sourcegraph token", "sgp_(?:local_|[a-f0-9]{16}_)?", "[a-f0-9]{40}", ("sgp_",)),
    _Vendor("tavily api key", "tvly-(?:dev-|prod-)?", "[A-Za-z0-9]{32}", ("tvly-",)),
    _Vendor("adafruit io key", "aio_", "[A-Za-z0-9]{28}", ("aio_",)),
    _Vendor("dependency-track api key", "odt_", "[A-Za-z0-9]{32,36}", ("odt_",)),
    _Vendor("twitch stream key", "live_[0-9]{6,12}_", "[A-Za-z0-9]{30}", ("live_",)),
    _Vendor("new relic user key", "NRAK-", "[A-Z0-9]{27}", ("nrak-",)),
    _Vendor("new relic admin key", "NRAA-", "[a-f0-9]{27}", ("nraa-",)),
    _Vendor("new relic insights key", "NRI[IQ]-", "[A-Za-z0-9_-]{32}", ("nrii-", "nriq-")),
    _Vendor("new relic browser key", "NRJS-", "[a-f0-9]{19}", ("nrjs-",)),
    _Vendor("new relic license key", "", "(?:eu01xx[a-f0-9]{30}|[a-f0-9]{36})", ("nral",), tail="NRAL"),
    _Vendor("new relic pixie key", "px-(?:api|dep)-", _UUID, ("px-api-", "px-dep-")),
    _Vendor("mapbox secret token", r"[st]k\.eyJ", r"[A-Za-z0-9_-]{20,400}\.[A-Za-z0-9_-]{20,60}", ("k.eyj",)),
    _Vendor("dynatrace token", r"dt0[cs][0-9]{2}\.", r"[A-Z0-9]{24}\.[A-Z0-9]{64}", ("dt0",)),
    _Vendor("rubygems api key", "rubygems_", "[a-f0-9]{48}", ("rubygems_",)),
    _Vendor("square access token", "sq0atp-", "[A-Za-z0-9_-]{22}", ("sq0atp-",)),
    _Vendor("square oauth secret", "sq0csp-", "[A-Za-z0-9_-]{43}", ("sq0csp-",)),
    _Vendor("stackhawk api key", r"hawk\.", r"[A-Za-z0-9_-]{20}\.[A-Za-z0-9_-]{20}", ("hawk.",)),
    _Vendor("jina api key", "jina_", "[a-f0-9]{32}[A-Za-z0-9_-]{28,32}", ("jina_",)),
    _Vendor("firecrawl api key", "fc-", "[a-f0-9]{32}", ("fc-",)),
    _Vendor("cloudflare api token", "cf(?:at|ut|k)_", "[A-Za-z0-9]{40}[a-f0-9]{8}", ("cfat_", "cfut_", "cfk_")),
    # Figma: personal (figd_, figp_ since 2025), OAuth (figo_) and refresh (figr_) tokens.
    _Vendor("figma token", "fig[dopr]_", "[A-Za-z0-9_-]{40,100}", ("figd_", "figo_", "figp_", "figr_")),
    _Vendor("vercel token", "vc[pikar]_", "[A-Za-z0-9]{24,64}", ("vcp_", "vci_", "vck_", "vca_", "vcr_")),
    _Vendor("crates.io api token", "cio", "[A-Za-z0-9]{32}", ("cio",), score=0.8),
    _Vendor("mailgun api key", "key-", "[a-f0-9]{32}", ("key-",), score=0.8),
    _Vendor("mailchimp api key", "", "[a-f0-9]{32}", ("-us",), tail="-us[0-9]{1,2}", score=0.85),
    _Vendor("nuget api key", "oy2", "[a-z0-9]{43}", ("oy2",), score=0.85),
    _Vendor("azure devops pat", "", "[A-Za-z0-9]{76}", ("azdo",), tail="AZDO[A-Za-z0-9]{4}"),
    _Vendor("azure ad client secret", "[A-Za-z0-9_~.]{3}[0-9]Q~", "[A-Za-z0-9_~.-]{31,34}", ("q~",), score=0.85),
    _Vendor("google oauth client secret", "GOCSPX-", "[A-Za-z0-9_-]{28}", ("gocspx-",)),
    _Vendor("salesforce access token", "00D[A-Za-z0-9]{12}!", "[A-Za-z0-9._]{80,120}", ("00d",)),
    _Vendor("sonarqube token", "sq[pua]_", "[a-f0-9]{40}", ("sqp_", "squ_", "sqa_")),
    _Vendor("jfrog api key", "AKCp", "[A-Za-z0-9]{69}", ("akcp",)),
    # Artifactory API keys and encrypted passwords as detect-secrets' ArtifactoryDetector reads them.
    _Vendor("artifactory api key", "AKC", "[A-Za-z0-9]{10,80}", ("akc",), score=0.8, words=False),
    _Vendor("artifactory password", "AP[0-9A-F]", "[A-Za-z0-9]{10,80}", ("ap",), score=0.75, words=False),
    # JFrog reference tokens: base64 of "reftkn:..."; scanners read the head as far as "cmVmd".
    _Vendor("jfrog reference token", "cmVmd", "[A-Za-z0-9]{59}", ("cmvmd",)),
    _Vendor("1password service account token", "ops_eyJ", "[A-Za-z0-9+/]{250,2000}={0,3}", ("ops_eyj",)),
    _Vendor("hugging face org token", "api_org_", "[A-Za-z]{34}", ("api_org_",)),
    _Vendor("openshift token", "sha256~", "[A-Za-z0-9_-]{43}", ("sha256~",)),
    _Vendor("planetscale token", "pscale_(?:tkn|pw|oauth)_", "[A-Za-z0-9_.-]{32,64}", ("pscale_",)),
    _Vendor("pulumi access token", "pul-", "[a-f0-9]{40}", ("pul-",)),
    _Vendor("prefect api key", "pnu_", "[A-Za-z0-9]{36}", ("pnu_",)),
    _Vendor("readme api key", "rdme_", "[a-z0-9]{70}", ("rdme_",)),
    _Vendor("shippo api token", "shippo_(?:live|test)_", "[a-fA-F0-9]{40}", ("shippo_",)),
    _Vendor("typeform token", "tfp_", "[A-Za-z0-9_.=-]{59}", ("tfp_",)),
    _Vendor("contentful token", "CFPAT-", "[A-Za-z0-9_-]{43}", ("cfpat-",)),
    _Vendor("duffel token", "duffel_(?:test|live)_", "[A-Za-z0-9_=-]{43}", ("duffel_",)),
    _Vendor("easypost key", "EZ[AT]K", "[a-z0-9]{54}", ("ezak", "eztk")),
    _Vendor("frame.io token", "fio-u-", "[A-Za-z0-9_=-]{64}", ("fio-u-",)),
    _Vendor("infracost key", "ico-", "[A-Za-z0-9]{32}", ("ico-",)),
    _Vendor("notion token", "ntn_", "[0-9]{11}[A-Za-z0-9]{35}", ("ntn_",)),
    _Vendor("airtable token", "pat[A-Za-z0-9]{14}\\.", "[a-f0-9]{64}", ("pat",)),
    _Vendor("clojars token", "CLOJARS_", "[a-z0-9]{60}", ("clojars_",)),
    _Vendor("brevo api key", "xkeysib-", "[a-f0-9]{64}-[A-Za-z0-9]{16}", ("xkeysib-",)),
    _Vendor("flutterwave secret key", "FLWSECK(?:_TEST)?-", "[a-h0-9]{32}-X", ("flwseck",)),
    _Vendor("fly.io token", "fo1_", "[A-Za-z0-9_-]{43}", ("fo1_",)),
    # Harness personal (pat.) and service account (sat.) tokens: account id, token id, secret.
    _Vendor("harness token", r"[ps]at\.[A-Za-z0-9_-]{22}\.", r"[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}", ("pat.", "sat.")),
    _Vendor("settlemint token", "sm_(?:pat|aat|sat)_", "[a-zA-Z0-9]{16}", ("sm_",)),
    _Vendor("langfuse secret key", "sk-lf-", "[a-f0-9-]{36}", ("sk-lf-",)),
    _Vendor("pinecone api key", "pcsk_", "[A-Za-z0-9_]{50,80}", ("pcsk_",)),
    _Vendor("anyscale api key", "esecret_", "[A-Za-z0-9_]{26}", ("esecret_",)),
    _Vendor("fireworks api key", "fw_", "[A-Za-z0-9]{24}", ("fw_",)),
    _Vendor("cerebras api key", "csk-", "[a-z0-9]{48}", ("csk-",)),
    _Vendor("elevenlabs api key", "sk_", "[a-f0-9]{48}", ("sk_",)),
    _Vendor("facebook access token", "EAA[CGM]", "[0-9A-Za-z]{27,400}", ("eaac", "eaag", "eaam"), score=0.8),
    _Vendor("google oauth access token", r"ya29\.", "[0-9A-Za-z_-]{22,400}", ("ya29.",)),
    _Vendor("instagram access token", "IGQVJ", "[0-9A-Za-z_]{100,400}", ("igqvj",)),
    _Vendor("braintree access token", r"access_token\$production\$[0-9a-z]{16}\$", "[0-9a-z]{32}",
            ("access_token$production$",)),
    _Vendor("amazon mws key", r"amzn\.mws\.", _UUID, ("amzn.mws.",)),
    _Vendor("bitbucket app password", "ATBB", "[A-Za-z0-9]{24}[A-F0-9]{8}", ("atbb",)),
    _Vendor("bitbucket access token", "ATCTT3xFfGN0", "[A-Za-z0-9_=-]{180}", ("atctt3",)),
    _Vendor("bitbucket data center token", "BBDC-[NMO][ADgjQTwz]", "[A-Za-z0-9+/]{42}", ("bbdc-",)),
    _Vendor("dropbox access token", r"sl\.(?:u\.)?", "[A-Za-z0-9_-]{135,1400}", ("sl.",)),
    # ThingsBoard device access tokens travel in the HTTP/CoAP telemetry path.
    _Vendor("thingsboard access token", r"thingsboard[A-Za-z0-9.-]{0,60}(?::[0-9]{1,5})?/api/v1/", "[A-Za-z0-9]{20}",
            ("thingsboard",)),
    _Vendor("jenkins crumb", "Jenkins-Crumb[:=][ \t]?", "[a-f0-9]{32}", ("jenkins-crumb",)),
    _Vendor("sendinblue smtp key", "xsmtpsib-", "[a-f0-9]{64}-[A-Za-z0-9]{16}", ("xsmtpsib-",)),
    # From the prefixed rules of gitleaks, TruffleHog and CredSweeper (shapes as their docs publish them).
    _Vendor("1password secret key", "A3-",
            "[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}", ("a3-",)),
    _Vendor("adobe client secret", "p8e-", "[A-Za-z0-9]{32}", ("p8e-",)),
    _Vendor("alibaba access key id", "LTAI", "[A-Za-z0-9]{12,20}", ("ltai",), words=False),
    _Vendor("authress service client key", "(?:sc|ext|scauth|authress)_",
            r"[A-Za-z0-9]{5,30}\.[A-Za-z0-9]{4,6}\.acc[_-][A-Za-z0-9-]{10,32}\.[A-Za-z0-9+/_=-]{30,120}", (".acc",)),
    _Vendor("clickhouse cloud api secret", "4b1d", "[A-Za-z0-9]{38}", ("4b1d",), score=0.85),
    _Vendor("cloudflare origin ca key", r"v1\.0-", "[a-f0-9]{24}-[a-f0-9]{146}", ("v1.0-",)),
    _Vendor("defined networking token", "dnkey-", "[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}", ("dnkey-",)),
    _Vendor("square production token", "EAAA", "[A-Za-z0-9_-]{22,60}", ("eaaa",), score=0.8, words=False),
    _Vendor("flutterwave encryption key", "FLWSECK_TEST-?", "[a-hA-H0-9]{12}", ("flwseck_test",)),
    _Vendor("fly.io macaroon", "fm(?:1[ar]|2)_", "[A-Za-z0-9+/]{100,4000}={0,3}", ("fm1a_", "fm1r_", "fm2_")),
    _Vendor("intra42 client secret", "s-s4t2(?:ud|af)-", "[a-f0-9]{64}", ("s-s4t2",)),
    _Vendor("gitlab session cookie", "_gitlab_session=", "[0-9a-z]{32}", ("_gitlab_session=",)),
    _Vendor("terraform cloud token", r"[A-Za-z0-9]{14}\.atlasv1\.", "[A-Za-z0-9_=-]{60,70}", ("atlasv1",)),
    _Vendor("maxmind license key", "", "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}", ("_mmk",), tail="_mmk"),
    _Vendor("octopus deploy api key", "API-", "[A-Z0-9]{26}", ("api-",), score=0.85, words=False),
    _Vendor("scalingo api token", "tk-us-", "[A-Za-z0-9_-]{48}", ("tk-us-",)),
    _Vendor("yandex api key", "AQVN", "[A-Za-z0-9_-]{35,38}", ("aqvn",)),
    _Vendor("yandex iam token", r"t1\.", r"[A-Za-z0-9_-]{10,200}={0,2}\.[A-Za-z0-9_-]{86}={0,2}", ("t1.",)),
    # Dropbox long-lived tokens hold ten "A"s after 11 characters; Twitter bearer tokens start with 22.
    _Vendor("dropbox long-lived token", "[A-Za-z0-9]{11}AAAAAAAAAA", "[A-Za-z0-9_=-]{43}", ("aaaaaaaaaa",),
            score=0.8),
    _Vendor("twitter bearer token", "A{22}", "[A-Za-z0-9%]{80,100}", ("aaaaaaaaaaaaaaaaaaaaaa",), score=0.85),
    _Vendor("buildkite token", "bkua_", "[a-f0-9]{40}", ("bkua_",)),
    _Vendor("circleci token", "CCIP(?:AT|RJ)_", "[A-Za-z0-9]{22}_[a-f0-9]{40}", ("ccip",)),
    _Vendor("deno deploy token", "dd[pw]_", "[A-Za-z0-9]{36}", ("ddp_", "ddw_")),
    _Vendor("netlify token", "nfp_", "[A-Za-z0-9_]{36}", ("nfp_",)),
    _Vendor("rootly api key", "rootly_", "[a-f0-9]{64}", ("rootly_",)),
    _Vendor("nightfall api key", "NF-", "[A-Za-z0-9]{32}", ("nf-",), words=False),
    _Vendor("nvidia api key", "nvapi-", "[A-Za-z0-9_-]{64}", ("nvapi-",)),
    _Vendor("langsmith legacy key", "ls__", "[a-f0-9]{32}", ("ls__",)),
    _Vendor("notion integration secret", "secret_", "[A-Za-z0-9]{43}", ("secret_",), score=0.85, words=False),
    _Vendor("posthog personal api key", "phx_", "[A-Za-z0-9_]{43}", ("phx_",)),
    _Vendor("plaid access token", "access-(?:sandbox|development|production)-", _UUID, ("access-",)),
    _Vendor("lob api key", "(?:live|test)_", "[a-f0-9]{35}", ("live_", "test_")),
    _Vendor("lob publishable key", "(?:live|test)_pub_", "[a-f0-9]{31}", ("live_pub_", "test_pub_")),
    _Vendor("razorpay key id", "rzp_(?:live|test)_", "[A-Za-z0-9]{14}", ("rzp_",), score=0.85),
    _Vendor("mercado pago access token", "(?:APP_USR|TEST)-", "[0-9]{16}-[0-9]{6}-[a-f0-9]{32}-[0-9]{6,12}",
            ("app_usr-", "test-")),
    _Vendor("mailgun public key", "pubkey-", "[a-f0-9]{32}", ("pubkey-",), score=0.8),
    _Vendor("launchdarkly key", "(?:api|sdk)-", "[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[a-f0-9]{4}-[a-f0-9]{12}",
            ("api-", "sdk-"), score=0.8),
    _Vendor("adyen api key", "AQE", r"[a-z0-9]{5,30}\.[A-Za-z0-9_=-]{50,80}", ("aqe",)),
    _Vendor("cast ai api key", "castai_v1_", "[A-Za-z0-9]{64}_[A-Za-z0-9]{8}", ("castai_v1_",)),
    _Vendor("chief tools token", "ct[por]_", "[A-Za-z0-9]{30,248}", ("ctp_", "cto_", "ctr_"), words=False),
    _Vendor("azure data factory runtime key", r"IR@[0-9a-zA-Z-]{36}@[^@\s]{1,100}@[0-9a-zA-Z=-]{0,40}@",
            "[A-Za-z0-9+/=]{44}", ("ir@",)),
    _Vendor("aiven token", "AVNU_", "[A-Za-z0-9+/]{100,600}={0,2}", ("avnu_",)),
    _Vendor("google oauth refresh token", "1//0", "[A-Za-z0-9_-]{40,300}", ("1//0",)),
    _Vendor("hubspot private app token", "pat-(?:na|eu)1-",
            "[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12}", ("pat-na1-", "pat-eu1-")),
    _Vendor("tencent cloud secret id", "AKID", "[A-Za-z0-9]{32}", ("akid",), score=0.85, words=False),
    _Vendor("render api key", "rnd_", "[A-Za-z0-9]{32}", ("rnd_",)),
    _Vendor("scaleway access key", "SCW", "[A-Z0-9]{17}", ("scw",), score=0.8, words=False),
    _Vendor("midtrans server key", "(?:SB-)?Mid-server-", "[A-Za-z0-9_-]{24}", ("mid-server-",)),
    _Vendor("devcycle sdk key", "dvc_(?:server|client|mobile)_", "[A-Za-z0-9_-]{30,100}", ("dvc_",)),
    _Vendor("segment public api token", "sgp_", "[A-Za-z0-9_-]{60,70}", ("sgp_",)),
    _Vendor("firebase cloud messaging server key", "AAAA[A-Za-z0-9_-]{7}:APA91b", "[A-Za-z0-9_-]{130,140}",
            (":apa91b",)),
    # Azure SAS tokens of IoT Hub, Service Bus and Event Hubs: the signature after the resource.
    _Vendor("azure shared access signature", r"SharedAccessSignature sr=[^\s\"'&]{1,300}&(?:se=[0-9]{1,12}&)?sig=",
            "[A-Za-z0-9%+/]{20,120}", ("sharedaccesssignature",)),
    # PuTTY key files: the private part is the base64 block after "Private-Lines: N" (line breaks real or escaped).
    _Vendor("putty private key", r"Private-Lines: [0-9]{1,3}(?:\r?\n|\\n)",
            r"[A-Za-z0-9+/=]{4,64}(?:(?:\r?\n|\\n)[A-Za-z0-9+/=]{4,64}){0,200}", ("private-lines:",)),
    # Maven's settings-security.xml: the encrypted master password between braces (the closing one may be
    # escaped). The braces are written \x7b and \x7d: pattern_set takes a "{" before "=" for no portable regex.
    _Vendor("maven master password", r"<master>\x7b", "[A-Za-z0-9+/=]{16,200}", ("<master>{",), tail=r"\\?\x7d"),
    _Vendor("square application id", "sq0idp-", "[A-Za-z0-9_-]{22,43}", ("sq0idp-",), score=0.75),
    _Vendor("clickup personal token", "pk_[0-9]{6,10}_", "[A-Z0-9]{32}", ("pk_",)),
    # Sidekiq Enterprise credentials travel in Bundler's variable for the gem host.
    _Vendor("sidekiq enterprise secret", "BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM[ \t]{0,5}[=:][ \t]{0,5}[\"']?",
            "[a-f0-9]{8}:[a-f0-9]{8}", ("contribsys__com",)),
    # A JWT written in base64 once more: base64 of '{"alg":', '{"typ":', '{"kid":'... (gitleaks' jwt-base64).
    _Vendor("base64 jwt", "ZXlK(?:aGJHY2lPaU|MGVYQWlPaUp|cmFXUWlP|NmFYQWlPaU|cGMzTWlPaU|emRXSWlPaU)",
            "[A-Za-z0-9/+_-]{40,8000}={0,2}", ("zxlk",), score=0.85),
    # Microsoft's identifiable keys: a fixed signature at a fixed place (microsoft/security-utilities).
    _Vendor("azure identifiable key (88)", "", "[A-Za-z0-9+/]{76}(?:\\+ASt|ACDb|\\+ABa|\\+AMC|APIM)[A-Za-z0-9+/]{5}[AQgw]==",
            ("+ast", "acdb", "+aba", "+amc", "apim")),
    _Vendor("azure identifiable key (44)", "",
            "[A-Za-z0-9+/]{33}(?:\\+ARm|\\+AEh|\\+ASb|AIoT|AzCa|AZEG)[A-P][A-Za-z0-9+/]{5}=",
            ("+arm", "+aeh", "+asb", "aiot", "azca", "azeg")),
    _Vendor("azure function key", "", "[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==", ("azfu",)),
    _Vendor("azure search key", "", "[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5}", ("azse",)),
    _Vendor("azure container registry key", "", "[A-Za-z0-9+/]{42}\\+ACR[A-D][A-Za-z0-9+/]{5}", ("+acr",)),
    _Vendor("azure common annotated key", "",
            "[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}[A-Za-z][A-Za-z0-9]{7}(?:[A-Za-z0-9]{2}==)?",
            ("jqqj",)),
    # Looser shapes that public rule sets (gitleaks) publish next to the vendors' exact ones above.
    _Vendor("github fine-grained pat (any layout)", "github_pat_", "[A-Za-z0-9_]{82}", ("github_pat_",)),
    _Vendor("sendgrid api key (any layout)", r"SG\.", "[A-Za-z0-9_=-][A-Za-z0-9_.=-]{65}", ("sg.",)),
    _Vendor("slack webhook (any path)", r"(?:https?://|(?<![/.]))hooks\.slack\.com/(?:services|workflows|triggers)/",
            "[A-Za-z0-9+/]{43,56}", ("hooks.slack.com",)),
    _Vendor("flutterwave public key", "FLWPUBK(?:_TEST)?-", "[a-hA-H0-9]{32}-X", ("flwpubk",)),
    _Vendor("gocardless access token", "live_", "[A-Za-z0-9_=-]{40}", ("live_",), score=0.8),
    # Software activation keys (Windows and others): five groups of five, after their name (span: the key).
    _Vendor("product activation key",
            r"(?i:activation|product|license|licence|serial|cd)[ _-]?(?i:key|code)[\"']?[ \t]{0,3}[:=][ \t]{0,3}[\"']?\K",
            "[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}", ("activation", "product", "license", "licence", "serial", "cd"),
            score=0.8),
    _Vendor(
        "microsoft teams webhook",
        r"https://(?:[a-z0-9-]{1,60}\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/",
        r"[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}(?:/[A-Za-z0-9_-]{40,60})?",
        ("/incomingwebhook/",),
    ),
    _Vendor(
        "discord webhook",
        r"https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/",
        "[A-Za-z0-9_-]{60,68}",
        ("/api/webhooks/",),
    ),
)


def _full(vendor: _Vendor) -> str:
    return vendor.head + "(?P<body>" + vendor.body + ")" + vendor.tail


@functools.cache
def _shape(index: int) -> regex.Pattern:
    """Row `index`'s whole shape, compiled when first needed (170 shapes cost ~50 ms at every start)."""
    return regex.compile(_full(_VENDORS[index]))


def _row_match(token: str) -> tuple[_Vendor, regex.Match] | None:
    """The row `token` is a whole match of, with the match, trying only the rows whose literal it holds."""
    lowered = token.lower()
    for index, vendor in enumerate(_VENDORS):
        if any(literal in lowered for literal in vendor.literals):
            match = _shape(index).fullmatch(token)
            if match:
                return vendor, match
    return None


def _json_with_keys(token: str, keys: tuple[str, ...]) -> bool:
    """True when `token` is base64 of a JSON object holding every key of `keys`."""
    try:
        decoded = json.loads(base64.b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False
    return isinstance(decoded, dict) and all(k in decoded for k in keys)


_CAMEL_WORDS = regex.compile(r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)*")


def _reads_as_word(body: str) -> bool:
    """True for letters that are no filler and read as words: one case ("APACHESERVER") or CamelCase words."""
    if not body.isalpha() or len(set(body)) <= 2:
        return False
    return body.isupper() or body.islower() or _CAMEL_WORDS.fullmatch(body) is not None


class VendorApiKeyRecognizer(SecretRecognizer):
    """Detects prefixed tokens of other developer, cloud and AI vendors (npm, PyPI, Groq, Vault, New Relic...).

    One entity for all of them (the pattern name names the vendor). Limits: vendors whose keys carry
    no prefix (Mistral, Cohere, Cloudflare global keys, Okta) are found only next to a keyword
    (`PasswordAssignmentRecognizer`); Discord bot tokens (no fixed prefix) are not found.
    """

    ENTITY = "VENDOR_API_KEY"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(v.name, LEFT + v.head + v.body + v.tail + _END, v.score) for v in _VENDORS
    ]
    CONTEXT: ClassVar[list[str]] = ["api key", "token", "secret", "npm", "pypi", "groq", "vault"]
    PREFILTER: ClassVar[tuple[str, ...]] = tuple(sorted({lit for v in _VENDORS for lit in v.literals}))
    # One set of literals per pattern: a text runs only the patterns whose prefix occurs in it.
    PATTERN_LITERALS: ClassVar[dict[str, tuple[str, ...]]] = {v.name: v.literals for v in _VENDORS}

    def invalidate_result(self, pattern_text: str) -> bool:
        """Drop templates in the body (the part after the vendor prefix): `<key>`, `${KEY}`, `****`, `YOUR_KEY`.

        Fillers at the vendor's exact shape (`tvly-` + `x` * 32) are reported: docs and test suites write
        keys of that shape so, and a placeholder costs nothing to replace (recall first).
        """
        found = _row_match(pattern_text)
        if found is None:
            return is_template_body(pattern_text)
        vendor, match = found
        if vendor.json_keys and not _json_with_keys(pattern_text, vendor.json_keys):
            return True
        if not vendor.words and _reads_as_word(match.group("body")):
            return True
        return is_template_body(match.group("body"))
