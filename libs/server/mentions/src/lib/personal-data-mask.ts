import type { Channel, Mention } from '@sigap/contracts';

/** Drawn in place of every letter or digit of a masked value. */
export const MASK_CHAR = '•';

/** Channels where the author's handle is itself a phone number or an e-mail address. */
const PRIVATE_CHANNELS: readonly Channel[] = ['whatsapp', 'email'];

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/**
 * Indonesian phone numbers: 08…, +62…, 62… or (022)…, with spaces, dots, dashes or brackets
 * between the digits; 8 to 13 digits after the prefix covers mobiles and landlines.
 */
const PHONE = /(?<![\p{L}\p{N}])(?:\+\s?62|62|\(?0)(?:[\s.()-]{0,2}\d){8,13}(?!\p{N})/gu;
/** Any other long run of digits: NIK (16), KK, bank accounts, phone numbers written abroad. */
const LONG_NUMBER = /(?<!\p{N})\+?\d{10,}(?!\p{N})/gu;

const hide = (value: string) => value.replace(/[\p{L}\p{N}]/gu, MASK_CHAR);

/**
 * Masks e-mail addresses (WhatsApp ids like `62812…@s.whatsapp.net` included), phone numbers and
 * long digit runs. The text keeps its length so the offsets of places found in it stay valid.
 */
export function maskContactDetails(text: string): string {
  return text.replace(EMAIL, hide).replace(PHONE, hide).replace(LONG_NUMBER, hide);
}

/**
 * A mention as a reader without access to personal data (a DPRD liaison) may see it: contacts in
 * the text masked, private channels' authors hidden, and no raw payload, location or link.
 */
export function maskPersonalData(mention: Mention): Mention {
  const privateChannel = PRIVATE_CHANNELS.includes(mention.channel);
  const { raw: _raw, ...rest } = mention;
  const place = mention.tags.place;
  return {
    ...rest,
    externalId: maskContactDetails(mention.externalId),
    text: maskContactDetails(mention.text),
    author: {
      ...mention.author,
      handle: privateChannel ? hide(mention.author.handle) : maskContactDetails(mention.author.handle),
      name: mention.author.name === null ? null : privateChannel ? null : maskContactDetails(mention.author.name),
    },
    url: null,
    inReplyTo: mention.inReplyTo === null ? null : maskContactDetails(mention.inReplyTo),
    // Photos sent privately (a KTP, a face) are personal; public posts' media are public already.
    media: privateChannel ? [] : mention.media,
    location: null,
    tags: {
      ...mention.tags,
      reasons: mention.tags.reasons.map(maskContactDetails),
      ...(place ? { place: { ...place, text: maskContactDetails(place.text), street: place.street === null ? null : maskContactDetails(place.street) } } : {}),
    },
  };
}
