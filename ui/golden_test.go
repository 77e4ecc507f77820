package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
)

// TestScreens compares every screen at 80×24 and 120×40 with its golden
// file (refresh with go test ./ui -run TestScreens -update).
func TestScreens(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for s := Screen(0); s < numScreens; s++ {
			name := fmt.Sprintf("%dx%d/%d-%s", size[0], size[1], s+1, strings.ToLower(s.String()))
			t.Run(name, func(t *testing.T) {
				tm := start(t, size[0], size[1])
				press(tm, fmt.Sprint(int(s)+1))
				if want, ok := ready[s]; ok {
					waitFor(t, tm, want) // the screen's background analysis has finished
				}
				m := finish(t, tm)
				v := m.View()
				if w := lipgloss.Width(v); w > size[0] {
					t.Errorf("view is %d cells wide, more than the terminal's %d", w, size[0])
				}
				if h := lipgloss.Height(v); h > size[1] {
					t.Errorf("view is %d lines high, more than the terminal's %d", h, size[1])
				}
				golden.RequireEqual(t, []byte(lines(v)))
			})
		}
	}
}

// ready is what each screen with background work of its own shows once
// that work is done, so that golden files never catch a spinner. (start
// waits for the Overview's goal seek.)
var ready = map[Screen]string{
	SensitivityScreen: "Spearman",
	FrontierScreen:    "Price of confidence",
}

// TestFullHelp shows every binding of the Trusts screen when ? is pressed.
func TestFullHelp(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "3", "?")
	v := finish(t, tm).View()
	for _, want := range []string{"sort by next column", "filter", "next screen", "quit"} {
		if !strings.Contains(v, want) {
			t.Errorf("full help lacks %q:\n%s", want, v)
		}
	}
}

// TestDataView lists the notes on how the inputs were read: n on the Trusts
// screen opens it, esc closes it.
func TestDataView(t *testing.T) {
	notes := []string{
		"book.xlsx: sheet Trusts, rows 2–218 (217 rows), column maturity: a percentage read as maturity points (0.62 shown as 62% → 62, 0.48 shown as 48% → 48, …)",
		"book.xlsx: sheet Funding, row 40: a Totals row, equal to the sum of the rows above it, skipped (Total)",
	}
	tm := start(t, 80, 24, WithInput("book.xlsx"), WithImportNotes(notes))
	press(tm, "3")
	waitFor(t, tm, "2 import notes: n shows them")
	press(tm, "n")
	waitFor(t, tm, "2 notes on how the inputs were read")
	m := finish(t, tm)
	v := m.View()
	golden.RequireEqual(t, []byte(lines(v)))
	for _, want := range []string{"Data: book.xlsx", "a Totals row", "62% → 62"} {
		if !strings.Contains(v, want) {
			t.Errorf("Data view lacks %q:\n%s", want, v)
		}
	}
}

// TestDataViewNoNotes says plainly that nothing was converted.
func TestDataViewNoNotes(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "3", "n")
	waitFor(t, tm, "read as written")
	press(tm, "esc")
	waitFor(t, tm, "217 of 217 trusts")
	if v := finish(t, tm).View(); strings.Contains(v, "read as written") {
		t.Errorf("esc did not close the Data view:\n%s", v)
	}
}
