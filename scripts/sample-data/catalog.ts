/**
 * The sample firm: business units, offerings, industries, people. Fixed facts; `generate.ts` adds the
 * randomness (who buys what, who worked with whom) from a seed.
 */

export interface CatalogOffering {
    name: string;
    unit: string;
    family: string;
    complexity: 'Low' | 'Medium' | 'High';
    dealSize: number;
    /** Target industries (standard Industry picklist values). */
    targets: string[];
    /** Share of accounts outside the target industries that buy it. */
    popularity: number;
    /** Share of accounts in a target industry that buy it (default: popularity + 0.3). */
    fit?: number;
    summary: string;
    outcome: string;
    active?: boolean;
}

export const BUSINESS_UNITS = [
    'Payments & Treasury',
    'Cloud & Infrastructure',
    'Data & AI',
    'Cyber Security',
    'Advisory',
    'Managed Services'
] as const;

const PT = BUSINESS_UNITS[0];
const CI = BUSINESS_UNITS[1];
const DA = BUSINESS_UNITS[2];
const CS = BUSINESS_UNITS[3];
const AD = BUSINESS_UNITS[4];
const MS = BUSINESS_UNITS[5];

/** 40 offerings; `Payroll Cards` and `Workplace Devices` are retired (inactive). */
export const OFFERINGS: CatalogOffering[] = [
    {
        name: 'Treasury Services',
        unit: PT,
        family: 'Treasury',
        complexity: 'High',
        dealSize: 240000,
        targets: ['Banking', 'Finance', 'Insurance'],
        popularity: 0.03,
        fit: 0.65,
        summary: 'Liquidity, cash positioning and payments run as one managed treasury.',
        outcome: 'see cash across every entity daily and cut idle balances'
    },
    {
        name: 'Cash Management',
        unit: PT,
        family: 'Treasury',
        complexity: 'Medium',
        dealSize: 90000,
        targets: ['Banking', 'Retail', 'Finance'],
        popularity: 0.12,
        summary: 'Collections, sweeps and reconciliation on one platform.',
        outcome: 'reconcile receipts in hours instead of days'
    },
    {
        name: 'Merchant Payments',
        unit: PT,
        family: 'Payments',
        complexity: 'Medium',
        dealSize: 70000,
        targets: ['Retail', 'Hospitality', 'Food & Beverage'],
        popularity: 0.1,
        summary: 'Card, wallet and account-to-account acceptance in store and online.',
        outcome: 'accept every payment method at lower cost'
    },
    {
        name: 'FX Risk Hedging',
        unit: PT,
        family: 'Treasury',
        complexity: 'High',
        dealSize: 180000,
        targets: ['Manufacturing', 'Shipping', 'Transportation'],
        popularity: 0.05,
        summary: 'Currency exposure measured, hedged and reported.',
        outcome: 'protect margins from currency swings'
    },
    {
        name: 'Trade Finance',
        unit: PT,
        family: 'Payments',
        complexity: 'High',
        dealSize: 210000,
        targets: ['Manufacturing', 'Shipping', 'Agriculture'],
        popularity: 0.04,
        summary: 'Letters of credit, guarantees and supply-chain finance.',
        outcome: 'ship to new markets with secured payment'
    },
    {
        name: 'Payroll Cards',
        unit: PT,
        family: 'Payments',
        complexity: 'Low',
        dealSize: 20000,
        targets: ['Retail', 'Hospitality'],
        popularity: 0.06,
        summary: 'Pay cards for staff without bank accounts.',
        outcome: 'pay every worker on time',
        active: false
    },
    {
        name: 'Cloud Migration',
        unit: CI,
        family: 'Cloud',
        complexity: 'High',
        dealSize: 320000,
        targets: ['Technology', 'Banking', 'Retail'],
        popularity: 0.12,
        summary: 'Move applications to the cloud in planned waves.',
        outcome: 'retire data centres without outages'
    },
    {
        name: 'Managed Kubernetes',
        unit: CI,
        family: 'Cloud',
        complexity: 'Medium',
        dealSize: 110000,
        targets: ['Technology', 'Telecommunications'],
        popularity: 0.07,
        summary: 'Container platforms run and patched around the clock.',
        outcome: 'ship software weekly on a platform someone else runs'
    },
    {
        name: 'Backup & Recovery',
        unit: CI,
        family: 'Resilience',
        complexity: 'Low',
        dealSize: 35000,
        targets: ['Healthcare', 'Government', 'Education'],
        popularity: 0.2,
        summary: 'Immutable backups with tested restores.',
        outcome: 'recover from ransomware in hours'
    },
    {
        name: 'Edge Networking',
        unit: CI,
        family: 'Network',
        complexity: 'Medium',
        dealSize: 95000,
        targets: ['Retail', 'Manufacturing', 'Transportation'],
        popularity: 0.08,
        summary: 'Secure connectivity for stores, plants and depots.',
        outcome: 'open a new site with one box and no engineer'
    },
    {
        name: 'Data Center Colocation',
        unit: CI,
        family: 'Resilience',
        complexity: 'Medium',
        dealSize: 150000,
        targets: ['Telecommunications', 'Finance'],
        popularity: 0.05,
        summary: 'Space, power and cross-connects in tier III sites.',
        outcome: 'run critical systems close to their partners'
    },
    {
        name: 'Hybrid Cloud Operations',
        unit: CI,
        family: 'Cloud',
        complexity: 'High',
        dealSize: 260000,
        targets: ['Banking', 'Insurance', 'Government'],
        popularity: 0.05,
        summary: 'One operations model across private and public cloud.',
        outcome: 'keep regulated workloads on premises and the rest in the cloud'
    },
    {
        name: 'Workplace Devices',
        unit: CI,
        family: 'Workplace',
        complexity: 'Low',
        dealSize: 25000,
        targets: ['Education', 'Consulting'],
        popularity: 0.1,
        summary: 'Laptops and phones as a service.',
        outcome: 'equip new joiners on day one',
        active: false
    },
    {
        name: 'Data Platform',
        unit: DA,
        family: 'Data',
        complexity: 'High',
        dealSize: 280000,
        targets: ['Retail', 'Telecommunications', 'Insurance'],
        popularity: 0.08,
        summary: 'A governed lakehouse with pipelines and a semantic layer.',
        outcome: 'answer questions from one trusted copy of the data'
    },
    {
        name: 'BI Dashboards',
        unit: DA,
        family: 'Analytics',
        complexity: 'Low',
        dealSize: 30000,
        targets: ['Retail', 'Healthcare', 'Manufacturing'],
        popularity: 0.22,
        summary: 'Ready-made dashboards for finance, sales and operations.',
        outcome: 'see this week’s numbers on Monday morning'
    },
    {
        name: 'Demand Forecasting',
        unit: DA,
        family: 'Analytics',
        complexity: 'Medium',
        dealSize: 85000,
        targets: ['Retail', 'Food & Beverage', 'Manufacturing'],
        popularity: 0.06,
        summary: 'Machine-learning forecasts by product, store and day.',
        outcome: 'cut stock-outs and waste together'
    },
    {
        name: 'Customer 360 Analytics',
        unit: DA,
        family: 'Analytics',
        complexity: 'Medium',
        dealSize: 120000,
        targets: ['Banking', 'Telecommunications', 'Insurance'],
        popularity: 0.06,
        summary: 'A single customer view with churn and next-best-offer models.',
        outcome: 'keep the customers most likely to leave'
    },
    {
        name: 'Document AI',
        unit: DA,
        family: 'Automation',
        complexity: 'Medium',
        dealSize: 75000,
        targets: ['Insurance', 'Government', 'Healthcare'],
        popularity: 0.07,
        summary: 'Reads forms, letters and invoices into structured data.',
        outcome: 'process paperwork without retyping'
    },
    {
        name: 'MLOps Platform',
        unit: DA,
        family: 'Data',
        complexity: 'High',
        dealSize: 190000,
        targets: ['Technology', 'Biotechnology'],
        popularity: 0.04,
        summary: 'Model training, deployment and monitoring as a product.',
        outcome: 'put models into production in days'
    },
    {
        name: 'Data Governance',
        unit: DA,
        family: 'Data',
        complexity: 'Medium',
        dealSize: 100000,
        targets: ['Banking', 'Healthcare', 'Government'],
        popularity: 0.06,
        summary: 'Catalogue, lineage and access policies for regulated data.',
        outcome: 'prove to regulators where every figure comes from'
    },
    {
        name: 'Claims Automation',
        unit: DA,
        family: 'Automation',
        complexity: 'Medium',
        dealSize: 130000,
        targets: ['Insurance'],
        popularity: 0.02,
        summary: 'Straight-through processing of simple claims.',
        outcome: 'settle simple claims the same day'
    },
    {
        name: 'Managed Detection & Response',
        unit: CS,
        family: 'Security Operations',
        complexity: 'Medium',
        dealSize: 140000,
        targets: ['Banking', 'Healthcare', 'Energy'],
        popularity: 0.15,
        summary: 'Around-the-clock threat hunting and incident response.',
        outcome: 'contain an attack before it spreads'
    },
    {
        name: 'Identity & Access',
        unit: CS,
        family: 'Identity',
        complexity: 'Medium',
        dealSize: 80000,
        targets: ['Banking', 'Government', 'Education'],
        popularity: 0.16,
        summary: 'Single sign-on, MFA and access reviews.',
        outcome: 'give the right people the right access, and prove it'
    },
    {
        name: 'Zero Trust Network',
        unit: CS,
        family: 'Network Security',
        complexity: 'High',
        dealSize: 230000,
        targets: ['Government', 'Finance', 'Technology'],
        popularity: 0.04,
        summary: 'Network access decided per user, device and request.',
        outcome: 'retire the VPN without losing control'
    },
    {
        name: 'Security Awareness Training',
        unit: CS,
        family: 'Identity',
        complexity: 'Low',
        dealSize: 15000,
        targets: ['Education', 'Healthcare', 'Retail'],
        popularity: 0.25,
        summary: 'Phishing simulations and short lessons for every employee.',
        outcome: 'halve the click rate on phishing mail'
    },
    {
        name: 'Penetration Testing',
        unit: CS,
        family: 'Security Operations',
        complexity: 'Low',
        dealSize: 40000,
        targets: ['Technology', 'Banking', 'Telecommunications'],
        popularity: 0.14,
        summary: 'Certified testers attack applications and networks.',
        outcome: 'find the weaknesses before attackers do'
    },
    {
        name: 'OT Security',
        unit: CS,
        family: 'Network Security',
        complexity: 'High',
        dealSize: 210000,
        targets: ['Energy', 'Utilities', 'Manufacturing'],
        popularity: 0.03,
        summary: 'Visibility and protection for plants and grids.',
        outcome: 'keep production running through an attack'
    },
    {
        name: 'Fraud Analytics',
        unit: CS,
        family: 'Security Operations',
        complexity: 'Medium',
        dealSize: 160000,
        targets: ['Banking', 'Insurance', 'Retail'],
        popularity: 0.05,
        summary: 'Real-time scoring of payments and claims for fraud.',
        outcome: 'stop fraud without blocking good customers'
    },
    {
        name: 'Regulatory Compliance Advisory',
        unit: AD,
        family: 'Risk',
        complexity: 'High',
        dealSize: 200000,
        targets: ['Banking', 'Insurance', 'Biotechnology'],
        popularity: 0.05,
        summary: 'Gap analysis and remediation for new regulation.',
        outcome: 'meet new rules on time and on budget'
    },
    {
        name: 'Supply Chain Strategy',
        unit: AD,
        family: 'Operations',
        complexity: 'High',
        dealSize: 250000,
        targets: ['Manufacturing', 'Retail', 'Transportation'],
        popularity: 0.04,
        summary: 'Network design, sourcing and resilience planning.',
        outcome: 'ride out disruptions with less inventory'
    },
    {
        name: 'ESG Reporting',
        unit: AD,
        family: 'Risk',
        complexity: 'Medium',
        dealSize: 70000,
        targets: ['Energy', 'Utilities', 'Manufacturing'],
        popularity: 0.08,
        summary: 'Emissions data collected, audited and reported.',
        outcome: 'publish sustainability reports auditors accept'
    },
    {
        name: 'Digital Strategy Workshop',
        unit: AD,
        family: 'Strategy',
        complexity: 'Low',
        dealSize: 25000,
        targets: ['Retail', 'Education', 'Hospitality'],
        popularity: 0.18,
        summary: 'Two-day executive workshop with a prioritised roadmap.',
        outcome: 'agree where to invest next'
    },
    {
        name: 'M&A Integration',
        unit: AD,
        family: 'Strategy',
        complexity: 'High',
        dealSize: 300000,
        targets: ['Technology', 'Biotechnology', 'Finance'],
        popularity: 0.03,
        summary: 'Day-one readiness and integration management.',
        outcome: 'capture deal synergies in the first year'
    },
    {
        name: 'Cost Transformation',
        unit: AD,
        family: 'Operations',
        complexity: 'Medium',
        dealSize: 150000,
        targets: ['Manufacturing', 'Telecommunications', 'Utilities'],
        popularity: 0.06,
        summary: 'Zero-based budgeting and process redesign.',
        outcome: 'take out cost that stays out'
    },
    {
        name: 'IT Service Desk',
        unit: MS,
        family: 'Support',
        complexity: 'Low',
        dealSize: 60000,
        targets: ['Education', 'Healthcare', 'Government'],
        popularity: 0.2,
        summary: 'Multilingual service desk with self-service portal.',
        outcome: 'solve most tickets on the first call'
    },
    {
        name: 'Field Service Operations',
        unit: MS,
        family: 'Operations Support',
        complexity: 'Medium',
        dealSize: 110000,
        targets: ['Utilities', 'Telecommunications', 'Energy'],
        popularity: 0.06,
        summary: 'Dispatch, scheduling and technicians on demand.',
        outcome: 'fix more faults on the first visit'
    },
    {
        name: 'Application Management',
        unit: MS,
        family: 'Support',
        complexity: 'Medium',
        dealSize: 130000,
        targets: ['Insurance', 'Banking', 'Retail'],
        popularity: 0.1,
        summary: 'Run and evolve business applications under service levels.',
        outcome: 'free in-house teams for new work'
    },
    {
        name: 'Clinical Systems Support',
        unit: MS,
        family: 'Support',
        complexity: 'High',
        dealSize: 170000,
        targets: ['Healthcare', 'Biotechnology'],
        popularity: 0.02,
        summary: 'Validated support for clinical and lab systems.',
        outcome: 'keep clinical systems compliant and available'
    },
    {
        name: 'Energy Asset Monitoring',
        unit: MS,
        family: 'Operations Support',
        complexity: 'Medium',
        dealSize: 90000,
        targets: ['Energy', 'Utilities'],
        popularity: 0.02,
        summary: 'Sensors and analytics for turbines, substations and pipes.',
        outcome: 'plan maintenance before assets fail'
    },
    {
        name: 'Fleet Telematics',
        unit: MS,
        family: 'Operations Support',
        complexity: 'Low',
        dealSize: 45000,
        targets: ['Transportation', 'Shipping', 'Construction'],
        popularity: 0.08,
        summary: 'Vehicle tracking, driver scoring and fuel reports.',
        outcome: 'cut fuel and accident costs'
    }
];

/** Industries of the sample accounts (standard Industry picklist values) and their share of accounts. */
export const INDUSTRIES: { name: string; share: number; noun: string }[] = [
    { name: 'Banking', share: 0.14, noun: 'Bank' },
    { name: 'Insurance', share: 0.1, noun: 'Insurance' },
    { name: 'Healthcare', share: 0.1, noun: 'Health' },
    { name: 'Manufacturing', share: 0.12, noun: 'Industries' },
    { name: 'Retail', share: 0.12, noun: 'Stores' },
    { name: 'Energy', share: 0.06, noun: 'Energy' },
    { name: 'Utilities', share: 0.05, noun: 'Utilities' },
    { name: 'Telecommunications', share: 0.06, noun: 'Telecom' },
    { name: 'Technology', share: 0.07, noun: 'Systems' },
    { name: 'Government', share: 0.05, noun: 'Agency' },
    { name: 'Transportation', share: 0.04, noun: 'Logistics' },
    { name: 'Education', share: 0.03, noun: 'University' },
    { name: 'Biotechnology', share: 0.03, noun: 'Biosciences' },
    { name: 'Finance', share: 0.03, noun: 'Capital' }
];

export const ACCOUNT_WORDS = [
    'Harbor',
    'Northwind',
    'Bluewater',
    'Summit',
    'Granite',
    'Redwood',
    'Silverline',
    'Ironbridge',
    'Maple',
    'Crescent',
    'Evergreen',
    'Falcon',
    'Keystone',
    'Lakeshore',
    'Meridian',
    'Oakridge',
    'Pinnacle',
    'Riverside',
    'Sterling',
    'Trident',
    'Vanguard',
    'Westfield',
    'Aurora',
    'Beacon',
    'Cobalt',
    'Driftwood',
    'Elmstead',
    'Foxglove',
    'Goldcrest',
    'Highland',
    'Juniper',
    'Kingsway',
    'Larkspur',
    'Millbrook',
    'Northgate',
    'Orchard',
    'Prairie',
    'Quarry',
    'Rosewood',
    'Stonegate',
    'Thornbury',
    'Upland',
    'Valley',
    'Willow',
    'Yardley',
    'Zenith'
];

export const COUNTRIES = [
    'United States',
    'United Kingdom',
    'Germany',
    'France',
    'Canada',
    'Netherlands',
    'Japan',
    'Australia'
];

/** The sample reps; `rep.alex` sells broadly, `rep.jamie` is new and has worked few offerings. */
export const REPS: { key: string; firstName: string; lastName: string; breadth: number }[] = [
    { key: 'rep.alex', firstName: 'Alex', lastName: 'Morgan', breadth: 0.9 },
    { key: 'rep.sam', firstName: 'Sam', lastName: 'Patel', breadth: 0.7 },
    { key: 'rep.jordan', firstName: 'Jordan', lastName: 'Lee', breadth: 0.6 },
    { key: 'rep.taylor', firstName: 'Taylor', lastName: 'Brooks', breadth: 0.6 },
    { key: 'rep.casey', firstName: 'Casey', lastName: 'Nguyen', breadth: 0.5 },
    { key: 'rep.riley', firstName: 'Riley', lastName: 'Schmidt', breadth: 0.5 },
    { key: 'rep.avery', firstName: 'Avery', lastName: 'Dubois', breadth: 0.4 },
    { key: 'rep.jamie', firstName: 'Jamie', lastName: 'Okafor', breadth: 0.2 }
];

export const FIRST_NAMES = [
    'Priya',
    'Marco',
    'Dana',
    'Leo',
    'Ines',
    'Tomas',
    'Aisha',
    'Henrik',
    'Mei',
    'Rafael',
    'Olga',
    'Kwame',
    'Sofia',
    'Daniel',
    'Yuki',
    'Amara',
    'Lucas',
    'Noor',
    'Erik',
    'Chloe',
    'Mateo',
    'Hana',
    'Victor',
    'Leila',
    'Oscar',
    'Freya',
    'Ravi',
    'Elena',
    'Samuel',
    'Zara',
    'Paolo',
    'Ingrid',
    'Kofi',
    'Lena',
    'Arjun',
    'Maya',
    'Felix',
    'Rosa',
    'Hugo',
    'Anika',
    'Jonas',
    'Camila',
    'Ibrahim',
    'Nadia',
    'Stefan',
    'Alice',
    'Diego',
    'Sara',
    'Milan',
    'Esther',
    'Theo',
    'Lucia',
    'Bruno',
    'Greta',
    'Omar',
    'Julia',
    'Anton',
    'Clara',
    'Nikolai',
    'Irene'
];

export const LAST_NAMES = [
    'Raman',
    'Silva',
    'Whitfield',
    'Novak',
    'Castro',
    'Berg',
    'Khan',
    'Larsen',
    'Chen',
    'Costa',
    'Ivanova',
    'Mensah',
    'Rossi',
    'Weber',
    'Tanaka',
    'Obi',
    'Martin',
    'Haddad',
    'Lund',
    'Dupont',
    'Garcia',
    'Sato',
    'Horvat',
    'Farah',
    'Nilsson',
    'Jensen',
    'Iyer',
    'Popescu',
    'Adeyemi',
    'Malik',
    'Ricci',
    'Olsen',
    'Boateng',
    'Vogel',
    'Kapoor',
    'Levi',
    'Braun',
    'Moreno',
    'Lambert',
    'Kaur',
    'Fischer',
    'Ortiz',
    'Aziz',
    'Petrova',
    'Keller',
    'Moreau',
    'Ramos',
    'Lindqvist',
    'Kovac',
    'Abara',
    'Wolff',
    'Marino',
    'Santos',
    'Hansen',
    'Yilmaz',
    'Novotna',
    'Richter',
    'Fontaine',
    'Sokolov',
    'Duarte'
];

export const TITLES = [
    'Solution Architect',
    'Principal Consultant',
    'Practice Lead',
    'Senior Specialist',
    'Industry Expert'
];

export const DISCOVERY_QUESTIONS: Record<string, string[]> = {
    default: [
        'What would you change first if budget were not the issue?',
        'Who else is involved in deciding on this?',
        'How do you measure success here today?'
    ]
};
