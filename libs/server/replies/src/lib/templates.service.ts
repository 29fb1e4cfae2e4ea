import { Injectable } from '@nestjs/common';
import {
  isTemplateVariable,
  templateVariablesIn,
  type RenderTemplateResult,
  type ReplyTemplateView,
  type UpdateReplyTemplateRequest,
} from '@sigap/contracts';
import { AuditService } from '@sigap/server/audit';
import type { AuthenticatedUser } from '@sigap/server/auth';
import { validationFailed, type FieldError } from '@sigap/server/core';
import type { RequestOrigin } from '@sigap/server/desk';
import type { EntityManager } from 'typeorm';
import { RepliesRepository, type NewTemplate, type ReplyMentionRow } from './replies.repository';
import { ReplyTextService } from './reply-text.service';
import { mapTemplate } from './reply.mapper';
import { UUID, actorOf, deskScopeOf, notFound } from './reply-origin';
import type { CreateReplyTemplateDto, RenderTemplateDto, ReplyTemplateQueryDto } from './reply-template.dto';

/**
 * Reply templates: admins read the city-wide ones and their OPDs'; supervisors write them, each
 * change audited before → after.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly repository: RepliesRepository,
    private readonly texts: ReplyTextService,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, query: ReplyTemplateQueryDto): Promise<ReplyTemplateView[]> {
    const scope = deskScopeOf(user);
    let mention: ReplyMentionRow | null = null;
    if (query.mentionId !== undefined) mention = await this.mentionOrFail(this.repository.manager, user, query.mentionId);
    const rows = await this.repository.findTemplates(
      {
        q: query.q?.trim() || undefined,
        category: query.category?.trim() || undefined,
        opd: query.opd,
        includeArchived: query.includeArchived,
        mention: mention ? { opdCodes: mention.opd_codes, clusterId: mention.cluster_id } : undefined,
      },
      scope,
    );
    return rows.map(mapTemplate);
  }

  async create(user: AuthenticatedUser, dto: CreateReplyTemplateDto, origin: RequestOrigin): Promise<ReplyTemplateView> {
    return this.repository.transaction(async (tx) => {
      const template = await this.validated(tx, {
        title: dto.title.trim(),
        body: dto.body.trim(),
        category: dto.category.trim(),
        scope: dto.scope,
        opdCode: dto.opdCode ?? null,
        incidentId: dto.incidentId ?? null,
      });
      const id = await this.repository.insertTemplate(tx, template, user.id);
      const view = mapTemplate((await this.repository.findTemplate(tx, id, { kind: 'all' }))!);
      await this.audit.record({ actor: actorOf(user, origin), action: 'template.create', entityType: 'reply_template', entityId: id, after: view }, tx);
      return view;
    });
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateReplyTemplateRequest, origin: RequestOrigin): Promise<ReplyTemplateView> {
    return this.repository.transaction(async (tx) => {
      const current = UUID.test(id) ? await this.repository.findTemplate(tx, id, { kind: 'all' }, true) : null;
      if (!current) throw notFound('template');
      const scope = dto.scope ?? current.scope;
      const template = await this.validated(tx, {
        title: (dto.title ?? current.title).trim(),
        body: (dto.body ?? current.body).trim(),
        category: (dto.category ?? current.category).trim(),
        scope,
        // Changing the scope drops what belonged to the previous one unless given again.
        opdCode: dto.opdCode !== undefined ? dto.opdCode : scope === current.scope ? current.opd_code : null,
        incidentId: dto.incidentId !== undefined ? dto.incidentId : scope === current.scope ? current.incident_id : null,
      }, current.opd_code);
      await this.repository.updateTemplate(tx, id, { ...template, archived: dto.archived ?? current.archived }, user.id);
      const after = mapTemplate((await this.repository.findTemplate(tx, id, { kind: 'all' }))!);
      await this.audit.record(
        { actor: actorOf(user, origin), action: 'template.update', entityType: 'reply_template', entityId: id, before: mapTemplate(current), after },
        tx,
      );
      return after;
    });
  }

  /** The template filled for a mention, with what is still missing, so the composer can warn before sending. */
  async render(user: AuthenticatedUser, id: string, dto: RenderTemplateDto): Promise<RenderTemplateResult> {
    const scope = deskScopeOf(user);
    const runner = this.repository.manager;
    const mention = await this.mentionOrFail(runner, user, dto.mentionId);
    const template = UUID.test(id) ? await this.repository.findTemplate(runner, id, scope) : null;
    if (!template) throw notFound('template');
    return this.texts.compose(runner, user, mention, { template, variables: dto.variables });
  }

  private async mentionOrFail(runner: EntityManager, user: AuthenticatedUser, mentionId: string): Promise<ReplyMentionRow> {
    const scope = deskScopeOf(user);
    const mention = UUID.test(mentionId) ? await this.repository.findMention(runner, mentionId, scope) : null;
    if (!mention) throw notFound('mention');
    return mention;
  }

  /** `keptOpdCode`: the OPD the template already had, still accepted after it was deactivated. */
  private async validated(runner: EntityManager, template: NewTemplate, keptOpdCode: string | null = null): Promise<NewTemplate> {
    const errors: FieldError[] = [];
    if (!template.title) errors.push({ field: 'title', message: 'must not be empty' });
    if (!template.body) errors.push({ field: 'body', message: 'must not be empty' });
    if (!template.category) errors.push({ field: 'category', message: 'must not be empty' });
    const unknown = templateVariablesIn(template.body).filter((name) => !isTemplateVariable(name));
    if (unknown.length) errors.push({ field: 'body', message: `unknown variables: ${unknown.map((name) => `{${name}}`).join(', ')}` });
    switch (template.scope) {
      case 'all':
        if (template.opdCode) errors.push({ field: 'opdCode', message: "not allowed with scope 'all'" });
        if (template.incidentId) errors.push({ field: 'incidentId', message: "not allowed with scope 'all'" });
        break;
      case 'opd':
        if (!template.opdCode) errors.push({ field: 'opdCode', message: "required with scope 'opd'" });
        if (template.incidentId) errors.push({ field: 'incidentId', message: "not allowed with scope 'opd'" });
        break;
      case 'incident':
        if (!template.incidentId) errors.push({ field: 'incidentId', message: "required with scope 'incident'" });
        break;
    }
    if (template.opdCode) {
      const opdActive = await this.repository.opdActive(runner, template.opdCode);
      if (opdActive === null) errors.push({ field: 'opdCode', message: 'unknown OPD code' });
      else if (!opdActive && template.opdCode !== keptOpdCode) errors.push({ field: 'opdCode', message: `${template.opdCode} is inactive` });
    }
    if (template.incidentId && !(await this.repository.clusterExists(runner, template.incidentId))) {
      errors.push({ field: 'incidentId', message: 'no such incident (cluster)' });
    }
    if (errors.length) throw validationFailed(errors);
    return template;
  }
}
