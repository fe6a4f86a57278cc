import { useEffect, useState } from 'react';
import { Tag } from '@zendeskgarden/react-tags';
import type { HelloClient } from './client';

export default function TicketSidebar({ client }: { client: HelloClient }) {
  const [tags, setTags] = useState<string[] | null>(null);
  useEffect(() => {
    client.get('ticket.tags').then(
      (got) => setTags(Array.isArray(got['ticket.tags']) ? (got['ticket.tags'] as string[]) : []),
      () => setTags([]),
    );
  }, [client]);
  if (!tags) return null;
  return (
    <section aria-label="Ticket tags">
      {tags.map((tag) => (
        <Tag key={tag}>
          <span>{tag}</span>
          <Tag.Close aria-label={`Remove tag ${tag}`} />
        </Tag>
      ))}
    </section>
  );
}
