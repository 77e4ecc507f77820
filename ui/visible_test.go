package ui

import (
	"strings"
	"testing"

	"corecast/model"
)

// TestInputTextDrawnVisibly opens the program on inputs whose text is
// built to act on the terminal — a trust name that sets the window title
// and colours the table, a scenario name with a right-to-left override —
// and finds it drawn visibly on the Trusts screen, its detail and the
// status line, never raw.
func TestInputTextDrawnVisibly(t *testing.T) {
	in := sample(t)
	in.Trusts[0].Name = "Evil\x1b]2;pwned\x07 \x1b[41mred"
	sc := testScenario()
	sc.Name = "Base\u202eenil"
	tm := startWith(t, 120, 40, in, []model.Scenario{sc})
	press(tm, "3", "/")
	for _, r := range in.Trusts[0].Code {
		press(tm, string(r))
	}
	press(tm, "enter")
	waitFor(t, tm, "<U+001B>]2;pwned")
	press(tm, "enter")
	waitFor(t, tm, "Funding")
	v := finish(t, tm).View()
	if strings.ContainsAny(v, "\x1b\x07\u202e") {
		t.Errorf("raw control or bidi characters drawn:\n%q", v)
	}
	for _, want := range []string{"Evil<U+001B>]2;pwned<U+0007> <U+001B>[41mred", "Base<U+202E>enil"} {
		if !strings.Contains(v, want) {
			t.Errorf("the screen does not show %q:\n%s", want, v)
		}
	}
}
