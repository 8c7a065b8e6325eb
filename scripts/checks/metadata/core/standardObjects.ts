/**
 * A small catalog of the standard objects and fields this project touches, with their types, so that
 * references to them can be checked without an org. Field lines read `Name Type [Ref[/Relationship[/Children]]]
 * [flags]`: Ref is the object a lookup points to, Relationship its name in SOQL paths, Children the child
 * relationship name on the parent (for sub-queries). Flags: `req` (required: no field-level security),
 * `calc` (read-only, system-computed: no edit access), `nofls` (field-level security does not apply).
 * Picklist values are the defaults of a new org; standardValueSets in the project replace them.
 *
 * Extend this when the project starts to use another standard object or field.
 */

export interface StandardFieldSpec {
    name: string;
    type: string;
    referenceTo?: string;
    relationshipName?: string;
    childRelationshipName?: string;
    required: boolean;
    calculated: boolean;
    fls: boolean;
    picklistValues?: string[];
}

export interface StandardObjectSpec {
    name: string;
    /** False for detail-like standard objects that have no owner. */
    hasOwner: boolean;
    fields: StandardFieldSpec[];
}

const AUDIT = [
    'Id Id nofls',
    'CreatedDate DateTime calc nofls',
    'CreatedById Lookup User/CreatedBy calc nofls',
    'LastModifiedDate DateTime calc nofls',
    'LastModifiedById Lookup User/LastModifiedBy calc nofls',
    'SystemModstamp DateTime calc nofls',
    'IsDeleted Checkbox calc nofls'
];
const OWNED = ['OwnerId Lookup User/Owner nofls'];
const VIEWED = ['LastViewedDate DateTime calc nofls', 'LastReferencedDate DateTime calc nofls'];
const ADDRESS = (prefix: string): string[] => [
    `${prefix}Street TextArea`,
    `${prefix}City Text`,
    `${prefix}State Text`,
    `${prefix}PostalCode Text`,
    `${prefix}Country Text`,
    `${prefix}Latitude Number`,
    `${prefix}Longitude Number`,
    `${prefix}Address Address calc`
];

/** Default picklist values of a new org, for the picklists whose values the project may reference. */
export const STANDARD_PICKLIST_VALUES: Record<string, string[]> = {
    'Account.Industry': [
        'Agriculture',
        'Apparel',
        'Banking',
        'Biotechnology',
        'Chemicals',
        'Communications',
        'Construction',
        'Consulting',
        'Education',
        'Electronics',
        'Energy',
        'Engineering',
        'Entertainment',
        'Environmental',
        'Finance',
        'Food & Beverage',
        'Government',
        'Healthcare',
        'Hospitality',
        'Insurance',
        'Machinery',
        'Manufacturing',
        'Media',
        'Not For Profit',
        'Recreation',
        'Retail',
        'Shipping',
        'Technology',
        'Telecommunications',
        'Transportation',
        'Utilities',
        'Other'
    ],
    'Account.Type': [
        'Prospect',
        'Customer - Direct',
        'Customer - Channel',
        'Channel Partner / Reseller',
        'Installation Partner',
        'Technology Partner',
        'Other'
    ],
    'Opportunity.StageName': [
        'Prospecting',
        'Qualification',
        'Needs Analysis',
        'Value Proposition',
        'Id. Decision Makers',
        'Perception Analysis',
        'Proposal/Price Quote',
        'Negotiation/Review',
        'Closed Won',
        'Closed Lost'
    ],
    'Opportunity.Type': [
        'Existing Customer - Upgrade',
        'Existing Customer - Replacement',
        'Existing Customer - Downgrade',
        'New Customer'
    ],
    'Asset.Status': ['Purchased', 'Shipped', 'Installed', 'Registered', 'Obsolete']
};

/** Which standard value set (metadata name) feeds which standard picklist field. */
export const STANDARD_VALUE_SETS: Record<string, string> = {
    'Account.Industry': 'Industry',
    'Account.Type': 'AccountType',
    'Opportunity.StageName': 'OpportunityStage',
    'Opportunity.Type': 'OpportunityType',
    'Asset.Status': 'AssetStatus',
    'Product2.Family': 'Product2Family'
};

const CATALOG: Record<string, { owned: boolean; fields: string[] }> = {
    Account: {
        owned: true,
        fields: [
            'Name Text req',
            'AccountNumber Text',
            'Type Picklist',
            'Industry Picklist',
            'AnnualRevenue Currency',
            'NumberOfEmployees Number',
            'ParentId Lookup Account/Parent/ChildAccounts',
            'Phone Phone',
            'Fax Phone',
            'Website Url',
            'Description TextArea',
            'Rating Picklist',
            'Site Text',
            'Ownership Picklist',
            'Sic Text',
            'TickerSymbol Text',
            'AccountSource Picklist',
            'LastActivityDate Date calc nofls',
            ...ADDRESS('Billing'),
            ...ADDRESS('Shipping'),
            ...VIEWED
        ]
    },
    Contact: {
        owned: true,
        fields: [
            'Name Text calc nofls',
            'FirstName Text',
            'LastName Text req',
            'Salutation Picklist',
            'AccountId Lookup Account/Account/Contacts',
            'Email Email',
            'Phone Phone',
            'MobilePhone Phone',
            'Title Text',
            'Department Text',
            'Description TextArea',
            'LeadSource Picklist',
            'Birthdate Date',
            'ReportsToId Lookup Contact/ReportsTo',
            'LastActivityDate Date calc nofls',
            ...ADDRESS('Mailing'),
            ...VIEWED
        ]
    },
    Opportunity: {
        owned: true,
        fields: [
            'Name Text req',
            'AccountId Lookup Account/Account/Opportunities',
            'StageName Picklist req',
            'CloseDate Date req',
            'Amount Currency',
            'Probability Percent',
            'ExpectedRevenue Currency calc',
            'TotalOpportunityQuantity Number',
            'Type Picklist',
            'LeadSource Picklist',
            'NextStep Text',
            'Description TextArea',
            'IsClosed Checkbox calc',
            'IsWon Checkbox calc',
            'ForecastCategory Picklist calc',
            'ForecastCategoryName Picklist',
            'Pricebook2Id Lookup Pricebook2/Pricebook2/Opportunities',
            'ContactId Lookup Contact/Contact',
            'HasOpportunityLineItem Checkbox calc',
            'FiscalYear Number calc nofls',
            'FiscalQuarter Number calc nofls',
            'Fiscal Text calc nofls',
            'LastActivityDate Date calc nofls',
            'LastStageChangeDate DateTime calc',
            ...VIEWED
        ]
    },
    OpportunityLineItem: {
        owned: false,
        fields: [
            'OpportunityId MasterDetail Opportunity/Opportunity/OpportunityLineItems req',
            'Product2Id Lookup Product2/Product2',
            'PricebookEntryId Lookup PricebookEntry/PricebookEntry/OpportunityLineItems req',
            'Name Text calc nofls',
            'ProductCode Text calc',
            'Quantity Number req',
            'UnitPrice Currency',
            'TotalPrice Currency',
            'ListPrice Currency calc',
            'Subtotal Currency calc',
            'Discount Percent',
            'ServiceDate Date',
            'Description Text',
            'SortOrder Number nofls'
        ]
    },
    Product2: {
        owned: false,
        fields: [
            'Name Text req',
            'ProductCode Text',
            'Description TextArea',
            'IsActive Checkbox',
            'Family Picklist',
            'QuantityUnitOfMeasure Picklist',
            'StockKeepingUnit Text',
            'DisplayUrl Url',
            'ExternalId Text',
            'IsArchived Checkbox calc',
            ...VIEWED
        ]
    },
    Pricebook2: {
        owned: false,
        fields: ['Name Text req', 'IsActive Checkbox', 'IsStandard Checkbox calc', 'Description TextArea', ...VIEWED]
    },
    PricebookEntry: {
        owned: false,
        fields: [
            'Name Text calc nofls',
            'Pricebook2Id Lookup Pricebook2/Pricebook2/PricebookEntries req',
            'Product2Id Lookup Product2/Product2/PricebookEntries req',
            'UnitPrice Currency req',
            'IsActive Checkbox',
            'UseStandardPrice Checkbox',
            'ProductCode Text calc'
        ]
    },
    Asset: {
        owned: true,
        fields: [
            'Name Text req',
            'AccountId Lookup Account/Account/Assets',
            'ContactId Lookup Contact/Contact/Assets',
            'Product2Id Lookup Product2/Product2/Assets',
            'ParentId Lookup Asset/Parent/ChildAssets',
            'RootAssetId Lookup Asset/RootAsset calc',
            'ProductCode Text calc',
            'SerialNumber Text',
            'InstallDate Date',
            'PurchaseDate Date',
            'UsageEndDate Date',
            'Status Picklist',
            'Price Currency',
            'Quantity Number',
            'Description TextArea',
            'IsCompetitorProduct Checkbox',
            ...VIEWED
        ]
    },
    CustomNotificationType: {
        owned: false,
        fields: [
            'DeveloperName Text calc nofls',
            'MasterLabel Text calc nofls',
            'CustomNotifTypeName Text calc nofls',
            'Description Text calc nofls',
            'NamespacePrefix Text calc nofls'
        ]
    },
    User: {
        owned: false,
        fields: [
            'Username Text req',
            'Name Text calc nofls',
            'FirstName Text',
            'LastName Text req',
            'Email Email req',
            'Alias Text req',
            'CommunityNickname Text req',
            'IsActive Checkbox',
            'Title Text',
            'Department Text',
            'Division Text',
            'CompanyName Text',
            'Phone Phone',
            'MobilePhone Phone',
            'AboutMe TextArea',
            'ManagerId Lookup User/Manager',
            'UserRoleId Lookup UserRole/UserRole',
            'ProfileId Lookup Profile/Profile req',
            'SmallPhotoUrl Url calc',
            'MediumPhotoUrl Url calc',
            'FullPhotoUrl Url calc',
            'TimeZoneSidKey Picklist req',
            'LocaleSidKey Picklist req',
            'LanguageLocaleKey Picklist req',
            'EmailEncodingKey Picklist req',
            'UserType Picklist calc',
            'FederationIdentifier Text',
            'City Text',
            'Country Text',
            ...VIEWED
        ]
    }
};

const FLAGS = new Set(['req', 'calc', 'nofls']);

function parseField(line: string, object: string): StandardFieldSpec {
    const parts = line.split(' ');
    const [name, type] = parts;
    const flags = new Set(parts.slice(2).filter((p) => FLAGS.has(p)));
    const refPart = parts.slice(2).find((p) => !FLAGS.has(p));
    const [referenceTo, relationshipName, childRelationshipName] = refPart ? refPart.split('/') : [];
    const required = flags.has('req');
    const spec: StandardFieldSpec = {
        name: name!,
        type: type!,
        required,
        calculated: flags.has('calc'),
        fls: !required && !flags.has('nofls') && type !== 'MasterDetail'
    };
    if (referenceTo) spec.referenceTo = referenceTo;
    if (relationshipName) spec.relationshipName = relationshipName;
    if (childRelationshipName) spec.childRelationshipName = childRelationshipName;
    const values = STANDARD_PICKLIST_VALUES[`${object}.${name}`];
    if (values) spec.picklistValues = values;
    return spec;
}

/** The catalog, parsed. */
export function standardObjects(): StandardObjectSpec[] {
    return Object.entries(CATALOG).map(([name, { owned, fields }]) => ({
        name,
        hasOwner: owned,
        fields: [...AUDIT, ...(owned ? OWNED : []), ...fields].map((line) => parseField(line, name))
    }));
}

/** Objects outside the catalog that lookups point to; paths through them are not checked further. */
export const OPAQUE_STANDARD_OBJECTS = [
    'UserRole',
    'Profile',
    'Group',
    'RecordType',
    'Organization',
    'PermissionSet',
    'PermissionSetAssignment',
    'AsyncApexJob',
    'CronTrigger'
];
