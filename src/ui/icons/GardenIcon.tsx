import styled, { css, keyframes } from 'styled-components';
import alertError from '@zendeskgarden/svg-icons/src/12/alert-error-stroke.svg?raw';
import chevronDown from '@zendeskgarden/svg-icons/src/12/chevron-down-stroke.svg?raw';
import clock from '@zendeskgarden/svg-icons/src/12/clock-stroke.svg?raw';
import info from '@zendeskgarden/svg-icons/src/12/info-stroke.svg?raw';
import reload from '@zendeskgarden/svg-icons/src/12/reload-stroke.svg?raw';
import userSolo from '@zendeskgarden/svg-icons/src/12/user-solo-stroke.svg?raw';

// Garden's 12 px icons, each imported on its own as the file's text (a few hundred bytes
// each): no SVG loader in the build, and only the icons used ship.
export const ICONS = { alertError, chevronDown, clock, info, reload, userSolo } as const;
export type IconName = keyof typeof ICONS;

const spin = keyframes`to { transform: rotate(360deg); }`;

const Box = styled.span<{ $spin: boolean }>`
  display: inline-flex;
  flex-shrink: 0;
  width: 12px;
  height: 12px;

  & > svg {
    width: 100%;
    height: 100%;
  }

  ${(p) =>
    p.$spin &&
    css`
      animation: ${spin} 1.2s linear infinite;

      @media (prefers-reduced-motion: reduce) {
        animation: none;
      }
    `}
`;

/**
 * A Garden icon, decorative: what it means is said in text beside it or in its container's
 * name. The markup is the icon package's own file, fixed at build time (never user input).
 */
export function GardenIcon({ name, spin = false, className }: { name: IconName; spin?: boolean; className?: string }) {
  return <Box aria-hidden="true" $spin={spin} className={className} data-icon={name} dangerouslySetInnerHTML={{ __html: ICONS[name] }} />;
}
