// "Log in with X" with Express 5 and Passport, written the way passport-twitter's README shows it:
// only the import of the strategy differs. twitter-oauth1/passport keeps each sign-in in progress
// in the session under its own request token (several tabs can sign in at once), and Passport
// keeps the signed-in user in the session.
import express, { type NextFunction, type Request, type Response } from "express";
import session from "express-session";
import passport from "passport";
import { isTwitterOAuthError } from "twitter-oauth1";
import { Strategy as TwitterStrategy } from "twitter-oauth1/passport";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see README.md)`);
  return value;
}

const callbackURL = env("TWITTER_CALLBACK_URL"); // registered on X, e.g. http://127.0.0.1:3000/auth/twitter/callback
// The users' access tokens, to call X as them later: in memory here, your database in a real app.
const tokens = new Map<string, { token: string; tokenSecret: string }>();

passport.use(
  new TwitterStrategy(
    {
      consumerKey: env("TWITTER_CONSUMER_KEY"),
      consumerSecret: env("TWITTER_CONSUMER_SECRET"),
      callbackURL,
      baseUrl: process.env.X_BASE_URL || undefined, // unset: https://api.x.com; the tests point it at a fake X
    },
    (token, tokenSecret, profile, cb) => {
      // A real app finds or creates its user here: User.findOrCreate({ twitterId: profile.id }, cb).
      tokens.set(profile.id, { token, tokenSecret }); // server-side only: they act as this user
      cb(null, { id: profile.id, username: profile.username, displayName: profile.displayName });
    },
  ),
);
passport.serializeUser((user, cb) => cb(null, user));
passport.deserializeUser((user: Express.User, cb) => cb(null, user));

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const page = (body: string): string => `<!doctype html><meta charset="utf-8"><title>Sign in with X</title>${body}`;

const app = express();
app.use(
  session({
    secret: env("COOKIE_SECRET"), // 32+ random characters that never leave the server
    resave: false,
    saveUninitialized: false,
    // Lax: the cookie must come back on X's redirect to the callback. The default MemoryStore keeps
    // sessions in this process only: use a real store (Redis, a database) in production.
    cookie: { httpOnly: true, sameSite: "lax", secure: callbackURL.startsWith("https:") },
  }),
);
app.use(passport.authenticate("session"));

app.get("/", (req, res) => {
  const user = req.user as { username: string; displayName: string } | undefined;
  res.send(
    page(
      user
        ? `<p>Signed in as ${escapeHtml(user.displayName)} (@${escapeHtml(user.username)}).</p>`
        : `<p><a href="/auth/twitter">Sign in with X</a></p>`,
    ),
  );
});

// Where Passport sends the browser when the sign-in fails on purpose (Cancel on X).
app.get("/login", (_req, res) => {
  res.status(401).send(page(`<p>You are not signed in. <a href="/auth/twitter">Sign in with X</a></p>`));
});

app.get("/auth/twitter", passport.authenticate("twitter"));
app.get(
  "/auth/twitter/callback",
  // keepSessionInfo: Passport regenerates the session at sign-in; this keeps other tabs' sign-ins.
  passport.authenticate("twitter", { failureRedirect: "/login", keepSessionInfo: true }),
  (_req, res) => res.redirect("/"),
);

// Everything else the strategy reports is a TwitterOAuthError with a stable code (a stale or
// replayed callback is INVALID_STATE, X down is NETWORK_ERROR). Its message is for the log.
app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
  if (!isTwitterOAuthError(error)) return next(error);
  console.error(error);
  const status = error.code === "INVALID_STATE" || error.code === "INVALID_CALLBACK" ? 400 : 502;
  res
    .status(status)
    .send(page(`<p>Signing in with X failed (${error.code}). <a href="/auth/twitter">Try again</a></p>`));
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, "127.0.0.1", () => console.log(`Open http://127.0.0.1:${port}/`));
