import styled from 'styled-components';

/** A plain sentence standing in for the app (outside Zendesk, unknown location). */
export const Sentence = styled.p`
  margin: 0;
  padding: ${(p) => p.theme.space.sm} 0;
  font-size: ${(p) => p.theme.fontSizes.md};
  line-height: ${(p) => p.theme.lineHeights.md};
`;
