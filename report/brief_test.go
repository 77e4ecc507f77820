package report

import (
	"strings"
	"testing"
)

// TestBriefSheet reads the Brief back: it comes first, holds each run's
// question and answer, gives the phased answer as money by year when there
// is one, and says plainly when an export holds no answer.
func TestBriefSheet(t *testing.T) {
	analysedRun := analysed(t, testRun(t, testScenario(t, "Baseline", 300)))
	plain := testRun(t, testScenario(t, "Plain", 300))
	f, _ := openBook(t, []Run{analysedRun, plain})
	if first := f.GetSheetList()[0]; first != SheetBrief {
		t.Fatalf("first sheet %s, want %s", first, SheetBrief)
	}
	header, rows := sheetTable(t, f, SheetBrief, 0)
	col := columnOf(t, header)
	text := map[string]string{}
	for _, r := range rows {
		text[r[col("scenario")]+"/"+r[col("item")]] = r[col("text")]
	}
	want := map[string][]string{
		"Baseline/Question":         {"How much national investment", "by 2023-24"},
		"Baseline/Money by year":    {"2019-20: uplift", "national spend", "P80"},
		"Baseline/Against the plan": {"at P50", "at P80", "P(within plan)"},
		"Baseline/Largest drivers":  {analysedRun.Sensitivity.Bars[0].Input},
		"Plain/Answer":              {"Not given in this export: no goal seek was run"},
		"Plain/Largest drivers":     {"Not analysed in this export"},
	}
	if ph := analysedRun.Phased; ph != nil && ph.Reached {
		want["Baseline/Answer"] = []string{MoneyByYear(ph.Years, ph.Uplift)}
	}
	for key, parts := range want {
		got, ok := text[key]
		if !ok {
			t.Errorf("the Brief has no row %s", key)
			continue
		}
		for _, p := range parts {
			if !strings.Contains(got, p) {
				t.Errorf("%s = %q, want it to say %q", key, got, p)
			}
		}
	}
}
