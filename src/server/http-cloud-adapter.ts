import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/**
 * botbuilder's `CloudAdapter`, taking an activity the server has already read and validated.
 *
 * `CloudAdapter.process(req, res, logic)` would read `req.body` and write the response itself,
 * with plain-text error bodies and `console.error`. This server owns the HTTP exchange instead
 * (JSON errors with a request id, pino logging), so it calls the same `processActivity` step that
 * `process` calls: authenticate the `Authorization` header against the activity, build the turn,
 * run middleware and bot, and return the turn result (an InvokeResponse; for
 * `deliveryMode: "expectReplies"`, status 200 with `{ activities }`). Authentication failures
 * reject with an error whose `statusCode` is 401 or 403.
 */
export class HttpCloudAdapter extends CloudAdapter {
  processParsedActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
