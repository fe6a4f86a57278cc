import type { SidebarViewProps } from '../LocationView';
import { SidebarPanels } from './SidebarPanels';
import { useServices } from './useServices';

/** ticket_sidebar: the ticket's tags, then its requester's. */
export default function TicketSidebar({ client, account, firstRead }: SidebarViewProps) {
  const services = useServices(client, account);
  return <SidebarPanels services={services} location="ticket_sidebar" withRequester {...(firstRead ? { firstRead } : {})} />;
}
