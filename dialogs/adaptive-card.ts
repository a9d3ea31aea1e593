import { CardFactory, type Attachment } from 'botbuilder';

/**
 * Channels that render Adaptive Cards with `Action.Submit` (the value comes back in
 * `activity.value`). Elsewhere the quiz uses hero cards, and the text always carries everything
 * needed to answer by typing.
 */
const ADAPTIVE_CHANNELS: ReadonlySet<string> = new Set([
  'msteams',
  'webchat',
  'emulator',
  'directline',
]);

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return channelId !== undefined && ADAPTIVE_CHANNELS.has(channelId);
}

/** An element of an Adaptive Card body or actions, as plain JSON. */
export type CardElement = Record<string, unknown>;

/** Schema version: 1.4 is what Teams (desktop and mobile) and Web Chat 4.18 render. */
export const ADAPTIVE_CARD_VERSION = '1.4';

/**
 * An Adaptive Card attachment; `fallbackText` is what clients that cannot render the card show.
 */
export function adaptiveCard(
  body: readonly CardElement[],
  actions: readonly CardElement[],
  fallbackText: string,
): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText,
    body,
    actions,
  });
}

/** A wrapped TextBlock. */
export function textBlock(text: string, style: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

/** An `Action.Submit` whose `data` comes back as `activity.value`. */
export function submitAction(title: string, data: object): CardElement {
  return { type: 'Action.Submit', title, data };
}
