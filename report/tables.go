package report

import (
	"math"
	"strconv"
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

// csvText formats a value for CSV: numbers in full precision, NaN empty,
// and input text that a spreadsheet would read as a formula prefixed with a
// single quote.
func csvText(v any, c column) string {
	switch x := v.(type) {
	case float64:
		if !finite(x) {
			return ""
		}
		return string(appendNumber(nil, x))
	case cell:
		if !finite(x.v) {
			return ""
		}
		return string(appendNumber(nil, x.v))
	case int:
		return strconv.Itoa(x)
	case string:
		if c.input && dangerous(x) {
			return "'" + x
		}
		return x
	}
	return ""
}

// tableNames lists the names of every table an export may hold.
func tableNames() []string {
	return []string{"summary", "headline", "comparison", "tornado", "rank_correlation", "goal_seek",
		"frontier", "frontier_line", "price_of_confidence", "phased", "hindcast", "reliability", "by_year", "by_region", "by_type", "by_trust",
		"need_histogram", "distribution", "assumptions", "inputs_trusts", "inputs_funding", "import_notes", "manifest"}
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
