export { FileHost } from './fileHost';
