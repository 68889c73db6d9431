// Next.js calls register() once when the server starts: a missing setting fails there, naming the
// variable, instead of at the first sign-in.
export async function register(): Promise<void> {
  const { signInHandlers } = await import("./lib/sign-in");
  signInHandlers();
}
