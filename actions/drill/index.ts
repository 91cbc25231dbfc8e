import { runAction } from "../lib/run-action.js";
import { main } from "./main.js";

await runAction(main);
