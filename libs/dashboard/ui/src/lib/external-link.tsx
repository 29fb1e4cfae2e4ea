import { Anchor, Text } from '@mantine/core';

/** Only plain web addresses become links; anything else (javascript:, data:, …) stays text. */
export const isSafeExternalUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

export interface ExternalLinkProps {
  href: string;
  title?: string;
}

/**
 * A link from the public, shown as its own address so people can see where it leads. It opens
 * only when clicked, in a new tab, without a referrer and without passing on search credit.
 */
export const ExternalLink = ({ href, title }: ExternalLinkProps) => {
  if (!isSafeExternalUrl(href)) {
    return (
      <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {href}
      </Text>
    );
  }
  return (
    <Anchor
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      referrerPolicy="no-referrer"
      size="sm"
      title={title}
      style={{ wordBreak: 'break-all' }}
    >
      {href}
    </Anchor>
  );
};
