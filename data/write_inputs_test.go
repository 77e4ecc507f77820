package data

import (
	"path/filepath"
	"testing"
)

func TestWriteInputsWorkbookRoundTrip(t *testing.T) {
	in, _, err := split3(LoadWorkbookBytes("book.xlsx", bookBytes(t, sheet{"Trusts", goodTrusts()}, sheet{"Funding", goodFunding()}), nil))
	if err != nil {
		t.Fatal(err)
	}
	in.Trusts[0].Name = "=HYPERLINK(\"x\")"
	path := filepath.Join(t.TempDir(), "in.xlsx")
	if err := WriteInputsWorkbook(path, in, false); err != nil {
		t.Fatal(err)
	}
	back, _, err := split3(Load(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	if back.Trusts[0] != in.Trusts[0] || len(back.Funding) != len(in.Funding) || back.Funding[2] != in.Funding[2] {
		t.Errorf("round trip changed the inputs:\n%+v\n%+v", back, in)
	}
}
