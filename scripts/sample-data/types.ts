/**
 * The sample data set's records, shaped for upsert into Salesforce.
 *
 * Reference convention (the seed upserts these records as they are):
 * - Every record carries a unique `External_Id__c`.
 * - A reference to another sample record is a relationship by external id, exactly as the REST API accepts
 *   it in an upsert: `Account__r: { External_Id__c: 'CW-ACC-0001' }` for a custom lookup, `Account: {...}` or
 *   `Product2: {...}` for a standard one.
 * - A reference to a user is a sample user handle in a property ending in `Key` (`ownerKey`, `repKey`,
 *   `userKey`), never a Salesforce field: the seed maps each handle onto a real user and sets the field
 *   (`OwnerId`, `Rep__c`, `User__c`).
 * - Properties starting with a lower-case letter (`ownerKey`, `repKey`, `userKey`, `createdDate`) are not
 *   fields: the seed removes them (it may use `createdDate` with the Set Audit Fields permission).
 * - Price book entries and opportunities belong to the org's Standard Price Book: the seed sets `Pricebook2Id`.
 */

export type ExternalRef = { External_Id__c: string };

export interface OfferingRecord {
    External_Id__c: string;
    Name: string;
    Business_Unit__c: string;
    Family__c: string;
    Summary__c: string;
    Value_Proposition__c: string;
    Discovery_Questions__c: string;
    /** Multi-select picklist: values joined with ';'. */
    Target_Industries__c: string;
    Typical_Deal_Size__c: number;
    Complexity__c: 'Low' | 'Medium' | 'High';
    Active__c: boolean;
}

export interface ProductRecord {
    External_Id__c: string;
    Name: string;
    ProductCode: string;
    Family: string;
    IsActive: boolean;
    Offering__r: ExternalRef;
}

/** An entry in the Standard Price Book. */
export interface PricebookEntryRecord {
    External_Id__c: string;
    Product2: ExternalRef;
    UnitPrice: number;
    IsActive: boolean;
}

export interface AccountRecord {
    External_Id__c: string;
    Name: string;
    /** A value of Salesforce's standard Industry picklist; null for an account without one. */
    Industry: string | null;
    NumberOfEmployees: number;
    BillingCountry: string;
    /** Handle of the owning rep. */
    ownerKey: string;
}

export interface AssetRecord {
    External_Id__c: string;
    Name: string;
    Account: ExternalRef;
    Product2: ExternalRef;
    PurchaseDate: string;
    Status: 'Purchased' | 'Shipped' | 'Installed' | 'Registered' | 'Obsolete';
    Quantity: number;
}

export interface OpportunityRecord {
    External_Id__c: string;
    Name: string;
    Account: ExternalRef;
    StageName: 'Closed Won' | 'Closed Lost';
    CloseDate: string;
    Amount: number;
    ownerKey: string;
}

export interface LineItemRecord {
    External_Id__c: string;
    Opportunity: ExternalRef;
    PricebookEntry: ExternalRef;
    Quantity: number;
    UnitPrice: number;
}

export interface SpecialistRecord {
    External_Id__c: string;
    Name: string;
    Title__c: string;
    Business_Unit__c: string;
    Email__c: string;
    Bio__c: string;
    Industries__c: string;
    Capacity__c: number;
    Active__c: boolean;
    /** Handle of the specialist's user, or null for a specialist without a licence. */
    userKey: string | null;
}

export interface ExpertiseRecord {
    External_Id__c: string;
    Specialist__r: ExternalRef;
    Offering__r: ExternalRef;
    Level__c: 'Practitioner' | 'Expert' | 'Lead';
}

export type AttemptStatus = 'Identified' | 'Introduced' | 'Meeting Held' | 'Proposal' | 'Won' | 'Lost' | 'Not Pursued';

export interface AttemptRecord {
    External_Id__c: string;
    Account__r: ExternalRef;
    /** Handle of the rep who works the attempt. */
    repKey: string;
    Offering__r: ExternalRef;
    Specialist__r: ExternalRef | null;
    Opportunity__r: ExternalRef | null;
    Status__c: AttemptStatus;
    Status_Changed_Date__c: string;
    Outcome_Reason__c: string | null;
    Next_Step__c: string | null;
    Next_Step_Date__c: string | null;
    Estimated_Value__c: number | null;
    Closed_Date__c: string | null;
    Specialist_Rating__c: number | null;
    Source__c: 'Suggested' | 'Manual';
    /** When the attempt was logged (`YYYY-MM-DD`). */
    createdDate: string;
}

export interface ConnectionRecord {
    External_Id__c: string;
    repKey: string;
    Specialist__r: ExternalRef;
    Type__c: 'Intro call' | 'Shadowing' | 'Knowledge session';
    Date__c: string;
    Notes__c: string;
}

/** A sample user: a rep, or a specialist with a licence. The seed maps each handle onto a real user. */
export interface SampleUser {
    key: string;
    firstName: string;
    lastName: string;
    name: string;
    role: 'Rep' | 'Specialist';
}

export interface SampleDataSet {
    /** Every date in the set is relative to this day (`YYYY-MM-DD`). */
    asOf: string;
    seed: number;
    scale: number;
    users: SampleUser[];
    offerings: OfferingRecord[];
    products: ProductRecord[];
    pricebookEntries: PricebookEntryRecord[];
    accounts: AccountRecord[];
    assets: AssetRecord[];
    opportunities: OpportunityRecord[];
    lineItems: LineItemRecord[];
    specialists: SpecialistRecord[];
    expertise: ExpertiseRecord[];
    attempts: AttemptRecord[];
    connections: ConnectionRecord[];
}
