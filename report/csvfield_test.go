package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"
)

// trickyText is text that CSV or JSON must quote or escape.
var trickyText = []string{
	"", "plain", "two words", " leading space", "\ttab first", "trailing space ", `\.`, `\.x`,
	"a,b", `say "hi"`, "line\nbreak", "cr\rlf\r\n", "£ café 😀", "\u00a0nbsp first", "<&>", "bell\x07",
	"\u2028 separator", "bad \xff utf-8", "=1+2",
}

// TestCSVFieldsAsEncodingCSV checks that records written field by field
// are what encoding/csv writes.
func TestCSVFieldsAsEncodingCSV(t *testing.T) {
	for _, s := range trickyText {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		if err := w.Write([]string{s, "x"}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		got := append(appendCSVField(nil, s), ",x\n"...)
		if string(got) != want.String() {
			t.Errorf("%q: wrote %q, encoding/csv %q", s, got, want.String())
		}
	}
}

// TestJSONStringsAsEncodingJSON checks that text is written as
// encoding/json writes it.
func TestJSONStringsAsEncodingJSON(t *testing.T) {
	for _, s := range trickyText {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: wrote %s, encoding/json %s", s, got, want)
		}
	}
}
