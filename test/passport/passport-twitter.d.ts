// passport-twitter ships no types (and @types/passport-twitter would pull in @types/passport-oauth1):
// the test uses only its Strategy constructor.
declare module "passport-twitter" {
  export const Strategy: new (options: Record<string, unknown>, verify: (...args: never[]) => void) => object;
}
