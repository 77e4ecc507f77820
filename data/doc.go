// Package data reads and writes corecast's inputs: the workbook of trusts and
// funding (xlsx, or a directory of CSV files), scenario files in TOML, and the
// embedded sample workbook.
//
// Loading checks every row and reports all problems at once as a Problems
// error, each Problem naming the file, sheet, row (as Excel numbers it),
// column, the value found and what was expected. Files that are not workbooks,
// are encrypted or are too large are refused with a single clear Problem.
// Loading never panics and its work is bounded.
package data
