import { createContext, useContext, type ReactNode } from 'react';
import type { Mention } from '@sigap/contracts';

/** Renders extra sections under a mention's detail (notes, history…), given by the app. */
export type MentionExtrasRenderer = (mention: Mention) => ReactNode;

const MentionExtrasContext = createContext<MentionExtrasRenderer | null>(null);

/**
 * Lets the app add feature sections to the inbox's detail pane without one feature library
 * importing another.
 */
export const MentionExtrasProvider = ({ render, children }: { render: MentionExtrasRenderer; children: ReactNode }) => (
  <MentionExtrasContext.Provider value={render}>{children}</MentionExtrasContext.Provider>
);

export const useMentionExtras = (): MentionExtrasRenderer | null => useContext(MentionExtrasContext);
