export { launchChromium } from './launchChromium';
export { logIn } from './logIn';
export { admin, type Credentials, seedAdmin } from './seedAdmin';
export { type RunningLore, startLore } from './startLore';
export { watchPageProblems } from './watchPageProblems';
export { webDist } from './webDist';
