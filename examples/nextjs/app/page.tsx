export default function Home() {
  // A plain link, not next/link: the route handler answers with a redirect to X.
  return (
    <p>
      <a href="/auth/x/login">Sign in with X</a>
    </p>
  );
}
