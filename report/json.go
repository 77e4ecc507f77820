package report

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// JSONFormat is the format field of an exported JSON document.
const JSONFormat = "corecast-export"

// JSONDocument is the document WriteJSON writes, for reading it back.
type JSONDocument struct {
	Format  string      `json:"format"`  // JSONFormat
	Version int         `json:"version"` // schema version, 1
	Tables  []JSONTable `json:"tables"`
}

// JSONTable is one table of the document: the same rows as the workbook
// sheet and CSV file of that name. Numbers that are not defined (NaN) are
// null; text is as loaded, not escaped.
type JSONTable struct {
	Name    string       `json:"name"`  // as the CSV file name, e.g. "by_year"
	Sheet   string       `json:"sheet"` // workbook sheet, e.g. "ByYear"
	Notes   []string     `json:"notes,omitempty"`
	Columns []JSONColumn `json:"columns"`
	Rows    [][]any      `json:"rows"`
}

// JSONColumn names a column and says what its numbers are.
type JSONColumn struct {
	Name string `json:"name"`
	// Kind says what every value of the column is: text; £m, count (whole
	// numbers), number, probability or seconds (numbers); or number_or_text
	// (a column of settings, each row a number or text). A value that is
	// not defined is null whatever the kind.
	Kind string `json:"kind"`
}

// jsonTableHead is a JSONTable without its rows, which are streamed.
type jsonTableHead struct {
	Name    string       `json:"name"`
	Sheet   string       `json:"sheet"`
	Notes   []string     `json:"notes,omitempty"`
	Columns []JSONColumn `json:"columns"`
}

// WriteJSON writes the runs to w as one JSONDocument, streaming the rows.
// If ctx is cancelled it stops and returns the context's error.
func WriteJSON(ctx context.Context, w io.Writer, runs []Run, opts Options) error {
	b, err := newBook(runs, opts)
	if err != nil {
		return err
	}
	sheets := b.sheets()
	tables, sheetOf := allTables(sheets)
	prog := newProgress(ctx, sheets, opts.Progress)
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, `{"format":%q,"version":1,"tables":[`, JSONFormat)
	for i, t := range tables {
		if i > 0 {
			bw.WriteByte(',')
		}
		if err := writeJSONTable(bw, t, sheetOf[t], prog); err != nil {
			return err
		}
	}
	bw.WriteString("]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	return prog.finish()
}

// writeJSONTable writes one table object.
func writeJSONTable(bw *bufio.Writer, t *table, s *sheet, prog *progress) error {
	head := jsonTableHead{Name: t.name, Sheet: s.name, Notes: s.notes}
	for i, n := range headerNames(t) {
		head.Columns = append(head.Columns, JSONColumn{Name: n, Kind: kindNames[t.cols[i].kind]})
	}
	hb, err := json.Marshal(head)
	if err != nil {
		return fmt.Errorf("writing JSON table %s: %w", t.name, err)
	}
	bw.Write(hb[:len(hb)-1])
	bw.WriteString(`,"rows":[`)
	if err := writeTableRows(bw, t, appendJSONRow, prog); err != nil {
		return err
	}
	bw.WriteString("]}")
	return nil
}

// appendJSONRow appends row i, whose values are vals and nums (see
// table.fill), as a JSON array, after a comma unless it is the first.
func appendJSONRow(buf []byte, i int, vals []any, nums []float64) []byte {
	if i > 0 {
		buf = append(buf, ',')
	}
	buf = append(buf, '[')
	for j, v := range vals {
		if j > 0 {
			buf = append(buf, ',')
		}
		if _, ok := v.(inNums); ok {
			buf = appendJSONNumber(buf, nums[j])
		} else {
			buf = appendJSONValue(buf, v)
		}
	}
	return append(buf, ']')
}

// appendJSONValue appends one value: numbers in full precision, NaN and
// infinities as null, text as a JSON string.
func appendJSONValue(buf []byte, v any) []byte {
	switch x := v.(type) {
	case float64:
		return appendJSONNumber(buf, x)
	case cell:
		return appendJSONNumber(buf, x.v)
	case int:
		return strconv.AppendInt(buf, int64(x), 10)
	case string:
		return appendJSONString(buf, x)
	}
	return append(buf, "null"...)
}

// appendJSONNumber appends a number in full precision, or null for NaN
// and the infinities.
func appendJSONNumber(buf []byte, x float64) []byte {
	if !finite(x) {
		return append(buf, "null"...)
	}
	return appendNumber(buf, x)
}

// appendJSONString appends s as encoding/json writes it. Text of printable
// ASCII that JSON does not escape (most text, and every label and year of a
// million-row table) is copied as it is; anything else goes through
// encoding/json.
func appendJSONString(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s)
			return append(buf, b...)
		}
	}
	buf = append(buf, '"')
	buf = append(buf, s...)
	return append(buf, '"')
}
