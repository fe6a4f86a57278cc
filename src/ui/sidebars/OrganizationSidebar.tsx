import type { AppServices } from '../../app/bootstrap';
import { SidebarPanels } from './SidebarPanels';

/** organization_sidebar: the organization's tags. */
export default function OrganizationSidebar({ services }: { services: AppServices }) {
  return <SidebarPanels services={services} location="organization_sidebar" />;
}
