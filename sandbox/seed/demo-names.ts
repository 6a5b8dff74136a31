// Word lists for the demo data: company name parts, people, places, jobs and activity subjects.

export const countries = [
  { code: 'US', cities: ['New York', 'San Francisco', 'Austin', 'Chicago', 'Boston', 'Seattle'], phone: '+1', suffixes: ['Inc', 'LLC', 'Corp'], tld: 'com' },
  { code: 'GB', cities: ['London', 'Manchester', 'Bristol', 'Edinburgh', 'Leeds'], phone: '+44', suffixes: ['Ltd', 'PLC'], tld: 'co.uk' },
  { code: 'DE', cities: ['Berlin', 'München', 'Hamburg', 'Köln', 'Frankfurt'], phone: '+49', suffixes: ['GmbH', 'AG'], tld: 'de' },
  { code: 'FR', cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes'], phone: '+33', suffixes: ['SAS', 'SA'], tld: 'fr' },
  { code: 'NL', cities: ['Amsterdam', 'Rotterdam', 'Utrecht'], phone: '+31', suffixes: ['B.V.'], tld: 'nl' },
  { code: 'ES', cities: ['Madrid', 'Barcelona', 'Valencia'], phone: '+34', suffixes: ['S.L.'], tld: 'es' },
  { code: 'IT', cities: ['Milano', 'Roma', 'Torino'], phone: '+39', suffixes: ['S.r.l.'], tld: 'it' },
  { code: 'SE', cities: ['Stockholm', 'Göteborg'], phone: '+46', suffixes: ['AB'], tld: 'se' },
  { code: 'NO', cities: ['Oslo', 'Bergen'], phone: '+47', suffixes: ['AS'], tld: 'no' },
  { code: 'IE', cities: ['Dublin', 'Cork'], phone: '+353', suffixes: ['Ltd'], tld: 'ie' },
  { code: 'CA', cities: ['Toronto', 'Vancouver', 'Montréal'], phone: '+1', suffixes: ['Inc.'], tld: 'ca' },
  { code: 'AU', cities: ['Sydney', 'Melbourne'], phone: '+61', suffixes: ['Pty Ltd'], tld: 'com.au' },
  { code: 'IN', cities: ['Bengaluru', 'Mumbai'], phone: '+91', suffixes: ['Pvt Ltd'], tld: 'in' },
  { code: 'JP', cities: ['Tokyo', 'Osaka'], phone: '+81', suffixes: ['K.K.'], tld: 'jp' },
  { code: 'BR', cities: ['São Paulo', 'Rio de Janeiro'], phone: '+55', suffixes: ['Ltda'], tld: 'com.br' },
] as const;

export const nameStarts = [
  'Northwind', 'Blue Harbor', 'Summit', 'Evergreen', 'Silverline', 'Ironbridge', 'Redwood', 'Brightwater', 'Cobalt', 'Crescent',
  'Granite', 'Keystone', 'Lumen', 'Maple', 'Meridian', 'Nimbus', 'Orchid', 'Pinnacle', 'Quantum', 'Riverside', 'Sterling',
  'Tidewater', 'Vanguard', 'Willow', 'Zenith', 'Apex', 'Beacon', 'Cedar', 'Delta', 'Falcon', 'Horizon', 'Juniper', 'Kestrel',
  'Lighthouse', 'Mosaic', 'Nova', 'Oakridge', 'Polaris', 'Solstice', 'Trident', 'Vertex', 'Alder', 'Bluebird', 'Copperleaf',
];

export const nameEnds = [
  'Analytics', 'Logistics', 'Foods', 'Health', 'Systems', 'Consulting', 'Energy', 'Labs', 'Media', 'Partners', 'Robotics',
  'Software', 'Studios', 'Textiles', 'Ventures', 'Capital', 'Dynamics', 'Engineering', 'Freight', 'Hospitality', 'Interiors',
  'Marine', 'Pharma', 'Retail', 'Solutions', 'Telecom', 'Travel', 'Works',
];

export const organisationNames = [
  'Open Data Society', 'Riverside Community Trust', 'Northern Arts Council', 'Green Futures Foundation', 'City Chamber of Commerce',
  'Coastal Research Institute', 'Youth Sports Association', 'Heritage Museum Friends',
];

export const industries = ['Technology', 'Finance', 'Healthcare', 'Retail', 'Manufacturing', 'Logistics', 'Education', 'Hospitality', 'Energy', 'Media'];

export const firstNames = [
  'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Leo', 'Sofia', 'Hugo', 'Chloe', 'Mateo', 'Hannah', 'Jonas', 'Lea',
  'Finn', 'Clara', 'Oscar', 'Amelia', 'Elias', 'Nora', 'Arjun', 'Aisha', 'Kenji', 'Yuki', 'Carlos', 'Lucia', 'Marco', 'Giulia',
  'Sven', 'Ingrid', 'Sean', 'Niamh', 'Ravi', 'Ananya', 'Tom', 'Grace', 'Daniel', 'Laura', 'Pierre', 'Camille', 'Henrik', 'Astrid',
  'Diego', 'Valentina', 'Kofi', 'Amara', 'Wei', 'Mei', 'Omar', 'Layla', 'Isaac', 'Rosa', 'Felix', 'Ida',
];

export const lastNames = [
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Martin', 'Bernard', 'Dubois', 'Moreau', 'Müller', 'Schmidt', 'Schneider',
  'Fischer', 'Rossi', 'Russo', 'Bianchi', 'García', 'Fernández', 'López', 'Martínez', 'Andersson', 'Johansson', 'Nilsen', 'Hansen',
  "O'Brien", 'Murphy', 'Kelly', 'Sharma', 'Gupta', 'Iyer', 'Tanaka', 'Sato', 'Suzuki', 'Silva', 'Santos', 'Oliveira', 'Chen',
  'Wang', 'Li', 'Nguyen', 'Kim', 'Park', 'Mensah', 'Okafor', 'Haddad', 'Cohen', 'Novak', 'Kowalski', 'de Vries', 'van Dijk',
];

export const jobs = [
  { title: 'CEO', department: 'Executive' }, { title: 'CFO', department: 'Finance' }, { title: 'CTO', department: 'Engineering' },
  { title: 'Head of Operations', department: 'Operations' }, { title: 'Procurement Manager', department: 'Procurement' },
  { title: 'Sales Director', department: 'Sales' }, { title: 'Account Manager', department: 'Sales' },
  { title: 'Marketing Lead', department: 'Marketing' }, { title: 'Office Manager', department: 'Administration' },
  { title: 'IT Manager', department: 'IT' }, { title: 'HR Business Partner', department: 'People' },
  { title: 'Product Manager', department: 'Product' }, { title: 'Buyer', department: 'Procurement' },
  { title: 'Finance Controller', department: 'Finance' }, { title: 'Customer Success Manager', department: 'Customer Success' },
];

export const subjects: Record<'email' | 'phone' | 'meeting' | 'note' | 'task', readonly string[]> = {
  email: ['Follow up on proposal', 'Quote for Q3 order', 'Re: invoice query', 'Contract draft attached', 'Welcome aboard', 'Pricing update', 'Renewal reminder'],
  phone: ['Intro call', 'Call back about renewal', 'Support escalation', 'Discovery call', 'Check-in call', 'Pricing discussion'],
  meeting: ['Quarterly review', 'Onboarding workshop', 'Site visit', 'Product demo', 'Kick-off meeting', 'Annual planning'],
  note: ['Prefers email', 'Budget approved for next year', 'New decision maker', 'Competitor also pitching', 'Holiday closure in August'],
  task: ['Send contract', 'Prepare onboarding pack', 'Update billing details', 'Schedule demo', 'Send case study', 'Chase signed order form'],
};

export const contentLines = [
  'Discussed next steps and agreed on a timeline.',
  'They asked for a revised quote including support.',
  'Waiting for sign-off from their finance team.',
  'Shared the product roadmap; positive feedback.',
  'Needs a follow-up before the end of the month.',
  'Sent the documents by email.',
  'Agreed to a pilot with two teams.',
];
