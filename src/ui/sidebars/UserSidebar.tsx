import type { AppServices } from '../../app/bootstrap';
import { SidebarPanels } from './SidebarPanels';

/** user_sidebar: the user's tags. */
export default function UserSidebar({ services }: { services: AppServices }) {
  return <SidebarPanels services={services} location="user_sidebar" />;
}
