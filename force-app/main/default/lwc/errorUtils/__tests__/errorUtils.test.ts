import { reduceErrors } from 'c/errorUtils';

describe('c/errorUtils reduceErrors', () => {
    it('reads an Apex AuraHandledException message', () => {
        expect(reduceErrors({ body: { message: 'Choose a reason.' }, status: 400 })).toEqual(['Choose a reason.']);
    });

    it('reads every UI API read error', () => {
        expect(reduceErrors({ body: [{ message: 'First' }, { message: 'Second' }] })).toEqual(['First', 'Second']);
    });

    it('reads DML page errors and field errors', () => {
        const error = {
            body: {
                message: 'An error occurred while trying to update the record.',
                output: {
                    errors: [{ message: 'Only one open attempt per offering.' }],
                    fieldErrors: { Next_Step__c: [{ message: 'Next step is too long.' }] }
                }
            }
        };
        expect(reduceErrors(error)).toEqual(['Only one open attempt per offering.', 'Next step is too long.']);
    });

    it('falls back to the body message when the DML output has no messages', () => {
        expect(reduceErrors({ body: { message: 'Update failed.', output: { errors: [], fieldErrors: {} } } })).toEqual([
            'Update failed.'
        ]);
    });

    it('reads page errors of an Apex DML exception', () => {
        expect(reduceErrors({ body: { pageErrors: [{ message: 'Insufficient access.' }] } })).toEqual([
            'Insufficient access.'
        ]);
    });

    it('reads JavaScript errors and plain strings', () => {
        expect(reduceErrors([new TypeError('x is undefined'), 'Offline'])).toEqual(['x is undefined', 'Offline']);
    });

    it('falls back to the HTTP status text', () => {
        expect(reduceErrors({ body: {}, statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    });

    it('drops empty, null and unreadable errors without throwing', () => {
        expect(
            reduceErrors([null, undefined, 42, { body: { message: '  ' } }, { status: 500 }, { body: [{}] }])
        ).toEqual([]);
        expect(reduceErrors(undefined)).toEqual([]);
    });
});
