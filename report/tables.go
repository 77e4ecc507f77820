package report

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// allTables lists the tables of every sheet with the sheet each is on, in
// workbook order: what CSV and JSON carry.
func allTables(sheets []*sheet) (tables []*table, sheetOf map[*table]*sheet) {
	sheetOf = map[*table]*sheet{}
	for _, s := range sheets {
		for _, t := range s.tables {
			tables = append(tables, t)
			sheetOf[t] = s
		}
	}
	return tables, sheetOf
}

// kindNames describe each kind in the JSON column list: what every value of
// the column is (or null, for a value that is not defined).
var kindNames = map[kind]string{
	kText: "text", kMoney: "£m", kCount: "count", kTrusts: "number",
	kPercent: "probability", kPctSE: "probability", kRatio: "number", kSeconds: "seconds", kScore: "number",
	kWhole: "number", kNumber: "number", kMixed: "number_or_text",
}

// appendCSVValue appends a value as a CSV field: numbers in full
// precision, NaN empty, and input text that a spreadsheet would read as a
// formula prefixed with a single quote.
func appendCSVValue(buf []byte, v any, c column) []byte {
	switch x := v.(type) {
	case float64:
		buf = appendCSVNumber(buf, x)
	case cell:
		buf = appendCSVNumber(buf, x.v)
	case int:
		buf = strconv.AppendInt(buf, int64(x), 10)
	case string:
		if c.input && dangerous(x) {
			x = "'" + x
		}
		buf = appendCSVField(buf, x)
	}
	return buf
}

// appendCSVNumber appends a number in full precision, or nothing for NaN
// and the infinities.
func appendCSVNumber(buf []byte, x float64) []byte {
	if !finite(x) {
		return buf
	}
	return appendNumber(buf, x)
}

// appendCSVField appends text as one field of a comma-separated record,
// quoted as encoding/csv quotes it: when it holds a comma, a quote or a line
// break, starts with white space, or is \. (a quote doubled, line breaks
// kept as they are).
func appendCSVField(buf []byte, s string) []byte {
	if !csvNeedsQuotes(s) {
		return append(buf, s...)
	}
	buf = append(buf, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			buf = append(buf, '"')
		}
		buf = append(buf, s[i])
	}
	return append(buf, '"')
}

// csvNeedsQuotes is encoding/csv's rule for quoting a field.
func csvNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` || strings.ContainsAny(s, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// tableNames lists the names of every table an export may hold.
func tableNames() []string {
	return []string{"brief", "summary", "headline", "comparison", "tornado", "rank_correlation", "goal_seek",
		"investment_needed", "frontier", "frontier_line", "price_of_confidence", "phased", "hindcast_verdict", "hindcast", "reliability",
		"by_year", "by_region", "by_type", "by_trust", "need_histogram", "s_curves", "distribution", "assumptions", "inputs_trusts",
		"inputs_funding", "inputs_observed", "import_notes", "manifest"}
}

// appendNumber appends a finite number in full precision: whole numbers
// with every digit (1000000, not 1e+06, so that a seed or a count reads as
// written), others in the shortest form that reads back exactly.
func appendNumber(buf []byte, v float64) []byte {
	if v == math.Trunc(v) && math.Abs(v) < 1e21 {
		return strconv.AppendFloat(buf, v, 'f', -1, 64)
	}
	return strconv.AppendFloat(buf, v, 'g', -1, 64)
}
