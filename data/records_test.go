package data

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// recordText writes a record's cells as text: numbers in the shortest form
// that reads back exactly, as an export holds them.
func recordText(rec []any) []string {
	out := make([]string, len(rec))
	for i, v := range rec {
		switch x := v.(type) {
		case float64:
			out[i] = strconv.FormatFloat(x, 'g', -1, 64)
		case string:
			out[i] = x
		}
	}
	return out
}

// The sample's inputs, written as rows of text, read back as they were,
// every number to the bit; a row that breaks a rule is a problem that
// names where the rows are and the row as the file shows it.
func TestLoadRecordsReadsWhatWasWritten(t *testing.T) {
	in, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	trusts := Records{Sheet: SheetTrusts, Where: "Inputs (Trusts)", FirstRow: 4, Rows: [][]string{TrustColumns()}}
	for _, tr := range in.Trusts {
		trusts.Rows = append(trusts.Rows, recordText(TrustRecord(tr)))
	}
	funding := Records{Sheet: SheetFunding, Rows: [][]string{FundingColumns()}}
	for _, f := range in.Funding {
		funding.Rows = append(funding.Rows, recordText(FundingRecord(f)))
	}
	observed := Records{Sheet: SheetObserved, Rows: [][]string{ObservedColumns()}}
	for _, o := range in.Observed {
		observed.Rows = append(observed.Rows, recordText(ObservedRecord(o)))
	}
	got, err := LoadRecords("export.xlsx", trusts, funding, observed)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Inputs, in) {
		t.Error("the inputs read back differ from those written")
	}
	trusts.Rows[3] = append([]string(nil), trusts.Rows[3]...)
	trusts.Rows[3][4] = "-5"
	_, err = LoadRecords("export.xlsx", trusts, funding)
	if err == nil || !strings.Contains(err.Error(), "export.xlsx: sheet Inputs (Trusts), row 7, column opex_m") {
		t.Errorf("a negative opex: %v", err)
	}
	if _, err := LoadRecords("export.xlsx", trusts); err == nil {
		t.Error("inputs without funding read")
	}
}
