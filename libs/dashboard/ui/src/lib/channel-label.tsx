import type { Channel } from '@sigap/contracts';
import { useTranslation } from 'react-i18next';
import classes from './badges.module.css';

/** Short marks that fit a dense row; the full name is in the tooltip and for screen readers. */
const MARKS: Record<Channel, { mark: string; color: string }> = {
  x: { mark: 'X', color: '#14171a' },
  instagram: { mark: 'IG', color: '#c13584' },
  facebook: { mark: 'FB', color: '#1877f2' },
  tiktok: { mark: 'TT', color: '#010101' },
  youtube: { mark: 'YT', color: '#cc0000' },
  whatsapp: { mark: 'WA', color: '#128c7e' },
  telegram: { mark: 'TG', color: '#1c8ec4' },
  web: { mark: 'WEB', color: '#495057' },
  lapor: { mark: 'LPR', color: '#b35900' },
  email: { mark: '@', color: '#5f3dc4' },
};

export interface ChannelLabelProps {
  channel: Channel;
  /** Show the channel's name beside its mark. */
  withName?: boolean;
}

export const ChannelLabel = ({ channel, withName = false }: ChannelLabelProps) => {
  const { t } = useTranslation();
  const name = t(`channel.${channel}`);
  const { mark, color } = MARKS[channel] ?? { mark: '?', color: '#495057' };
  return (
    <span className={classes.channel} title={name} data-channel={channel}>
      <span className={classes.channelMark} style={{ background: color }} aria-hidden>
        {mark}
      </span>
      <span className={withName ? classes.channelName : classes.hidden}>{name}</span>
    </span>
  );
};
