import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphQL } from '../test-fetch';
import { OpenRequestForm } from './OpenRequestForm';

const clients = [{ id: 'c1', name: 'Acme Corporation', tier: 'gold', status: 'active', health: { score: 80, band: 'healthy' } }];
const departments = [
  { code: 'billing', name: 'Billing', mode: 'managed' },
  { code: 'legal', name: 'Legal', mode: 'managed' },
  { code: 'support', name: 'Support', mode: 'managed' },
];

afterEach(() => vi.unstubAllGlobals());

const checked = (name: string) => (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;

describe('OpenRequestForm', () => {
  it('ticks the departments the routing rules suggest, lets the user change them, and sends the choice', async () => {
    const { sent } = fakeGraphQL({
      Departments: () => ({ departments }),
      Suggest: (v) => ({
        suggestDepartments: v.type === 'contract-change'
          ? { departments: [{ code: 'legal', name: 'Legal' }, { code: 'billing', name: 'Billing' }], matchedRule: 'Contract changes go to legal and billing' }
          : { departments: [{ code: 'billing', name: 'Billing' }], matchedRule: 'Billing questions go to billing' },
      }),
      Open: (v) => ({ openRequest: { id: 'r1', ...(v.input as object), status: 'Submitted', workItems: [] } }),
    });
    const opened = vi.fn();
    const user = userEvent.setup();
    render(<OpenRequestForm clients={clients} onOpened={opened} />);

    await waitFor(() => expect(checked('Billing')).toBe(true));
    await user.selectOptions(screen.getByLabelText('Type'), 'contract-change');
    await waitFor(() => expect(checked('Legal')).toBe(true));
    expect(screen.getByText(/Contract changes go to legal and billing/)).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: 'Billing' }));
    await user.click(screen.getByRole('checkbox', { name: 'Support' }));
    await user.type(screen.getByLabelText('Title'), 'Amend the contract');
    await user.type(screen.getByLabelText('Description'), 'Annual billing');
    await user.click(screen.getByRole('button', { name: 'Open request' }));

    await waitFor(() => expect(opened).toHaveBeenCalled());
    const open = sent.find((s) => s.operation === 'Open')!;
    expect(open.variables.input).toEqual({
      clientId: 'c1', type: 'contract-change', priority: 'P3', title: 'Amend the contract', description: 'Annual billing',
      departments: ['legal', 'support'],
    });
  });

  it('shows the service\'s refusal and keeps what the user typed', async () => {
    fakeGraphQL({
      Departments: () => ({ departments }),
      Suggest: () => ({ suggestDepartments: { departments: [], matchedRule: null } }),
    });
    const user = userEvent.setup();
    render(<OpenRequestForm clients={clients} onOpened={vi.fn()} />);
    await screen.findByText(/no rule matched/);
    await user.type(screen.getByLabelText('Title'), 'Something');
    await user.type(screen.getByLabelText('Description'), 'Details');
    await user.click(screen.getByRole('button', { name: 'Open request' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot query Open.');
    expect(screen.getByLabelText('Title')).toHaveProperty('value', 'Something');
  });
});
