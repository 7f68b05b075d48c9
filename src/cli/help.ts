/** The `rfm --help` and `rfm analyze --help` texts (docs/cli.md has the long form). */

/** Top-level help. */
export const MAIN_HELP = `rfm - customer value analysis (RFM/LRFM scores, segments, matrices, clusters, CLV, churn)

Usage:
  rfm analyze <file> [options]   analyse a transactions (or customer-level) file
  rfm sql --dialect ENGINE ...   the customer table as SQL for your warehouse (rfm sql --help)
  rfm --help                     this text; rfm analyze --help for every option
  rfm --version                  the version

Input: CSV, TSV, semicolon- or whitespace-separated text, each optionally gzipped (.gz), or .xlsx.
Output: per-customer CSV on stdout, or --out FILE.csv | FILE.json | FILE.xlsx.
Exit codes: 0 success, 2 unusable input or bad options (one-line reason on stderr), 1 internal error.
`;

/** Help of `rfm analyze`. */
export const ANALYZE_HELP = `Usage: rfm analyze <file> [options]

Reading:
  -d, --delimiter D        , ; | tab whitespace (default: detected)
      --header             the first line is a header (default: detected)
      --no-header          the first line is data; columns are named column1, column2, ...
      --sheet NAME         worksheet of an .xlsx input (default: the first)
      --encoding NAME      text encoding: utf-8, utf-16le, windows-1256, windows-1252, ...
                           (default: detected)

Columns (header name or 1-based column number; unnamed columns are detected):
      --customer --date --amount --order --quantity --price --cost
      --input-kind transactions|customers   (default: detected from the header)
      --recency-days --last-purchase --frequency --monetary   (customer-level input)

Scoring:
      --analysis-date YYYY-MM-DD   rows on or after it are not used; default: the day after
                                   the latest transaction dated on or before today
      --today YYYY-MM-DD           the day the analysis runs (default: the current date); with
                                   no --analysis-date, rows dated after it are skipped
      --zero-amounts purchase|skip lines with a zero amount (default purchase: free items
                                   count; with a negative quantity they are returns)
      --bins N                     2..10 (default 5)
      --scoring quantile|thresholds
      --thresholds "r=..;f=..;m=..[;l=..]"   bins-1 ascending cut points each
      --split mean|median|score    split of the value and loyalty matrices (default mean)
      --monetary-basis total|average
      --date-order dmy|mdy         for ambiguous dates such as 03/04/2020

Clusters, CLV and churn:
      --clusters K|auto|off        K from 2 to 8 (default auto)
      --model auto|bgnbd|mbgnbd|paretonbd|off   purchase model (default auto: the one of
                                   the three whose churn ranking did best on the last
                                   part of the history; the note says which)
      --time-unit days|weeks|months   model time unit (default weeks)
      --horizon-months N           CLV horizon (default 12)
      --discount-rate R            monthly, 0..1 (default 0.01)
      --margin M                   profit margin 0..1 when there is no cost column
      --holdout-from YYYY-MM-DD    fit before this day, compare predictions after it
      --churn-horizon-days N       days ahead for p_no_purchase, churn status and the model
                                   check (default 90)
      --churn-thresholds A,C       P(purchase within the horizon) >= A Active, < C Churned,
                                   between At risk (default 0.5,0.1)
      --no-backtest                skip the model check (held-out last horizon; on by default
                                   when the history covers 2 horizons and 100 customers)

Over time and campaign lists (streamed like any run):
      --compare-to YYYY-MM-DD      also score the rows dated before this day with the same
                                   settings: previous_segment, the Migration sheet, JSON migration
                                   (a text file is read a second time for it)
      --cohorts                    cohort retention by month of first purchase (Cohorts sheet,
                                   JSON cohorts; Jalali months in the Persian workbook)
      --lists DIR                  one campaign-list CSV per segment and per churn status
      --contact COL                a contact column for the lists (repeatable; default: email,
                                   mobile, phone and name columns found by their header)
      --wallet COL                 the customer's total category spend: share_of_wallet
                                   (the largest positive number of the customer's rows)

Output:
  -o, --out FILE           .csv, .json or .xlsx (default: CSV on stdout)
      --lang en|fa         language of the .xlsx workbook (default en)
      --currency auto|rial|toman|usd|eur|gbp|none
                           unit of the money (default auto: the one the amount header or
                           amounts name, e.g. "ریال", "$"; else none); toman on rial data
                           divides every amount by 10, rial on toman data multiplies by 10
  -q, --quiet              no progress bar, no skipped-rows line and no notes
      --csv-raw            CSV: formula-looking text as it is (default: a leading ' as OWASP advises)
  -h, --help               this text

Example:
  rfm analyze sales.csv.gz --analysis-date 2024-01-01 --out customers.csv
`;
