// The PIN flow ("oob") for a command-line tool: no web server and no callback. It prints X's
// authorize URL, reads the PIN X shows after the user approves, and prints the access token and
// its secret for this user. Usage (Node >= 22.18 runs .ts as is; on Node 20 use `npx tsx cli.ts`):
//   TWITTER_CONSUMER_KEY=… TWITTER_CONSUMER_SECRET=… node cli.ts
//   node cli.ts --consumer-key … --consumer-secret …   [--base-url http://127.0.0.1:PORT]
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { TwitterOAuth, isTwitterOAuthError } from "twitter-oauth1";

const { values } = parseArgs({
  options: {
    "consumer-key": { type: "string" },
    "consumer-secret": { type: "string" },
    "base-url": { type: "string" }, // a fake X in tests; default https://api.x.com
  },
});
const consumerKey = values["consumer-key"] ?? process.env.TWITTER_CONSUMER_KEY;
// A secret on the command line lands in the shell history and `ps`: prefer the variable.
const consumerSecret = values["consumer-secret"] ?? process.env.TWITTER_CONSUMER_SECRET;
if (!consumerKey || !consumerSecret) {
  console.error("Set TWITTER_CONSUMER_KEY and TWITTER_CONSUMER_SECRET, or pass --consumer-key and --consumer-secret.");
  process.exit(2);
}

const baseUrl = values["base-url"] ?? (process.env.X_BASE_URL || undefined); // unset: https://api.x.com
const x = new TwitterOAuth({ consumerKey, consumerSecret, callbackUrl: "oob", baseUrl });

try {
  // Step 1 with oauth_callback=oob: X will show a PIN instead of redirecting.
  const requestToken = await x.getRequestToken();
  // Step 2: the user opens this page, signs in, approves, and reads the PIN.
  console.log("Open this URL in a browser, approve the app, and copy the PIN:");
  console.log(x.buildAuthorizeUrl(requestToken));
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  const pin = (await prompt.question("PIN: ")).trim();
  prompt.close();
  // Step 3: the PIN is the oauth_verifier.
  const accessToken = await x.exchangeVerifier(requestToken, pin);
  console.log(`Signed in as @${accessToken.screenName} (id ${accessToken.userId}).`);
  console.log(`Access token:        ${accessToken.token}`);
  console.log(`Access token secret: ${accessToken.tokenSecret}`);
  console.log("Keep the secret like a password: with the token it acts as this user until they revoke the app.");
} catch (error) {
  if (!isTwitterOAuthError(error)) throw error;
  // Stable codes, and messages that never hold a secret; a wrong or old PIN is an HTTP_ERROR from X.
  console.error(`${error.code}: ${error.message}`);
  process.exit(1);
}
