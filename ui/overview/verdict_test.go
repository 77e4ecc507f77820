package overview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"corecast/forecast"
	"corecast/ui/styles"
)

// TestVerdictView takes the sentence where it fits in two lines, the short
// form where it does not, an ellipsis where neither does, and nothing when
// history agrees.
func TestVerdictView(t *testing.T) {
	slow := &forecast.Hindcast{Brier: 0.28, Years: []forecast.HindcastYear{
		{Year: 2021, Trusts: 73, ObservedCore: 5, P10: 16, P90: 28, Pace: forecast.Slower},
		{Year: 2023, Trusts: 73, ObservedCore: 5, P10: 30, P90: 62, Pace: forecast.Slower},
	}, Verdict: forecast.Verdict{Slower: true, BaseRateBrier: 0.06, WorseThanBaseRate: true}}
	agrees := &forecast.Hindcast{Brier: 0.09, Years: slow.Years[:0], Verdict: forecast.Verdict{BaseRateBrier: 0.22}}
	st := styles.New()
	for _, c := range []struct {
		h      *forecast.Hindcast
		w      int
		starts string
		ends   string
	}{
		{slow, 160, "History says delivery is slower than this scenario assumes: 5 of 73 observed core by 2021-22", "try corecast calibrate --delivery"},
		{slow, 80, "History says delivery is slower than assumed: 5 of 73 core by 2023-24, forecast", "try corecast calibrate --delivery"},
		{slow, 40, "History says delivery is slower than", "…"},
		{agrees, 80, "", ""},
		{nil, 80, "", ""},
	} {
		v := verdictView(st, c.h, c.w)
		if c.starts == "" {
			if v != "" {
				t.Errorf("width %d: %q, want nothing", c.w, v)
			}
			continue
		}
		if !strings.HasPrefix(v, c.starts) || !strings.HasSuffix(v, c.ends) || lipgloss.Height(v) > verdictLines || lipgloss.Width(v) > c.w {
			t.Errorf("width %d:\n%s\nwant at most %d lines of %d cells from %q to %q", c.w, v, verdictLines, c.w, c.starts, c.ends)
		}
	}
}
