import type { AppServices } from '../../app/bootstrap';
import { SidebarPanels } from './SidebarPanels';

/** ticket_sidebar: the ticket's tags, then its requester's. */
export default function TicketSidebar({ services }: { services: AppServices }) {
  return <SidebarPanels services={services} location="ticket_sidebar" withRequester />;
}
