import juror from '../../features/juror/locales/en.json';
import translation from '../locales/en.json';

/** The shell's catalogs in English (shared and juror's), loaded when English is shown. */
export default { translation, juror };
