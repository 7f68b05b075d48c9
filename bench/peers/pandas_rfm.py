"""The pandas peer: R, F, M and quintile scores by R rfm's rule for each customer, as
`rfm analyze --clusters off --model off` computes them (run with /usr/bin/python3, pandas 1.5).
Usage: python3 bench/peers/pandas_rfm.py INPUT.csv[.gz] OUT.csv CUSTOMER DATE QUANTITY PRICE ORDER
"""
import sys
import numpy as np
import pandas as pd

src, out, customer, date, quantity, price, order = sys.argv[1:8]
df = pd.read_csv(src, usecols=[customer, date, quantity, price, order], dtype={customer: str, order: str})
df = df.dropna(subset=[customer, date])
df[customer] = df[customer].str.replace(r'\.0+$', '', regex=True)
df['day'] = pd.to_datetime(df[date]).dt.normalize()
df['amount'] = df[quantity] * df[price]
analysis = df['day'].max() + pd.Timedelta(days=1)
purchase = df[df['amount'] >= 0]
g = purchase.groupby(customer)
t = pd.DataFrame({
    'first': g['day'].min(),
    'last': g['day'].max(),
    'frequency': g[order].nunique(),
})
t['monetary'] = df.groupby(customer)['amount'].sum()
t['recency_days'] = (analysis - t['last']).dt.days
t['length_days'] = (analysis - t['first']).dt.days


def score(values, reverse=False, bins=5):
    """R rfm's rule: type-7 quantiles at 1/n..(n-1)/n plus 1; bins [lower, upper); ties never split."""
    cuts = np.quantile(values, [i / bins for i in range(1, bins)]) + 1
    lower = np.concatenate([[values.min()], cuts])
    s = np.searchsorted(lower, values, side='right')
    return bins + 1 - s if reverse else s


t['r_score'] = score(t['recency_days'].to_numpy(), reverse=True)
t['f_score'] = score(t['frequency'].to_numpy())
t['m_score'] = score(t['monetary'].to_numpy())
t.to_csv(out)
print(f'pandas: {len(t)} customers', file=sys.stderr)
