/**
 * The fixed vocabulary of the sample workbook: job families and their career tracks, the level
 * ladder, surveys, cities, names and appraisal objectives.
 */
import type { CalendarDate } from '../engine/types';

/** A career track inside a family: an individual-contributor title and the area its managers run. */
export interface Track {
  /** `Software Engineer` → `Software Engineer I`, `Senior Software Engineer`… */
  ic: string;
  /** `Software Engineering` → `Software Engineering Manager`, `Head of Software Engineering`. */
  area: string;
  manager?: string;
  head?: string;
}

export interface Family {
  name: string;
  department: string;
  /** Job code prefix. */
  prefix: string;
  /** Share of the headcount (normalised over the families). */
  headcount: number;
  /** Job evaluation tends to score some families a little higher at the same level. */
  pointsBias: number;
  /** The market pays some families more than the points alone explain. */
  payPremium: number;
  /** Share of women at non-managerial levels. */
  femaleShare: number;
  weeklyHours: number;
  /** Added to every level's bonus target (sales commission). */
  bonusExtra: number;
  /** Front-line family: more people at the bottom, no bonus for the two lowest levels. */
  frontline: boolean;
  /** Surveys cover this family well (tech surveys). */
  tech: boolean;
  tracks: Track[];
  objectives: string[];
}

export type LevelKey =
  | 'entry'
  | 'i'
  | 'ii'
  | 'senior'
  | 'lead'
  | 'manager'
  | 'principal'
  | 'head'
  | 'director'
  | 'seniorDirector'
  | 'vp';

export interface Level {
  key: LevelKey;
  /** 1 (entry) … 11 (VP); also the last two digits of the job code. */
  rank: number;
  /** Per career track, or once per family. */
  scope: 'track' | 'family';
  /** Evaluation points before the family bias and the final rescale to 100–1,000. */
  rawPoints: number;
  /** Share of a family's headcount at this level (the pyramid), split over the family's jobs at the level. */
  headcount: number;
  /** Selection order when only some jobs are used (lower first); track t adds 3t. */
  priority: number;
  /** People in this level can have direct reports. */
  manages: boolean;
  bonusTarget: number;
  title: (track: Track, family: Family) => string;
}

export const LEVELS: Level[] = [
  { key: 'entry', rank: 1, scope: 'track', rawPoints: 115, headcount: 0.12, priority: 5, manages: false, bonusTarget: 0.03, title: (t) => `Associate ${t.ic}` },
  { key: 'i', rank: 2, scope: 'track', rawPoints: 165, headcount: 0.22, priority: 0, manages: false, bonusTarget: 0.05, title: (t) => `${t.ic} I` },
  { key: 'ii', rank: 3, scope: 'track', rawPoints: 235, headcount: 0.21, priority: 3.5, manages: false, bonusTarget: 0.06, title: (t) => `${t.ic} II` },
  { key: 'senior', rank: 4, scope: 'track', rawPoints: 325, headcount: 0.17, priority: 2, manages: false, bonusTarget: 0.08, title: (t) => `Senior ${t.ic}` },
  { key: 'lead', rank: 5, scope: 'track', rawPoints: 415, headcount: 0.08, priority: 5.5, manages: true, bonusTarget: 0.1, title: (t) => `Lead ${t.ic}` },
  { key: 'manager', rank: 6, scope: 'track', rawPoints: 470, headcount: 0.08, priority: 1, manages: true, bonusTarget: 0.12, title: (t) => t.manager ?? `${t.area} Manager` },
  { key: 'principal', rank: 7, scope: 'track', rawPoints: 530, headcount: 0.04, priority: 8, manages: false, bonusTarget: 0.12, title: (t) => `Principal ${t.ic}` },
  { key: 'head', rank: 8, scope: 'track', rawPoints: 600, headcount: 0.025, priority: 6.5, manages: true, bonusTarget: 0.15, title: (t) => t.head ?? `Head of ${t.area}` },
  { key: 'director', rank: 9, scope: 'family', rawPoints: 720, headcount: 0.012, priority: 1.5, manages: true, bonusTarget: 0.2, title: (_t, f) => `${f.name} Director` },
  { key: 'seniorDirector', rank: 10, scope: 'family', rawPoints: 830, headcount: 0.004, priority: 9, manages: true, bonusTarget: 0.25, title: (_t, f) => `Senior ${f.name} Director` },
  { key: 'vp', rank: 11, scope: 'family', rawPoints: 950, headcount: 0.0015, priority: 7, manages: true, bonusTarget: 0.3, title: (_t, f) => `VP ${f.name}` },
];

const tracks = (list: Array<[string, string] | [string, string, string, string]>): Track[] =>
  list.map(([ic, area, manager, head]) => ({ ic, area, ...(manager ? { manager } : {}), ...(head ? { head } : {}) }));

export const GENERIC_OBJECTIVES = [
  'Quality of work',
  'Customer focus',
  'Teamwork and collaboration',
  'Process improvement',
  'Professional development',
  'Cost management',
  'Compliance and risk',
  'Innovation',
  'Stakeholder management',
  'Productivity',
];

export const LEADERSHIP_OBJECTIVE = 'People leadership';

export const FAMILIES: Family[] = [
  {
    name: 'Engineering', department: 'Engineering', prefix: 'ENG', headcount: 0.16, pointsBias: 1.05, payPremium: 1.07, femaleShare: 0.25, weeklyHours: 37.5, bonusExtra: 0, frontline: false, tech: true,
    tracks: tracks([
      ['Software Engineer', 'Software Engineering'], ['Frontend Engineer', 'Frontend Engineering'], ['Backend Engineer', 'Backend Engineering'],
      ['Mobile Engineer', 'Mobile Engineering'], ['QA Engineer', 'Quality Assurance'], ['DevOps Engineer', 'DevOps'],
      ['Data Engineer', 'Data Engineering'], ['Machine Learning Engineer', 'Machine Learning'], ['Embedded Engineer', 'Embedded Systems'],
      ['Security Engineer', 'Security Engineering'], ['Site Reliability Engineer', 'Site Reliability'], ['Test Automation Engineer', 'Test Automation'],
    ]),
    objectives: ['Feature delivery', 'Code quality', 'System reliability'],
  },
  {
    name: 'IT', department: 'IT', prefix: 'IT', headcount: 0.07, pointsBias: 1.02, payPremium: 1.03, femaleShare: 0.28, weeklyHours: 37.5, bonusExtra: 0, frontline: false, tech: true,
    tracks: tracks([
      ['Systems Administrator', 'Systems Administration'], ['Network Engineer', 'Networking'], ['Service Desk Analyst', 'Service Desk'],
      ['IT Support Technician', 'IT Support'], ['Database Administrator', 'Database Administration'], ['Cloud Engineer', 'Cloud Infrastructure'],
      ['IT Security Analyst', 'IT Security'], ['Business Systems Analyst', 'Business Systems'], ['ERP Analyst', 'ERP Systems'],
      ['Infrastructure Engineer', 'Infrastructure'], ['Solutions Architect', 'Solutions Architecture'], ['End-User Computing Engineer', 'End-User Computing'],
    ]),
    objectives: ['Service availability', 'Ticket resolution time', 'Project delivery'],
  },
  {
    name: 'Finance', department: 'Finance', prefix: 'FIN', headcount: 0.07, pointsBias: 1.0, payPremium: 1.0, femaleShare: 0.5, weeklyHours: 37.5, bonusExtra: 0, frontline: false, tech: false,
    tracks: tracks([
      ['Financial Analyst', 'Finance'], ['Accountant', 'Accounting'], ['Accounts Payable Specialist', 'Accounts Payable'],
      ['Accounts Receivable Specialist', 'Accounts Receivable'], ['Payroll Specialist', 'Payroll'], ['Tax Analyst', 'Tax'],
      ['Treasury Analyst', 'Treasury'], ['Internal Auditor', 'Internal Audit'], ['FP&A Analyst', 'Financial Planning'],
      ['Credit Analyst', 'Credit Control'], ['Cost Accountant', 'Cost Accounting'], ['Revenue Accountant', 'Revenue Accounting'],
    ]),
    objectives: ['Month-end close on time', 'Forecast accuracy', 'Audit findings closed'],
  },
  {
    name: 'Human Resources', department: 'Human Resources', prefix: 'HR', headcount: 0.05, pointsBias: 0.97, payPremium: 0.97, femaleShare: 0.72, weeklyHours: 37.5, bonusExtra: 0, frontline: false, tech: false,
    tracks: tracks([
      ['HR Business Partner', 'HR Business Partnering', 'HR Business Partner Manager', 'Head of HR Business Partnering'], ['Recruiter', 'Talent Acquisition'], ['Compensation Analyst', 'Compensation & Benefits'],
      ['HR Generalist', 'HR Operations'], ['Learning Specialist', 'Learning & Development'], ['HRIS Analyst', 'HR Systems'],
      ['Employee Relations Specialist', 'Employee Relations'], ['Benefits Analyst', 'Benefits'], ['Diversity & Inclusion Specialist', 'Diversity & Inclusion'],
      ['Workforce Planning Analyst', 'Workforce Planning'], ['Organisational Development Consultant', 'Organisational Development'], ['Health & Safety Advisor', 'Health & Safety'],
    ]),
    objectives: ['Time to hire', 'Employee engagement', 'Policy rollout'],
  },
  {
    name: 'Sales', department: 'Sales', prefix: 'SAL', headcount: 0.13, pointsBias: 1.0, payPremium: 1.01, femaleShare: 0.4, weeklyHours: 37.5, bonusExtra: 0.07, frontline: false, tech: false,
    tracks: tracks([
      ['Sales Representative', 'Sales'], ['Account Executive', 'Enterprise Sales'], ['Business Development Representative', 'Business Development'],
      ['Inside Sales Representative', 'Inside Sales'], ['Sales Engineer', 'Sales Engineering'], ['Key Account Executive', 'Key Accounts'],
      ['Channel Sales Executive', 'Channel Sales'], ['Sales Operations Analyst', 'Sales Operations'], ['Customer Success Specialist', 'Customer Success'],
      ['Field Sales Representative', 'Field Sales'], ['Pre-Sales Consultant', 'Pre-Sales'], ['Renewals Specialist', 'Renewals'],
    ]),
    objectives: ['Revenue vs quota', 'New customers won', 'Pipeline coverage'],
  },
  {
    name: 'Marketing', department: 'Marketing', prefix: 'MKT', headcount: 0.06, pointsBias: 0.99, payPremium: 0.99, femaleShare: 0.6, weeklyHours: 37.5, bonusExtra: 0, frontline: false, tech: false,
    tracks: tracks([
      ['Marketing Specialist', 'Marketing'], ['Content Writer', 'Content'], ['Digital Marketing Specialist', 'Digital Marketing'],
      ['SEO Specialist', 'Search Marketing'], ['Product Marketing Specialist', 'Product Marketing'], ['Brand Specialist', 'Brand'],
      ['Marketing Analyst', 'Marketing Analytics'], ['Events Coordinator', 'Events'], ['Communications Specialist', 'Communications'],
      ['Graphic Designer', 'Design'], ['Social Media Specialist', 'Social Media'], ['CRM Specialist', 'CRM Marketing'],
    ]),
    objectives: ['Qualified leads generated', 'Campaign ROI', 'Brand awareness'],
  },
  {
    name: 'Operations', department: 'Operations', prefix: 'OPS', headcount: 0.16, pointsBias: 0.95, payPremium: 0.95, femaleShare: 0.35, weeklyHours: 40, bonusExtra: 0, frontline: true, tech: false,
    tracks: tracks([
      ['Operations Associate', 'Operations'], ['Warehouse Operative', 'Warehouse'], ['Logistics Coordinator', 'Logistics'],
      ['Production Operator', 'Production'], ['Quality Inspector', 'Quality Control'], ['Maintenance Technician', 'Maintenance'],
      ['Production Planner', 'Production Planning'], ['Inventory Analyst', 'Inventory'], ['Fleet Coordinator', 'Fleet'],
      ['Facilities Technician', 'Facilities'], ['Process Engineer', 'Process Improvement'], ['Shipping Clerk', 'Shipping'],
    ]),
    objectives: ['Output vs plan', 'Safety incidents', 'On-time dispatch'],
  },
  {
    name: 'Customer Service', department: 'Customer Service', prefix: 'CS', headcount: 0.15, pointsBias: 0.92, payPremium: 0.93, femaleShare: 0.62, weeklyHours: 40, bonusExtra: 0, frontline: true, tech: false,
    tracks: tracks([
      ['Customer Service Representative', 'Customer Service'], ['Contact Centre Agent', 'Contact Centre'], ['Technical Support Specialist', 'Technical Support'],
      ['Customer Onboarding Specialist', 'Customer Onboarding'], ['Complaints Handler', 'Complaints'], ['Service Quality Analyst', 'Service Quality'],
      ['Billing Specialist', 'Billing Support'], ['Chat Support Agent', 'Digital Support'], ['Field Service Technician', 'Field Service'],
      ['Returns Specialist', 'Returns'], ['Customer Retention Specialist', 'Customer Retention'], ['Knowledge Base Specialist', 'Knowledge Management'],
    ]),
    objectives: ['Customer satisfaction (CSAT)', 'First-contact resolution', 'Average handling time'],
  },
  {
    name: 'Legal', department: 'Legal', prefix: 'LEG', headcount: 0.03, pointsBias: 1.06, payPremium: 1.05, femaleShare: 0.55, weeklyHours: 37.5, bonusExtra: 0, frontline: false, tech: false,
    tracks: tracks([
      ['Legal Counsel', 'Legal'], ['Paralegal', 'Paralegal Services'], ['Compliance Analyst', 'Compliance'],
      ['Contracts Specialist', 'Contracts'], ['Privacy Analyst', 'Data Privacy'], ['Commercial Counsel', 'Commercial Legal'],
      ['Employment Counsel', 'Employment Law'], ['IP Counsel', 'Intellectual Property'], ['Regulatory Affairs Specialist', 'Regulatory Affairs'],
      ['Risk Analyst', 'Risk Management'], ['Company Secretarial Assistant', 'Company Secretariat'], ['Litigation Counsel', 'Litigation'],
    ]),
    objectives: ['Contract turnaround', 'Regulatory deadlines met', 'Legal risk reviews'],
  },
  {
    name: 'Procurement', department: 'Procurement', prefix: 'PRC', headcount: 0.04, pointsBias: 0.97, payPremium: 0.97, femaleShare: 0.48, weeklyHours: 37.5, bonusExtra: 0, frontline: false, tech: false,
    tracks: tracks([
      ['Buyer', 'Purchasing'], ['Category Specialist', 'Category Management'], ['Procurement Analyst', 'Procurement'],
      ['Supplier Quality Engineer', 'Supplier Quality'], ['Vendor Relations Specialist', 'Vendor Relations'], ['Sourcing Specialist', 'Sourcing'],
      ['Contract Administrator', 'Contract Administration'], ['Demand Planner', 'Demand Planning'], ['Supply Planner', 'Supply Planning'],
      ['Trade Compliance Coordinator', 'Trade Compliance'], ['Spend Analyst', 'Spend Analytics'], ['Indirect Buyer', 'Indirect Procurement'],
    ]),
    objectives: ['Savings delivered', 'Supplier performance', 'Purchase order cycle time'],
  },
  {
    name: 'Product', department: 'Product', prefix: 'PRD', headcount: 0.05, pointsBias: 1.03, payPremium: 1.05, femaleShare: 0.42, weeklyHours: 37.5, bonusExtra: 0, frontline: false, tech: true,
    tracks: tracks([
      ['Product Manager', 'Product Management', 'Group Product Manager', 'Head of Product'], ['Product Owner', 'Product Ownership'], ['Business Analyst', 'Business Analysis'],
      ['UX Designer', 'User Experience'], ['UX Researcher', 'User Research'], ['Product Analyst', 'Product Analytics'],
      ['Technical Writer', 'Technical Writing'], ['Scrum Master', 'Agile Delivery'], ['Product Designer', 'Product Design'],
      ['Data Analyst', 'Data Analytics'], ['Data Scientist', 'Data Science'], ['Project Coordinator', 'Project Delivery'],
    ]),
    objectives: ['Roadmap delivery', 'Product adoption', 'User satisfaction'],
  },
];

/** Region suffixes for job variants once the catalogue is exhausted (a job priced per region). */
export const VARIANT_REGIONS = ['EMEA', 'Americas', 'APAC', 'Nordics', 'DACH', 'Benelux', 'Iberia', 'Middle East'];

export interface Survey {
  name: string;
  effectiveDate: CalendarDate;
  /** Blend weight written in the sheet; null leaves the cell blank (read as 1). */
  weight: number | null;
  /** Level of this survey's participants against the market as a whole. */
  bias: number;
  /** Share of benchmark jobs it reports (tech families / others). */
  coverage: { tech: number; other: number };
}

export const SURVEYS: Survey[] = [
  { name: 'Radford 2025', effectiveDate: { year: 2025, month: 1, day: 1 }, weight: 1, bias: 1.03, coverage: { tech: 0.95, other: 0.65 } },
  { name: 'Mercer TRS 2025', effectiveDate: { year: 2025, month: 4, day: 1 }, weight: null, bias: 1.0, coverage: { tech: 0.8, other: 0.85 } },
  { name: 'WTW General Industry 2025', effectiveDate: { year: 2025, month: 7, day: 1 }, weight: 0.5, bias: 0.97, coverage: { tech: 0.7, other: 0.8 } },
];

export interface City {
  name: string;
  share: number;
  /** Local pay level. */
  payFactor: number;
}

export const CITIES: City[] = [
  { name: 'London', share: 0.34, payFactor: 1.06 },
  { name: 'Manchester', share: 0.22, payFactor: 0.98 },
  { name: 'Birmingham', share: 0.18, payFactor: 0.97 },
  { name: 'Leeds', share: 0.14, payFactor: 0.97 },
  { name: 'Edinburgh', share: 0.12, payFactor: 0.99 },
];

export const FEMALE_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Mia', 'Poppy', 'Ella', 'Lily', 'Evie', 'Chloe', 'Hannah',
  'Charlotte', 'Jessica', 'Lucy', 'Sarah', 'Laura', 'Emma', 'Rachel', 'Claire', 'Helen', 'Rebecca', 'Anna', 'Zara', 'Priya',
  'Aisha', 'Fatima', 'Maria', 'Sofia', 'Niamh', 'Katie', 'Megan', 'Victoria', 'Joanne', 'Nicola', 'Fiona', 'Ruth', 'Mei',
];

export const MALE_NAMES = [
  'Oliver', 'George', 'Harry', 'Jack', 'Noah', 'Leo', 'Oscar', 'Charlie', 'Thomas', 'James', 'William', 'Daniel', 'Samuel',
  'Joseph', 'Adam', 'David', 'Michael', 'Matthew', 'Andrew', 'Richard', 'Mark', 'Paul', 'Peter', 'Stephen', 'Robert', 'Ryan',
  'Mohammed', 'Ali', 'Arjun', 'Ravi', 'Luca', 'Marco', 'Tomasz', 'Piotr', 'Sean', 'Callum', 'Euan', 'Liam', 'Ethan', 'Wei',
];

export const NEUTRAL_NAMES = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Robin', 'Jamie', 'Morgan', 'Casey', 'Riley', 'Avery', 'Kai', 'Rowan'];

export const LAST_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Lewis', 'James', 'Phillips',
  'Mason', 'Mitchell', 'Rose', 'Davis', 'Rodriguez', 'Cox', 'Alexander', 'Morgan', 'Moore', 'Martin', 'Hughes', 'Edwards',
  'Hill', 'Scott', 'Campbell', 'Kelly', 'Murphy', 'Singh', 'Ahmed', 'Shah', 'Chen', 'Wang', 'Nowak', 'Kowalski', 'Rossi',
  'Murray', 'Stewart', 'Reid', 'Fraser', 'Young', 'King', 'Baker', 'Turner', 'Parker', 'Cooper',
];
