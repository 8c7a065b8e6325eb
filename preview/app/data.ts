/**
 * What the preview's page needs from the project: the sample data set (generated at build time, so the page
 * does not spend its first paint generating it), and the custom labels the
 * Apex service answers with (each imported as a component would, so a missing label fails the build).
 */
import Crossway_Error_AccountNotFound from '@salesforce/label/c.Crossway_Error_AccountNotFound';
import Crossway_Error_AttemptClosed from '@salesforce/label/c.Crossway_Error_AttemptClosed';
import Crossway_Error_AttemptNotFound from '@salesforce/label/c.Crossway_Error_AttemptNotFound';
import Crossway_Error_ConnectionTypeRequired from '@salesforce/label/c.Crossway_Error_ConnectionTypeRequired';
import Crossway_Error_DuplicateOpenAttempt from '@salesforce/label/c.Crossway_Error_DuplicateOpenAttempt';
import Crossway_Error_FutureConnectionDate from '@salesforce/label/c.Crossway_Error_FutureConnectionDate';
import Crossway_Error_InvalidConnectionType from '@salesforce/label/c.Crossway_Error_InvalidConnectionType';
import Crossway_Error_InvalidReason from '@salesforce/label/c.Crossway_Error_InvalidReason';
import Crossway_Error_InvalidSource from '@salesforce/label/c.Crossway_Error_InvalidSource';
import Crossway_Error_InvalidStatus from '@salesforce/label/c.Crossway_Error_InvalidStatus';
import Crossway_Error_NegativeValue from '@salesforce/label/c.Crossway_Error_NegativeValue';
import Crossway_Error_NoAccess from '@salesforce/label/c.Crossway_Error_NoAccess';
import Crossway_Error_OfferingNotFound from '@salesforce/label/c.Crossway_Error_OfferingNotFound';
import Crossway_Error_RatingRange from '@salesforce/label/c.Crossway_Error_RatingRange';
import Crossway_Error_RatingWithoutSpecialist from '@salesforce/label/c.Crossway_Error_RatingWithoutSpecialist';
import Crossway_Error_ReasonRequired from '@salesforce/label/c.Crossway_Error_ReasonRequired';
import Crossway_Error_SaveFailed from '@salesforce/label/c.Crossway_Error_SaveFailed';
import Crossway_Error_SpecialistNotFound from '@salesforce/label/c.Crossway_Error_SpecialistNotFound';
import sampleData from 'crossway:sample-data';

export { sampleData };

export const errorLabels: Record<string, string> = {
    Crossway_Error_AccountNotFound,
    Crossway_Error_AttemptClosed,
    Crossway_Error_AttemptNotFound,
    Crossway_Error_ConnectionTypeRequired,
    Crossway_Error_DuplicateOpenAttempt,
    Crossway_Error_FutureConnectionDate,
    Crossway_Error_InvalidConnectionType,
    Crossway_Error_InvalidReason,
    Crossway_Error_InvalidSource,
    Crossway_Error_InvalidStatus,
    Crossway_Error_NegativeValue,
    Crossway_Error_NoAccess,
    Crossway_Error_OfferingNotFound,
    Crossway_Error_RatingRange,
    Crossway_Error_RatingWithoutSpecialist,
    Crossway_Error_ReasonRequired,
    Crossway_Error_SaveFailed,
    Crossway_Error_SpecialistNotFound
};
