package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"corecast/format"
)

// TestSCurveView compares the Overview with the S-curve of total need in
// place of the histogram (c) at 80×24 and 120×40 with its golden file
// (refresh with go test ./ui -run TestSCurveView -update), and checks
// that its caption reads the run's P50 and budget percentile.
func TestSCurveView(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tm := start(t, size[0], size[1])
			press(tm, "c")
			waitFor(t, tm, "Total need S-curve")
			m := finish(t, tm)
			v := m.View()
			if w := lipgloss.Width(v); w > size[0] {
				t.Errorf("view is %d cells wide, more than the terminal's %d", w, size[0])
			}
			if h := lipgloss.Height(v); h > size[1] {
				t.Errorf("view is %d lines high, more than the terminal's %d", h, size[1])
			}
			need, _ := m.ctx.Result().Output("total_need")
			want := "P50 " + format.Money(need.Stats.P50) + " · P80 " + format.Money(need.Stats.Budget)
			if !strings.Contains(v, want) {
				t.Errorf("the S-curve's caption lacks %q:\n%s", want, v)
			}
			golden.RequireEqual(t, []byte(lines(v)))
		})
	}
}

// TestSCurveKeyCycles steps c through the S-curves of national need and
// plan-window spend and back to the histogram of total need.
func TestSCurveKeyCycles(t *testing.T) {
	tm := start(t, 120, 40)
	for _, want := range []string{"Total need S-curve", "National need S-curve", "Spend in plan window S-curve", "Total need over 500 iterations"} {
		press(tm, "c")
		waitFor(t, tm, want)
	}
	if v := finish(t, tm).View(); strings.Contains(v, "S-curve ·") {
		t.Errorf("four presses of c did not return to the histogram:\n%s", v)
	}
}
