// Package charts draws the TUI's charts with ntcharts: the fan chart of
// trusts core by year, spend by year as stacked bars, the histogram of total
// need, and short in-line bars for tables. Each function takes the data and
// the size it may use and returns the rendered text, exactly that size.
package charts
