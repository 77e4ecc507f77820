package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlannedNationalRowIsNotedAndSetsNoEnvelope runs a workbook with a
// counted NATIONAL row and a planned one after it, with and without the
// planned row: the stderr notes the planned row, and the forecast is the
// same to the last digit, since an uncounted row sets no envelope.
func TestPlannedNationalRowIsNotedAndSetsNoEnvelope(t *testing.T) {
	sheets := goodSheets()
	sheets["Funding"] = append(sheets["Funding"], []any{"NATIONAL", "Envelope", "2019-20", 10, 0, "committed"})
	without := book(t, sheets)
	sheets["Funding"] = append(sheets["Funding"], []any{"NATIONAL", "Spending review bid", "2021-22", 900, 0, "planned"})
	with := book(t, sheets)
	outputs := map[string]string{}
	for name, in := range map[string]string{"without": without, "with": with} {
		out := filepath.Join(t.TempDir(), name+".json")
		code, _, stderr := run(t, Options{}, "run", "--input", in, "--iterations", "300", "--no-distribution", "--out", out)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", name, code, stderr)
		}
		noted := strings.Contains(stderr, "the planned NATIONAL row for 2021-22 (£900m) is not counted")
		if noted != (name == "with") {
			t.Errorf("%s: the note on the planned row is there: %v\n%s", name, noted, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outputs[name] = tableJSON(t, b, "by_year") + tableJSON(t, b, "summary")
	}
	if outputs["with"] != outputs["without"] {
		t.Errorf("a planned NATIONAL row changed the forecast:\nwith    %s\nwithout %s", outputs["with"], outputs["without"])
	}
}

// tableJSON returns the rows of the named table of a JSON export, as JSON.
func tableJSON(t *testing.T, b []byte, name string) string {
	t.Helper()
	var doc struct {
		Tables []struct {
			Name string          `json:"name"`
			Rows json.RawMessage `json:"rows"`
		} `json:"tables"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, tb := range doc.Tables {
		if tb.Name == name {
			return string(tb.Rows)
		}
	}
	t.Fatalf("no table %s", name)
	return ""
}
