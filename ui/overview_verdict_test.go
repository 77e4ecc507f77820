package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"corecast/model"
)

// TestOverviewVerdict opens the sample with its observations replaced by
// ones where no trust has moved since the base year: the Overview says
// under the headline that history finds delivery slower than the scenario
// assumes and names calibrate --delivery, and still fits 80×24. On the
// sample itself it says nothing of the kind (TestScreens' golden files).
func TestOverviewVerdict(t *testing.T) {
	in := sample(t)
	maturity := map[string]float64{}
	for _, tr := range in.Trusts {
		maturity[tr.Code] = tr.Maturity
	}
	for i := range in.Observed {
		in.Observed[i].Maturity = maturity[in.Observed[i].Code]
	}
	tm := startWith(t, 80, 24, in, []model.Scenario{testScenario()})
	v := finish(t, tm).View()
	if w, h := lipgloss.Width(v), lipgloss.Height(v); w > 80 || h > 24 {
		t.Errorf("the Overview is %d×%d, more than 80×24:\n%s", w, h, v)
	}
	ls := strings.Split(v, "\n")
	at := -1
	for i, l := range ls {
		if strings.HasPrefix(l, "History says delivery is slower than assumed: 5 of 73 core by 2023-24, forecast") {
			at = i
		}
	}
	if at < 0 || at+1 >= len(ls) || !strings.Contains(ls[at+1], "try corecast calibrate --delivery") {
		t.Fatalf("the Overview has no verdict naming calibrate --delivery:\n%s", v)
	}
	if !strings.Contains(strings.Join(ls[:at], "\n"), "All trusts core (median)") || !strings.Contains(strings.Join(ls[at:], "\n"), "Trusts core by year") {
		t.Errorf("the verdict is not between the headline and the charts:\n%s", v)
	}
}
