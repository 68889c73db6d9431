"""A whole "Log in with X" against a running fake X, in Python with requests and requests-oauthlib
(OAuth1Session) and nothing else: request token, POST /_fake/approve, access token, a signed API
call, and two tampered requests. Prints one JSON object for the test that runs it.

Usage: python3 requests_oauthlib_flow.py BASE_URL CONSUMER_KEY CONSUMER_SECRET
"""
import json
import sys

import requests
from requests_oauthlib import OAuth1, OAuth1Session
from requests_oauthlib.oauth1_session import TokenRequestDenied

base, key, secret = sys.argv[1:4]
result = {}

session = OAuth1Session(key, client_secret=secret, callback_uri="https://app.example/auth/x/callback")
request_token = session.fetch_request_token(base + "/oauth/request_token")
result["callback_confirmed"] = request_token.get("oauth_callback_confirmed")

# The test stands in for the user: the control API approves and answers the callback URL.
approved = requests.post(base + "/_fake/approve", data={"oauth_token": request_token["oauth_token"]}, timeout=10)
approved.raise_for_status()
session.parse_authorization_response(approved.text)
access_token = session.fetch_access_token(base + "/oauth/access_token")
result["screen_name"] = access_token.get("screen_name")

me = session.get(base + "/1.1/account/verify_credentials.json", params={"include_email": "true"}, timeout=10)
result["verify_credentials"] = {"status": me.status_code, "screen_name": me.json().get("screen_name"),
                                "rate_limit": me.headers.get("x-rate-limit-limit")}

# Tampered: a wrong consumer secret at step 1.
try:
    OAuth1Session(key, client_secret="not-the-secret", callback_uri="oob").fetch_request_token(
        base + "/oauth/request_token")
    result["wrong_secret"] = None
except TokenRequestDenied as denied:
    result["wrong_secret"] = {"status": denied.status_code, "body": denied.response.json()}

# Tampered: an API call signed with another token secret.
forged = OAuth1(key, client_secret=secret, resource_owner_key=access_token["oauth_token"],
                resource_owner_secret="tampered")
refused = requests.get(base + "/2/users/me", auth=forged, timeout=10)
result["wrong_token_secret"] = {"status": refused.status_code, "body": refused.json()}

print(json.dumps(result))
