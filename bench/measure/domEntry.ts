/** Entry for the jsdom measurements: installs the DOM first, then loads React and the app. */
import { installDom } from './dom';

export async function loadDomMeasures() {
  installDom();
  return import('./inDom');
}
