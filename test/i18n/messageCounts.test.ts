/**
 * Counts inside keyed messages (engine notes shown on stderr, the Summary sheet and the pane) carry
 * thousands separators like the report's own counts: "about 2,199 customers", never "about 2199"
 * under an answer that says 2,199. Years, rows and ids (other number parameters) stay one word.
 */
import { messageText } from '../../src/i18n';

describe('counts in keyed messages', () => {
  it('groups a …Count parameter in English and Persian', () => {
    const en = messageText('en', 'predict.note.noDropout', { horizon: 90, expectedCount: 2199 });
    expect(en).toContain('in the next 90 days: about 2,199 customers are not expected to buy');
    const fa = messageText('fa', 'predict.note.noDropout', { horizon: 90, expectedCount: 2199 });
    expect(fa).toContain('حدود ۲٬۱۹۹ مشتری');
    expect(fa).not.toMatch(/[0-9]/);
  });

  it('groups the count of rows dated after the analysis date, not the row number', () => {
    expect(messageText('en', 'input.note.afterAnalysisDate', { rowCount: 1959, date: '1997-10-01', row: 1234 }))
      .toBe('1,959 row(s) dated on or after the analysis date 1997-10-01 were not used by any part of the analysis (first: row 1234).');
  });

  it('leaves other number parameters ungrouped (a year stays 2024)', () => {
    expect(messageText('en', 'predict.note.noDropout', { horizon: 2024, expectedCount: 5 })).toContain('in the next 2024 days: about 5 customers');
  });
});
