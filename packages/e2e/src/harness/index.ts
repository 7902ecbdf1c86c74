export { launchChromium } from './launchChromium';
export { logIn } from './logIn';
export { bodyText, openEditor } from './openEditor';
export { admin, type Credentials, seedAdmin } from './seedAdmin';
export { guest, member, type SeededPage, seedWorkspace, type Workspace } from './seedWorkspace';
export {
  type BrowserPerson,
  type BrowserTestOptions,
  type BrowserTests,
  setUpBrowserTests,
} from './setUpBrowserTests';
export { type ApiSession, signInApi } from './signInApi';
export { type RunningLore, startLore } from './startLore';
export { watchPageProblems } from './watchPageProblems';
export { webDist } from './webDist';
