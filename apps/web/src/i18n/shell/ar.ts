import juror from '../../features/juror/locales/ar.json';
import translation from '../locales/ar.json';

/** The shell's catalogs in Arabic (shared and juror's), loaded when Arabic is shown. */
export default { translation, juror };
