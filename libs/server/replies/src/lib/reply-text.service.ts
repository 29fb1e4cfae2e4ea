import { Injectable } from '@nestjs/common';
import { REPLY_MAX_LENGTH, ticketNumberOf } from '@sigap/contracts';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { SigapErrorCode, SigapException, validationFailed } from '@sigap/server/core';
import type { EntityManager } from 'typeorm';
import { RepliesRepository, type ReplyMentionRow, type TemplateRow } from './replies.repository';
import { mergeTemplateValues, renderTemplate, type TemplateValues } from './template-renderer';
import { SettingsService } from '@sigap/server/settings';

const MAX_VARIABLE_LENGTH = 200;

export interface ComposedText {
  text: string;
  missing: string[];
  variables: Record<string, string>;
}

/** `details` of the 400 refusing a reply with variables left unfilled or unknown. */
export interface MissingVariablesError {
  field: 'variables';
  message: string;
  missing: string[];
}

/**
 * Turns a template or free text into the text a citizen receives, with the mention's values for
 * the variables (author, kecamatan, ticket, OPD, hotline) under what the caller supplied.
 */
@Injectable()
export class ReplyTextService {
  constructor(
    private readonly repository: RepliesRepository,
    private readonly settings: SettingsService,
  ) {}

  async compose(
    runner: EntityManager,
    user: AuthenticatedUser,
    mention: ReplyMentionRow,
    source: { template: TemplateRow; variables?: Record<string, unknown> } | { text: string; variables?: Record<string, unknown> },
  ): Promise<ComposedText> {
    const supplied = source.variables ?? {};
    for (const [name, value] of Object.entries(supplied)) {
      if (typeof value !== 'string' || value.length > MAX_VARIABLE_LENGTH) {
        throw validationFailed([{ field: `variables.${name}`, message: `must be text of at most ${MAX_VARIABLE_LENGTH} characters` }]);
      }
    }
    const fromMention = await this.valuesOf(runner, user, mention, 'template' in source ? source.template : null);
    const { values, unknown } = mergeTemplateValues(fromMention, supplied);
    const strict = 'template' in source;
    const rendered = renderTemplate(strict ? source.template.body : source.text, values, { strict });
    const missing = [...rendered.missing, ...unknown.filter((name) => !rendered.missing.includes(name))];
    const filled = Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
    return { text: rendered.text, missing, variables: filled };
  }

  /** The text, or a 400 naming every variable still unfilled (`details[0].missing`); never a `{nama}` to a citizen. */
  sendable(composed: ComposedText): string {
    if (composed.missing.length > 0) {
      const details: MissingVariablesError[] = [
        { field: 'variables', message: `unfilled or unknown: ${composed.missing.map((name) => `{${name}}`).join(', ')}`, missing: composed.missing },
      ];
      throw new SigapException(SigapErrorCode.VALIDATION_FAILED, `variables: ${details[0].message}`, details);
    }
    const text = composed.text.trim();
    if (!text) throw validationFailed([{ field: 'text', message: 'must not be empty' }]);
    if (text.length > REPLY_MAX_LENGTH) throw validationFailed([{ field: 'text', message: `at most ${REPLY_MAX_LENGTH} characters once filled` }]);
    return text;
  }

  private async valuesOf(runner: EntityManager, user: AuthenticatedUser, mention: ReplyMentionRow, template: TemplateRow | null): Promise<TemplateValues> {
    const opdCode = this.answeringOpd(user, mention, template);
    const names = await this.repository.opdNames(runner, opdCode ? [opdCode] : []);
    const { hotlines, defaultHotline } = this.settings.current();
    return {
      nama: mention.author_name?.trim() || mention.author_handle,
      kecamatan: mention.kecamatan_name,
      nomor_tiket: ticketNumberOf(Number(mention.seq), mention.received_at),
      opd: opdCode ? (names.get(opdCode) ?? null) : null,
      hotline: (opdCode && hotlines[opdCode]) || defaultHotline,
    };
  }

  /** Whose voice the reply is: the template's OPD, else the author's own OPD among the mention's, else its first. */
  private answeringOpd(user: AuthenticatedUser, mention: ReplyMentionRow, template: TemplateRow | null): string | null {
    if (template?.opd_code) return template.opd_code;
    return mention.opd_codes.find((code) => user.opds.includes(code)) ?? mention.opd_codes[0] ?? null;
  }
}
