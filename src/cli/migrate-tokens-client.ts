// The OAuth 2.0 client the job exchanges with: the package's own TwitterOAuth2.
import { TwitterOAuth2 } from "../oauth2/index.js";
import type { TokenExchanger } from "../oauth2/migrate-types.js";
import type { MigrateTokensSettings } from "./migrate-tokens-args.js";
import { CliError } from "./errors.js";

/** A TwitterOAuth2 for the settings' client and base URL; a bad base URL is a usage error. */
export function createExchanger(settings: MigrateTokensSettings): TokenExchanger {
  try {
    return new TwitterOAuth2({
      clientId: settings.clientId,
      ...(settings.clientSecret !== undefined && { clientSecret: settings.clientSecret }),
      ...(settings.baseUrl !== undefined && { baseUrl: settings.baseUrl }),
    });
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(error.message.replace(/^options\.baseUrl/, "--base-url"));
    throw error;
  }
}
