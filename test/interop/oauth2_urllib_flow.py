"""X's OAuth 2.0 against a running fake X, in Python with the standard library only (urllib, hmac,
hashlib): every request is built by hand as X's pages show it, so nothing of twitter-oauth1 takes
part on the client side.

- PKCE sign-in (docs.x.com, fundamentals/authentication/oauth-2-0/user-access-token):
  GET /i/oauth2/authorize, POST /_fake/approve with authorize_url standing in for the user, the code
  traded with the verifier at POST /2/oauth2/token; a wrong verifier, a reused code, a changed
  redirect_uri and Cancel (POST /_fake/deny).
- Refresh (single use), Bearer calls to GET /2/users/me, an access token expired by
  POST /_fake/expire, POST /2/oauth2/revoke.
- The OAuth 1.0a token exchange (docs.x.com,
  fundamentals/authentication/oauth-2-0/oauth-1-0a-token-exchange), of a 1.0a access token got
  through the three legs signed here (RFC 5849 3.4.2, HMAC-SHA1); a second exchange invalidates the
  first pair, refreshed or not.
- Every documented token-endpoint failure, and the control API's refusal of another site.

requests-oauthlib's OAuth2Session is not used: it has no grant for X's token exchange, and only
recent releases send PKCE. Prints one JSON object for the test that runs it.

Usage: python3 oauth2_urllib_flow.py BASE_URL CONSUMER_KEY CONSUMER_SECRET CLIENT_ID CLIENT_SECRET
"""
import base64
import hashlib
import hmac
import json
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, consumer_key, consumer_secret, client_id, client_secret = sys.argv[1:6]
REDIRECT = "http://127.0.0.1:8080/callback"
TOKEN = base + "/2/oauth2/token"
EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange"
OAUTH1_TOKEN = "urn:x:params:oauth:token-type:oauth1_token"
BASIC = "Basic " + base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
FORM = "application/x-www-form-urlencoded"


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirects)


def send(method, url, fields=None, headers=None):
    """One HTTP request; a 4xx or 5xx is an answer like any other."""
    data = None if fields is None else urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", FORM)
    try:
        with opener.open(request, timeout=10) as response:
            return Answer(response.status, response.headers, response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read().decode())


def token(fields, authorization=BASIC):
    return send("POST", TOKEN, fields, {"Authorization": authorization} if authorization else {})


def error_of(answer):
    """What a test checks of a refusal: the status and RFC 6749 5.2's error code."""
    return {"status": answer.status, "error": answer.json().get("error")}


def me(access_token):
    return send("GET", base + "/2/users/me", headers={"Authorization": "Bearer " + access_token}).status


def control(operation, fields, headers=None):
    answer = send("POST", f"{base}/_fake/{operation}", fields, headers)
    if answer.status >= 300:
        raise SystemExit(f"/_fake/{operation} answered {answer.status}: {answer.body}")
    return answer.body


# --- OAuth 1.0a three legs, signed by hand (RFC 5849 3.4.1 and 3.4.2) -----------------------------

def encode(value):
    return urllib.parse.quote(value, safe="-._~")


def oauth1_header(method, url, token_secret="", **protocol):
    params = {"oauth_consumer_key": consumer_key, "oauth_nonce": secrets.token_hex(16),
              "oauth_signature_method": "HMAC-SHA1", "oauth_timestamp": str(int(time.time())),
              "oauth_version": "1.0", **protocol}
    pairs = sorted((encode(k), encode(v)) for k, v in params.items())
    base_string = "&".join([method, encode(url), encode("&".join(f"{k}={v}" for k, v in pairs))])
    key = f"{encode(consumer_secret)}&{encode(token_secret)}".encode()
    params["oauth_signature"] = base64.b64encode(hmac.new(key, base_string.encode(), hashlib.sha1).digest()).decode()
    return "OAuth " + ", ".join(f'{encode(k)}="{encode(v)}"' for k, v in params.items())


def oauth1_access_token():
    url = base + "/oauth/request_token"
    step1 = send("POST", url, {}, {"Authorization": oauth1_header("POST", url, oauth_callback="oob")})
    request_token = dict(urllib.parse.parse_qsl(step1.body))
    pin = control("approve", {"oauth_token": request_token["oauth_token"]})
    url = base + "/oauth/access_token"
    header = oauth1_header("POST", url, request_token["oauth_token_secret"],
                           oauth_token=request_token["oauth_token"], oauth_verifier=pin)
    return dict(urllib.parse.parse_qsl(send("POST", url, {}, {"Authorization": header}).body))


# --- PKCE sign-in (RFC 7636 4.1 and 4.2: S256) ----------------------------------------------------

def authorization():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    state = secrets.token_urlsafe(32)
    url = base + "/i/oauth2/authorize?" + urllib.parse.urlencode({
        "response_type": "code", "client_id": client_id, "redirect_uri": REDIRECT,
        "scope": "tweet.read users.read offline.access", "state": state,
        "code_challenge": challenge, "code_challenge_method": "S256"})
    return url, state, verifier


def approve(url):
    """The user signs in and approves: the redirect_uri with code and state."""
    callback = control("approve", {"authorize_url": url})
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(callback).query))
    return callback.split("?")[0], query


def code_grant(code, verifier, redirect_uri=REDIRECT):
    return token({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                  "code_verifier": verifier})


result = {}

url, state, verifier = authorization()
page = send("GET", url)
result["authorize_page"] = {"status": page.status, "type": page.headers.get("content-type")}
callback, query = approve(url)
result["callback"] = {"to": callback, "state_kept": query.get("state") == state}
signed_in = code_grant(query["code"], verifier)
pair = signed_in.json()
result["code_grant"] = {"status": signed_in.status, "token_type": pair["token_type"],
                        "expires_in": pair["expires_in"], "scope": pair["scope"],
                        "cache_control": signed_in.headers.get("cache-control")}
user = send("GET", base + "/2/users/me", headers={"Authorization": "Bearer " + pair["access_token"]})
result["me"] = {"status": user.status, "username": user.json()["data"]["username"]}
result["code_reused"] = error_of(code_grant(query["code"], verifier))

url, _, verifier = authorization()
result["wrong_verifier"] = error_of(code_grant(approve(url)[1]["code"], verifier[::-1]))
url, _, verifier = authorization()
result["changed_redirect_uri"] = error_of(code_grant(approve(url)[1]["code"], verifier, REDIRECT + "/other"))
url, state, _ = authorization()
denied = urllib.parse.urlsplit(control("deny", {"authorize_url": url}))
result["cancel"] = dict(urllib.parse.parse_qsl(denied.query)) == {"error": "access_denied", "state": state}

# Refresh: a new pair; the refresh token just used is spent (single use).
refreshed = token({"grant_type": "refresh_token", "refresh_token": pair["refresh_token"]})
fresh = refreshed.json()
result["refresh"] = {"status": refreshed.status, "new_refresh_token": fresh["refresh_token"] != pair["refresh_token"],
                     "me": me(fresh["access_token"])}
# An access token that has expired (POST /_fake/expire) is refused; its refresh token still works.
control("expire", {"token": fresh["access_token"]})
renewing = token({"grant_type": "refresh_token", "refresh_token": fresh["refresh_token"]})
renewed = renewing.json()
result["expired"] = {"me": me(fresh["access_token"]), "refresh": renewing.status, "me_renewed": me(renewed["access_token"])}
result["refresh_reused"] = error_of(token({"grant_type": "refresh_token", "refresh_token": pair["refresh_token"]}))

# Revoke (RFC 7009): the access token stops working.
revoked = send("POST", base + "/2/oauth2/revoke", {"token": renewed["access_token"]}, {"Authorization": BASIC})
result["revoke"] = {"status": revoked.status, "body": revoked.json(), "me_after": me(renewed["access_token"])}

# The OAuth 1.0a token exchange, three times for the same user.
access = oauth1_access_token()
exchange = {"grant_type": EXCHANGE, "subject_token": access["oauth_token"], "subject_token_type": OAUTH1_TOKEN,
            "oauth_token_secret": access["oauth_token_secret"]}
first_answer = token(exchange)
first = first_answer.json()
result["exchange"] = {"status": first_answer.status, "token_type": first["token_type"],
                      "expires_in": first["expires_in"], "offline_access": "offline.access" in first["scope"].split(),
                      "rate_limit": first_answer.headers.get("x-rate-limit-limit"), "me": me(first["access_token"])}
second = token(exchange).json()
result["rotation_unrefreshed"] = {
    "first_me": me(first["access_token"]),
    "first_refresh": error_of(token({"grant_type": "refresh_token", "refresh_token": first["refresh_token"]})),
    "second_me": me(second["access_token"])}
second_refreshed = token({"grant_type": "refresh_token", "refresh_token": second["refresh_token"]}).json()
third = token(exchange).json()
result["rotation_refreshed"] = {
    "refreshed_me": me(second_refreshed["access_token"]),
    "refreshed_refresh": error_of(
        token({"grant_type": "refresh_token", "refresh_token": second_refreshed["refresh_token"]})),
    "third_me": me(third["access_token"])}
narrowed = token({**exchange, "scope": "tweet.read users.read"})
result["exchange_subset"] = narrowed.json()["scope"]

# Every failure X documents for the token endpoint.
without_type = {k: v for k, v in exchange.items() if k != "subject_token_type"}
result["invalid_request"] = error_of(token(without_type))
result["invalid_grant"] = error_of(token({**exchange, "oauth_token_secret": "not-the-secret"}))
result["unsupported_grant_type"] = error_of(token({"grant_type": "password", "username": "u", "password": "p"}))
result["invalid_scope"] = error_of(token({**exchange, "scope": "tweet.read dm.write"}))
wrong_secret = "Basic " + base64.b64encode(f"{client_id}:not-the-secret".encode()).decode()
result["invalid_client"] = error_of(token(exchange, wrong_secret))
result["unauthorized_client"] = error_of(token(exchange, None))
control("fail", {"status": "429", "path": "/2/oauth2/token", "resetSeconds": "60"})
limited = token(exchange)
reset = int(limited.headers.get("x-rate-limit-reset"))
result["rate_limited"] = {**error_of(limited), "limit": limited.headers.get("x-rate-limit-limit"),
                          "remaining": limited.headers.get("x-rate-limit-remaining"),
                          "reset_in_about_60s": abs(reset - time.time() - 60) < 30}
control("fail", {"status": "503", "path": "/2/oauth2/token"})
result["temporarily_unavailable"] = error_of(token(exchange))

# The control API answers tests, not a page of another site, nor a name that is not the fake's.
result["control_cross_site"] = send("POST", base + "/_fake/reset", {}, {"Origin": "https://evil.example"}).status
result["control_foreign_host"] = send("POST", base + "/_fake/reset", {}, {"Host": "evil.example"}).status

print(json.dumps(result))
