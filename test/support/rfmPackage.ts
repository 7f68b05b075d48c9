/**
 * The R package rfm 0.3.0's documented figures for its own sample data, typed once
 * (../shared/data/README.md, the package's vignette, its tests and rfm_table_order's example).
 * Tests compare our results with these; they are never produced by our code.
 */

/** `rfm_data_orders.csv` scored with `rfm_table_order(..., analysis_date = as.Date("2006-12-31"))`. */
export const RFM_ORDERS = {
  file: 'rfm-r/rfm_data_orders.csv',
  analysisDate: '2006-12-31',
  customers: 995,
  orders: 4906,
  firstOrder: '2001-10-29',
  lastOrder: '2006-12-30',
  /** Documented customers: id, recency days, orders, revenue, RFM code. */
  documentedCustomers: [
    ["Abbey O'Reilly", 205, 6, 472, 343],
    ['Add Senger', 140, 3, 340, 412],
    ['Aden Lesch', 194, 4, 405, 323],
    ['Aden Murphy', 98, 7, 596, 544],
    ['Admiral Senger', 132, 5, 448, 433],
  ] as [string, number, number, number, number][],
  /** Customers per segment with the package's default segment rules. */
  segmentCounts: {
    'Potential Loyalist': 342,
    'Loyal Customers': 170,
    Lost: 148,
    'New Customers': 104,
    'About To Sleep': 102,
    "Can't Lose Them": 47,
    Champions: 35,
    'At Risk': 28,
    'Need Attention': 10,
    Promising: 9,
  } as Record<string, number>,
} as const;

/** `rfm_data_customer.csv` with `rfm_table_customer(..., analysis_date = as.Date("2007-01-01"))`. */
export const RFM_CUSTOMERS = {
  file: 'rfm-r/rfm_data_customer.csv',
  analysisDate: '2007-01-01',
  customers: 39_999,
  totalOrders: 393_223,
} as const;

/** Abbey O'Reilly, the package's first documented customer. */
export const ABBEY = RFM_ORDERS.documentedCustomers[0];
