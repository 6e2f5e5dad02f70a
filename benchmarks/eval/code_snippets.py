"""Short, ordinary code snippets: benign text that must survive verbatim.

Identifiers such as `user_name`, `email_field` or `api_key` are deliberate: they name personal data or
credentials without holding any, which is where over-eager detectors break code.
"""

import random

_SNIPPETS = (
    '''def load_users(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]''',
    '''for i, row in enumerate(rows):
    if row["email_verified"] is False:
        pending.append(row["user_id"])
print(f"{len(pending)} users pending")''',
    '''import os
api_key = os.environ["TOGETHER_API_KEY"]
client = Together(api_key=api_key)''',
    '''SELECT customer_id, COUNT(*) AS orders
FROM orders
WHERE created_at >= NOW() - INTERVAL '{n} days'
GROUP BY customer_id
ORDER BY orders DESC
LIMIT 10;''',
    '''const res = await fetch(`/api/v1/users/${userId}`, {
  headers: { "Content-Type": "application/json" },
});
if (!res.ok) throw new Error(`HTTP ${res.status}`);''',
    '''kubectl rollout restart deployment/web -n staging
kubectl get pods -n staging -l app=web --watch''',
    '''class Config(BaseSettings):
    database_url: str
    api_key: SecretStr
    timeout_s: int = {n}''',
    '''git rebase -i HEAD~{n}
git push --force-with-lease origin feature/checkout-v2''',
    '''df = pd.read_csv("sales.csv", parse_dates=["order_date"])
monthly = df.groupby(df.order_date.dt.to_period("M"))["amount"].sum()''',
    '''try:
    resp = session.get(url, timeout={n})
    resp.raise_for_status()
except requests.HTTPError as exc:
    log.warning("request failed: %s", exc.response.status_code)''',
    '''docker run --rm -p 8080:80 -e LOG_LEVEL=debug nginx:1.25''',
    '''def mask_email(email_field: str) -> str:
    user, _, domain = email_field.partition("@")
    return user[:1] + "***@" + domain''',
    '''python -m venv .venv && source .venv/bin/activate
pip install -r requirements.txt''',
    '''CREATE TABLE users (
  id UUID PRIMARY KEY,
  user_name TEXT NOT NULL,
  phone_number TEXT,
  created_at TIMESTAMPTZ DEFAULT now()
);''',
)


def code_snippet(rng: random.Random) -> str:
    """A snippet with its small numbers varied."""
    return rng.choice(_SNIPPETS).replace("{n}", str(rng.randint(2, 90)))
