// GET /auth/x/login and GET /auth/x/callback: one route file answers both steps.
import { signInHandlers } from "../../../../lib/sign-in";

export async function GET(request: Request): Promise<Response> {
  return (await signInHandlers().handle(request)) ?? new Response("Not found", { status: 404 });
}
