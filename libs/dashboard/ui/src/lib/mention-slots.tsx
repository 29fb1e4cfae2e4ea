import { createContext, useContext, type ReactNode } from 'react';
import type { Mention } from '@sigap/contracts';

/**
 * Places in the mention detail where other features add a section: who else is on it
 * (`presence`), the reply composer (`replies`), notes and history (`collab`).
 */
export type MentionSlotName = 'presence' | 'replies' | 'collab';
export type MentionSlotRenderers = Partial<Record<MentionSlotName, (mention: Mention) => ReactNode>>;

const MentionSlotsContext = createContext<MentionSlotRenderers>({});

/**
 * The app fills the slots, so one feature (the inbox) shows another's section (replies) without
 * importing it: feature libraries stay independent of each other.
 */
export const MentionSlotsProvider = ({ slots, children }: { slots: MentionSlotRenderers; children: ReactNode }) => (
  <MentionSlotsContext.Provider value={slots}>{children}</MentionSlotsContext.Provider>
);

export const MentionSlot = ({ name, mention }: { name: MentionSlotName; mention: Mention }) => {
  const render = useContext(MentionSlotsContext)[name];
  return render ? <>{render(mention)}</> : null;
};
