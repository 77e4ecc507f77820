package charts

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"corecast/ui/styles"
)

// SCurve fills exactly w × h, draws the curve, and draws a distribution
// whose iterations all agree (a single amount) without failing.
func TestSCurveFillsItsBox(t *testing.T) {
	st := styles.New()
	curve := []CurvePoint{{100, 0}, {120, 0.1}, {150, 0.5}, {170, 0.8}, {260, 1}}
	step := []CurvePoint{{42, 0}, {42, 0.5}, {42, 1}}
	for _, tc := range []struct {
		name string
		pts  []CurvePoint
		w, h int
	}{{"curve", curve, 38, 2}, {"tall", curve, 58, 10}, {"one amount", step, 20, 3}, {"one column", curve, 1, 1}} {
		v := SCurve(st, tc.pts, []CurvePoint{{150, 0.5}, {170, 0.8}}, tc.w, tc.h)
		if w, h := lipgloss.Width(v), lipgloss.Height(v); w != tc.w || h != tc.h {
			t.Errorf("%s: %d × %d, want %d × %d:\n%s", tc.name, w, h, tc.w, tc.h, v)
		}
		if tc.w >= 2 && !strings.ContainsFunc(v, func(r rune) bool { return r >= 0x2801 && r <= 0x28ff }) {
			t.Errorf("%s: no curve drawn:\n%s", tc.name, v)
		}
	}
}
