package export

import (
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

// kindNames describe each kind in the JSON column list.
var kindNames = map[kind]string{
	kText: "text", kMoney: "£m", kCount: "count", kTrusts: "number",
	kPercent: "probability", kPctSE: "probability", kRatio: "number", kSeconds: "seconds", kScore: "number",
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
		return strconv.FormatFloat(x, 'g', -1, 64)
	case cell:
		if !finite(x.v) {
			return ""
		}
		return strconv.FormatFloat(x.v, 'g', -1, 64)
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
	return []string{"summary", "headline", "by_year", "by_region", "by_type", "by_trust", "distribution",
		"need_histogram", "tornado", "rank_correlation", "goal_seek", "comparison", "assumptions", "inputs_trusts", "inputs_funding", "import_notes", "manifest"}
}
