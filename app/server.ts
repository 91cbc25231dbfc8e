import { asSnapgateError } from "../core/errors.js";
import { readAppEnvironment } from "./read-app-environment.js";
import { startSnapgateServer } from "./start-snapgate-server.js";

/** `npm start`: the Snapgate App on PORT, configured from the environment (README, "The app"). */
try {
  const server = await startSnapgateServer(readAppEnvironment(process.env));
  console.log(`snapgate app: listening, webhooks at ${server.webhookUrl}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`snapgate app: ${asSnapgateError(error).message}`);
  process.exitCode = 1;
}
