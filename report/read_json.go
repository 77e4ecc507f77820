package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// jsonReader reads a JSON export back. A first pass finds where each
// table starts; each is then read from there, its rows streamed, so that
// a distribution of a million rows is never held whole.
type jsonReader struct {
	f      *os.File
	tables []jsonTableRef
}

// jsonTableRef is one table of the document: its head (name, sheet,
// notes and columns, in whatever order the document gives them) and
// where it starts.
type jsonTableRef struct {
	head   jsonTableHead
	offset int64
}

// Rows of a JSON table as the comparison sees it: the sheet and notes, the
// column names, the column kinds, then the data.
const (
	jsonRowNotes = 1
	jsonRowNames = 2
	jsonRowKinds = 3
	jsonRowFirst = 4
)

// openJSON opens a JSON export and finds its tables; errNotJSONExport
// when the document is not one.
func openJSON(path string) (*jsonReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r := &jsonReader{f: f}
	if err := r.index(); err != nil {
		_ = f.Close()
		return nil, err
	}
	return r, nil
}

// errNotJSONExport says a JSON document is not a corecast export.
var errNotJSONExport = errors.New(`its "format" is not ` + JSONFormat)

func (r *jsonReader) close() error { return r.f.Close() }

// index reads the document once, noting each table's name, sheet and start.
func (r *jsonReader) index() error {
	d := json.NewDecoder(bufio.NewReaderSize(r.f, 1<<16))
	if err := wantDelim(d, '{'); err != nil {
		return err
	}
	format := ""
	for d.More() {
		key, err := stringToken(d)
		if err != nil {
			return err
		}
		switch key {
		case "format":
			if format, err = stringToken(d); err != nil {
				return err
			}
		case "tables":
			if err := wantDelim(d, '['); err != nil {
				return err
			}
			for d.More() {
				ref := jsonTableRef{offset: d.InputOffset()}
				head, err := readJSONTable(d, func(json.RawMessage) error { return nil })
				if err != nil {
					return err
				}
				ref.head = head
				r.tables = append(r.tables, ref)
			}
			if err := wantDelim(d, ']'); err != nil {
				return err
			}
		default:
			var skip json.RawMessage
			if err := d.Decode(&skip); err != nil {
				return err
			}
		}
	}
	if format != JSONFormat {
		return errNotJSONExport
	}
	return nil
}

// wantDelim reads the next token, which must be the delimiter c.
func wantDelim(d *json.Decoder, c json.Delim) error {
	tok, err := d.Token()
	if err != nil {
		return err
	}
	if tok != c {
		return fmt.Errorf("want %q at byte %d, found %v", c, d.InputOffset(), tok)
	}
	return nil
}

// stringToken reads the next token, which must be a string.
func stringToken(d *json.Decoder) (string, error) {
	tok, err := d.Token()
	if err != nil {
		return "", err
	}
	s, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("want a string at byte %d, found %v", d.InputOffset(), tok)
	}
	return s, nil
}

// readJSONTable reads one table object: its head, each row passed to row
// as it is read.
func readJSONTable(d *json.Decoder, row func(json.RawMessage) error) (jsonTableHead, error) {
	var head jsonTableHead
	if err := wantDelim(d, '{'); err != nil {
		return head, err
	}
	for d.More() {
		key, err := stringToken(d)
		if err != nil {
			return head, err
		}
		switch key {
		case "name":
			err = d.Decode(&head.Name)
		case "sheet":
			err = d.Decode(&head.Sheet)
		case "notes":
			err = d.Decode(&head.Notes)
		case "columns":
			err = d.Decode(&head.Columns)
		case "rows":
			if err = wantDelim(d, '['); err != nil {
				return head, err
			}
			for d.More() {
				var raw json.RawMessage
				if err := d.Decode(&raw); err != nil {
					return head, err
				}
				if err := row(raw); err != nil {
					return head, err
				}
			}
			err = wantDelim(d, ']')
		default:
			var skip json.RawMessage
			err = d.Decode(&skip)
		}
		if err != nil {
			return head, err
		}
	}
	return head, wantDelim(d, '}')
}

// at returns a decoder positioned at a table's start: past the white space
// and comma the index's offset may point at.
func (r *jsonReader) at(ref jsonTableRef) (*json.Decoder, error) {
	br := bufio.NewReaderSize(io.NewSectionReader(r.f, ref.offset, 1<<62), 1<<16)
	for {
		b, err := br.ReadByte()
		if err != nil {
			return nil, err
		}
		if !strings.ContainsRune(" \t\r\n,", rune(b)) {
			_ = br.UnreadByte()
			break
		}
	}
	d := json.NewDecoder(br)
	d.UseNumber()
	return d, nil
}

// find returns the named table's reference.
func (r *jsonReader) find(name string) (jsonTableRef, bool) {
	for _, t := range r.tables {
		if t.head.Name == name {
			return t, true
		}
	}
	return jsonTableRef{}, false
}

// parts lists the tables in order.
func (r *jsonReader) parts() []partRef {
	out := make([]partRef, len(r.tables))
	for i, t := range r.tables {
		out[i] = partRef{name: t.head.Name, sheet: t.head.Sheet}
	}
	return out
}

// open streams the named table: its sheet and notes, column names and
// kinds as the first three rows, then its data.
func (r *jsonReader) open(name string) (cellRows, error) {
	ref, ok := r.find(name)
	if !ok {
		return nil, nil
	}
	d, err := r.at(ref)
	if err != nil {
		return nil, err
	}
	rows := &jsonRows{d: d, head: ref.head}
	if err := rows.findRows(); err != nil {
		return nil, err
	}
	return rows, nil
}

// table reads the named table as text: numbers as written, null empty.
func (r *jsonReader) table(name string) (*textTable, error) {
	rows, err := r.open(name)
	if err != nil || rows == nil {
		return nil, err
	}
	return readTextTable(rows, jsonRowNames, jsonRowFirst, func(s string) string { return s })
}

// jsonRows streams one table: the head as three rows, then the data.
type jsonRows struct {
	d    *json.Decoder
	head jsonTableHead
	// inRows says the decoder is inside the rows array.
	inRows bool
	row    int
}

func (j *jsonRows) close() error { return nil }

// findRows reads the table's keys up to its rows, which it is then
// ready to stream; the head was read by the index.
func (j *jsonRows) findRows() error {
	if err := wantDelim(j.d, '{'); err != nil {
		return err
	}
	for j.d.More() {
		key, err := stringToken(j.d)
		if err != nil {
			return err
		}
		if key == "rows" {
			j.inRows = true
			return wantDelim(j.d, '[')
		}
		var skip json.RawMessage
		if err := j.d.Decode(&skip); err != nil {
			return err
		}
	}
	return nil
}

// next returns the next row: the head's three, then each row of data.
func (j *jsonRows) next() (int, []xcell, error) {
	j.row++
	switch j.row {
	case jsonRowNotes:
		cells := []xcell{{col: 1, kind: xText, text: j.head.Sheet}}
		for i, n := range j.head.Notes {
			cells = append(cells, xcell{col: 2 + i, kind: xText, text: n})
		}
		return j.row, cells, nil
	case jsonRowNames, jsonRowKinds:
		var cells []xcell
		for i, c := range j.head.Columns {
			text := c.Name
			if j.row == jsonRowKinds {
				text = c.Kind
			}
			cells = append(cells, xcell{col: i + 1, kind: xText, text: text})
		}
		return j.row, cells, nil
	}
	if !j.inRows || !j.d.More() {
		return 0, nil, io.EOF
	}
	var vals []any
	if err := j.d.Decode(&vals); err != nil {
		return 0, nil, err
	}
	cells := make([]xcell, 0, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case json.Number:
			cells = append(cells, xcell{col: i + 1, kind: xNumber, text: x.String()})
		case string:
			if x != "" {
				cells = append(cells, xcell{col: i + 1, kind: xText, text: x})
			}
		case bool:
			cells = append(cells, xcell{col: i + 1, kind: xBool, text: fmt.Sprint(x)})
		case nil:
		default:
			cells = append(cells, xcell{col: i + 1, kind: xError, text: fmt.Sprint(x)})
		}
	}
	return j.row, cells, nil
}
