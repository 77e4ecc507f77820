package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"corecast/forecast"
	"corecast/format"
	"corecast/model"
)

// TestTrustsFilterRegion filters by region:north west at both sizes: the
// count is the Regions screen's 34, every row shown (at 120 columns, where
// the Region column is shown) is of the region, and the footer's need is
// the region's.
func TestTrustsFilterRegion(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tm := start(t, size[0], size[1])
			press(tm, "3", "/", "region:north west", "enter")
			waitFor(t, tm, "filter: region:north west")
			m := finish(t, tm)
			res := m.ctx.Result()
			g := res.ByRegion[model.NorthWest]
			v := m.View()
			want := fmt.Sprintf("%d of %d trusts · cost ", g.Trusts, len(res.ByTrust))
			if !strings.Contains(v, want) {
				t.Errorf("view lacks %q:\n%s", want, v)
			}
			if need := "need " + format.Money(g.TotalNeed.Mean) + " (means)"; !strings.Contains(v, need) {
				t.Errorf("view lacks the region's %q:\n%s", need, v)
			}
			if size[0] < 110 {
				return
			}
			rows := tableRows(v)
			if len(rows) == 0 {
				t.Fatalf("no rows shown:\n%s", v)
			}
			for _, r := range rows {
				if !strings.Contains(r, "North West") {
					t.Errorf("row %q is not of the North West", r)
				}
			}
		})
	}
}

// TestTrustsFilterTypeAndText ANDs a type (by its alias) with a word of the
// name: exactly the mental health trusts with "leeds" in their code or name.
func TestTrustsFilterTypeAndText(t *testing.T) {
	in := sample(t)
	var want []string
	for _, tr := range in.Trusts {
		if tr.Type == model.MentalHealth && strings.Contains(strings.ToLower(tr.Code+" "+tr.Name), "leeds") {
			want = append(want, tr.Code)
		}
	}
	if len(want) == 0 {
		t.Fatal("the sample has no mental health trust in Leeds to find")
	}
	tm := start(t, 80, 24)
	press(tm, "3", "/", "type:MH leeds", "enter")
	waitFor(t, tm, fmt.Sprintf("%d of %d trusts", len(want), len(in.Trusts)))
	v := finish(t, tm).View()
	var got []string
	for _, r := range tableRows(v) {
		got = append(got, strings.Fields(strings.TrimPrefix(r, "▸"))[0])
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v:\n%s", got, want, v)
	}
}

// TestTrustsFilterHints: plain text that names a region offers the
// region: term, and a region: term that names none says so and shows none.
func TestTrustsFilterHints(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "3", "/", "North West")
	waitFor(t, tm, "region:north west filters by region")
	press(tm, "esc", "/", "region:nowhere")
	waitForAll(t, tm, `no region "nowhere"`, "0 of 217 trusts")
	finish(t, tm)
}

// TestTrustsSelectionVisibleAfterEsc selects the last trust of a filtered
// table, clears the filter with esc, and finds that trust still selected
// and on screen; enter opens it.
func TestTrustsSelectionVisibleAfterEsc(t *testing.T) {
	tm := start(t, 80, 24)
	press(tm, "3", "/", "region:nw", "enter", "G", "esc")
	waitFor(t, tm, "217 of 217 trusts")
	m := finish(t, tm)

	// The filtered table's last row, in its order: by mean cost, largest
	// first, ties in the result's order.
	var nw []*forecast.TrustResult
	for i := range m.ctx.Result().ByTrust {
		if r := &m.ctx.Result().ByTrust[i]; r.Trust.Region == model.NorthWest {
			nw = append(nw, r)
		}
	}
	slices.SortStableFunc(nw, func(a, b *forecast.TrustResult) int {
		switch {
		case a.Cost.Mean > b.Cost.Mean:
			return -1
		case a.Cost.Mean < b.Cost.Mean:
			return 1
		}
		return 0
	})
	last := nw[len(nw)-1].Trust.Code
	v := m.View()
	if !slices.ContainsFunc(tableRows(v), func(r string) bool { return strings.HasPrefix(r, "▸ "+last+" ") }) {
		t.Fatalf("after esc, %s is not the selected row on screen:\n%s", last, v)
	}
	m.screens[TrustsScreen].Update(tea.KeyMsg{Type: tea.KeyEnter})
	if v := m.View(); !strings.Contains(v, last+"  "+nw[len(nw)-1].Trust.Name) {
		t.Errorf("enter does not open %s:\n%s", last, v)
	}
}

// tableRows returns the Trusts table's rows as shown: the lines between
// the column headings and the count.
func tableRows(v string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(v, "\n") {
		switch {
		case strings.Contains(l, "Code") && strings.Contains(l, "Name"):
			in = true
		case strings.Contains(l, " of ") && strings.Contains(l, " trusts"):
			return out
		case in && strings.TrimSpace(l) != "":
			out = append(out, l)
		}
	}
	return out
}
