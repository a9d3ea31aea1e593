/**
 * The parts of botbuilder-dialogs the quiz dialogs and the quiz router use, imported from the
 * modules that define them rather than from the package's entry point.
 *
 * The entry point loads every prompt and choice recognizer, and with them Microsoft's text
 * recognizers for a dozen cultures (`@microsoft/recognizers-text-*`, ~5 MB of JavaScript whose
 * source V8 keeps as strings): about 16 MB of heap and 25 MB of resident memory in a server that
 * uses none of them (quiz dialogs read card payloads and plain text). These are the very classes
 * the entry point re-exports, so `instanceof` and the dialog state are unchanged. ESLint refuses
 * value imports of `botbuilder-dialogs` elsewhere (`eslint.config.mjs`).
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export type { DialogContext, DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
