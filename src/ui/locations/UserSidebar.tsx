import type { SidebarViewProps } from '../LocationView';
import { SidebarPanels } from './SidebarPanels';
import { useServices } from './useServices';

/** user_sidebar: the user's tags. */
export default function UserSidebar({ client, account, firstRead }: SidebarViewProps) {
  const services = useServices(client, account);
  return <SidebarPanels services={services} location="user_sidebar" {...(firstRead ? { firstRead } : {})} />;
}
