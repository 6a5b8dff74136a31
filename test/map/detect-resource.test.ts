import { describe, expect, it } from 'vitest';
import { detectResource } from '../../shared/map/index.ts';

describe('detectResource', () => {
  it.each([
    [['name', 'trading_name', 'type', 'status', 'email', 'phone', 'website', 'address_line_1', 'address_line_2', 'city', 'state', 'postal_code', 'country', 'notes'], 'clients'],
    [['Company Name', 'Trading Name', 'Status', 'E-mail', 'Phone', 'Website', 'City', 'Country', 'Notes'], 'clients'],
    [['first_name', 'last_name', 'email', 'phone', 'job_title', 'client_name', 'is_primary'], 'contacts'],
    [['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Job Title', 'Company Name', 'Lifecycle Stage', 'Contact owner', 'Create Date'], 'contacts'],
    [['Full Name', 'Email', 'Company'], 'contacts'],
    [['type', 'subject', 'description', 'client_name', 'contact_name', 'status', 'priority', 'due_at', 'completed_at'], 'communications'],
    [['type', 'subject', 'client_name', 'contact_name', 'status', 'due_at'], 'communications'],
  ])('%j holds %s', (headers, expected) => {
    const d = detectResource(headers);
    expect(d.resource).toBe(expected);
    expect(d.ambiguous).toBe(false);
    expect(d.candidates[0]?.resource).toBe(expected);
    expect(d.candidates[0]!.score).toBeGreaterThan(d.candidates[1]!.score + 0.1);
    expect(d.candidates).toHaveLength(3);
  });

  it('names no resource when nothing maps', () => {
    const d = detectResource(['foo', 'bar', 'baz']);
    expect(d.resource).toBeNull();
    expect(d.confidence).toBe(0);
  });

  it('reports missing required fields per resource', () => {
    const d = detectResource(['Email', 'Phone']);
    const contacts = d.candidates.find((c) => c.resource === 'contacts');
    expect(contacts?.requiredMissing).toEqual(['first_name', 'last_name']);
    // a full-name column stands in for both parts
    const withName = detectResource(['Name', 'Email', 'Job Title']).candidates.find((c) => c.resource === 'contacts');
    expect(withName?.requiredMissing).toEqual([]);
  });
});

describe('detectResource on headers that fit two resources', () => {
  it.each([[['Email', 'Phone']], [['Name', 'Email']], [['Status', 'Notes']]])('%j is ambiguous: ask, do not guess', (headers) => {
    const d = detectResource(headers);
    expect(d.ambiguous).toBe(true);
    expect(d.candidates[0]!.score - d.candidates[1]!.score).toBeLessThan(0.05);
  });
});
