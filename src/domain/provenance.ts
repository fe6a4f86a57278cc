/**
 * Where a ticket tag comes from. Zendesk copies the requester's and the organization's tags
 * onto their tickets, and ticket field options are backed by tags: removing such a tag from
 * the ticket alone either does not stick or changes a field. Pure; the UI explains it.
 */
export interface FieldTag {
  readonly field: string;
  readonly option: string;
  readonly tag: string;
}

export interface TagOrigin {
  readonly fromRequester: boolean;
  readonly fromOrganization: boolean;
  /** The ticket fields whose option this tag backs. */
  readonly fields: readonly { readonly field: string; readonly option: string }[];
}

export interface ProvenanceSources {
  readonly requesterTags?: readonly string[];
  readonly organizationTags?: readonly string[];
  readonly fieldTags?: readonly FieldTag[];
}

export function tagOrigins(ticketTags: readonly string[], sources: ProvenanceSources): Map<string, TagOrigin> {
  const requester = new Set(sources.requesterTags ?? []);
  const organization = new Set(sources.organizationTags ?? []);
  const fields = new Map<string, { field: string; option: string }[]>();
  for (const { field, option, tag } of sources.fieldTags ?? []) {
    fields.set(tag, [...(fields.get(tag) ?? []), { field, option }]);
  }
  const out = new Map<string, TagOrigin>();
  for (const tag of ticketTags) {
    const origin: TagOrigin = {
      fromRequester: requester.has(tag),
      fromOrganization: organization.has(tag),
      fields: fields.get(tag) ?? [],
    };
    if (origin.fromRequester || origin.fromOrganization || origin.fields.length > 0) out.set(tag, origin);
  }
  return out;
}
