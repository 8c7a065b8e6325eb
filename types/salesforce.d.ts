/**
 * Ambient declarations for the platform modules the Lightning Web Components import. On the platform (and
 * in Jest and the local preview) these resolve to Salesforce's own modules; here they only give tsc the
 * shapes. Apex method modules are typed with the parameters and results of docs/ARCHITECTURE.md.
 */

/** A cacheable Apex method: callable imperatively and usable with @wire. */
type CrosswayApexWire<Params, Result> = ((params: Params) => Promise<Result>) &
    import('lwc').WireAdapterConstructor<Params, CrosswayWireResult<Result>>;

/** What a wired Apex method provisions. */
interface CrosswayWireResult<Result> {
    data?: Result;
    error?: unknown;
}

declare module '@salesforce/apex/CrossSellController.getPanelData' {
    const getPanelData: CrosswayApexWire<
        { accountId: string | undefined },
        import('../force-app/main/default/lwc/crossSellEngine/contract').PanelData
    >;
    export default getPanelData;
}

declare module '@salesforce/apex/CrossSellController.logAttempt' {
    const logAttempt: (params: {
        accountId: string;
        offeringId: string;
        specialistId: string | null;
        estimatedValue: number | null;
        nextStep: string | null;
        nextStepDate: string | null;
        source: import('../force-app/main/default/lwc/crossSellEngine/contract').AttemptSource;
    }) => Promise<string>;
    export default logAttempt;
}

declare module '@salesforce/apex/CrossSellController.updateAttempt' {
    /** `null` leaves a field as it is. */
    const updateAttempt: (params: {
        attemptId: string;
        status: import('../force-app/main/default/lwc/crossSellEngine/contract').AttemptStatus | null;
        nextStep: string | null;
        nextStepDate: string | null;
        estimatedValue: number | null;
        specialistRating: number | null;
        outcomeReason: string | null;
    }) => Promise<void>;
    export default updateAttempt;
}

declare module '@salesforce/apex/CrossSellController.dismissOffering' {
    const dismissOffering: (params: {
        accountId: string;
        offeringId: string;
        reason: import('../force-app/main/default/lwc/crossSellEngine/contract').DismissalReason;
        notes: string | null;
    }) => Promise<string>;
    export default dismissOffering;
}

declare module '@salesforce/apex/CrossSellController.logConnection' {
    const logConnection: (params: {
        specialistId: string;
        connectionType: import('../force-app/main/default/lwc/crossSellEngine/contract').ConnectionType;
        connectionDate: string;
        notes: string | null;
    }) => Promise<string>;
    export default logConnection;
}

declare module '@salesforce/apex' {
    /** Re-runs a wired Apex method and provisions fresh data. */
    export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}

declare module '@salesforce/client/formFactor' {
    const formFactor: 'Large' | 'Medium' | 'Small';
    export default formFactor;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventParams {
        title: string;
        message?: string;
        messageData?: unknown[];
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventParams> {
        constructor(params: ShowToastEventParams);
    }
}

declare module 'lightning/navigation' {
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
    interface NavigationApi {
        [Navigate](pageReference: PageReference, replace?: boolean): void;
        [GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    // A mixin's base constructor must accept any arguments (TypeScript's mixin rule).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Constructor<T = object> = new (...args: any[]) => T;
    export const NavigationMixin: {
        <T extends Constructor>(base: T): T & Constructor<NavigationApi>;
        readonly Navigate: typeof Navigate;
        readonly GenerateUrl: typeof GenerateUrl;
    };
}
