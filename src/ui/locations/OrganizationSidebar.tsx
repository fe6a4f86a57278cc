import type { SidebarViewProps } from '../LocationView';
import { SidebarPanels } from './SidebarPanels';
import { useServices } from './useServices';

/** organization_sidebar: the organization's tags. */
export default function OrganizationSidebar({ client, account, firstRead }: SidebarViewProps) {
  const services = useServices(client, account);
  return <SidebarPanels services={services} location="organization_sidebar" {...(firstRead ? { firstRead } : {})} />;
}
