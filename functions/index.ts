// The function app's entry point (package.json "main"): importing a file registers its function.
import './health.js';
import './openapi.js';
import './createPartner.js';
import './listPartners.js';
import './getPartner.js';
import './updatePartner.js';
import './putCustomer.js';
import './putCustomerMonth.js';
import './postUsage.js';
import './putPerson.js';
import './getScores.js';
import './whatIf.js';
import './requestRecompute.js';
import './getRules.js';
import './getHistory.js';
import './getDesignations.js';
import './getBadges.js';
import './nightlyRecompute.js';
import './recomputePartner.js';

export { registrations } from './registry.js';
